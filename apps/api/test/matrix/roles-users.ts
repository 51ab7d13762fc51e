import { createMember, createUser } from '../factories.js';
import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of 账号管理 (issue 12 point 1): all of it is users.manage (town admins). Each probe that changes an
 * account makes a fresh one of the other branch, so a successful probe disables, resets or ends nobody the others need.
 */
let made = 0;
const fresh = async ({ world }: RoleEnv) => (await createUser(world.town, 'branch_secretary', [world.otherBranch.id])).userId;
const other = ({ world }: RoleEnv) => world.otherSecretary.userId;

export const USER_ROWS: Record<string, RoleRow> = {
  'GET /api/users': { permission: 'users.manage', probe: () => ({ url: '/api/users?role=branch_secretary' }) },
  'POST /api/users': {
    permission: 'users.manage',
    probe: async ({ world }) => {
      const memberId = await createMember(world.town, world.otherBranch.id);
      return {
        url: '/api/users',
        body: { username: `role.table${++made}`, displayName: '角色表账号', person: { kind: 'member', memberId }, grants: [{ role: 'member', organizationId: world.otherBranch.id }] },
      };
    },
  },
  'POST /api/users/credential-sheet': {
    permission: 'users.manage',
    probe: (env) => ({ url: '/api/users/credential-sheet', body: { credentials: [{ userId: other(env), username: 'role.sheet', displayName: '角色表', organizationName: '角色表支部', oneTimePassword: 'Ab3#xyzXYZ2345' }] } }),
  },
  'GET /api/users/bulk/secretaries': { permission: 'users.manage', probe: () => ({ url: '/api/users/bulk/secretaries' }) },
  // Creates whatever secretaries of the world's town lack an account (the first admin's run; later runs create none).
  'POST /api/users/bulk/secretaries': { permission: 'users.manage', probe: () => ({ url: '/api/users/bulk/secretaries', body: {} }) },
  'GET /api/users/:id': { permission: 'users.manage', probe: (env) => ({ url: `/api/users/${other(env)}` }) },
  'PATCH /api/users/:id': {
    permission: 'users.manage',
    probe: async (env) => ({ url: `/api/users/${await fresh(env)}`, body: { displayName: '角色表改名', grants: [{ role: 'branch_secretary', organizationId: env.world.otherBranch.id }] } }),
  },
  'POST /api/users/:id/disable': { permission: 'users.manage', probe: async (env) => ({ url: `/api/users/${await fresh(env)}/disable`, body: {} }) },
  'POST /api/users/:id/enable': { permission: 'users.manage', probe: (env) => ({ url: `/api/users/${other(env)}/enable`, body: {} }) },
  'POST /api/users/:id/reset-password': { permission: 'users.manage', probe: async (env) => ({ url: `/api/users/${await fresh(env)}/reset-password`, body: {} }) },
  'POST /api/users/:id/unlock': { permission: 'users.manage', probe: (env) => ({ url: `/api/users/${other(env)}/unlock`, body: {} }) },
  'GET /api/users/:id/sessions': { permission: 'users.manage', probe: (env) => ({ url: `/api/users/${other(env)}/sessions` }) },
  'DELETE /api/users/:id/sessions/:sessionId': {
    permission: 'users.manage',
    probe: async (env) => {
      const id = await fresh(env);
      const [session] = (await env.world.town.admin.get(`/api/users/${id}/sessions`)).json().items;
      return { url: `/api/users/${id}/sessions/${session.id}` };
    },
  },
};
