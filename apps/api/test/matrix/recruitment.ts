import { expect } from 'vitest';
import { NONEXISTENT_ID as N, type Case, type MatrixModule } from './types.js';

/** 发展党员 (recruitment): recruitments are scoped through their branch; a mentor sees only the recruitments they are named on. */

/** A valid applicant (the ID number's check digit is right), so only scope can refuse it. */
const NEW_APPLICANT = {
  name: '越权申请', gender: 'male', birthDate: '1990-01-01', idNumber: '370402199001010016', appliedOn: '2001-02-03',
};
const TALK_STEP = { stepCode: 'talk', occurredOn: '2001-02-03', details: { talker: '越权' } };

// Every probe that could write uses the marker date 2001-02-03 (or 越权 text), checked in "left untouched".
const rows: Record<string, Case> = {
  'GET /api/recruitment/steps': {},
  'POST /api/recruitment/steps': {},
  'GET /api/recruitments': {
    list: '/api/recruitments',
    foreign: (f) => [{ url: `/api/recruitments?orgId=${f.org}` }],
  },
  'POST /api/recruitments': { foreign: (f) => [{ url: '/api/recruitments', body: { ...NEW_APPLICANT, organizationId: f.org } }] },
  'GET /api/recruitments/:id': { foreign: (f) => [{ url: `/api/recruitments/${f.recruitment}` }] },
  'POST /api/recruitments/:id/check': { foreign: (f) => [{ url: `/api/recruitments/${f.recruitment}/check`, body: TALK_STEP }] },
  'POST /api/recruitments/:id/records': { foreign: (f) => [{ url: `/api/recruitments/${f.recruitment}/records`, body: TALK_STEP }] },
  'POST /api/recruitments/:id/stop': { foreign: (f) => [{ url: `/api/recruitments/${f.recruitment}/stop`, body: { reason: '越权终止', stoppedOn: '2001-02-03' } }] },
  'POST /api/recruitments/:id/records/:recordId/files': {
    foreign: (f, own) => [
      { url: `/api/recruitments/${f.recruitment}/records/${f.record}/files`, body: {} },
      { url: `/api/recruitments/${own.recruitment}/records/${f.record}/files`, body: {} },
    ],
  },
  'POST /api/recruitments/:id/records/:recordId/void': {
    foreign: (f, own) => [
      { url: `/api/recruitments/${f.recruitment}/records/${f.record}/void`, body: { reason: '越权作废' } },
      // A record of another recruitment cannot be voided through an own one.
      { url: `/api/recruitments/${own.recruitment}/records/${f.record}/void`, body: { reason: '越权作废' } },
    ],
  },
  'GET /api/recruitments/:id/files/:fileId': {
    foreign: (f, own) => [{ url: `/api/recruitments/${f.recruitment}/files/${f.file}` }, { url: `/api/recruitments/${own.recruitment}/files/${f.file}` }],
  },
  'POST /api/recruitments/:id/relations': {
    foreign: (f, own) => [
      { url: `/api/recruitments/${f.recruitment}/relations`, body: { kind: 'mentor', memberId: own.member, since: '2001-02-03' } },
      // A member outside the caller's scope cannot be named on an own recruitment (and the answer reveals nothing of them).
      { url: `/api/recruitments/${own.recruitment}/relations`, body: { kind: 'mentor', memberId: f.member, since: '2001-02-03' } },
    ],
  },
  'POST /api/recruitments/:id/relations/:relationId/end': {
    foreign: (f, own) => [
      { url: `/api/recruitments/${f.recruitment}/relations/${f.relation}/end`, body: { until: '2001-02-03' } },
      { url: `/api/recruitments/${own.recruitment}/relations/${f.relation}/end`, body: { until: '2001-02-03' } },
    ],
  },
  'POST /api/recruitments/:id/public-notices': {
    foreign: (f) => [{ url: `/api/recruitments/${f.recruitment}/public-notices`, body: { stage: 'activist', startsOn: '2001-02-03', endsOn: '2001-02-10' } }],
  },
  'POST /api/recruitments/:id/public-notices/:noticeId/outcome': {
    foreign: (f, own) => [
      { url: `/api/recruitments/${f.recruitment}/public-notices/${f.notice}/outcome`, body: { outcome: 'objection_upheld', outcomeNote: '越权' } },
      { url: `/api/recruitments/${own.recruitment}/public-notices/${f.notice}/outcome`, body: { outcome: 'objection_upheld', outcomeNote: '越权' } },
    ],
  },
  'GET /api/recruitments/:id/documents/:kind/:format': {
    foreign: (f) => [{ url: `/api/recruitments/${f.recruitment}/documents/record/docx` }, { url: `/api/recruitments/${f.recruitment}/documents/notice/pdf` }],
  },
  'GET /api/recruitment/registers/:kind/:format': {
    foreign: (f) => [{ url: `/api/recruitment/registers/activists/docx?orgId=${f.org}` }, { url: `/api/recruitment/registers/probationary/pdf?orgId=${f.org}` }],
  },
  'GET /api/recruitment/board': { foreign: (f) => [{ url: `/api/recruitment/board?orgId=${f.org}` }] },
  'GET /api/recruitment/plans': {},
  'PUT /api/recruitment/plans': { foreign: (f) => [{ url: '/api/recruitment/plans', body: { year: 2001, items: [{ organizationId: f.org, quota: 7 }] } }] },
  'GET /api/recruitment/mentoring': {},
};

export const recruitmentMatrix: MatrixModule = {
  rows,
  nonexistent: { recruitment: N, record: N, relation: N, notice: N, file: N },

  async setup({ pool, ids, otherBranchId, otherMemberId, memberOf }) {
    // One recruitment per branch involved, with a record, a mentor, a 公示 and a file; all numbered far from other ids.
    for (const [table, start] of [['recruitments', 70000000], ['recruitment_steps', 71000000], ['recruitment_relations', 72000000], ['recruitment_public_notices', 73000000], ['recruitment_files', 74000000]] as const) {
      await pool.query(`select setval('${table}_id_seq', ${start})`);
    }
    const recruitmentOf = async (orgId: number, memberId: number, name: string) => {
      const one = async (sql: string, params: unknown[]) => Number((await pool.query(sql, params)).rows[0].id);
      const tenant = '(select tenant_id from organizations where id = $1)';
      const person = await one(`insert into persons (tenant_id, name, gender, birth_date, id_number_enc, id_number_hash, id_number_masked)
        values (${tenant}, $2, 'female', '1998-01-01', 'v1:x', $3, '370402********0022') returning id`, [orgId, name, `h-dev-${orgId}`]);
      const recruitment = await one(`insert into recruitments (tenant_id, person_id, organization_id, status, phase)
        values (${tenant}, $2, $1, 'active', 'activist') returning id`, [orgId, person]);
      const record = await one(`insert into recruitment_steps (tenant_id, recruitment_id, step_code, occurred_on) values (${tenant}, $2, 'application', '2023-01-05') returning id`, [orgId, recruitment]);
      const relation = await one(`insert into recruitment_relations (tenant_id, recruitment_id, kind, member_id, since) values (${tenant}, $2, 'mentor', $3, '2023-03-01') returning id`, [orgId, recruitment, memberId]);
      const notice = await one(`insert into recruitment_public_notices (tenant_id, recruitment_id, stage, starts_on, ends_on, content) values (${tenant}, $2, 'activist', '2023-03-01', '2023-03-08', $3) returning id`, [orgId, recruitment, `${name}公示`]);
      const file = await one(`insert into recruitment_files (tenant_id, record_id, name, mime, size, data) values (${tenant}, $2, $3, 'text/plain', 3, '\\x616263') returning id`, [orgId, record, `${name}申请书.txt`]);
      return { recruitment, record, relation, notice, file };
    };
    return {
      xihuagou: await recruitmentOf(ids['西花沟村党支部'], await memberOf('西花沟村党支部'), '西花沟发展对象'),
      yingzi: await recruitmentOf(ids['营子村党支部'], await memberOf('营子村党支部'), '营子发展对象'),
      other: await recruitmentOf(otherBranchId, otherMemberId, '邻镇党员申请人'),
    };
  },

  async lists(s, role, visible, foreignNames) {
    const recruitments: { organizationId: number; name: string }[] = (await s.get(rows['GET /api/recruitments'].list as string)).json().items;
    for (const j of recruitments) expect(visible.has(j.organizationId), j.name).toBe(true);
    // A plain 党员 has no pipeline: the people they mentor are on /api/recruitment/mentoring.
    if (role === 'member') expect(recruitments).toEqual([]);
    else expect(recruitments.length, 'the demo town has recruitments in every scope tested').toBeGreaterThan(0);
    const board = (await s.get('/api/recruitment/board')).json();
    for (const b of board.branches) expect(visible.has(b.organizationId), b.organizationName).toBe(true);
    for (const d of board.due) expect(recruitments.map((j) => j.name)).toContain(d.name);
    const plan: { organizationId: number }[] = (await s.get('/api/recruitment/plans?year=2026')).json().items;
    for (const p of plan) expect(visible.has(p.organizationId), String(p.organizationId)).toBe(true);
    const all = JSON.stringify(recruitments) + JSON.stringify(board) + JSON.stringify(plan);
    for (const name of foreignNames) expect(all).not.toContain(name);
  },

  async untouched(pool) {
    // The probes' marker date and text, and the recruitments the matrix made (numbered from 70000000).
    const { rows: [dev] } = await pool.query(`select
        (select count(*) from persons where name like '越权%') + (select count(*) from recruitment_steps where occurred_on = '2001-02-03' or details->>'talker' = '越权')
      + (select count(*) from recruitment_relations where since = '2001-02-03' or (until is not null or voided_at is not null) and id >= 72000000)
      + (select count(*) from recruitment_steps where void_reason = '越权作废' or voided_at is not null and recruitment_id >= 70000000)
      + (select count(*) from recruitment_public_notices where starts_on = '2001-02-03' or outcome is not null and id >= 73000000)
      + (select count(*) from recruitment_plans where year = 2001) + (select count(*) from recruitment_files where id > 74000003)
      + (select count(*) from recruitments where id >= 70000000 and (status <> 'active' or stopped_on is not null)) as n`);
    expect(Number(dev.n)).toBe(0);
    const { rows: [kept] } = await pool.query(`select (select count(*) from recruitment_steps where recruitment_id >= 70000000)::int as records,
      (select count(*) from recruitment_relations where recruitment_id >= 70000000)::int as relations`);
    expect(kept).toEqual({ records: 3, relations: 3 });
  },
};
