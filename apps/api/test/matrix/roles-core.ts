import { DEMO_PASSWORD } from '../context.js';
import { sessionFor } from '../factories.js';
import { setPassword } from '../../src/modules/auth/repository.js';
import { hashPassword } from '../../src/modules/auth/service.js';
import type { RoleRow } from './role-types.js';

/**
 * Role table rows of the town-wide routes: the caller's own session and records, reference data every account
 * reads, settings, supervision, the SMS log, the to-do list and the organisation tree.
 */

/** A password the change probe replaces with DEMO_PASSWORD. */
const PROBE_PASSWORD = 'matrix-probe-Kq7#2026';

/** Each organisation probe names a new group. */
let group = 0;

export const CORE_ROWS: Record<string, RoleRow> = {
  // The caller's own session and records: every account, on its own.
  'GET /api/auth/me': { open: 'own', probe: () => ({ url: '/api/auth/me' }) },
  // Signing out ends the session it is sent from: a second session of the same account, so the probed one lives on.
  'POST /api/auth/logout': { open: 'own', probe: async ({ world, account }) => ({ url: '/api/auth/logout', body: {}, session: await sessionFor(world.ctx, account.userId) }) },
  'POST /api/auth/step-up': { open: 'own', probe: () => ({ url: '/api/auth/step-up', body: { password: DEMO_PASSWORD } }) },
  // Issue 12 point 2. The change must leave DEMO_PASSWORD in force for the probes after it: the account is given another
  // password first and changes back; its other sessions end, the probed one lives on.
  'POST /api/auth/password': {
    open: 'own',
    probe: async ({ world, account }) => {
      await setPassword(world.ctx.db, account.userId, await hashPassword(PROBE_PASSWORD));
      return { url: '/api/auth/password', body: { currentPassword: PROBE_PASSWORD, newPassword: DEMO_PASSWORD } };
    },
  },
  'GET /api/auth/password-policy': { open: 'own', probe: () => ({ url: '/api/auth/password-policy' }) },
  'GET /api/auth/sessions': { open: 'own', probe: () => ({ url: '/api/auth/sessions' }) },
  'PATCH /api/auth/preferences': { open: 'own', probe: () => ({ url: '/api/auth/preferences', body: { elderMode: false } }) },
  // Ends a second session of the same account, found by its number in the list it sees as its current one.
  'DELETE /api/auth/sessions/:id': {
    open: 'own',
    probe: async ({ world, account }) => {
      const other = await sessionFor(world.ctx, account.userId);
      const mine = (await other.get('/api/auth/sessions')).json().items.find((s: { current: boolean }) => s.current);
      return { url: `/api/auth/sessions/${mine.id}` };
    },
  },
  'GET /api/notifications': { open: 'own', probe: () => ({ url: '/api/notifications' }) },
  'POST /api/notifications/:id/read': { open: 'own', probe: async ({ state, as }) => ({ url: `/api/notifications/${await state.notificationOf(as)}/read`, body: {} }) },
  'POST /api/notifications/read-all': { open: 'own', probe: () => ({ url: '/api/notifications/read-all', body: {} }) },
  'GET /api/my/activities': { open: 'own', probe: () => ({ url: '/api/my/activities' }) },
  'GET /api/member-exports': { open: 'own', probe: () => ({ url: '/api/member-exports' }) },

  // The town's rules and reference lists, the same for every account.
  'GET /api/villages': { open: 'reference', probe: () => ({ url: '/api/villages' }) },
  'GET /api/settings': { open: 'reference', probe: () => ({ url: '/api/settings' }) },
  'GET /api/inspection/checklist': { open: 'reference', probe: () => ({ url: '/api/inspection/checklist' }) },
  'GET /api/disclosure/rules': { open: 'reference', probe: () => ({ url: '/api/disclosure/rules' }) },
  'GET /api/recruitment/steps': { open: 'reference', probe: () => ({ url: '/api/recruitment/steps' }) },
  'GET /api/checklist-templates': { open: 'reference', probe: () => ({ url: '/api/checklist-templates' }) },
  // The blank import sheet carries no member's data.
  'GET /api/members/import-template': { open: 'reference', probe: () => ({ url: '/api/members/import-template' }) },

  'GET /api/outbox': { permission: 'notifications.readLog', probe: () => ({ url: '/api/outbox' }) },
  'PATCH /api/settings/:key': { permission: 'settings.manage', probe: () => ({ url: '/api/settings/security.stepUpMinutes', body: { value: 10 } }) },
  'GET /api/supervision/assignments': { permission: 'supervision.read', probe: () => ({ url: '/api/supervision/assignments' }) },
  'GET /api/supervision/queue': { permission: 'supervision.read', probe: () => ({ url: '/api/supervision/queue' }) },
  'PUT /api/supervision/assignments': {
    permission: 'supervision.assign',
    probe: ({ world }) => ({ url: '/api/supervision/assignments', body: { organizationId: world.branch.id, userIds: [world.accounts.supervisor.userId, world.otherSupervisor.userId] } }),
  },
  'GET /api/tasks': { permission: 'branch.browse', probe: ({ world }) => ({ url: `/api/tasks?orgId=${world.branch.id}` }) },

  // The organisation tree: every account reads the part its scope holds.
  'GET /api/organizations': { open: 'scope', probe: () => ({ url: '/api/organizations?range=subtree' }) },
  'GET /api/organizations/:id': { open: 'scope', probe: ({ world }) => ({ url: `/api/organizations/${world.branch.id}` }) },
  'GET /api/organizations/:id/history': { open: 'scope', probe: ({ world }) => ({ url: `/api/organizations/${world.branch.id}/history` }) },
  'PATCH /api/organizations/:id': { permission: 'organizations.manage', probe: ({ world }) => ({ url: `/api/organizations/${world.branch.id}`, body: { isJoint: false } }) },
  'POST /api/organizations': {
    permission: ['organizations.manage', 'organizations.manageGroups'],
    probe: ({ world }) => ({ url: '/api/organizations', body: { parentId: world.branch.id, name: `角色表第${++group}党小组`, kind: 'group' } }),
  },
  // Closing a group of the branch: the town admin, or the branch's secretary below their own branch.
  'POST /api/organizations/:id/close': {
    permission: ['organizations.manage', 'organizations.manageGroups'],
    probe: async ({ state }) => ({ url: `/api/organizations/${await state.group()}/close`, body: { reason: '角色表核对撤销' } }),
  },
};
