import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, orgIds, type Session, type TestContext } from './context.js';

/**
 * The cross-scope matrix (security checklist A.1/A.4): every route × every role, called with ids of
 * records outside the caller's scope (another village, another tenant), must answer 404 and leak
 * nothing. A route missing from MATRIX fails the build: add it here in the same commit.
 */
interface Probe { url: string; body?: unknown }
interface Case {
  /** Requests that name a record outside the caller's scope (path, query and nested body ids). */
  foreign?: (foreignId: number, ownId: number) => Probe[];
  /** List routes: every returned organisation must lie inside the caller's scope. */
  list?: string;
}

const MATRIX: Record<string, Case> = {
  'GET /api/auth/me': {},
  'POST /api/auth/logout': {},
  'GET /api/villages': {},
  'GET /api/organizations': {
    list: '/api/organizations?range=subtree&includeClosed=true',
    foreign: (f) => [{ url: `/api/organizations?rootId=${f}&range=self` }, { url: `/api/organizations?rootId=${f}&range=subtree` }],
  },
  'GET /api/organizations/:id': { foreign: (f) => [{ url: `/api/organizations/${f}` }] },
  'GET /api/organizations/:id/history': { foreign: (f) => [{ url: `/api/organizations/${f}/history` }] },
  'POST /api/organizations': { foreign: (f) => [{ url: '/api/organizations', body: { parentId: f, name: '越权党小组', kind: 'group' } }] },
  'PATCH /api/organizations/:id': {
    foreign: (f, own) => [
      { url: `/api/organizations/${f}`, body: { name: '越权改名' } },
      { url: `/api/organizations/${own}`, body: { parentId: f } },
    ],
  },
  'POST /api/organizations/:id/close': { foreign: (f) => [{ url: `/api/organizations/${f}/close`, body: { reason: '越权撤销' } }] },
};

const NONEXISTENT = 99_999_999;
const ROLES = ['admin', 'supervisor', 'inspector', 'yingzi', 'xihuagou', 'member'] as const;

let ctx: TestContext;
let ids: Record<string, number>;
const sessions = new Map<string, Session>();
/** For each account: an organisation outside its scope, and one inside it to carry nested ids. */
const targets: Record<string, { foreign: number[]; own: number; foreignNames: string[] }> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  // A second town in the same database: the town admin of the first must not reach it either.
  const { rows: [t2] } = await ctx.pool.query(`insert into tenants (code, name) values ('999999001', '邻镇') returning id`);
  const { rows: [c2] } = await ctx.pool.query(`insert into organizations (tenant_id, path, name, kind) values ($1, '/0/', '邻镇党委', 'committee') returning id`, [t2.id]);
  await ctx.pool.query(`update organizations set path = '/' || id || '/' where id = $1`, [c2.id]);
  const { rows: [b2] } = await ctx.pool.query(`insert into organizations (tenant_id, parent_id, path, name, kind) values ($1, $2, '/0/', '邻村党支部', 'branch') returning id`, [t2.id, c2.id]);
  await ctx.pool.query(`update organizations set path = '/' || $2 || '/' || id || '/' where id = $1`, [b2.id, c2.id]);
  ids = await orgIds(ctx.pool);
  const otherTown = { ids: [b2.id], names: ['邻村党支部'] };
  const xihuagou = { ids: [ids['西花沟村党支部'], ids['西花沟村党支部/第一党小组']], names: ['西花沟'] };
  const yingzi = { ids: [ids['营子村党支部'], ids['营子村党支部/第一党小组']], names: ['营子'] };
  const set = (u: string, f: { ids: number[]; names: string[] }, own: number) => {
    targets[u] = { foreign: [...f.ids, ...otherTown.ids], own, foreignNames: [...f.names, ...otherTown.names] };
  };
  set('admin', { ids: [], names: [] }, ids['营子村党支部/第一党小组']);
  set('inspector', { ids: [], names: [] }, ids['营子村党支部/第一党小组']);
  set('supervisor', xihuagou, ids['营子村党支部/第一党小组']);
  set('yingzi', xihuagou, ids['营子村党支部/第一党小组']);
  set('member', xihuagou, ids['营子村党支部/第一党小组']);
  set('xihuagou', yingzi, ids['西花沟村党支部/第一党小组']);
  for (const r of ROLES) sessions.set(r, await ctx.signIn(r));
});
afterAll(async () => { await ctx.close(); });

describe('scope matrix', () => {
  it('covers every route the app registers', async () => {
    await ctx.app.ready();
    const guarded = ctx.app.routeList.filter((r) => !r.isPublic && r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
    const missing = guarded.filter((key) => !(key in MATRIX));
    expect(missing, 'routes missing from the scope matrix').toEqual([]);
    expect(Object.keys(MATRIX).filter((key) => !guarded.includes(key)), 'stale matrix rows').toEqual([]);
  });

  it('answers 401 to every guarded route without a session', async () => {
    for (const key of Object.keys(MATRIX)) {
      const [method, url] = key.split(' ');
      const res = await ctx.app.inject({ method: method as 'GET', url: url.replace(':id', '1'), payload: method === 'GET' ? undefined : {} });
      expect(res.statusCode, key).toBe(401);
    }
  });

  for (const role of ROLES) {
    it(`${role}: ids outside the scope answer 404 and leak nothing, on every route`, async () => {
      const s = sessions.get(role) as Session;
      const { foreign, own, foreignNames } = targets[role];
      let probes = 0;
      for (const [key, c] of Object.entries(MATRIX)) {
        if (!c.foreign) continue;
        const method = key.split(' ')[0] as 'GET' | 'POST' | 'PATCH';
        const absent = c.foreign(NONEXISTENT, own);
        for (const f of foreign) {
          for (const [i, probe] of c.foreign(f, own).entries()) {
            const res = await s.request(method, probe.url, probe.body);
            const control = await s.request(method, absent[i].url, absent[i].body);
            probes++;
            // Out of scope must look exactly like "does not exist": same status, same body.
            expect(res.statusCode, `${role} ${key} ${probe.url}`).toBe(control.statusCode);
            expect(res.body, `${role} ${key} ${probe.url}`).toBe(control.body);
            expect([403, 404], `${role} ${key} ${probe.url}`).toContain(res.statusCode);
            if (new RegExp(`[/=]${f}(/|&|$)`).test(probe.url)) expect(res.statusCode, `${role} ${key} ${probe.url}`).toBe(404);
            for (const name of foreignNames) expect(res.body, `${role} ${key}`).not.toContain(name);
          }
        }
      }
      expect(probes).toBeGreaterThan(0);
    });

    it(`${role}: lists contain only records inside the scope`, async () => {
      const s = sessions.get(role) as Session;
      const me = (await s.get('/api/auth/me')).json();
      const roots: string[] = me.scope.map((r: { path: string }) => r.path);
      const items: { path: string }[] = (await s.get(MATRIX['GET /api/organizations'].list as string)).json().items;
      expect(items.length).toBeGreaterThan(0);
      for (const o of items) expect(roots.some((p) => o.path.startsWith(p)), o.path).toBe(true);
      const villages: { name: string }[] = (await s.get('/api/villages')).json().items;
      for (const name of targets[role].foreignNames) expect(JSON.stringify(villages)).not.toContain(name);
    });
  }

  it('left every foreign record untouched', async () => {
    const { rows } = await ctx.pool.query(`select name, status from organizations where name in ('西花沟村党支部', '营子村党支部', '邻村党支部')`);
    expect(rows.every((r) => r.status === 'active')).toBe(true);
    expect(rows).toHaveLength(3);
    const { rows: changed } = await ctx.pool.query(`select count(*)::int as n from organizations where name like '越权%'`);
    expect(changed[0].n).toBe(0);
  });
});
