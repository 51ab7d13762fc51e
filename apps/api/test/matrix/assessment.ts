import { expect } from 'vitest';
import { NONEXISTENT_ID as N, type Case, type Ids, type MatrixModule, type Place } from './types.js';

/**
 * 考核方案 (issue 16 point 1): the schemes are the town's (tenant-wide). Foreign ones: the demo town's 镇机关 scheme for
 * the village places (a village's secretary sees the village cadres' schemes only) and a scheme of the neighbouring
 * town. Every write probe uses 越权, checked in "untouched".
 */
const VERSION = {
  posts: [], effectiveFrom: '2099-01', note: '越权',
  indicators: [{ key: 'work', name: '越权指标', weight: 100, scorer: 'town_office' }], bands: [{ label: '合格', min: 60 }],
};

/**
 * 考核期 (issue 16 point 3): `assessmentPeriod` is the neighbouring town's period in every place; `assessmentOwnPeriod`
 * the demo town's village period, written with a foreign village as the subject (another village looks like none);
 * `assessmentObjection` an objection of the place's village (the neighbour's for 'other').
 */
const SCORE = { indicatorKey: 'work', points: 1, evidence: '越权评分' };
const REWARD = { kind: 'other', rule: 'fixed', amountFen: 1, label: '越权奖励' };
const inOwn = (own: Ids, tail: string, body: object) => ({ url: `/api/assessment/periods/${own.assessmentOwnPeriod}/${tail}`, body });

const rows: Record<string, Case> = {
  'GET /api/assessment/schemes': { list: '/api/assessment/schemes' },
  'POST /api/assessment/schemes': {},
  'GET /api/assessment/schemes/:id': { foreign: (f) => [{ url: `/api/assessment/schemes/${f.assessmentScheme}` }] },
  'POST /api/assessment/schemes/:id/versions': { foreign: (f) => [{ url: `/api/assessment/schemes/${f.assessmentScheme}/versions`, body: VERSION }] },
  'GET /api/assessment/periods': { list: '/api/assessment/periods' },
  'POST /api/assessment/periods': { foreign: (f) => [{ url: '/api/assessment/periods', body: { schemeId: f.assessmentScheme, period: '2099-01' } }] },
  'GET /api/assessment/periods/:id': { foreign: (f) => [{ url: `/api/assessment/periods/${f.assessmentPeriod}` }] },
  'PUT /api/assessment/periods/:id/scores': {
    foreign: (f, own) => [
      { url: `/api/assessment/periods/${f.assessmentPeriod}/scores`, body: { subjectId: own.org, ...SCORE } },
      inOwn(own, 'scores', { subjectId: f.org, ...SCORE }),
    ],
  },
  'POST /api/assessment/periods/:id/publish': { foreign: (f) => [{ url: `/api/assessment/periods/${f.assessmentPeriod}/publish` }] },
  'POST /api/assessment/periods/:id/objections': {
    foreign: (f, own) => [
      { url: `/api/assessment/periods/${f.assessmentPeriod}/objections`, body: { subjectId: own.org, indicatorKey: 'work', reason: '越权异议' } },
      inOwn(own, 'objections', { subjectId: f.org, indicatorKey: 'work', reason: '越权异议' }),
    ],
  },
  'POST /api/assessment/periods/:id/objections/:objectionId/ruling': {
    foreign: (f, own) => [
      { url: `/api/assessment/periods/${f.assessmentPeriod}/objections/${f.assessmentObjection}/ruling`, body: { ruling: 'rejected', note: '越权裁定' } },
      inOwn(own, `objections/${f.assessmentObjection}/ruling`, { ruling: 'rejected', note: '越权裁定' }),
    ],
  },
  'POST /api/assessment/periods/:id/approve': { foreign: (f) => [{ url: `/api/assessment/periods/${f.assessmentPeriod}/approve`, body: { note: '越权审批' } }] },
  'POST /api/assessment/periods/:id/adjustments': {
    foreign: (f, own) => [
      { url: `/api/assessment/periods/${f.assessmentPeriod}/adjustments`, body: { subjectId: own.org, indicatorKey: 'work', delta: 1, reason: '越权调整' } },
      inOwn(own, 'adjustments', { subjectId: f.org, indicatorKey: 'work', delta: 1, reason: '越权调整' }),
    ],
  },
  // 报酬 (points 4–6): the neighbour's period, and in the town's own period a foreign village's cadre or pay item.
  'GET /api/assessment/periods/:id/pay': { foreign: (f) => [{ url: `/api/assessment/periods/${f.assessmentPeriod}/pay` }] },
  'POST /api/assessment/periods/:id/pay-items': {
    foreign: (f, own) => [
      { url: `/api/assessment/periods/${f.assessmentPeriod}/pay-items`, body: { kind: 'reward', person: { organizationId: own.org, personId: own.member }, item: REWARD } },
      inOwn(own, 'pay-items', { kind: 'reward', person: { organizationId: f.org, personId: f.assessmentPayPerson }, item: REWARD }),
    ],
  },
  'DELETE /api/assessment/periods/:id/pay-items/:itemId': {
    foreign: (f, own) => [
      { url: `/api/assessment/periods/${f.assessmentPeriod}/pay-items/${f.assessmentPayItem}` },
      { url: `/api/assessment/periods/${own.assessmentOwnPeriod}/pay-items/${f.assessmentPayItem}` },
    ],
  },
  'GET /api/assessment/periods/:id/payroll.xlsx': {
    foreign: (f, own) => [
      { url: `/api/assessment/periods/${f.assessmentPeriod}/payroll.xlsx` },
      { url: `/api/assessment/periods/${own.assessmentOwnPeriod}/payroll.xlsx?orgId=${f.org}` },
    ],
  },
  'GET /api/assessment/periods/:id/payroll.pdf': {
    foreign: (f, own) => [
      { url: `/api/assessment/periods/${f.assessmentPeriod}/payroll.pdf` },
      { url: `/api/assessment/periods/${own.assessmentOwnPeriod}/payroll.pdf?orgId=${f.org}` },
    ],
  },
  // The town's yearly summary: nothing foreign can be named (the town admin's own town only).
  'GET /api/assessment/pay/year.xlsx': {},
  // The caller's own months: nothing foreign can be named.
  'GET /api/assessment/my-pay': { list: '/api/assessment/my-pay' },
  // 考核计量 (point 2): another village's branch answers like a missing one.
  'GET /api/assessment/measures': { foreign: (f) => [{ url: `/api/assessment/measures?orgId=${f.org}&period=2026-01` }] },
  'GET /api/assessment/scheme-preview': { foreign: (f) => [{ url: `/api/assessment/scheme-preview?orgId=${f.org}&period=2026-01` }] },
};

/** The tree as the service stores it (every field filled in), for the rows setup writes directly. */
const STORED_TREE = [{ key: 'work', name: '矩阵指标', weight: 100, scorer: 'town_office', measure: null, evidence: null, children: [] }];
const STAFF_NAME = '矩阵镇机关考核方案';
const NEIGHBOUR_NAME = '矩阵邻镇考核方案';
const VILLAGE_NAME = '矩阵村干部考核方案';

export const assessmentMatrix: MatrixModule = {
  rows,
  nonexistent: { assessmentScheme: N, assessmentPeriod: N, assessmentOwnPeriod: N, assessmentObjection: N, assessmentPayItem: N, assessmentPayPerson: N },

  async setup({ pool, ids, otherTenantId, otherBranchId, otherMemberId, memberOf, anyUserId }) {
    await pool.query("select setval('assessment_schemes_id_seq', 96000000)");
    const tenantOf = async (orgId: number) => Number((await pool.query('select tenant_id from organizations where id = $1', [orgId])).rows[0].tenant_id);
    const make = async (tenantId: number, name: string, audience: string) => {
      const { rows: [s] } = await pool.query(`insert into assessment_schemes (tenant_id, name, audience, period_kind) values ($1, $2, $3, 'month')
        on conflict (tenant_id, name) do update set name = excluded.name returning id`, [tenantId, name, audience]);
      await pool.query(`insert into assessment_scheme_versions (tenant_id, scheme_id, version, effective_from, posts, indicators, bands)
        values ($1, $2, 1, '2020-01', $3, $4, $5) on conflict do nothing`,
      [tenantId, s.id, JSON.stringify(audience === 'village_cadre' ? ['secretary'] : []), JSON.stringify(STORED_TREE), JSON.stringify(VERSION.bands)]);
      return { assessmentScheme: Number(s.id) };
    };
    const demo = await tenantOf(ids['西花沟村党支部']);
    const staff = await make(demo, STAFF_NAME, 'town_staff');
    const neighbour = await make(otherTenantId, NEIGHBOUR_NAME, 'village_cadre');
    await pool.query("select setval('assessment_periods_id_seq', 96000000)");
    await pool.query("select setval('assessment_objections_id_seq', 96000000)");
    const period = async (tenantId: number, schemeId: number) => Number((await pool.query(`insert into assessment_periods (tenant_id, scheme_id, version_id, period, opened_by)
      select $1, $2, v.id, '2020-01', $3 from assessment_scheme_versions v where v.scheme_id = $2 and v.version = 1
      on conflict (scheme_id, period) do update set period = excluded.period returning id`, [tenantId, schemeId, anyUserId])).rows[0].id);
    const objection = async (tenantId: number, periodId: number, organizationId: number) => Number((await pool.query(`insert into assessment_objections
      (tenant_id, period_id, organization_id, indicator_key, reason, raised_by) values ($1, $2, $3, 'work', '矩阵异议', $4) returning id`,
    [tenantId, periodId, organizationId, anyUserId])).rows[0].id);
    const demoPeriod = await period(demo, (await make(demo, VILLAGE_NAME, 'village_cadre')).assessmentScheme);
    const neighbourPeriod = await period(otherTenantId, neighbour.assessmentScheme);
    // A 奖励绩效 item of a person of the place's village (a member's person stands in for a cadre).
    await pool.query("select setval('assessment_pay_items_id_seq', 96000000)");
    const personOf = async (memberId: number) => Number((await pool.query('select person_id from members where id = $1', [memberId])).rows[0].person_id);
    const payItem = async (tenantId: number, periodId: number, organizationId: number, personId: number) => Number((await pool.query(`insert into assessment_pay_items
      (tenant_id, period_id, organization_id, person_id, kind, item, created_by) values ($1, $2, $3, $4, 'reward', $5, $6) returning id`,
    [tenantId, periodId, organizationId, personId, JSON.stringify({ ...REWARD, label: '矩阵奖励' }), anyUserId])).rows[0].id);
    const at = async (name: string) => {
      const org = ids[name];
      const person = await personOf(await memberOf(name));
      return {
        ...staff, assessmentPeriod: neighbourPeriod, assessmentOwnPeriod: demoPeriod, assessmentObjection: await objection(demo, demoPeriod, org),
        assessmentPayPerson: person, assessmentPayItem: await payItem(demo, demoPeriod, org, person),
      };
    };
    const otherPerson = await personOf(otherMemberId);
    const made: Record<Place, Record<string, number>> = {
      xihuagou: await at('西花沟村党支部'), yingzi: await at('营子村党支部'),
      other: {
        ...neighbour, assessmentPeriod: neighbourPeriod, assessmentOwnPeriod: neighbourPeriod, assessmentObjection: await objection(otherTenantId, neighbourPeriod, otherBranchId),
        assessmentPayPerson: otherPerson, assessmentPayItem: await payItem(otherTenantId, neighbourPeriod, otherBranchId, otherPerson),
      },
    };
    return made;
  },

  async lists(s, role) {
    const res = await s.get('/api/assessment/schemes');
    // The 包村干部 read the village cadres' schemes too (assessment.read since the 考核期 measure leaves).
    if (!['admin', 'xihuagou', 'yingzi', 'supervisor'].includes(role)) {
      expect(res.statusCode, `${role}: the schemes`).toBe(403);
      return;
    }
    expect(res.statusCode, `${role}: the schemes`).toBe(200);
    expect(res.body).not.toContain(NEIGHBOUR_NAME);
    // A village's secretary and a 包村干部 see the village cadres' schemes only.
    if (role !== 'admin') for (const r of res.json().rows as { audience: string }[]) expect(r.audience, role).toBe('village_cadre');
    // The periods: the town's own only (the neighbour's period is named after its scheme).
    const periods = await s.get('/api/assessment/periods');
    expect(periods.statusCode, `${role}: the periods`).toBe(role === 'member' ? 403 : 200);
    expect(periods.body).not.toContain(NEIGHBOUR_NAME);
  },

  async untouched(pool) {
    const { rows: [n] } = await pool.query(`select
        (select count(*) from assessment_scheme_versions where note like '越权%' or effective_from = '2099-01')
      + (select count(*) from assessment_schemes where name like '越权%')
      + (select count(*) from assessment_periods p join assessment_schemes s on s.id = p.scheme_id
          where s.name like '矩阵%' and (p.period = '2099-01' or p.status <> 'scoring' or p.approval_note is not null))
      + (select count(*) from assessment_scores where evidence like '越权%')
      + (select count(*) from assessment_objections where reason like '越权%' or (reason = '矩阵异议' and ruling is not null))
      + (select count(*) from assessment_adjustments where reason like '越权%')
      + (select count(*) from assessment_pay_items where item->>'label' like '越权%')
      + (3 - (select count(*) from assessment_pay_items where item->>'label' = '矩阵奖励')) as n`);
    expect(Number(n.n)).toBe(0);
  },
};
