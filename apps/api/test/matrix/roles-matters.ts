import { addDays, todayInShanghai } from '@dj/contracts';
import { jpeg, multipart } from './role-state.js';
import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of 村民说事 (issue 20): the branches' readers read (matters.read), the town and the village's secretary
 * record each stage (matters.handle); a plain 党员 sees no village's matter (personal: 404) and no list (403). A probe
 * that moves a matter to the next stage works on a fresh matter at the stage it needs.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const admin = (env: RoleEnv) => env.world.town.admin;
const org = (env: RoleEnv) => env.world.branch.id;
const today = todayInShanghai();
const RAISE = { source: 'walk_in', category: 'livelihood', title: '角色表路灯', content: '角色表路灯坏了', raisedOn: addDays(today, -5) };
const DISCUSS = { discussedOn: addDays(today, -3), forum: 'committee', discussion: '角色表议定维修', ownerName: '角色表', dueOn: addDays(today, 10) };
const HANDLE = { handledOn: addDays(today, -1), result: '角色表已修好' };

const made = (env: RoleEnv, url: string, body: unknown, what: string): Promise<Json> => env.state.ok(admin(env).post(url, body), what);
const raised = (env: RoleEnv) => made(env, '/api/matters', { ...RAISE, organizationId: org(env) }, 'matter');
const discussed = async (env: RoleEnv) => made(env, `/api/matters/${(await raised(env)).id}/discuss`, DISCUSS, 'discussed matter');
const handled = async (env: RoleEnv) => made(env, `/api/matters/${(await discussed(env)).id}/handle`, HANDLE, 'handled matter');
/** One discussed matter with a photo, shared by the probes that only read it. */
const withPhoto = async (env: RoleEnv): Promise<Json> => {
  const id = await env.state.shared('matter with photo', async () => {
    const m = await discussed(env);
    const { body, headers } = multipart(await jpeg(), '办理.jpg', 'image/jpeg');
    await env.state.ok(admin(env).request('POST', `/api/matters/${m.id}/photos`, body, headers), 'matter photo');
    return m.id as number;
  });
  return env.state.ok(admin(env).get(`/api/matters/${id}`), 'matter');
};
const meeting = (env: RoleEnv) => env.state.shared('matters meeting', async () => {
  const a = await made(env, '/api/activities', { organizationId: org(env), kind: 'villager_say_day', heldOn: addDays(today, -6), place: '村委会', topic: '角色表说事日' }, 'meeting');
  return a.id as number;
});

export const MATTER_ROWS: Record<string, RoleRow> = {
  'GET /api/matters': { permission: 'matters.read', probe: () => ({ url: '/api/matters' }) },
  'GET /api/matters/:id': { permission: 'matters.read', personal: true, probe: async (env) => ({ url: `/api/matters/${(await withPhoto(env)).id}` }) },
  'POST /api/matters': { permission: 'matters.handle', personal: true, probe: (env) => ({ url: '/api/matters', body: { ...RAISE, organizationId: org(env) } }) },
  'POST /api/matters/:id/discuss': { permission: 'matters.handle', personal: true, probe: async (env) => ({ url: `/api/matters/${(await raised(env)).id}/discuss`, body: DISCUSS }) },
  'POST /api/matters/:id/steps': { permission: 'matters.handle', personal: true, probe: async (env) => ({ url: `/api/matters/${(await discussed(env)).id}/steps`, body: { on: today, text: '角色表进展' } }) },
  'POST /api/matters/:id/handle': { permission: 'matters.handle', personal: true, probe: async (env) => ({ url: `/api/matters/${(await discussed(env)).id}/handle`, body: HANDLE }) },
  'POST /api/matters/:id/escalate': { permission: 'matters.handle', personal: true, probe: async (env) => ({ url: `/api/matters/${(await raised(env)).id}/escalate`, body: { reason: '角色表上报' } }) },
  'POST /api/matters/:id/rate': { permission: 'matters.handle', personal: true, probe: async (env) => ({ url: `/api/matters/${(await handled(env)).id}/rate`, body: { ratedOn: today, rating: 'satisfied' } }) },
  'POST /api/matters/:id/photos': {
    permission: 'matters.handle', personal: true,
    probe: async (env) => ({ url: `/api/matters/${(await withPhoto(env)).id}/photos`, ...multipart(await jpeg(), '办理.jpg', 'image/jpeg') }),
  },
  'GET /api/matters/:id/photos/:photoId': {
    permission: 'matters.read', personal: true, probe: async (env) => { const m = await withPhoto(env); return { url: `/api/matters/${m.id}/photos/${m.photos[0].id}` }; },
  },
  'GET /api/matters/villages/:orgId/link-options': { permission: 'matters.handle', personal: true, probe: (env) => ({ url: `/api/matters/villages/${org(env)}/link-options` }) },
  'GET /api/matters/meetings/:activityId': { permission: 'matters.read', personal: true, probe: async (env) => ({ url: `/api/matters/meetings/${await meeting(env)}` }) },
  'GET /api/matters/ledger/:orgId.:format': { permission: 'matters.read', personal: true, probe: (env) => ({ url: `/api/matters/ledger/${org(env)}.docx?period=${today.slice(0, 7)}` }) },
};
