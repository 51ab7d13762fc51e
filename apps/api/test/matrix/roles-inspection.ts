import { jpeg, multipart, TEAM } from './role-state.js';
import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of 联督联查: rounds visiting the branch, results and their photos, reports, 整改 tasks. The town
 * plans (inspection.plan), the inspection group records and accepts (inspection.inspect), the branch submits
 * evidence (rectification.submit); a plain 党员 sees no round and no task.
 */

const admin = (env: RoleEnv) => env.world.town.admin;
/** A round with a finding at the branch, its task and a result photo (made once). */
const round = (env: RoleEnv) => env.state.shared('round', async () => {
  const id = await env.state.openRound();
  const finding = { organizationId: env.world.branch.id, itemKey: 'disclosure', outcome: 'finding', note: '公开栏缺财务表', ownerName: '责任人', requiredEvidence: '公开栏照片' };
  await env.state.ok(admin(env).post(`/api/inspections/${id}/results`, finding), 'finding');
  return id;
});
const result = async (env: RoleEnv) => {
  const detail = await env.state.ok(admin(env).get(`/api/inspections/${await round(env)}`), 'round');
  return detail.villages[0].results[0];
};
const photo = (env: RoleEnv) => env.state.shared('round photo', async () => {
  const { id } = await result(env);
  const { body, headers } = multipart(await jpeg(), '公开栏.jpg', 'image/jpeg');
  const detail = await env.state.ok(admin(env).request('POST', `/api/inspections/${await round(env)}/results/${id}/photos`, body, headers), 'photo');
  return detail.villages[0].results[0].photos.at(-1).id;
});

export const INSPECTION_ROWS: Record<string, RoleRow> = {
  'GET /api/inspections': { open: 'scope', probe: () => ({ url: '/api/inspections' }) },
  'GET /api/inspections/:id': { open: 'scope', personal: true, probe: async (env) => ({ url: `/api/inspections/${await round(env)}` }) },
  'POST /api/inspections': {
    permission: 'inspection.plan',
    probe: ({ world }) => ({ url: '/api/inspections', body: { title: '角色表联督联查', startsOn: '2026-01-01', endsOn: '2026-12-31', team: TEAM, organizationIds: [world.branch.id] } }),
  },
  'POST /api/inspections/:id/results': {
    permission: 'inspection.inspect', personal: true,
    probe: async ({ state, world }) => ({
      url: `/api/inspections/${await state.openRound()}/results`, body: { organizationId: world.branch.id, itemKey: 'disclosure', outcome: 'ok', note: '角色表核对' },
    }),
  },
  'POST /api/inspections/:id/results/:resultId/photos': {
    permission: 'inspection.inspect', personal: true,
    probe: async (env) => ({ url: `/api/inspections/${await round(env)}/results/${(await result(env)).id}/photos`, ...multipart(await jpeg(), '公开栏.jpg', 'image/jpeg') }),
  },
  'POST /api/inspections/:id/close': { permission: 'inspection.plan', personal: true, probe: async ({ state }) => ({ url: `/api/inspections/${await state.openRound()}/close`, body: {} }) },
  'GET /api/inspections/:id/report/:format': { open: 'scope', personal: true, probe: async (env) => ({ url: `/api/inspections/${await round(env)}/report/docx` }) },
  'GET /api/inspections/:id/rectifications/ledger/:format': {
    open: 'scope', personal: true, probe: async (env) => ({ url: `/api/inspections/${await round(env)}/rectifications/ledger/docx` }),
  },
  'GET /api/inspection-files/:fileId': { open: 'scope', personal: true, probe: async (env) => ({ url: `/api/inspection-files/${await photo(env)}` }) },
  'GET /api/rectifications': { open: 'scope', probe: () => ({ url: '/api/rectifications' }) },
  'GET /api/rectifications/:id': {
    open: 'scope', personal: true, probe: async (env) => ({ url: `/api/rectifications/${(await result(env)).rectificationId}` }),
  },
  'POST /api/rectifications/:id/evidence': {
    permission: 'rectification.submit', personal: true,
    probe: async ({ state }) => ({ url: `/api/rectifications/${await state.rectification('open')}/evidence`, body: { note: '角色表整改材料' } }),
  },
  'POST /api/rectifications/:id/accept': {
    permission: 'inspection.inspect', personal: true,
    probe: async ({ state }) => ({ url: `/api/rectifications/${await state.rectification('submitted')}/accept`, body: { note: '角色表验收' } }),
  },
  'POST /api/rectifications/:id/reopen': {
    permission: 'inspection.inspect', personal: true,
    probe: async ({ state }) => ({ url: `/api/rectifications/${await state.rectification('submitted')}/reopen`, body: { reason: '角色表复查退回' } }),
  },
};
