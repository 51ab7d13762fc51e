import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, type Permission } from '../src/lib/access/index.js';
import { createTestContext, type TestContext } from './context.js';
import { RoleState } from './matrix/role-state.js';
import { expectedStatuses, permissionsOf, routeOf } from './matrix/role-types.js';
import { ACCOUNTS, buildRoleWorld, type RoleWorld } from './matrix/role-world.js';
import { DUPLICATE_ROWS, ROLE_MODULES, ROLE_ROWS, UNPROBED } from './matrix/roles.js';
import { ROUTES_WITHOUT_ROLE_ROW } from './matrix/roles-unprobed.js';

/**
 * The role table (issue 11): for each route of matrix/roles*.ts × one account per role of a factory town, the
 * status follows from the one permission table in lib/access — success for a holder, 403 for anyone else (404 for
 * a plain 党员 naming a record of the branch) — or, on an open row, success for every account. Its own database,
 * because the successful probes write; the town and its shared records are built once for the file.
 */
let ctx: TestContext;
let world: RoleWorld;
let state: RoleState;

beforeAll(async () => {
  ctx = await createTestContext();
  world = await buildRoleWorld(ctx);
  state = new RoleState(world);
});
afterAll(async () => { await ctx.close(); });

const lastAuditId = async () => Number((await ctx.pool.query('select coalesce(max(id), 0) as id from audit_events')).rows[0].id);
const deniedSince = async (id: number) =>
  Number((await ctx.pool.query(`select count(*) as n from audit_events where id > $1 and result = 'denied'`, [id])).rows[0].n);

describe('role table', () => {
  it('probes every permission of the table, or says why not', () => {
    const probed = new Set(Object.values(ROLE_ROWS).flatMap(permissionsOf));
    const missing = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => !probed.has(p) && !UNPROBED[p]);
    expect(missing, 'permissions without a route in test/matrix/roles*.ts').toEqual([]);
    expect([...probed].filter((p) => UNPROBED[p]), 'permissions both probed and listed as unprobed').toEqual([]);
    expect(DUPLICATE_ROWS, 'rows defined in two module files').toEqual([]);
  });

  it('probes every guarded route, or says why not, and only registered ones', async () => {
    await ctx.app.ready();
    const guarded = ctx.app.routeList.filter((r) => !r.isPublic && r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
    const probed = new Set(Object.keys(ROLE_ROWS).map(routeOf));
    const listed = Object.values(ROUTES_WITHOUT_ROLE_ROW).flat();
    expect([...probed].filter((key) => !guarded.includes(key)), 'role table rows that are not registered guarded routes').toEqual([]);
    expect(guarded.filter((key) => !probed.has(key) && !listed.includes(key)), 'routes neither in the role table nor listed with a reason (matrix/roles-unprobed.ts)').toEqual([]);
    expect(listed.filter((key) => probed.has(key)), 'routes both probed and listed as unprobed').toEqual([]);
    expect(listed.filter((key) => !guarded.includes(key)), 'stale unprobed route entries').toEqual([]);
  });

  // One test per account and module file: each probes a few dozen routes at most, so a test's time does not grow with
  // the whole API (all 148 routes for one account took 3 s quiet and over 15 s at load 14).
  for (const as of ACCOUNTS) for (const [module, rows] of Object.entries(ROLE_MODULES)) {
    it(`${as}: each ${module} route answers as the permission table says`, async () => {
      const account = world.accounts[as];
      // Every row is probed before the verdict, so one run names every route that answers otherwise.
      const wrong: string[] = [];
      for (const [key, row] of Object.entries(rows)) {
        const probe = await Promise.resolve().then(() => row.probe({ world, state, as, account })).catch((e: Error) => e);
        if (probe instanceof Error) {
          wrong.push(`${as} ${key}: the probe's set-up failed: ${probe.message}`);
          continue;
        }
        const before = await lastAuditId();
        const res = await (probe.session ?? account.session).request(key.split(' ')[0] as 'GET', probe.url, probe.body, probe.headers);
        const expected = expectedStatuses(row, account.roles);
        const refusedRight = res.statusCode !== 403 || res.json().code === 'FORBIDDEN';
        const decides = 'open' in row ? `open: ${row.open}` : String(row.permission);
        if (!expected.includes(res.statusCode) || !refusedRight) {
          wrong.push(`${as} ${key} (${decides}): expected ${expected.join('/')}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
        // Every 403 and 404 leaves exactly one 'denied' audit line (issue 12 point 5; plugins/denied-audit.ts).
        const denied = await deniedSince(before);
        if ([403, 404].includes(res.statusCode) && denied !== 1) wrong.push(`${as} ${key} (${decides}): ${res.statusCode} left ${denied} denied audit lines, not 1`);
      }
      expect(wrong, `${as}: ${module} routes answering otherwise than the permission table says`).toEqual([]);
    });
  }
});
