// 区级 (issue 17 point 5; docs/decisions/010): a district's 区委组织部 reads each of its towns' 驾驶舱 and the same
// figures side by side with the district's sums, towns by division code; no town sees another, another district's
// town is "does not exist", and the derived caller of a town stays inside that town under row-level security.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { createBranch, createDistrict, createTown, type District, type Town } from '../../../test/factories.js';
import { dbScopeOf, withRowScope } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import { accessOf, type AuthUser } from '../../lib/access/index.js';
import { currentTownDashboard } from '../dashboard/index.js';
import { attachTownToDistrict, createTenant, townsOfDistrict } from '../organizations/index.js';
import { townCaller } from './service.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let ctx: TestContext;
let a: Town;
let b: Town;
let c: Town;
let d1: District;
let d2: District;

beforeAll(async () => {
  ctx = await createTestContext();
  // b is attached before a: the district lists its towns by division code, not by when they joined.
  a = await createTown(ctx);
  b = await createTown(ctx);
  c = await createTown(ctx);
  await createBranch(a, { name: '甲村党支部' });
  await createBranch(a, { name: '乙村党支部' });
  await createBranch(b, { name: '丙村党支部' });
  await createBranch(c, { name: '丁村党支部' });
  d1 = await createDistrict(ctx, [b, a]);
  d2 = await createDistrict(ctx, [c]);
});
afterAll(async () => { await ctx?.close(); });

const ok = (res: { statusCode: number; body: string; json(): Json }) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('the district\'s towns', () => {
  it('lists its own towns by division code, and no other district\'s', async () => {
    const body = ok(await d1.viewer.get('/api/district/towns'));
    expect(body.district.code).toBe(d1.code);
    expect(body.towns.map((t: Json) => t.tenantId)).toEqual([a, b].sort((x, y) => x.code.localeCompare(y.code)).map((t) => t.tenantId));
    expect(ok(await d2.viewer.get('/api/district/towns')).towns.map((t: Json) => t.tenantId)).toEqual([c.tenantId]);
  });
});

describe('the district\'s setting', () => {
  it('is the district\'s: a town neither lists nor sets district.publishedAssessment', async () => {
    const list = ok(await a.admin.get('/api/settings'));
    expect((list.items as Json[]).map((i) => i.key)).not.toContain('district.publishedAssessment');
    expect((await a.admin.patch('/api/settings/district.publishedAssessment', { value: 1 })).statusCode).toBe(404);
    const own = ok(await d1.viewer.get('/api/settings'));
    expect((own.items as Json[]).find((i) => i.key === 'district.publishedAssessment')).toMatchObject({ value: 0, defaultValue: 0 });
  });
});

describe('the district dashboard', () => {
  it('puts each town\'s figures side by side, equal to what the town\'s admin sees, with the district\'s sums', async () => {
    const body = ok(await d1.viewer.get('/api/district/dashboard'));
    expect(body.publishedAssessment).toBe(false);
    const towns = body.towns as Json[];
    const own = new Map<number, Json>();
    for (const t of [a, b]) own.set(t.tenantId, ok(await t.admin.get('/api/dashboard/town')));
    for (const row of body.rows as Json[]) {
      expect(row.total, `${row.groupTitle} ${row.label}`).toBe((row.values as number[]).reduce((n, v) => n + v, 0));
      towns.forEach((t, i) => {
        const mine = own.get(t.tenantId)!;
        const value = row.group === 'compliance'
          ? mine.matrix.totals[Object.entries({ done: '已开展', awaitingSignOff: '待签认', due: '未到期', dueSoon: '即将到期', late: '逾期' }).find(([, l]) => l === row.label)![0]]
          : (mine.tiles as Json[]).find((x) => x.key === row.group)?.figures.find((f: Json) => f.label === row.label)?.value ?? 0;
        expect(row.values[i], `${t.name} ${row.groupTitle} ${row.label}`).toBe(value);
      });
    }
    // Two branches in a, one in b: this month's 组织生活 due differs, and the sum is both.
    const due = (body.rows as Json[]).find((r) => r.group === 'compliance' && r.label === '未到期')!;
    expect(due.total).toBe(own.get(a.tenantId)!.matrix.totals.due + own.get(b.tenantId)!.matrix.totals.due);
    expect(body.towns.map((t: Json) => t.code)).toEqual([...body.towns.map((t: Json) => t.code)].sort());
    expect(JSON.stringify(body)).not.toContain('丁村党支部');
  });

  it('shows one town\'s 驾驶舱 read-only as its admin sees it', async () => {
    const body = ok(await d1.viewer.get(`/api/district/towns/${a.tenantId}/dashboard`));
    expect(body.town.tenantId).toBe(a.tenantId);
    const mine = ok(await a.admin.get('/api/dashboard/town'));
    expect(body.dashboard).toEqual(mine);
    expect(body.dashboard.matrix.rows.map((r: Json) => r.organizationName).sort()).toEqual(['乙村党支部', '甲村党支部'].sort());
  });
});

describe('isolation', () => {
  it('answers 404 for a town of another district, and for a town id that is no town', async () => {
    expect((await d1.viewer.get(`/api/district/towns/${c.tenantId}/dashboard`)).statusCode).toBe(404);
    expect((await d2.viewer.get(`/api/district/towns/${a.tenantId}/dashboard`)).statusCode).toBe(404);
    expect((await d1.viewer.get(`/api/district/towns/${d2.tenantId}/dashboard`)).statusCode).toBe(404);
    expect((await d1.viewer.get(`/api/district/towns/${d1.tenantId}/dashboard`)).statusCode).toBe(404);
  });

  it('gives a town admin no district route: another town is 404, the district pages 403', async () => {
    expect((await a.admin.get(`/api/district/towns/${b.tenantId}/dashboard`)).statusCode).toBe(404);
    expect((await a.admin.get(`/api/district/towns/${a.tenantId}/dashboard`)).statusCode).toBe(404);
    expect((await a.admin.get('/api/district/dashboard')).statusCode).toBe(403);
    expect((await a.admin.get('/api/district/towns')).statusCode).toBe(403);
  });

  it('gives the 区委组织部 no town page of its own towns', async () => {
    const branch = (await ctx.pool.query<{ id: number }>('select id from organizations where tenant_id = $1 and parent_id is not null limit 1', [a.tenantId])).rows[0].id;
    expect((await d1.viewer.get(`/api/dashboard/villages/${branch}`)).statusCode).toBe(404);
    const own = ok(await d1.viewer.get('/api/dashboard/town'));
    expect(own.matrix.rows).toEqual([]);
    const written = await d1.viewer.post('/api/activities', { organizationId: branch, kind: 'theme_day', heldOn: '2026-01-21', place: '村党群服务中心', topic: '区级不可写' });
    expect([403, 404]).toContain(written.statusCode);
  });

  it('keeps the derived caller of a town inside that town under row-level security', async () => {
    const viewer: AuthUser = {
      id: d1.viewerId, tenantId: d1.tenantId, personId: null, tenantName: '区', isDemoTenant: false, username: 'quwei', displayName: '区委组织部',
      ...accessOf(d1.tenantId, []),
    };
    const [townA, townB] = await Promise.all([a, b].map(async (t) => (await townsOfDistrict(ctx.db, d1.tenantId)).find((x) => x.tenantId === t.tenantId)!));
    const callerA = townCaller(viewer, townA);
    expect(callerA.scope).toEqual({ tenantId: a.tenantId, paths: [townA.rootPath] });
    expect(callerA.roles).toEqual(['district_viewer']);
    // In a's row scope, b's organisations are invisible to the platform's role, even asked for by tenant.
    const seen = await withRowScope(dbScopeOf(callerA.scope), () =>
      ctx.appDb.select({ id: organizations.id }).from(organizations).where(sql`${organizations.tenantId} = ${b.tenantId}`));
    expect(seen).toEqual([]);
    // b's 驾驶舱 run inside a's row scope finds none of b's branches: the backstop, not only the scope filter.
    const crossed = await withRowScope(dbScopeOf(callerA.scope), () => currentTownDashboard(ctx.appDb, townCaller(viewer, townB)));
    expect(crossed.matrix.rows).toEqual([]);
    const own = await withRowScope(dbScopeOf(callerA.scope), () => currentTownDashboard(ctx.appDb, callerA));
    expect(own.matrix.rows).toHaveLength(2);
  });
});

describe('npm run tenant:create (the service functions it calls)', () => {
  const account = { username: 'cli_admin', passwordHash: 'x' };
  it('creates a district with its 区委组织部 account, and a town inside it', async () => {
    const made = await ctx.db.transaction((tx) => createTenant(tx, { kind: 'district', code: '970001', name: '命令区', committeeName: '命令区委组织部', admin: account }));
    const grants = await ctx.pool.query('select role, organization_id from role_grants where user_id = $1', [made.adminId]);
    expect(grants.rows).toEqual([{ role: 'district_viewer', organization_id: made.committeeId }]);
    const town = await ctx.db.transaction((tx) => createTenant(tx, {
      districtCode: '970001', code: '970001101', name: '命令镇', committeeName: '命令镇党委', admin: { ...account, username: 'cli_town' },
    }));
    expect(town.districtId).toBe(made.tenantId);
    expect((await townsOfDistrict(ctx.db, made.tenantId)).map((t) => t.code)).toEqual(['970001101']);
    const moved = await ctx.db.transaction((tx) => attachTownToDistrict(tx, c.code, '970001'));
    expect(moved.towns).toBe(2);
    expect((await townsOfDistrict(ctx.db, d2.tenantId))).toEqual([]);
  });

  it('refuses an unknown district, a district inside a district, and attaching a district', async () => {
    await expect(ctx.db.transaction((tx) => createTenant(tx, { districtCode: '000000', code: '970002101', name: '无区镇', committeeName: '党委', admin: { ...account, username: 'cli_x' } })))
      .rejects.toThrow('不是已建立的区');
    await expect(ctx.db.transaction((tx) => createTenant(tx, { kind: 'district', districtCode: d1.code, code: '970003', name: '区中区', committeeName: '组织部', admin: { ...account, username: 'cli_y' } })))
      .rejects.toThrow('不能与 --district 同用');
    await expect(ctx.db.transaction((tx) => attachTownToDistrict(tx, d2.code, d1.code))).rejects.toThrow('不是已建立的乡镇');
    await expect(ctx.db.transaction((tx) => attachTownToDistrict(tx, a.code, b.code))).rejects.toThrow('不是已建立的区');
  });
});
