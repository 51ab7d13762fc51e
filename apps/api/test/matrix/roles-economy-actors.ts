import { jpeg, multipart } from './role-state.js';
import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of 一村一品, 经营主体 and 村级项目 (issue 18 points 4–5), which follow the collective income's
 * permissions: the branch's readers read (economy.read), the town and the village's secretary write (economy.enter); a
 * plain 党员 sees no village's record (personal: 404) and no list (403). A probe that deletes works on a record of its own.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const admin = (env: RoleEnv) => env.world.town.admin;
const org = (env: RoleEnv) => env.world.branch.id;
const PRODUCT = { name: '角色表木耳', category: 'fungi' };
const ACTOR = { kind: 'cooperative', name: '角色表合作社' };
const PROJECT = { name: '角色表项目', investmentFen: 100, stage: 'approved', approvedOn: '2025-01-02' };
const SUPPORT = { kind: 'training', year: 2025, description: '技术培训', source: '镇农业站' };

const made = async (env: RoleEnv, url: string, body: unknown, what: string): Promise<Json> => env.state.ok(admin(env).post(url, body), what);
const product = (env: RoleEnv) => made(env, '/api/economy/products', { ...PRODUCT, organizationId: org(env) }, 'product');
const actor = (env: RoleEnv) => made(env, '/api/economy/actors', { ...ACTOR, organizationId: org(env) }, 'actor');
/** One project with a photo, shared by the probes that only read or edit it. */
const project = async (env: RoleEnv): Promise<Json> => {
  const id = await env.state.shared('economy project', async () => {
    const p = await made(env, '/api/economy/projects', { ...PROJECT, organizationId: org(env) }, 'project');
    const { body, headers } = multipart(await jpeg(), '项目.jpg', 'image/jpeg');
    await env.state.ok(admin(env).request('POST', `/api/economy/projects/${p.id}/photos`, body, headers), 'project photo');
    return p.id as number;
  });
  return env.state.ok(admin(env).get(`/api/economy/projects/${id}`), 'project');
};
const withIncome = async (env: RoleEnv) => {
  const p = await project(env);
  await env.state.ok(admin(env).request('PUT', `/api/economy/projects/${p.id}/incomes/2024`, { amountFen: 1 }), 'income');
  return p;
};

export const ECONOMY_ACTOR_ROWS: Record<string, RoleRow> = {
  'GET /api/economy/products': { permission: 'economy.read', probe: () => ({ url: '/api/economy/products' }) },
  'POST /api/economy/products': { permission: 'economy.enter', personal: true, probe: (env) => ({ url: '/api/economy/products', body: { ...PRODUCT, organizationId: org(env) } }) },
  'PATCH /api/economy/products/:id': { permission: 'economy.enter', personal: true, probe: async (env) => ({ url: `/api/economy/products/${(await product(env)).id}`, body: PRODUCT }) },
  'DELETE /api/economy/products/:id': { permission: 'economy.enter', personal: true, probe: async (env) => ({ url: `/api/economy/products/${(await product(env)).id}` }) },

  'GET /api/economy/actors': { permission: 'economy.read', probe: () => ({ url: '/api/economy/actors' }) },
  'POST /api/economy/actors': { permission: 'economy.enter', personal: true, probe: (env) => ({ url: '/api/economy/actors', body: { ...ACTOR, organizationId: org(env) } }) },
  'PATCH /api/economy/actors/:id': { permission: 'economy.enter', personal: true, probe: async (env) => ({ url: `/api/economy/actors/${(await actor(env)).id}`, body: ACTOR }) },
  'DELETE /api/economy/actors/:id': { permission: 'economy.enter', personal: true, probe: async (env) => ({ url: `/api/economy/actors/${(await actor(env)).id}` }) },
  'POST /api/economy/actors/:id/support': { permission: 'economy.enter', personal: true, probe: async (env) => ({ url: `/api/economy/actors/${(await actor(env)).id}/support`, body: SUPPORT }) },
  'DELETE /api/economy/actors/:id/support/:supportId': {
    permission: 'economy.enter', personal: true,
    probe: async (env) => {
      const a = await actor(env);
      const withSupport = await env.state.ok(admin(env).post(`/api/economy/actors/${a.id}/support`, SUPPORT), 'support');
      return { url: `/api/economy/actors/${a.id}/support/${withSupport.support[0].id}` };
    },
  },
  'GET /api/economy/villages/:orgId/link-options': { permission: 'economy.enter', personal: true, probe: (env) => ({ url: `/api/economy/villages/${org(env)}/link-options` }) },

  'GET /api/economy/projects': { permission: 'economy.read', probe: () => ({ url: '/api/economy/projects' }) },
  'GET /api/economy/projects/:id': { permission: 'economy.read', personal: true, probe: async (env) => ({ url: `/api/economy/projects/${(await project(env)).id}` }) },
  'POST /api/economy/projects': { permission: 'economy.enter', personal: true, probe: (env) => ({ url: '/api/economy/projects', body: { ...PROJECT, organizationId: org(env) } }) },
  'PATCH /api/economy/projects/:id': { permission: 'economy.enter', personal: true, probe: async (env) => ({ url: `/api/economy/projects/${(await project(env)).id}`, body: PROJECT }) },
  'PUT /api/economy/projects/:id/incomes/:year': { permission: 'economy.enter', personal: true, probe: async (env) => ({ url: `/api/economy/projects/${(await project(env)).id}/incomes/2025`, body: { amountFen: 5 } }) },
  'DELETE /api/economy/projects/:id/incomes/:year': { permission: 'economy.enter', personal: true, probe: async (env) => ({ url: `/api/economy/projects/${(await withIncome(env)).id}/incomes/2024` }) },
  'POST /api/economy/projects/:id/photos': {
    permission: 'economy.enter', personal: true,
    probe: async (env) => ({ url: `/api/economy/projects/${(await project(env)).id}/photos`, ...multipart(await jpeg(), '项目.jpg', 'image/jpeg') }),
  },
  'GET /api/economy/projects/:id/photos/:photoId': {
    permission: 'economy.read', personal: true, probe: async (env) => { const p = await project(env); return { url: `/api/economy/projects/${p.id}/photos/${p.photos[0].id}` }; },
  },
};
