import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@dj/contracts';
import { isSelfOnly, PERMISSIONS, rolesGrant, type Permission } from '../src/lib/access/index.js';
import { createTestContext, orgIds, type Session, type TestContext } from './context.js';
import { RoleState } from './matrix/role-state.js';
import { ROLE_ROWS, routeOf, UNPROBED, type OwnRecords } from './matrix/roles.js';
import { ROUTES_WITHOUT_ROLE_ROW } from './matrix/roles-unprobed.js';

/**
 * The role table (issue 11): for each route of matrix/roles.ts × each demo account, the status follows from the
 * one permission table in lib/access — success for a holder, 403 for anyone else (404 for a plain 党员 naming
 * another person's record). Its own database, because the successful probes write.
 */
const ACCOUNTS = ['admin', 'supervisor', 'inspector', 'yingzi', 'member'] as const;

let ctx: TestContext;
let own: OwnRecords;
const accounts = new Map<string, { session: Session; roles: Role[] }>();

beforeAll(async () => {
  ctx = await createTestContext();
  const ids = await orgIds(ctx.pool);
  const { rows: [m] } = await ctx.pool.query(`select m.id from members m join users u on u.username = 'member'
    where m.organization_id = $1 and m.person_id is distinct from u.person_id order by m.id limit 1`, [ids['营子村党支部']]);
  const { rows: users } = await ctx.pool.query<{ username: string; id: number }>('select username, id from users');
  for (const name of ACCOUNTS) {
    const session = await ctx.signIn(name);
    accounts.set(name, { session, roles: (await session.get('/api/auth/me')).json().user.roles });
  }
  const admin = (accounts.get('admin') as { session: Session }).session;
  const state = new RoleState(ctx.pool, ids['营子村党支部'], Object.fromEntries(users.map((u) => [u.username, u.id])), admin);
  own = { branch: ids['营子村党支部'], member: m.id, otherBranch: ids['西花沟村党支部'], state };
});
afterAll(async () => { await ctx.close(); });

describe('role table', () => {
  it('probes every permission of the table, or says why not', () => {
    const probed = new Set(Object.values(ROLE_ROWS).flatMap((c) => c.permission));
    const missing = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => !probed.has(p) && !UNPROBED[p]);
    expect(missing, 'permissions without a route in test/matrix/roles.ts').toEqual([]);
    expect([...probed].filter((p) => UNPROBED[p]), 'permissions both probed and listed as unprobed').toEqual([]);
  });

  it('has the role table rows as registered routes', async () => {
    await ctx.app.ready();
    const routes = ctx.app.routeList.map((r) => `${r.method} ${r.url}`);
    expect(Object.keys(ROLE_ROWS).map(routeOf).filter((key) => !routes.includes(key))).toEqual([]);
  });

  it('probes every guarded route, or says why not', async () => {
    await ctx.app.ready();
    const guarded = ctx.app.routeList.filter((r) => !r.isPublic && r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
    const probed = new Set(Object.keys(ROLE_ROWS).map(routeOf));
    const listed = Object.values(ROUTES_WITHOUT_ROLE_ROW).flat();
    expect(guarded.filter((key) => !probed.has(key) && !listed.includes(key)), 'routes neither in the role table nor listed with a reason (matrix/roles-unprobed.ts)').toEqual([]);
    expect(listed.filter((key) => probed.has(key)), 'routes both probed and listed as unprobed').toEqual([]);
    expect(listed.filter((key) => !guarded.includes(key)), 'stale unprobed route entries').toEqual([]);
  });

  for (const name of ACCOUNTS) {
    it(`${name}: each route answers as the permission table says`, async () => {
      const { session, roles } = accounts.get(name) as { session: Session; roles: Role[] };
      const selfOnly = isSelfOnly({ roles });
      // Every row is probed before the verdict, so one run names every route that answers otherwise.
      const wrong: string[] = [];
      for (const [key, c] of Object.entries(ROLE_ROWS)) {
        const probe = await c.probe(own);
        const res = await session.request(key.split(' ')[0] as 'GET', probe.url, probe.body);
        const granted = [c.permission].flat().some((p) => rolesGrant(roles, p));
        const expected = granted ? [200, 201] : [(c.personal && selfOnly) || c.hiddenWithout ? 404 : 403];
        const refusedRight = res.statusCode !== 403 || res.json().code === 'FORBIDDEN';
        if (!expected.includes(res.statusCode) || !refusedRight) {
          wrong.push(`${key} (${String(c.permission)}): expected ${expected.join('/')}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
      expect(wrong, `${name}: routes answering otherwise than the permission table says`).toEqual([]);
    });
  }
});
