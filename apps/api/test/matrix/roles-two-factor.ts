import { hashToken } from '../../src/plugins/auth.js';
import type { Session } from '../context.js';
import { enrolSecondFactor, totpCode } from '../factories.js';
import type { RoleRow } from './role-types.js';
import type { RoleWorld } from './role-world.js';

/**
 * Role table rows of the second factor (issue 12 point 3): every account manages its own (open: own), a town admin
 * resets another user's. Each probe makes the state it needs on the probed account: an unconfirmed secret to confirm,
 * a confirmed factor and a step-up for new recovery codes or for disabling (which the town then must not require).
 */
async function enrolled(session: Session): Promise<void> {
  if (!(await session.get('/api/two-factor/status')).json().enabled) await enrolSecondFactor(session);
}

/** The session counts as stepped up now, as the step-up route leaves it (that route's argon2 is tested in auth; a probe need not pay it). */
async function steppedUp(world: RoleWorld, session: Session): Promise<void> {
  await world.ctx.pool.query('update sessions set stepped_up_at = now() where id = $1', [hashToken(session.cookie.replace(/^sid=/, ''))]);
}

export const TWO_FACTOR_ROWS: Record<string, RoleRow> = {
  'GET /api/two-factor/status': { open: 'own', probe: () => ({ url: '/api/two-factor/status' }) },
  'POST /api/two-factor/enrolment': { open: 'own', probe: () => ({ url: '/api/two-factor/enrolment', body: {} }) },
  'POST /api/two-factor/enrolment/confirm': {
    open: 'own',
    probe: async ({ account }) => {
      const { secret } = (await account.session.post('/api/two-factor/enrolment')).json();
      return { url: '/api/two-factor/enrolment/confirm', body: { code: totpCode(secret) } };
    },
  },
  'POST /api/two-factor/recovery-codes': {
    open: 'own',
    probe: async ({ world, account }) => {
      await enrolled(account.session);
      await steppedUp(world, account.session);
      return { url: '/api/two-factor/recovery-codes', body: {} };
    },
  },
  'POST /api/two-factor/disable': {
    open: 'own',
    probe: async ({ world, account }) => {
      await world.town.admin.patch('/api/settings/security.twoFactorRequired', { value: 0 });
      await enrolled(account.session);
      await steppedUp(world, account.session);
      return { url: '/api/two-factor/disable', body: {} };
    },
  },
  // The admin's own step-up first, so only the permission decides; the other branch's secretary is nobody's own account.
  'POST /api/two-factor/users/:id/reset': {
    permission: 'twoFactor.reset',
    probe: async ({ world, account }) => {
      await steppedUp(world, account.session);
      return { url: `/api/two-factor/users/${world.otherSecretary.userId}/reset`, body: {} };
    },
  },
};
