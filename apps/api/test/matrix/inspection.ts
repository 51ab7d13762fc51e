import { expect } from 'vitest';
import { NONEXISTENT_ID as N, type Case, type MatrixModule } from './types.js';

/**
 * 联督联查 (joint inspection): rounds belong to the town, and everything under a round (its villages, results, photos,
 * rectifications and evidence) is scoped by the village's branch. A round is visible only with a village in scope.
 */

const TEAM = [{ name: '甲某', department: 'discipline' }, { name: '乙某', department: 'organization_dept' }, { name: '丙某', department: 'civil_affairs' }];
// Every probe that could write uses the marker text 越权, checked in "left untouched".
const rows: Record<string, Case> = {
  'GET /api/inspection/checklist': {},
  'GET /api/inspections': { list: '/api/inspections' },
  'POST /api/inspections': {
    foreign: (f) => [{ url: '/api/inspections', body: { title: '越权联督联查', startsOn: '2001-02-03', endsOn: '2001-02-04', team: TEAM, organizationIds: [f.org] } }],
  },
  'GET /api/inspections/:id': { foreign: (f) => [{ url: `/api/inspections/${f.inspectionRound}` }] },
  'POST /api/inspections/:id/results': {
    foreign: (f, own) => [
      { url: `/api/inspections/${f.inspectionRound}/results`, body: { organizationId: f.org, itemKey: 'disclosure', outcome: 'ok', note: '越权' } },
      // A village outside the scope cannot be recorded on a round the caller sees.
      { url: `/api/inspections/${own.inspectionRound}/results`, body: { organizationId: f.org, itemKey: 'micro_power', outcome: 'ok', note: '越权' } },
    ],
  },
  'POST /api/inspections/:id/results/:resultId/photos': {
    foreign: (f, own) => [
      { url: `/api/inspections/${f.inspectionRound}/results/${f.inspectionResult}/photos`, body: {} },
      { url: `/api/inspections/${own.inspectionRound}/results/${f.inspectionResult}/photos`, body: {} },
    ],
  },
  'POST /api/inspections/:id/close': { foreign: (f) => [{ url: `/api/inspections/${f.inspectionRound}/close`, body: {} }] },
  'GET /api/inspections/:id/report/:format': {
    foreign: (f) => [{ url: `/api/inspections/${f.inspectionRound}/report/docx` }, { url: `/api/inspections/${f.inspectionRound}/report/pdf` }],
  },
  'GET /api/inspections/:id/rectifications/ledger/:format': {
    foreign: (f) => [{ url: `/api/inspections/${f.inspectionRound}/rectifications/ledger/docx` }, { url: `/api/inspections/${f.inspectionRound}/rectifications/ledger/pdf` }],
  },
  'GET /api/inspection-files/:fileId': {
    foreign: (f) => [{ url: `/api/inspection-files/${f.inspectionPhoto}` }, { url: `/api/inspection-files/${f.inspectionEvidenceFile}` }],
  },
  'GET /api/rectifications': { list: '/api/rectifications', foreign: (f) => [{ url: `/api/rectifications?orgId=${f.org}` }] },
  'GET /api/rectifications/:id': { foreign: (f) => [{ url: `/api/rectifications/${f.rectification}` }] },
  'POST /api/rectifications/:id/evidence': { foreign: (f) => [{ url: `/api/rectifications/${f.rectification}/evidence`, body: { note: '越权提交整改材料' } }] },
  'POST /api/rectifications/:id/accept': { foreign: (f) => [{ url: `/api/rectifications/${f.rectification}/accept`, body: { note: '越权验收' } }] },
  'POST /api/rectifications/:id/reopen': { foreign: (f) => [{ url: `/api/rectifications/${f.rectification}/reopen`, body: { reason: '越权退回' } }] },
};

const START = { inspection_rounds: 80000000, inspection_round_villages: 80100000, inspection_results: 81000000, inspection_files: 82000000, rectifications: 83000000, rectification_events: 84000000 };

export const inspectionMatrix: MatrixModule = {
  rows,
  nonexistent: { inspectionRound: N, inspectionResult: N, inspectionPhoto: N, inspectionEvidenceFile: N, rectification: N },

  async setup({ pool, ids, otherBranchId }) {
    for (const [table, start] of Object.entries(START)) await pool.query(`select setval('${table}_id_seq', ${start})`);
    // One open round per place visiting only that place's branch, with a finding, its rectification waiting for
    // review (so accept/reopen would act if a check were missing), an evidence event, a result photo and an evidence file.
    const roundAt = async (orgId: number, name: string) => {
      const one = async (sql: string, params: unknown[]) => Number((await pool.query(sql, params)).rows[0].id);
      const tenant = '(select tenant_id from organizations where id = $1)';
      const inspectionRound = await one(`insert into inspection_rounds (tenant_id, title, starts_on, ends_on, team, items)
        values (${tenant}, $2, '2023-05-01', '2023-05-10', $3, $4) returning id`,
      [orgId, `${name}联督联查`, JSON.stringify(TEAM), JSON.stringify([{ key: 'disclosure', label: '三务公开' }, { key: 'micro_power', label: '小微权力清单' }])]);
      await pool.query(`insert into inspection_round_villages (tenant_id, round_id, organization_id) values (${tenant}, $2, $1)`, [orgId, inspectionRound]);
      const inspectionResult = await one(`insert into inspection_results (tenant_id, round_id, organization_id, item_key, outcome, note)
        values (${tenant}, $2, $1, 'disclosure', 'finding', $3) returning id`, [orgId, inspectionRound, `${name}公开栏缺财务表`]);
      const rectification = await one(`insert into rectifications (tenant_id, round_id, result_id, organization_id, description, owner_name, due_on, required_evidence, status)
        values (${tenant}, $2, $3, $1, $4, $5, '2023-05-20', '公开栏照片', 'submitted') returning id`, [orgId, inspectionRound, inspectionResult, `${name}公开栏缺财务表`, `${name}责任人`]);
      const event = await one(`insert into rectification_events (tenant_id, rectification_id, kind, note) values (${tenant}, $2, 'evidence', $3) returning id`, [orgId, rectification, `${name}已补公开`]);
      const inspectionPhoto = await one(`insert into inspection_files (tenant_id, result_id, name, mime, size, data) values (${tenant}, $2, $3, 'text/plain', 3, '\\x616263') returning id`, [orgId, inspectionResult, `${name}现场.txt`]);
      const inspectionEvidenceFile = await one(`insert into inspection_files (tenant_id, evidence_id, name, mime, size, data) values (${tenant}, $2, $3, 'text/plain', 3, '\\x616263') returning id`, [orgId, event, `${name}整改.txt`]);
      return { inspectionRound, inspectionResult, inspectionPhoto, inspectionEvidenceFile, rectification };
    };
    return {
      xihuagou: await roundAt(ids['西花沟村党支部'], '西花沟'),
      yingzi: await roundAt(ids['营子村党支部'], '营子'),
      other: await roundAt(otherBranchId, '邻村党支部'),
    };
  },

  async lists(s, role, visible, foreignNames) {
    const rounds: { id: number; title: string }[] = (await s.get(rows['GET /api/inspections'].list as string)).json().items;
    if (role === 'member') expect(rounds).toEqual([]);
    else expect(rounds.length, 'every scope tested has a round visiting it').toBeGreaterThan(0);
    let all = JSON.stringify(rounds);
    for (const r of rounds) {
      const detail = (await s.get(`/api/inspections/${r.id}`)).json();
      for (const v of detail.villages) expect(visible.has(v.organizationId), `${r.title} ${v.organizationName}`).toBe(true);
      all += JSON.stringify(detail);
    }
    const rects: { organizationId: number; organizationName: string }[] = (await s.get(rows['GET /api/rectifications'].list as string)).json().items;
    for (const x of rects) expect(visible.has(x.organizationId), x.organizationName).toBe(true);
    if (role === 'member') expect(rects).toEqual([]);
    const escalated = (await s.get('/api/rectifications?escalated=true')).json().items;
    all += JSON.stringify(rects) + JSON.stringify(escalated);
    for (const name of foreignNames) expect(all).not.toContain(name);
  },

  async untouched(pool) {
    const { rows: [dev] } = await pool.query(`select
        (select count(*) from inspection_rounds where title like '越权%' or (id > 80000000 and status <> 'open'))
      + (select count(*) from inspection_results where note = '越权' or (round_id > 80000000 and (item_key <> 'disclosure' or outcome <> 'finding')))
      + (select count(*) from rectifications where id > 83000000 and status <> 'submitted')
      + (select count(*) from rectification_events where note like '越权%' or (rectification_id > 83000000 and kind <> 'evidence'))
      + (select count(*) from inspection_files where id > 82000006) as n`);
    expect(Number(dev.n)).toBe(0);
    const { rows: [kept] } = await pool.query(`select (select count(*) from inspection_results where round_id > 80000000)::int as results,
      (select count(*) from rectification_events where rectification_id > 83000000)::int as events`);
    expect(kept).toEqual({ results: 3, events: 3 });
  },
};
