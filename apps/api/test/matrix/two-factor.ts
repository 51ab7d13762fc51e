import { NONEXISTENT_ID as N, type Case, type MatrixModule } from './types.js';

/**
 * Two-factor (issue 12 point 3): the caller's own second factor (no id to name), and a town admin's reset of
 * another user's, which names a user: a user of another town must look like no user at all. The second step of
 * sign-in is public (a pending sign-in, no session) and is tested in the module.
 */
const rows: Record<string, Case> = {
  'GET /api/two-factor/status': {},
  'POST /api/two-factor/enrolment': {},
  'POST /api/two-factor/enrolment/confirm': {},
  'POST /api/two-factor/recovery-codes': {},
  'POST /api/two-factor/disable': {},
  'POST /api/two-factor/users/:id/reset': { foreign: (f) => [{ url: `/api/two-factor/users/${f.user}/reset`, body: {} }] },
};

export const twoFactorMatrix: MatrixModule = {
  rows,
  nonexistent: { user: N },
  // The villages' secretaries of the demo town, and an account of the neighbouring town.
  async setup({ pool, otherTenantId, otherCommitteeId }) {
    const userId = async (username: string) => Number((await pool.query('select id from users where username = $1', [username])).rows[0].id);
    const { rows: [other] } = await pool.query(`insert into users (tenant_id, username, display_name, password_hash)
      values ($1, 'neighbour_inspector', '邻镇检查员', 'x') returning id`, [otherTenantId]);
    await pool.query(`insert into role_grants (user_id, role, organization_id) values ($1, 'inspector', $2)`, [other.id, otherCommitteeId]);
    return { xihuagou: { user: await userId('xihuagou') }, yingzi: { user: await userId('yingzi') }, other: { user: Number(other.id) } };
  },
};
