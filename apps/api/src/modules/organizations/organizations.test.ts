import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMembers, createTown, createUser, type Branch, type Town } from '../../../test/factories.js';

let ctx: TestContext;
let town: Town;
let admin: Session;
/** A with two groups and its secretary; B with two groups (renamed, then moved); C without groups (closing). */
let a: Branch;
let b: Branch;
let c: Branch;
let secretary: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, '测试镇');
  admin = town.admin;
  a = await createBranch(town, { name: '甲村党支部', groups: 2 });
  b = await createBranch(town, { name: '乙村党支部', groups: 2 });
  c = await createBranch(town, { name: '丙村党支部' });
  secretary = (await createUser(town, 'branch_secretary', [a.id])).session;
});
afterAll(async () => { await ctx.close(); });

const names = (res: { json(): { items: { name: string }[] } }) => res.json().items.map((o) => o.name);

describe('GET /api/organizations range switch', () => {
  it('本级 returns the root only, 直属下级 its children, 全部下级 the whole subtree', async () => {
    const root = town.committeeId;
    expect(names(await admin.get(`/api/organizations?rootId=${root}&range=self`))).toEqual(['测试镇党委']);
    const children = names(await admin.get(`/api/organizations?rootId=${root}&range=children`));
    expect(children).toEqual(['甲村党支部', '乙村党支部', '丙村党支部']);
    const subtree = names(await admin.get(`/api/organizations?rootId=${root}&range=subtree`));
    expect(subtree).toHaveLength(1 + 3 + 4);
    expect(subtree[0]).toBe('测试镇党委');
  });

  it('without rootId starts from the scope roots', async () => {
    expect(names(await secretary.get('/api/organizations?range=self'))).toEqual(['甲村党支部']);
    expect(names(await secretary.get('/api/organizations?range=children'))).toEqual(['第1党小组', '第2党小组']);
    expect(names(await secretary.get('/api/organizations'))).toEqual(['甲村党支部', '第1党小组', '第2党小组']);
  });

  it('names the field of a bad range', async () => {
    const res = await admin.get('/api/organizations?range=all');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('range');
    expect(res.json().message).toContain('范围');
  });
});

describe('POST /api/organizations', () => {
  it('creates a party group under a village branch with its path, village and history', async () => {
    const res = await admin.post('/api/organizations', { parentId: a.id, name: '第三党小组', kind: 'group' });
    expect(res.statusCode).toBe(201);
    const group = res.json();
    expect(group.path).toBe(`/${town.committeeId}/${a.id}/${group.id}/`);
    expect(group.villageCode).toBe(town.villageCode);
    expect(group.sector).toBe('village');
    const history = (await admin.get(`/api/organizations/${group.id}/history`)).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create']);
    const { rows } = await ctx.pool.query(`select action, result from audit_events where object_type = 'organization' and object_id = $1`, [String(group.id)]);
    expect(rows).toEqual([{ action: 'organization.create', result: 'ok' }]);
  });

  it('lets a branch secretary add a group to their own branch only', async () => {
    expect((await secretary.post('/api/organizations', { parentId: a.id, name: '老年党员党小组', kind: 'group' })).statusCode).toBe(201);
    expect((await secretary.post('/api/organizations', { parentId: a.id, name: '甲村新支部', kind: 'branch' })).statusCode).toBe(403);
    expect((await secretary.post('/api/organizations', { parentId: b.id, name: '第三党小组', kind: 'group' })).statusCode).toBe(404);
  });

  it('refuses a kind in the wrong place and names the field', async () => {
    const res = await admin.post('/api/organizations', { parentId: town.committeeId, name: '直属党小组', kind: 'group' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('parentId');
    expect(res.json().message).toContain('党小组只能设在党支部之下');
  });

  it('refuses a duplicate name under the same parent', async () => {
    const res = await admin.post('/api/organizations', { parentId: a.id, name: '第1党小组', kind: 'group' });
    expect(res.statusCode).toBe(409);
  });

  it('rejects unknown fields instead of writing them', async () => {
    const res = await admin.post('/api/organizations', { parentId: town.committeeId, name: '新党支部', kind: 'branch', tenantId: 99, path: '/x/' });
    expect(res.statusCode).toBe(400);
  });

  it('only town admins and secretaries write; other roles get 403', async () => {
    for (const [role, scope] of [['supervisor', a.id], ['inspector', town.committeeId], ['member', a.id]] as const) {
      const { session } = await createUser(town, role, [scope]);
      const res = await session.post('/api/organizations', { parentId: a.id, name: '越权党小组', kind: 'group' });
      expect(res.statusCode, role).toBe(403);
    }
  });
});

describe('PATCH /api/organizations/:id', () => {
  it('renames and records before and after', async () => {
    const res = await admin.patch(`/api/organizations/${b.id}`, { name: '乙村第一党支部' });
    expect(res.json().name).toBe('乙村第一党支部');
    const [entry] = (await admin.get(`/api/organizations/${b.id}/history`)).json().items;
    expect(entry).toMatchObject({ action: 'rename', before: { name: '乙村党支部' }, after: { name: '乙村第一党支部' } });
  });

  it('moves a branch with its groups into a new general branch, rewriting every path in one go', async () => {
    const gb = (await admin.post('/api/organizations', { parentId: town.committeeId, name: '西片党总支', kind: 'general_branch', sector: 'village' })).json();
    const moved = await admin.patch(`/api/organizations/${b.id}`, { parentId: gb.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().path).toBe(`${gb.path}${b.id}/`);
    const below = (await admin.get(`/api/organizations?rootId=${b.id}&range=subtree`)).json().items;
    expect(below).toHaveLength(3);
    for (const o of below) expect(o.path.startsWith(moved.json().path)).toBe(true);
    const history = (await admin.get(`/api/organizations/${b.id}/history`)).json().items;
    expect(history[0]).toMatchObject({ action: 'move', after: { parentId: gb.id } });
  });

  it('refuses to move an organisation under its own descendant', async () => {
    const res = await admin.patch(`/api/organizations/${a.id}`, { parentId: a.groupIds[0] });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('parentId');
  });

  it('secretaries may rename their groups but not move or rename their branch', async () => {
    expect((await secretary.patch(`/api/organizations/${a.groupIds[1]}`, { name: '东片党小组' })).statusCode).toBe(200);
    expect((await secretary.patch(`/api/organizations/${a.id}`, { name: '甲党支部' })).statusCode).toBe(403);
    expect((await secretary.patch(`/api/organizations/${a.groupIds[0]}`, { parentId: a.id })).statusCode).toBe(200);
  });
});

describe('POST /api/organizations/:id/close', () => {
  it('closes an empty organisation with a reason, hides it from lists unless asked', async () => {
    const group = (await admin.post('/api/organizations', { parentId: c.id, name: '临时党小组', kind: 'group' })).json();
    const closed = await admin.post(`/api/organizations/${group.id}/close`, { reason: '人员合并到支部' });
    expect(closed.json()).toMatchObject({ status: 'closed', can: { edit: false, close: false } });
    expect(names(await admin.get(`/api/organizations?rootId=${c.id}&range=children`))).not.toContain('临时党小组');
    expect(names(await admin.get(`/api/organizations?rootId=${c.id}&range=children&includeClosed=true`))).toContain('临时党小组');
    const [entry] = (await admin.get(`/api/organizations/${group.id}/history`)).json().items;
    expect(entry).toMatchObject({ action: 'close', note: '人员合并到支部' });
    expect((await admin.post(`/api/organizations/${group.id}/close`, { reason: '再次撤销' })).statusCode).toBe(409);
  });

  it('refuses while active children or members remain', async () => {
    const withChildren = await admin.post(`/api/organizations/${a.id}/close`, { reason: '测试撤销' });
    expect(withChildren.statusCode).toBe(409);
    await createMembers(town, c.id, { full: 1 });
    const withMembers = await admin.post(`/api/organizations/${c.id}/close`, { reason: '测试撤销' });
    expect(withMembers.statusCode).toBe(409);
    expect(withMembers.json().message).toMatch(/还有\d+名党员/);
  });

  it('requires a reason', async () => {
    const res = await admin.post(`/api/organizations/${c.id}/close`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('reason');
  });

  it('never closes the scope root', async () => {
    expect((await admin.post(`/api/organizations/${town.committeeId}/close`, { reason: '测试撤销' })).statusCode).toBe(403);
  });
});

describe('structure warnings on GET /api/organizations/:id', () => {
  /** A branch of its own per case, with `full` 正式党员 and `probationary` 预备党员. */
  async function branchWith(full: number, probationary: number) {
    const branch = await createBranch(town);
    await createMembers(town, branch.id, { full, probationary });
    return branch.id;
  }
  const codes = async (org: number) => (await admin.get(`/api/organizations/${org}`)).json().warnings.map((w: { code: string }) => w.code);

  it('reports nothing while a branch has no members', async () => {
    expect(await codes(await branchWith(0, 0))).toEqual([]);
  });

  it('支部工作条例 第四条: fewer than 3 full members is incomplete, counted across its groups', async () => {
    expect(await codes(await branchWith(2, 3))).toEqual(['BRANCH_INCOMPLETE']);
    const grouped = await createBranch(town, { groups: 1 });
    await createMembers(town, grouped.id, { full: 3 }, { groupId: grouped.groupIds[0] });
    expect(await codes(grouped.id)).toEqual([]);
  });

  it('支部工作条例 第六章: 7 or more full members call for a branch committee', async () => {
    expect(await codes(await branchWith(7, 0))).toEqual(['COMMITTEE_REQUIRED']);
  });

  it('支部工作条例 第四条: more than 50 members is warned', async () => {
    const big = await branchWith(45, 6);
    const detail = (await admin.get(`/api/organizations/${big}`)).json();
    expect(detail.memberCounts).toEqual({ full: 45, probationary: 6, total: 51 });
    expect(detail.warnings.map((w: { code: string }) => w.code)).toEqual(['COMMITTEE_REQUIRED', 'BRANCH_OVER_50']);
  });
});
