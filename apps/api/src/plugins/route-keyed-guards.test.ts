import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { createActivity, createBranch, createMember, createTown, type Town } from '../../test/factories.js';

/**
 * Issue 12 point 5, first correction: the CSRF check and `Cache-Control: no-store` key on the route Fastify matched,
 * not on the raw URL. A percent-encoded path (/%61pi/…) is decoded by the router and reaches the same handler, so a
 * guard that reads `request.url` let it through without a token and cached its answer.
 */
let ctx: TestContext;
let town: Town;
let branchId: number;
let memberId: number;
let activityId: number;
beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  branchId = (await createBranch(town)).id;
  memberId = await createMember(town, branchId);
  activityId = (await createActivity(town.admin, branchId)).id;
});
afterAll(async () => { await ctx.close(); });

/** Ways to spell `/api/…` that a guard reading the raw URL misses; each either reaches the route or is no route at all. */
const SPELLINGS: { name: string; spell: (path: string) => string }[] = [
  { name: 'as registered', spell: (p) => `/api${p}` },
  { name: '/%61pi (a percent-encoded letter)', spell: (p) => `/%61pi${p}` },
  { name: '/%61%70%69 (all three letters encoded)', spell: (p) => `/%61%70%69${p}` },
  { name: 'an encoded letter after /api/, upper-case hex', spell: (p) => `/api/%${p.charCodeAt(1).toString(16).toUpperCase()}${p.slice(2)}` },
  { name: 'an encoded letter after /api/, lower-case hex', spell: (p) => `/api/%${p.charCodeAt(1).toString(16)}${p.slice(2)}` },
  { name: '//api (double slash)', spell: (p) => `//api${p}` },
  { name: '/api// (double slash inside)', spell: (p) => `/api/${p}` },
  { name: '/API (upper case)', spell: (p) => `/API${p}` },
];

/** A 404 is the router not knowing the spelling: no handler ran, nothing to guard. Anything else must have met the guard. */
function expectGuarded(res: { statusCode: number; json(): { code: string } }, what: string) {
  if (res.statusCode === 404) expect(res.json().code, what).toBe('NOT_FOUND');
  else expect([res.statusCode, res.json().code], what).toEqual([403, 'CSRF']);
}

describe('point 5 · CSRF and no-store key on the matched route, whatever the spelling of the URL', () => {
  it('CSRF on the matched route: a POST without the token is refused under every spelling, uploads and the roster import included', async () => {
    const routes = [
      `/members/${memberId}/reveal`,
      `/members/import?orgId=${branchId}&dryRun=false`,
      `/activities/${activityId}/files?category=photo`,
      `/activities`,
    ];
    let reached = 0;
    for (const path of routes) {
      for (const { name, spell } of SPELLINGS) {
        const res = await ctx.app.inject({ method: 'POST', url: spell(path), headers: { cookie: town.admin.cookie }, payload: {} });
        expectGuarded(res, `POST ${path} spelled ${name}: ${res.statusCode} ${res.body}`);
        if (res.statusCode !== 404) reached++;
      }
    }
    // The encoded spellings do reach the routes (3 per route besides the registered one): the refusals above are the guard's.
    expect(reached).toBeGreaterThanOrEqual(routes.length * 4);
  });

  it('no-store on the matched route: every spelling that reaches an /api route answers Cache-Control: no-store', async () => {
    const routes = [`/members/${memberId}`, `/activities/${activityId}`, `/members/import-template`];
    let reached = 0;
    for (const path of routes) {
      for (const { name, spell } of SPELLINGS) {
        const res = await ctx.app.inject({ method: 'GET', url: spell(path), headers: { cookie: town.admin.cookie } });
        // No route (404), or the web's file route refusing a path that is no file (403): nothing of the API answered.
        if (res.statusCode !== 200) {
          expect([403, 404], `GET ${path} spelled ${name}`).toContain(res.statusCode);
          continue;
        }
        reached++;
        expect(res.headers['cache-control'], `GET ${path} spelled ${name}`).toBe('no-store');
      }
    }
    expect(reached).toBeGreaterThanOrEqual(routes.length * 4);
  });

  it('the matched route also demands a session: an encoded spelling without the cookie answers 401', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/%61pi/members/${memberId}` });
    expect([res.statusCode, res.json().code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});
