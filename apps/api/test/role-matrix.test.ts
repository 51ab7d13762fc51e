import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@dj/contracts';
import { isSelfOnly, PERMISSIONS, rolesGrant, type Permission } from '../src/lib/access/index.js';
import { createTestContext, orgIds, type Session, type TestContext } from './context.js';
import { ROLE_ROWS, UNPROBED, type OwnRecords } from './matrix/roles.js';

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
  own = { branch: ids['营子村党支部'], member: m.id };
  for (const name of ACCOUNTS) {
    const session = await ctx.signIn(name);
    accounts.set(name, { session, roles: (await session.get('/api/auth/me')).json().user.roles });
  }
});
afterAll(async () => { await ctx.close(); });

describe('role table', () => {
  it('probes every permission of the table, or says why not', () => {
    const probed = new Set(Object.values(ROLE_ROWS).map((c) => c.permission));
    const missing = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => !probed.has(p) && !UNPROBED[p]);
    expect(missing, 'permissions without a route in test/matrix/roles.ts').toEqual([]);
    expect([...probed].filter((p) => UNPROBED[p]), 'permissions both probed and listed as unprobed').toEqual([]);
  });

  it('has the role table rows as registered routes', async () => {
    await ctx.app.ready();
    const routes = ctx.app.routeList.map((r) => `${r.method} ${r.url}`);
    expect(Object.keys(ROLE_ROWS).filter((key) => !routes.includes(key))).toEqual([]);
  });

  for (const name of ACCOUNTS) {
    it(`${name}: each route answers as the permission table says`, async () => {
      const { session, roles } = accounts.get(name) as { session: Session; roles: Role[] };
      const selfOnly = isSelfOnly({ roles });
      for (const [key, c] of Object.entries(ROLE_ROWS)) {
        const probe = c.probe(own);
        const res = await session.request(key.split(' ')[0] as 'GET', probe.url, probe.body);
        const label = `${name} ${key} (${c.permission}): ${res.body.slice(0, 120)}`;
        if (rolesGrant(roles, c.permission)) expect([200, 201], label).toContain(res.statusCode);
        else {
          expect(res.statusCode, label).toBe(c.personal && selfOnly ? 404 : 403);
          if (res.statusCode === 403) expect(res.json().code, label).toBe('FORBIDDEN');
        }
      }
    });
  }
});
