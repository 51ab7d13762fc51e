import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, orgIds, type Session, type TestContext } from './context.js';
import { assessmentMatrix } from './matrix/assessment.js';
import { awayMatrix } from './matrix/away.js';
import { benchmarkMatrix } from './matrix/benchmark.js';
import { cadresMatrix } from './matrix/cadres.js';
import { cadreDocumentsMatrix } from './matrix/cadre-documents.js';
import { talentMatrix } from './matrix/talent.js';
import { coreMatrix } from './matrix/core.js';
import { dashboardMatrix } from './matrix/dashboard.js';
import { districtMatrix } from './matrix/district.js';
import { economyMatrix } from './matrix/economy.js';
import { partnershipsMatrix } from './matrix/economy-partnerships.js';
import { economyActorsMatrix } from './matrix/economy-actors.js';
import { educationMatrix } from './matrix/education.js';
import { tripsMatrix } from './matrix/education-trips.js';
import { venuesMatrix } from './matrix/education-venues.js';
import { showcasesMatrix } from './matrix/showcases.js';
import { disclosureMatrix } from './matrix/disclosure.js';
import { exportsMatrix } from './matrix/exports.js';
import { householdsMatrix } from './matrix/households.js';
import { inspectionMatrix } from './matrix/inspection.js';
import { mattersMatrix } from './matrix/matters.js';
import { positionsMatrix } from './matrix/positions.js';
import { recruitmentMatrix } from './matrix/recruitment.js';
import { reservesMatrix } from './matrix/reserves.js';
import { statisticsMatrix } from './matrix/statistics.js';
import { twoFactorMatrix } from './matrix/two-factor.js';
import { usersMatrix } from './matrix/users.js';
import { NONEXISTENT_ID, type Case, type Ids, type MatrixEnv, type MatrixModule, type Place } from './matrix/types.js';

/**
 * The cross-scope matrix (security checklist A.1/A.4): every route × every role, called with ids of
 * records outside the caller's scope (another village, another tenant), must answer 404 and leak
 * nothing. A route missing from the matrix fails the build: add its row to its module under
 * test/matrix/ (one file per module, see matrix/types.ts) in the same commit.
 */
const MODULES: MatrixModule[] = [coreMatrix, recruitmentMatrix, inspectionMatrix, disclosureMatrix, positionsMatrix, twoFactorMatrix, usersMatrix, exportsMatrix, cadresMatrix,
  cadreDocumentsMatrix, reservesMatrix, talentMatrix, awayMatrix, assessmentMatrix, statisticsMatrix, dashboardMatrix,
  benchmarkMatrix, districtMatrix, economyMatrix, partnershipsMatrix,
  economyActorsMatrix, educationMatrix, tripsMatrix, venuesMatrix, mattersMatrix, showcasesMatrix, householdsMatrix,
];
const PLACES: Place[] = ['xihuagou', 'yingzi', 'other'];

/** Merges records of several modules into one, refusing a key that two of them define. */
function mergeDistinct<T>(what: string, parts: Record<string, T>[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (key in out) throw new Error(`scope matrix: ${what} "${key}" is defined by two modules`);
      out[key] = value;
    }
  }
  return out;
}

const MATRIX: Record<string, Case> = mergeDistinct('row', MODULES.map((m) => m.rows));
/** The harness's own kinds (org, member), then every module's. */
const NONEXISTENT = mergeDistinct('id kind', [{ org: NONEXISTENT_ID, member: NONEXISTENT_ID }, ...MODULES.map((m) => m.nonexistent ?? {})]) as Ids;
/** The matrix's rows by the first segment after /api/ (only areas with probes of foreign ids). */
const AREAS = new Map<string, [string, Case][]>();
for (const row of Object.entries(MATRIX)) {
  const area = row[0].split(' ')[1].split('/')[2] ?? '';
  if (row[1].foreign) AREAS.set(area, [...(AREAS.get(area) ?? []), row]);
}
/**
 * At most this many rows per test: an area with many routes (集体经济's income, 一村一品, 经营主体, 村级项目 all under
 * /api/economy) is probed in parts, so each test stays a few seconds on a busy machine.
 */
const ROWS_PER_TEST = 12;
const PARTS: [string, [string, Case][]][] = [...AREAS].flatMap(([area, rows]) => {
  const n = Math.ceil(rows.length / ROWS_PER_TEST);
  return Array.from({ length: n }, (_, i) => [n === 1 ? area : `${area} (${i + 1}/${n})`, rows.slice(i * ROWS_PER_TEST, (i + 1) * ROWS_PER_TEST)] as [string, [string, Case][]]);
});
const ROLES = ['admin', 'supervisor', 'inspector', 'yingzi', 'xihuagou', 'member'] as const;

let ctx: TestContext;
const sessions = new Map<string, Session>();
/** For each account: records outside its scope, and records inside it to carry nested ids. */
const targets: Record<string, { foreign: Ids[]; own: Ids; foreignNames: string[] }> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  // A second town in the same database: the town admin of the first must not reach it either.
  const { rows: [t2] } = await ctx.pool.query(`insert into tenants (code, name) values ('999999001', '邻镇') returning id`);
  const { rows: [c2] } = await ctx.pool.query(`insert into organizations (tenant_id, path, name, kind) values ($1, '/0/', '邻镇党委', 'committee') returning id`, [t2.id]);
  await ctx.pool.query(`update organizations set path = '/' || id || '/' where id = $1`, [c2.id]);
  const { rows: [b2] } = await ctx.pool.query(`insert into organizations (tenant_id, parent_id, path, name, kind) values ($1, $2, '/0/', '邻村党支部', 'branch') returning id`, [t2.id, c2.id]);
  await ctx.pool.query(`update organizations set path = '/' || $2 || '/' || id || '/' where id = $1`, [b2.id, c2.id]);
  const ids = await orgIds(ctx.pool);
  // One member in the neighbouring town, so member routes have a foreign id there too.
  const { rows: [p2] } = await ctx.pool.query(`insert into persons (tenant_id, name, gender, birth_date, id_number_enc, id_number_hash, id_number_masked)
    values ($1, '邻镇党员', 'male', '1970-01-01', 'v1:x', 'h-neighbour', '370402********0011') returning id`, [t2.id]);
  const { rows: [m2] } = await ctx.pool.query(`insert into members (tenant_id, person_id, organization_id, joined_at, standing)
    values ($1, $2, $3, '1995-07-01', 'full') returning id`, [t2.id, p2.id, b2.id]);
  const memberOf = async (org: string) => Number((await ctx.pool.query(
    'select m.id from members m join organizations o on o.id = m.organization_id where o.name = $1 order by m.id limit 1', [org])).rows[0].id);
  const { rows: [anyUser] } = await ctx.pool.query('select id from users order by id limit 1');
  const env: MatrixEnv = {
    pool: ctx.pool, ids, otherTenantId: t2.id, otherCommitteeId: c2.id, otherBranchId: b2.id, otherMemberId: m2.id, memberOf, anyUserId: anyUser.id,
  };
  // Per place: the branch and a member of it, then each module's records there (in MODULES order).
  const base: Record<Place, Record<string, number>> = {
    xihuagou: { org: ids['西花沟村党支部'], member: await memberOf('西花沟村党支部') },
    yingzi: { org: ids['营子村党支部'], member: await memberOf('营子村党支部') },
    other: { org: b2.id, member: m2.id },
  };
  const made: Record<Place, Record<string, number>[]> = { xihuagou: [base.xihuagou], yingzi: [base.yingzi], other: [base.other] };
  for (const m of MODULES) {
    if (!m.setup) continue;
    const extra = await m.setup(env);
    for (const p of PLACES) made[p].push(extra[p]);
  }
  const at = {} as Record<Place, Ids>;
  for (const p of PLACES) {
    at[p] = mergeDistinct(`id kind (${p})`, made[p]) as Ids;
    // Every kind needs a foreign id in each place and a nonexistent one, or probes would name "undefined".
    expect(Object.keys(at[p]).sort(), `ids made for ${p} vs. nonexistent ids`).toEqual(Object.keys(NONEXISTENT).sort());
  }
  const xihuagou = { ids: [at.xihuagou, { ...at.xihuagou, org: ids['西花沟村党支部/第一党小组'] }], names: ['西花沟'] };
  const yingzi = { ids: [at.yingzi], names: ['营子'] };
  const ownYingzi: Ids = { ...at.yingzi, org: ids['营子村党支部/第一党小组'] };
  const ownXihuagou: Ids = { ...at.xihuagou, org: ids['西花沟村党支部/第一党小组'] };
  const set = (u: string, f: { ids: Ids[]; names: string[] }, own: Ids) => {
    targets[u] = { foreign: [...f.ids, at.other], own, foreignNames: [...f.names, '邻村党支部', '邻镇党员'] };
  };
  set('admin', { ids: [], names: [] }, ownYingzi);
  set('inspector', { ids: [], names: [] }, ownYingzi);
  set('supervisor', xihuagou, ownYingzi);
  set('yingzi', xihuagou, ownYingzi);
  set('member', xihuagou, ownYingzi);
  set('xihuagou', yingzi, ownXihuagou);
  for (const r of ROLES) sessions.set(r, await ctx.signIn(r));
});
afterAll(async () => { await ctx.close(); });

const lastAuditId = async () => Number((await ctx.pool.query('select coalesce(max(id), 0) as id from audit_events')).rows[0].id);
/** The route patterns of the denied-access lines written after an audit id, in order. */
const deniedRoutesSince = async (id: number) => (await ctx.pool.query<{ route: string }>(
  `select detail->>'route' as route from audit_events where id > $1 and action = 'access.denied' order by id`, [id])).rows.map((r) => r.route);

describe('scope matrix', () => {
  it('covers every route the app registers', async () => {
    await ctx.app.ready();
    const guarded = ctx.app.routeList.filter((r) => !r.isPublic && r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
    const missing = guarded.filter((key) => !(key in MATRIX));
    expect(missing, 'routes missing from the scope matrix (add a row to their module under test/matrix/)').toEqual([]);
    expect(Object.keys(MATRIX).filter((key) => !guarded.includes(key)), 'stale matrix rows').toEqual([]);
    // Public pages take no session, so they have no 401 or per-role rows: a module's hook probes them instead.
    const open = ctx.app.routeList.filter((r) => r.isPublic && /^\/(api\/)?public\//.test(r.url)).map((r) => `${r.method} ${r.url}`);
    const probed = MODULES.flatMap((m) => m.publicRoutes ?? []);
    expect(open.filter((key) => !probed.includes(key)), 'public routes without probes in the scope matrix').toEqual([]);
    expect(probed.filter((key) => !open.includes(key)), 'stale public route entries').toEqual([]);
  });

  it('answers 401 to every guarded route without a session', async () => {
    for (const key of Object.keys(MATRIX)) {
      const [method, url] = key.split(' ');
      const res = await ctx.app.inject({ method: method as 'GET', url: url.replace(':id', '1'), payload: method === 'GET' ? undefined : {} });
      expect(res.statusCode, key).toBe(401);
    }
  });

  for (const role of ROLES) {
    // One test per role and first path segment (members, activities, …): each stays a few seconds even on a busy
    // machine, and a failure names the area; together they still cover every row of the matrix.
    for (const [area, rows] of PARTS) it(`${role}: ids outside the scope answer 404 and leak nothing, on every ${area} route`, async () => {
      const s = sessions.get(role) as Session;
      const { foreign, own, foreignNames } = targets[role];
      let probes = 0;
      for (const [key, c] of rows) {
        if (!c.foreign) continue;
        const [method, route] = key.split(' ') as ['GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', string];
        const absent = c.foreign(NONEXISTENT, own);
        for (const f of foreign) {
          for (const [i, probe] of c.foreign(f, own).entries()) {
            const before = await lastAuditId();
            const res = await s.request(method, probe.url, probe.body);
            const control = await s.request(method, absent[i].url, absent[i].body);
            probes++;
            // Each refusal leaves its denied-access line naming the route pattern (issue 12 point 5); a 400 is no refusal.
            const audited = res.statusCode === 400 ? [] : [route, route];
            expect(await deniedRoutesSince(before), `${role} ${key} ${probe.url}: audited`).toEqual(audited);
            // Out of scope must look exactly like "does not exist": same status, same body.
            expect(res.statusCode, `${role} ${key} ${probe.url}`).toBe(control.statusCode);
            expect(res.body, `${role} ${key} ${probe.url}`).toBe(control.body);
            // A nested id may also fail validation (400), identically for foreign and nonexistent ids.
            expect([400, 403, 404], `${role} ${key} ${probe.url}`).toContain(res.statusCode);
            if (new RegExp(`[/=](${f.org}|${f.member})(/|&|$)`).test(probe.url)) expect(res.statusCode, `${role} ${key} ${probe.url}`).toBe(404);
            for (const name of foreignNames) expect(res.body, `${role} ${key}`).not.toContain(name);
          }
        }
      }
      expect(probes).toBeGreaterThan(0);
    });

    it(`${role}: lists contain only records inside the scope`, async () => {
      const s = sessions.get(role) as Session;
      const orgs: { id: number; path: string }[] = (await s.get(MATRIX['GET /api/organizations'].list as string)).json().items;
      const me = (await s.get('/api/auth/me')).json();
      const roots: string[] = me.scope.map((r: { path: string }) => r.path);
      expect(orgs.length).toBeGreaterThan(0);
      for (const o of orgs) expect(roots.some((p) => o.path.startsWith(p)), o.path).toBe(true);
      // Each module checks its own lists against the organisations the caller sees.
      const visible = new Set(orgs.map((o) => o.id));
      for (const m of MODULES) await m.lists?.(s, role, visible, targets[role].foreignNames);
    });
  }

  it('left every foreign record untouched', async () => {
    for (const m of MODULES) await m.untouched?.(ctx.pool);
  });
});
