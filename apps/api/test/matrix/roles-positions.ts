import { jpeg, multipart, nextFutureDay, nextPastDay, PDF } from './role-state.js';
import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of 阵地: 党群服务中心, 坐班值班, 小微权力清单 and 四议两公开 of the branch. The branch writes them
 * (positions.edit), the town keeps the 小微权力 list itself (positions.editItems); a plain 党员 sees none of them.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const CENTER = { name: '角色表党群服务中心', address: '村委会大院', rooms: [{ name: '党员活动室', area: 60 }] };
let subjects = 0;
/** A new 小微权力 item: names are unique in the town's list. */
const newItem = () => ({ area: '角色表', name: `角色表核对事项${++subjects}`, legalBasis: '《村民委员会组织法》', steps: ['提出', '公开'] });

const admin = (env: RoleEnv) => env.world.town.admin;
/** The branch's service centre, with a photo and a project (made once). */
const center = (env: RoleEnv) => env.state.shared('center', async () => {
  const made = await env.state.ok(admin(env).request('PUT', `/api/service-centers/by-org/${env.world.branch.id}`, CENTER), 'centre');
  return made.id;
});
const centerDetail = async (env: RoleEnv): Promise<Json> => {
  const id = await center(env);
  return env.state.shared('center photo and project', async () => {
    const { body, headers } = multipart(await jpeg(), '服务中心.jpg', 'image/jpeg');
    await env.state.ok(admin(env).request('POST', `/api/service-centers/${id}/photos`, body, headers), 'photo');
    await env.state.ok(admin(env).post(`/api/service-centers/${id}/projects`, { name: '角色表项目', budgetFen: 100, startedOn: '2025-05-01' }), 'project');
    return id;
  }).then(async () => env.state.ok(admin(env).get(`/api/service-centers/${id}`), 'centre'));
};
/** A fresh 值班 shift of the branch. */
async function shift(env: RoleEnv, onDate = nextPastDay()): Promise<number> {
  const body = { organizationId: env.world.branch.id, shifts: [{ onDate, slot: 'am', personName: '角色表值班人' }] };
  return (await env.state.ok(admin(env).post('/api/duty-shifts', body), 'shift')).items[0].id;
}
/** A 小微权力 item of the town, adopted by the branch (made once). */
const item = (env: RoleEnv) => env.state.shared('micro-power item', async () => {
  const made = await env.state.ok(admin(env).post('/api/micro-power/items', newItem()), 'item');
  await env.state.ok(admin(env).request('PUT', `/api/micro-power/adoptions/by-org/${env.world.branch.id}`, { itemIds: [made.id], adoptedOn: '2025-01-02' }), 'adoption');
  return made.id;
});
const useBody = async (env: RoleEnv) => ({ organizationId: env.world.branch.id, itemId: await item(env), subject: `角色表事由${++subjects}`, startedOn: '2025-05-01' });
async function use(env: RoleEnv): Promise<number> {
  return (await env.state.ok(admin(env).post('/api/micro-power/uses', await useBody(env)), 'use')).id;
}
/** A 四议两公开 of the branch (fresh, or the shared one with a 提议 stage carrying a file). */
async function fourTwo(env: RoleEnv): Promise<number> {
  return (await env.state.ok(admin(env).post('/api/four-two', { organizationId: env.world.branch.id, title: '角色表四议两公开', category: 'other' }), 'four-two')).id;
}
const sharedFourTwo = (env: RoleEnv) => env.state.shared('four-two', async () => {
  const id = await fourTwo(env);
  const made = await env.state.ok(admin(env).post(`/api/four-two/${id}/stages`, { stage: 'proposal', heldOn: '2025-05-01' }), 'stage');
  const { body, headers } = multipart(PDF, '提议.pdf', 'application/pdf');
  await env.state.ok(admin(env).request('POST', `/api/four-two/${id}/stages/${made.stages[0].id}/file`, body, headers), 'stage file');
  return id;
});
const sharedStage = async (env: RoleEnv) => (await env.state.ok(admin(env).get(`/api/four-two/${await sharedFourTwo(env)}`), 'four-two')).stages[0].id;

export const POSITION_ROWS: Record<string, RoleRow> = {
  'GET /api/service-centers': { open: 'scope', probe: () => ({ url: '/api/service-centers' }) },
  'GET /api/service-centers/:id': { open: 'scope', personal: true, probe: async (env) => ({ url: `/api/service-centers/${await center(env)}` }) },
  'PUT /api/service-centers/by-org/:orgId': { permission: 'positions.edit', personal: true, probe: ({ world }) => ({ url: `/api/service-centers/by-org/${world.branch.id}`, body: CENTER }) },
  'POST /api/service-centers/:id/photos': {
    permission: 'positions.edit', personal: true, probe: async (env) => ({ url: `/api/service-centers/${await center(env)}/photos`, ...multipart(await jpeg(), '服务中心.jpg', 'image/jpeg') }),
  },
  'GET /api/service-centers/:id/photos/:photoId': {
    open: 'scope', personal: true, probe: async (env) => {
      const detail = await centerDetail(env);
      return { url: `/api/service-centers/${detail.id}/photos/${detail.photos[0].id}` };
    },
  },
  'POST /api/service-centers/:id/projects': {
    permission: 'positions.edit', personal: true, probe: async (env) => ({ url: `/api/service-centers/${await center(env)}/projects`, body: { name: '角色表项目', budgetFen: 100, startedOn: '2025-05-01' } }),
  },
  'PATCH /api/service-centers/:id/projects/:projectId': {
    permission: 'positions.edit', personal: true, probe: async (env) => {
      const detail = await centerDetail(env);
      return { url: `/api/service-centers/${detail.id}/projects/${detail.projects[0].id}`, body: { name: '角色表项目(改)' } };
    },
  },

  'GET /api/duty-shifts': { open: 'scope', probe: () => ({ url: '/api/duty-shifts' }) },
  'POST /api/duty-shifts': {
    permission: 'positions.edit', personal: true,
    probe: ({ world }) => ({ url: '/api/duty-shifts', body: { organizationId: world.branch.id, shifts: [{ onDate: nextPastDay(), slot: 'pm', personName: '角色表值班人' }] } }),
  },
  'POST /api/duty-shifts/:id/swap': { permission: 'positions.edit', personal: true, probe: async (env) => ({ url: `/api/duty-shifts/${await shift(env)}/swap`, body: { swappedWithName: '替班人', reason: '角色表核对' } }) },
  'POST /api/duty-shifts/:id/presence': { permission: 'positions.edit', personal: true, probe: async (env) => ({ url: `/api/duty-shifts/${await shift(env)}/presence`, body: { presence: 'absent', note: '角色表核对' } }) },
  // Only a coming shift may be deleted (a past one is the duty record).
  'DELETE /api/duty-shifts/:id': { permission: 'positions.edit', personal: true, probe: async (env) => ({ url: `/api/duty-shifts/${await shift(env, nextFutureDay())}` }) },

  'GET /api/micro-power/items': { open: 'scope', probe: () => ({ url: '/api/micro-power/items' }) },
  'POST /api/micro-power/items': { permission: 'positions.editItems', probe: () => ({ url: '/api/micro-power/items', body: newItem() }) },
  'PATCH /api/micro-power/items/:id': { permission: 'positions.editItems', probe: async (env) => ({ url: `/api/micro-power/items/${await item(env)}`, body: { legalBasis: '《村民委员会组织法》第三十条' } }) },
  'PUT /api/micro-power/adoptions/by-org/:orgId': {
    permission: 'positions.edit', personal: true,
    probe: async (env) => ({ url: `/api/micro-power/adoptions/by-org/${env.world.branch.id}`, body: { itemIds: [await item(env)], adoptedOn: '2025-01-02' } }),
  },
  'GET /api/micro-power/uses': { open: 'scope', probe: () => ({ url: '/api/micro-power/uses' }) },
  'POST /api/micro-power/uses': { permission: 'positions.edit', personal: true, probe: async (env) => ({ url: '/api/micro-power/uses', body: await useBody(env) }) },
  'POST /api/micro-power/uses/:id/steps': {
    permission: 'positions.edit', personal: true, probe: async (env) => ({ url: `/api/micro-power/uses/${await use(env)}/steps`, body: { index: 0, doneOn: '2025-05-02', by: '角色表经办人' } }),
  },
  'PATCH /api/micro-power/uses/:id': { permission: 'positions.edit', personal: true, probe: async (env) => ({ url: `/api/micro-power/uses/${await use(env)}`, body: { publishable: true } }) },
  'GET /api/micro-power/ledger/:format': { open: 'scope', personal: true, probe: ({ world }) => ({ url: `/api/micro-power/ledger/docx?orgId=${world.branch.id}&year=2025` }) },

  'GET /api/four-two': { open: 'scope', probe: () => ({ url: '/api/four-two' }) },
  'POST /api/four-two': {
    permission: 'positions.edit', personal: true, probe: ({ world }) => ({ url: '/api/four-two', body: { organizationId: world.branch.id, title: '角色表四议两公开', category: 'other' } }),
  },
  'GET /api/four-two/:id': { open: 'scope', personal: true, probe: async (env) => ({ url: `/api/four-two/${await sharedFourTwo(env)}` }) },
  'POST /api/four-two/:id/stages': {
    permission: 'positions.edit', personal: true, probe: async (env) => ({ url: `/api/four-two/${await fourTwo(env)}/stages`, body: { stage: 'proposal', heldOn: '2025-05-01' } }),
  },
  'POST /api/four-two/:id/stages/:stageId/file': {
    permission: 'positions.edit', personal: true,
    probe: async (env) => ({ url: `/api/four-two/${await sharedFourTwo(env)}/stages/${await sharedStage(env)}/file`, ...multipart(PDF, '提议.pdf', 'application/pdf') }),
  },
  'GET /api/four-two/:id/stages/:stageId/file': {
    open: 'scope', personal: true, probe: async (env) => ({ url: `/api/four-two/${await sharedFourTwo(env)}/stages/${await sharedStage(env)}/file` }),
  },
  'GET /api/four-two/:id/document/:format': { open: 'scope', personal: true, probe: async (env) => ({ url: `/api/four-two/${await sharedFourTwo(env)}/document/docx` }) },
};
