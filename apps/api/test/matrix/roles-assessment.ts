import { addMonths, todayInShanghai } from '@dj/contracts';
import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of 考核方案 (issue 16 point 1): the town admin creates schemes and their versions (assessment.manage);
 * the town admin and the branch secretaries read them (assessment.read, a secretary the village cadres' only); the
 * supervisors, inspectors and plain 党员 see none of it. 考核计量 (point 2) is read at the branch: the town and the
 * branch's own secretary; a plain 党员 does not see the branch's records (404).
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

export const ASSESSMENT_ROWS: Record<string, RoleRow> = {
  'GET /api/assessment/measures': {
    permission: 'assessment.read', personal: true, probe: (env) => ({ url: `/api/assessment/measures?orgId=${env.world.branch.id}&period=${month()}` }),
  },
  'GET /api/assessment/schemes': { permission: 'assessment.read', probe: () => ({ url: '/api/assessment/schemes' }) },
  'GET /api/assessment/schemes/:id': { permission: 'assessment.read', probe: async (env) => ({ url: `/api/assessment/schemes/${await scheme(env)}` }) },
  'POST /api/assessment/schemes': { permission: 'assessment.manage', probe: () => ({ url: '/api/assessment/schemes', body: body() }) },
  'POST /api/assessment/schemes/:id/versions': {
    permission: 'assessment.manage',
    probe: async (env) => ({ url: `/api/assessment/schemes/${await scheme(env)}/versions`, body: content(++ahead) }),
  },
};
