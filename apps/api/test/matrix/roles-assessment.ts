import { addMonths, todayInShanghai } from '@dj/contracts';
import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of 考核方案 (issue 16 point 1): the town admin creates schemes and their versions (assessment.manage);
 * the town admin, the branch secretaries and the 包村干部 (who score against them) read them (assessment.read, the
 * village cadres' only but for the town); the inspectors and plain 党员 see none of it. 考核计量 (point 2) is read at
 * the branch: the town, the branch's own secretary and its 包村干部; a plain 党员 does not see the branch's records (404).
 */
let made = 0;
const month = (ahead = 0) => addMonths(todayInShanghai(), ahead).slice(0, 7);
const content = (ahead = 0) => ({
  posts: ['secretary'], effectiveFrom: month(ahead),
  indicators: [{ key: 'work', name: '履职情况', weight: 100, scorer: 'town_office', evidence: '工作台账' }],
  bands: [{ label: '合格', min: 60 }, { label: '不合格', min: 0 }],
});
const body = () => ({ name: `角色表考核方案${++made}`, audience: 'village_cadre', periodKind: 'month', ...content() });
/** One village-cadre scheme of the town, made by the town admin once: every reader of the table may see it. */
const scheme = (env: RoleEnv) => env.state.shared('assessment scheme', async () =>
  (await env.state.ok(env.world.town.admin.post('/api/assessment/schemes', body()), 'assessment scheme')).id as number);
/** Each probe a month later than the last: a version must start after the one before it. */
let ahead = 0;

/**
 * 考核期 (issue 16 point 3): a village scheme (职责 by the 包村干部, 工作 by the town office) and a 镇机关 one, each with
 * periods opened by the town admin month after month; the probed supervisor is assigned to the branch (role-world).
 */
const TREE = [
  { key: 'duty', name: '履职情况', weight: 60, scorer: 'supervisor', evidence: '工作台账' },
  { key: 'work', name: '中心工作', weight: 40, scorer: 'town_office', evidence: '工作台账' },
];
const BANDS = [{ label: '合格', min: 60 }, { label: '不合格', min: 0 }];
const periodScheme = (env: RoleEnv, audience: 'village_cadre' | 'town_staff') => env.state.shared(`assessment ${audience} scheme`, async () =>
  (await env.state.ok(env.world.town.admin.post('/api/assessment/schemes', {
    name: `角色表考核期方案${++made}`, audience, periodKind: 'month', posts: audience === 'village_cadre' ? ['secretary'] : [],
    effectiveFrom: month(), indicators: TREE, bands: BANDS,
  }), 'assessment period scheme')).id as number);
let periodsOpened = 0;
/** 公示 waits for a complete draft: the town scores every leaf still missing for any subject. */
async function scoreMissing(env: RoleEnv, id: number) {
  const admin = env.world.town.admin;
  const period = await env.state.ok(admin.get(`/api/assessment/periods/${id}`), 'assessment period detail');
  for (const s of period.subjects as { subjectId: number; progress: { missing: string[] } }[]) {
    for (const indicatorKey of s.progress.missing) {
      await env.state.ok(admin.request('PUT', `/api/assessment/periods/${id}/scores`, { subjectId: s.subjectId, indicatorKey, points: 20, evidence: '工作台账' }), 'assessment score');
    }
  }
}
/** A new period of the scheme (each a month later), opened by the town; scored and published when asked. */
async function newPeriod(env: RoleEnv, audience: 'village_cadre' | 'town_staff' = 'village_cadre', publish = false, scored = publish): Promise<number> {
  const admin = env.world.town.admin;
  const schemeId = await periodScheme(env, audience);
  const { id } = await env.state.ok(admin.post('/api/assessment/periods', { schemeId, period: month(periodsOpened++) }), 'assessment period');
  if (scored) await scoreMissing(env, id);
  if (publish) await env.state.ok(admin.post(`/api/assessment/periods/${id}/publish`), 'assessment publish');
  return id as number;
}
const periodsUrl = (id: number, tail = '') => `/api/assessment/periods/${id}${tail}`;
const scoring = (env: RoleEnv) => env.state.shared('assessment scoring period', () => newPeriod(env));
const published = (env: RoleEnv, audience: 'village_cadre' | 'town_staff' = 'village_cadre') =>
  env.state.shared(`assessment published ${audience} period`, () => newPeriod(env, audience, true));
const endWindow = (env: RoleEnv, id: number) => env.world.ctx.pool.query("update assessment_periods set objection_until = '2000-01-01' where id = $1", [id]);
/** The staff accounts (supervisor, inspector) are assessed on the 镇机关 scheme and object on themselves. */
const isStaff = (env: RoleEnv) => env.as === 'supervisor' || env.as === 'inspector';
const objectionBody = (subjectId: number) => ({ subjectId, indicatorKey: 'work', reason: '角色表异议理由' });
/** A fresh objection of the branch's secretary on the published village period (a ruling is given once). */
async function newObjection(env: RoleEnv): Promise<[number, number]> {
  const id = await published(env);
  const res = await env.state.ok(env.world.accounts.secretary.session.post(periodsUrl(id, '/objections'), objectionBody(env.world.branch.id)), 'assessment objection');
  const mine = (res.subjects as { objections: { id: number }[] }[])[0].objections;
  return [id, mine[mine.length - 1].id];
}
/** One locked period with a score to adjust. */
const locked = (env: RoleEnv) => env.state.shared('assessment locked period', async () => {
  const id = await newPeriod(env, 'village_cadre', true);
  const admin = env.world.town.admin;
  await endWindow(env, id);
  await env.state.ok(admin.post(periodsUrl(id, '/approve'), {}), 'assessment approve');
  return id;
});
const READERS = ['assessment.read', 'assessment.score', 'assessment.objectSelf'] as const;

/**
 * 报酬 (issue 16 points 4–6): the town sees everyone's pay, a secretary their village's cadres, a staff member their own
 * (on the 镇机关 period); the town enters 奖励绩效 and 扣减 before locking; the 报酬发放表 of a locked month is the
 * town's or the village secretary's, and hidden (404) from anyone else.
 */
const PAY_READERS = ['assessment.manage', 'assessment.objectVillage', 'assessment.objectSelf'] as const;
const reward = (userId: number) => ({ kind: 'reward', person: { userId }, item: { kind: 'commendation', rule: 'fixed', amountFen: 10_000 } });
/** A fresh item on the published 镇机关 period for the probed supervisor's pay, entered by the town. */
async function newPayItem(env: RoleEnv): Promise<[number, number]> {
  const id = await published(env, 'town_staff');
  const res = await env.state.ok(env.world.town.admin.post(periodsUrl(id, '/pay-items'), reward(env.world.accounts.supervisor.userId)), 'assessment pay item');
  const items = (res.people as { userId: number; items: { id: number }[] }[]).find((p) => p.userId === env.world.accounts.supervisor.userId)!.items;
  return [id, items[items.length - 1].id];
}
const payroll = (format: string) => async (env: RoleEnv) => ({ url: `${periodsUrl(await locked(env), `/payroll.${format}`)}?orgId=${env.world.branch.id}` });

export const ASSESSMENT_ROWS: Record<string, RoleRow> = {
  'GET /api/assessment/measures': {
    permission: 'assessment.read', personal: true, probe: (env) => ({ url: `/api/assessment/measures?orgId=${env.world.branch.id}&period=${month()}` }),
  },
  'GET /api/assessment/schemes': { permission: 'assessment.read', probe: () => ({ url: '/api/assessment/schemes' }) },
  'GET /api/assessment/scheme-preview': {
    permission: 'assessment.manage', personal: true, probe: (env) => ({ url: `/api/assessment/scheme-preview?orgId=${env.world.branch.id}&period=${month()}` }),
  },
  'GET /api/assessment/schemes/:id': { permission: 'assessment.read', probe: async (env) => ({ url: `/api/assessment/schemes/${await scheme(env)}` }) },
  'POST /api/assessment/schemes': { permission: 'assessment.manage', probe: () => ({ url: '/api/assessment/schemes', body: body() }) },
  'POST /api/assessment/schemes/:id/versions': {
    permission: 'assessment.manage',
    probe: async (env) => ({ url: `/api/assessment/schemes/${await scheme(env)}/versions`, body: content(++ahead) }),
  },
  'GET /api/assessment/periods': { permission: READERS, probe: () => ({ url: '/api/assessment/periods' }) },
  'POST /api/assessment/periods': {
    permission: 'assessment.manage',
    probe: async (env) => ({ url: '/api/assessment/periods', body: { schemeId: await periodScheme(env, 'village_cadre'), period: month(periodsOpened++) } }),
  },
  'GET /api/assessment/periods/:id': {
    permission: READERS,
    // The inspector has no village: their part is the 镇机关 period they are assessed in.
    probe: async (env) => ({ url: periodsUrl(env.as === 'inspector' ? await published(env, 'town_staff') : await scoring(env)) }),
  },
  'PUT /api/assessment/periods/:id/scores': {
    permission: 'assessment.score',
    probe: async (env) => ({ url: periodsUrl(await scoring(env), '/scores'), body: { subjectId: env.world.branch.id, indicatorKey: 'duty', points: 50, evidence: '走访核实' } }),
  },
  'POST /api/assessment/periods/:id/publish': {
    permission: 'assessment.manage', probe: async (env) => ({ url: periodsUrl(await newPeriod(env, 'village_cadre', false, true), '/publish') }),
  },
  'POST /api/assessment/periods/:id/objections': {
    permission: ['assessment.objectVillage', 'assessment.objectSelf'],
    probe: async (env) => (isStaff(env)
      ? { url: periodsUrl(await published(env, 'town_staff'), '/objections'), body: objectionBody(env.account.userId) }
      : { url: periodsUrl(await published(env), '/objections'), body: objectionBody(env.world.branch.id) }),
  },
  'POST /api/assessment/periods/:id/objections/:objectionId/ruling': {
    permission: 'assessment.manage',
    probe: async (env) => {
      const [id, objectionId] = await newObjection(env);
      return { url: periodsUrl(id, `/objections/${objectionId}/ruling`), body: { ruling: 'rejected', note: '角色表裁定' } };
    },
  },
  'POST /api/assessment/periods/:id/approve': {
    permission: 'assessment.manage',
    probe: async (env) => {
      const id = await newPeriod(env, 'village_cadre', true);
      await endWindow(env, id);
      return { url: periodsUrl(id, '/approve'), body: {} };
    },
  },
  'GET /api/assessment/periods/:id/pay': {
    permission: PAY_READERS,
    probe: async (env) => ({ url: periodsUrl(isStaff(env) ? await published(env, 'town_staff') : await scoring(env), '/pay') }),
  },
  'POST /api/assessment/periods/:id/pay-items': {
    permission: 'assessment.manage',
    probe: async (env) => ({ url: periodsUrl(await published(env, 'town_staff'), '/pay-items'), body: reward(env.world.accounts.supervisor.userId) }),
  },
  'DELETE /api/assessment/periods/:id/pay-items/:itemId': {
    permission: 'assessment.manage',
    probe: async (env) => {
      const [id, itemId] = await newPayItem(env);
      return { url: periodsUrl(id, `/pay-items/${itemId}`) };
    },
  },
  'GET /api/assessment/periods/:id/payroll.xlsx': { permission: ['assessment.manage', 'assessment.objectVillage'], hiddenWithout: true, probe: payroll('xlsx') },
  'GET /api/assessment/periods/:id/payroll.pdf': { permission: ['assessment.manage', 'assessment.objectVillage'], hiddenWithout: true, probe: payroll('pdf') },
  'GET /api/assessment/pay/year.xlsx': { permission: 'assessment.manage', probe: () => ({ url: `/api/assessment/pay/year.xlsx?year=${month().slice(0, 4)}` }) },
  'GET /api/assessment/my-pay': { open: 'own', probe: () => ({ url: '/api/assessment/my-pay' }) },
  'POST /api/assessment/periods/:id/adjustments': {
    permission: 'assessment.manage',
    probe: async (env) => ({ url: periodsUrl(await locked(env), '/adjustments'), body: { subjectId: env.world.branch.id, indicatorKey: 'work', delta: 1, reason: '角色表调整' } }),
  },
};
