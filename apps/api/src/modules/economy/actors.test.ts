import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { dbScopeOf, withRowScope } from '../../db/client.js';
import { createBranch, createMemberAccount, createSupervisor, createTown, createUser, testIdNumber, type Branch, type Town } from '../../../test/factories.js';
import { villageProducts } from './index.js';

/**
 * Issue 18 point 4: 一村一品 and the 经营主体 of each village, kept by the village's secretary or the town, read by the
 * village's readers; the support rows; the 致富带头人 picked from the village's talents or typed; every write audited.
 */
let ctx: TestContext;
let town: Town;
let a: Branch;
let b: Branch;
let secretaryA: Session;
let secretaryB: Session;
let supervisorA: Session;
let member: Session;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const WAN = 1_000_000;
const product = (orgId: number, over: Json = {}) => ({
  organizationId: orgId, name: '金茂木耳', category: 'fungi', naturalVillage: '金茂', areaMu: 120.5, outputAmount: 300, outputUnit: '吨',
  valueFen: 450 * WAN, figuresYear: 2025, households: 86, brand: '绿色食品认证', ...over,
});
const actor = (orgId: number, over: Json = {}) => ({ organizationId: orgId, kind: 'cooperative', name: '金茂食用菌专业合作社', representative: '张三', members: 45, households: 120, business: '木耳种植与销售', ...over });

async function ok(res: Awaited<ReturnType<Session['get']>>): Promise<Json> {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
/** This test's town only: other files (the demo seed among them) write the same actions into the shared database. */
const audits = async (action: string) =>
  (await ctx.pool.query('select object_id, detail from audit_events where action = $1 and tenant_id = $2 order by id', [action, town.tenantId])).rows;

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  a = await createBranch(town);
  b = await createBranch(town, { villageId: town.villages[1].id });
  ({ session: secretaryA } = await createUser(town, 'branch_secretary', [a.id]));
  ({ session: secretaryB } = await createUser(town, 'branch_secretary', [b.id]));
  ({ session: supervisorA } = await createSupervisor(town, [a.id]));
  ({ session: member } = await createMemberAccount(town, a.id));
});
afterAll(async () => { await ctx.close(); });

/** Row-level security as the backstop: as the platform's role under village `orgId`'s setting, these tables show only that village's rows. */
async function rowsSeenBy(orgId: number, tables: string[]) {
  const [{ path }] = (await ctx.pool.query('select path from organizations where id = $1', [orgId])).rows;
  return withRowScope(dbScopeOf({ tenantId: town.tenantId, paths: [path] }), async () => {
    const seen: Record<string, number[]> = {};
    for (const t of tables) seen[t] = [...new Set((await ctx.appDb.execute(sql.raw(`select organization_id from ${t}`))).rows.map((r) => Number(r.organization_id)))];
    return seen;
  });
}

describe('18.4 一村一品', () => {
  it('18.4 a secretary files and edits their village product; the town files any; both audited', async () => {
    const made = await ok(await secretaryA.post('/api/economy/products', product(a.id)));
    expect(made).toMatchObject({ organizationId: a.id, name: '金茂木耳', category: 'fungi', areaMu: 120.5, valueFen: 450 * WAN, naturalVillage: '金茂', can: { edit: true } });
    const edited = await ok(await secretaryA.patch(`/api/economy/products/${made.id}`, { ...product(a.id, { households: 90 }), organizationId: undefined }));
    expect(edited.households).toBe(90);
    await ok(await town.admin.post('/api/economy/products', product(b.id, { name: '赵庄良种', category: 'seed', naturalVillage: '赵庄' })));
    expect((await audits('economy.product.create')).length).toBe(2);
    const [update] = await audits('economy.product.update');
    expect(update.detail).toMatchObject({ from: { households: 86 }, to: { households: 90 } });
  });

  it('18.4 another village answers 404, a supervisor reads but may not write (403), a 党员 sees no list', async () => {
    const list = await ok(await secretaryB.get('/api/economy/products'));
    expect(list.villages.map((v: Json) => v.organizationId)).toEqual([b.id]);
    expect(list.items.map((p: Json) => p.name)).toEqual(['赵庄良种']);
    const ofA = (await ok(await town.admin.get(`/api/economy/products?orgId=${a.id}`))).items[0];
    expect((await secretaryB.patch(`/api/economy/products/${ofA.id}`, { name: '改名', category: 'other' })).statusCode).toBe(404);
    expect((await secretaryB.post('/api/economy/products', product(a.id))).statusCode).toBe(404);
    expect((await secretaryB.get(`/api/economy/products?orgId=${a.id}`)).statusCode).toBe(404);
    const seen = await ok(await supervisorA.get('/api/economy/products'));
    expect(seen.items.map((p: Json) => [p.name, p.can.edit])).toEqual([['金茂木耳', false]]);
    expect((await supervisorA.patch(`/api/economy/products/${ofA.id}`, { name: '改名', category: 'other' })).statusCode).toBe(403);
    expect((await member.get('/api/economy/products')).statusCode).toBe(403);
    expect((await member.patch(`/api/economy/products/${ofA.id}`, { name: '改名', category: 'other' })).statusCode).toBe(404);
  });

  it('18.4 refuses bad figures in Chinese, and the public read gives the public fields only', async () => {
    const bad = await secretaryA.post('/api/economy/products', product(a.id, { areaMu: 1.25, category: 'gold' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/一位小数|产品类别/);
    const [village] = (await ctx.pool.query('select village_id from organizations where id = $1', [a.id])).rows;
    const shown = await villageProducts(ctx.db, village.village_id);
    expect(shown.map((p) => p.name)).toEqual(['金茂木耳']);
    expect(Object.keys(shown[0]).sort()).toEqual(['areaMu', 'brand', 'category', 'figuresYear', 'households', 'id', 'name', 'naturalVillage', 'outputAmount', 'outputUnit', 'valueFen']);
  });

  it('18.4 a deleted product leaves its audit line with what it was', async () => {
    const made = await ok(await secretaryA.post('/api/economy/products', product(a.id, { name: '误登记' })));
    await ok(await secretaryA.request('DELETE', `/api/economy/products/${made.id}`));
    const [line] = await audits('economy.product.delete');
    expect(line.detail).toMatchObject({ name: '误登记', organizationId: a.id });
  });
});

describe('18.4 经营主体', () => {
  let talentA: Json;
  let talentB: Json;
  beforeAll(async () => {
    const talent = async (s: Session, orgId: number, name: string) => ok(await s.post('/api/talent', {
      organizationId: orgId, kind: 'development_leader', field: 'planting', leads: [],
      newPerson: { name, gender: 'male', birthDate: '1980-03-04', idNumber: testIdNumber('1980-03-04'), phone: '13912345678' },
    }));
    talentA = await talent(secretaryA, a.id, '王致富');
    talentB = await talent(secretaryB, b.id, '李带头');
  });

  it('18.4 an actor led by a talent of the village, with support rows summed; the leader shows the registry name', async () => {
    const made = await ok(await secretaryA.post('/api/economy/actors', actor(a.id, { leaderTalentId: talentA.id, leaderName: '随便写' })));
    expect(made).toMatchObject({ kind: 'cooperative', leaderTalentId: talentA.id, leaderName: '王致富', members: 45, support: [], supportFen: 0 });
    await ok(await secretaryA.post(`/api/economy/actors/${made.id}/support`, { kind: 'funds', year: 2024, amountFen: 20 * WAN, source: '区农业农村局' }));
    const withTwo = await ok(await town.admin.post(`/api/economy/actors/${made.id}/support`, { kind: 'land', year: 2025, description: '流转土地50亩', source: '村集体' }));
    expect(withTwo.support.map((s: Json) => [s.kind, s.year])).toEqual([['land', 2025], ['funds', 2024]]);
    expect(withTwo.supportFen).toBe(20 * WAN);
    const noWhat = await secretaryA.post(`/api/economy/actors/${made.id}/support`, { kind: 'training', year: 2025, source: '镇农业站' });
    expect(noWhat.statusCode).toBe(400);
    expect(noWhat.body).toContain('请填写金额或扶持内容');
    const fewer = await ok(await secretaryA.request('DELETE', `/api/economy/actors/${made.id}/support/${withTwo.support[0].id}`));
    expect(fewer.support).toHaveLength(1);
    expect((await audits('economy.actor.support.add')).length).toBe(2);
    expect((await audits('economy.actor.support.delete'))[0].detail).toMatchObject({ kind: 'land', description: '流转土地50亩' });
  });

  it('18.4 the leader must be a talent of the same village; a typed name stands alone', async () => {
    const other = await secretaryA.post('/api/economy/actors', actor(a.id, { leaderTalentId: talentB.id }));
    expect(other.statusCode).toBe(400);
    expect(other.json().message).toContain('本村人才库');
    // The town sees both villages, and still the leader must be of the actor's village.
    expect((await town.admin.post('/api/economy/actors', actor(a.id, { leaderTalentId: talentB.id }))).statusCode).toBe(400);
    const typed = await ok(await secretaryB.post('/api/economy/actors', actor(b.id, { kind: 'family_farm', name: '刘家家庭农场', leaderName: '刘耀' })));
    expect(typed).toMatchObject({ leaderTalentId: null, leaderName: '刘耀', kind: 'family_farm' });
    const linked = await ok(await secretaryB.patch(`/api/economy/actors/${typed.id}`, { kind: 'family_farm', name: '刘家家庭农场', leaderTalentId: talentB.id }));
    expect(linked.leaderName).toBe('李带头');
  });

  it('18.4 scope: another village 404 on every verb; options list only the village talents', async () => {
    const [ofA] = (await ok(await town.admin.get(`/api/economy/actors?orgId=${a.id}`))).items;
    for (const res of [
      await secretaryB.patch(`/api/economy/actors/${ofA.id}`, { kind: 'cooperative', name: '越权' }),
      await secretaryB.post(`/api/economy/actors/${ofA.id}/support`, { kind: 'funds', year: 2024, amountFen: 1, source: '越权来源' }),
      await secretaryB.request('DELETE', `/api/economy/actors/${ofA.id}`),
      await secretaryB.get(`/api/economy/villages/${a.id}/link-options`),
    ]) expect(res.statusCode, res.body).toBe(404);
    const options = await ok(await secretaryA.get(`/api/economy/villages/${a.id}/link-options`));
    expect(options.talents).toEqual([{ id: talentA.id, name: '王致富' }]);
    expect((await supervisorA.get(`/api/economy/villages/${a.id}/link-options`)).statusCode).toBe(403);
  });

  it('18.4 row-level security: under a village\'s setting the product, actor and support tables show only its rows', async () => {
    const seen = await rowsSeenBy(b.id, ['economy_products', 'economy_actors', 'economy_actor_support']);
    for (const rows of Object.values(seen)) expect(rows.every((id) => id === b.id), JSON.stringify(seen)).toBe(true);
    const other = await rowsSeenBy(a.id, ['economy_products', 'economy_actors', 'economy_actor_support']);
    expect(Object.values(other).every((rows) => rows.length === 1 && rows[0] === a.id), JSON.stringify(other)).toBe(true);
  });
});
