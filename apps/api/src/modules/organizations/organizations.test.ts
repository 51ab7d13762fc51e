import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, orgIds, type Session, type TestContext } from '../../../test/context.js';

let ctx: TestContext;
let ids: Record<string, number>;
let admin: Session;
let yingzi: Session;
beforeAll(async () => {
  ctx = await createTestContext();
  ids = await orgIds(ctx.pool);
  admin = await ctx.signIn('admin');
  yingzi = await ctx.signIn('yingzi');
});
afterAll(async () => { await ctx.close(); });

let serial = 0;
/** Insert bare members straight into the tables (profiles do not matter to the structure rules). */
async function addMembers(org: number, full: number, probationary: number) {
  for (const standing of [...Array(full).fill('full'), ...Array(probationary).fill('probationary')]) {
    serial++;
    const { rows: [p] } = await ctx.pool.query(`insert into persons (tenant_id, name, gender, birth_date, id_number_enc, id_number_hash, id_number_masked)
      select tenant_id, '测试党员', 'male', '1980-01-01', 'v1:x', 'test-hash-' || $2, 'masked' from organizations where id = $1 returning id`, [org, serial]);
    await ctx.pool.query(`insert into members (tenant_id, person_id, organization_id, joined_at, standing)
      select tenant_id, $2, id, '2000-01-01', $3 from organizations where id = $1`, [org, p.id, standing]);
  }
}

const names = (res: { json(): { items: { name: string }[] } }) => res.json().items.map((o) => o.name);

describe('GET /api/organizations range switch', () => {
  it('本级 returns the root only, 直属下级 its children, 全部下级 the whole subtree', async () => {
    const town = ids['西王庄镇党委'];
    expect(names(await admin.get(`/api/organizations?rootId=${town}&range=self`))).toEqual(['西王庄镇党委']);
    const children = names(await admin.get(`/api/organizations?rootId=${town}&range=children`));
    expect(children).toHaveLength(21); // 18 villages + 2 enterprises + town organ
    expect(children).not.toContain('第一党小组');
    const subtree = names(await admin.get(`/api/organizations?rootId=${town}&range=subtree`));
    expect(subtree).toHaveLength(1 + 21 + 8);
    expect(subtree[0]).toBe('西王庄镇党委');
  });

  it('without rootId starts from the scope roots', async () => {
    expect(names(await yingzi.get('/api/organizations?range=self'))).toEqual(['营子村党支部']);
    expect(names(await yingzi.get('/api/organizations?range=children'))).toEqual(['第一党小组', '第二党小组']);
    expect(names(await yingzi.get('/api/organizations'))).toEqual(['营子村党支部', '第一党小组', '第二党小组']);
  });

  it('names the field of a bad range', async () => {
    const res = await admin.get('/api/organizations?range=all');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('range');
    expect(res.json().message).toContain('范围');
  });
});

describe('POST /api/organizations', () => {
  it('creates a party group under 营子村党支部 with its path, village and history', async () => {
    const res = await admin.post('/api/organizations', { parentId: ids['营子村党支部'], name: '第三党小组', kind: 'group' });
    expect(res.statusCode).toBe(201);
    const group = res.json();
    expect(group.path).toBe(`/${ids['西王庄镇党委']}/${ids['营子村党支部']}/${group.id}/`);
    expect(group.villageCode).toBe('370402105200');
    expect(group.sector).toBe('village');
    const history = (await admin.get(`/api/organizations/${group.id}/history`)).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create']);
    const { rows } = await ctx.pool.query(`select action, result from audit_events where object_type = 'organization' and object_id = $1`, [String(group.id)]);
    expect(rows).toEqual([{ action: 'organization.create', result: 'ok' }]);
  });

  it('lets a branch secretary add a group to their own branch only', async () => {
    expect((await yingzi.post('/api/organizations', { parentId: ids['营子村党支部'], name: '老年党员党小组', kind: 'group' })).statusCode).toBe(201);
    expect((await yingzi.post('/api/organizations', { parentId: ids['营子村党支部'], name: '营子新支部', kind: 'branch' })).statusCode).toBe(403);
    expect((await yingzi.post('/api/organizations', { parentId: ids['西花沟村党支部'], name: '第三党小组', kind: 'group' })).statusCode).toBe(404);
  });

  it('refuses a kind in the wrong place and names the field', async () => {
    const res = await admin.post('/api/organizations', { parentId: ids['西王庄镇党委'], name: '直属党小组', kind: 'group' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('parentId');
    expect(res.json().message).toContain('党小组只能设在党支部之下');
  });

  it('refuses a duplicate name under the same parent', async () => {
    const res = await admin.post('/api/organizations', { parentId: ids['营子村党支部'], name: '第一党小组', kind: 'group' });
    expect(res.statusCode).toBe(409);
  });

  it('rejects unknown fields instead of writing them', async () => {
    const res = await admin.post('/api/organizations', { parentId: ids['西王庄镇党委'], name: '新党支部', kind: 'branch', tenantId: 99, path: '/x/' });
    expect(res.statusCode).toBe(400);
  });

  it('only town admins and secretaries write; other roles get 403', async () => {
    for (const username of ['supervisor', 'inspector', 'member']) {
      const s = await ctx.signIn(username);
      const res = await s.post('/api/organizations', { parentId: ids['营子村党支部'], name: '越权党小组', kind: 'group' });
      expect(res.statusCode, username).toBe(403);
    }
  });
});

describe('PATCH /api/organizations/:id', () => {
  it('renames and records before and after', async () => {
    const id = ids['泰和水处理党支部'];
    const res = await admin.patch(`/api/organizations/${id}`, { name: '泰和水处理科技党支部' });
    expect(res.json().name).toBe('泰和水处理科技党支部');
    const [entry] = (await admin.get(`/api/organizations/${id}/history`)).json().items;
    expect(entry).toMatchObject({ action: 'rename', before: { name: '泰和水处理党支部' }, after: { name: '泰和水处理科技党支部' } });
  });

  it('moves a branch with its groups into a new general branch, rewriting every path in one go', async () => {
    const gb = (await admin.post('/api/organizations', { parentId: ids['西王庄镇党委'], name: '西片党总支', kind: 'general_branch', sector: 'village' })).json();
    const moved = await admin.patch(`/api/organizations/${ids['付刘耀村党支部']}`, { parentId: gb.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().path).toBe(`${gb.path}${ids['付刘耀村党支部']}/`);
    const below = (await admin.get(`/api/organizations?rootId=${ids['付刘耀村党支部']}&range=subtree`)).json().items;
    expect(below).toHaveLength(3);
    for (const o of below) expect(o.path.startsWith(moved.json().path)).toBe(true);
    const history = (await admin.get(`/api/organizations/${ids['付刘耀村党支部']}/history`)).json().items;
    expect(history[0]).toMatchObject({ action: 'move', after: { parentId: gb.id } });
  });

  it('refuses to move an organisation under its own descendant', async () => {
    const res = await admin.patch(`/api/organizations/${ids['西花沟村党支部']}`, { parentId: ids['西花沟村党支部/第一党小组'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('parentId');
  });

  it('secretaries may rename their groups but not move or rename their branch', async () => {
    expect((await yingzi.patch(`/api/organizations/${ids['营子村党支部/第二党小组']}`, { name: '东片党小组' })).statusCode).toBe(200);
    expect((await yingzi.patch(`/api/organizations/${ids['营子村党支部']}`, { name: '营子党支部' })).statusCode).toBe(403);
    expect((await yingzi.patch(`/api/organizations/${ids['营子村党支部/第一党小组']}`, { parentId: ids['营子村党支部'] })).statusCode).toBe(200);
  });
});

describe('POST /api/organizations/:id/close', () => {
  it('closes an empty organisation with a reason, hides it from lists unless asked', async () => {
    const group = (await admin.post('/api/organizations', { parentId: ids['石羊村党支部'], name: '临时党小组', kind: 'group' })).json();
    const closed = await admin.post(`/api/organizations/${group.id}/close`, { reason: '人员合并到支部' });
    expect(closed.json()).toMatchObject({ status: 'closed', can: { edit: false, close: false } });
    expect(names(await admin.get(`/api/organizations?rootId=${ids['石羊村党支部']}&range=children`))).not.toContain('临时党小组');
    expect(names(await admin.get(`/api/organizations?rootId=${ids['石羊村党支部']}&range=children&includeClosed=true`))).toContain('临时党小组');
    const [entry] = (await admin.get(`/api/organizations/${group.id}/history`)).json().items;
    expect(entry).toMatchObject({ action: 'close', note: '人员合并到支部' });
    expect((await admin.post(`/api/organizations/${group.id}/close`, { reason: '再次撤销' })).statusCode).toBe(409);
  });

  it('refuses while active children or members remain', async () => {
    const withChildren = await admin.post(`/api/organizations/${ids['西王庄村党支部']}/close`, { reason: '测试撤销' });
    expect(withChildren.statusCode).toBe(409);
    const withMembers = await admin.post(`/api/organizations/${ids['黄楼村党支部']}/close`, { reason: '测试撤销' });
    expect(withMembers.statusCode).toBe(409);
    expect(withMembers.json().message).toMatch(/还有\d+名党员/);
  });

  it('requires a reason', async () => {
    const res = await admin.post(`/api/organizations/${ids['西街村党支部']}/close`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('reason');
  });

  it('never closes the scope root', async () => {
    expect((await admin.post(`/api/organizations/${ids['西王庄镇党委']}/close`, { reason: '测试撤销' })).statusCode).toBe(403);
  });
});

describe('structure warnings on GET /api/organizations/:id', () => {
  /** Replace the active members of a subtree: the old ones are marked left (events are append-only). */
  async function setMembers(org: number, full: number, probationary: number) {
    await ctx.pool.query(`update members set membership_status = 'left'
      where organization_id in (select id from organizations where path like (select path from organizations where id = $1) || '%')`, [org]);
    await addMembers(org, full, probationary);
  }
  const codes = async (org: number) => (await admin.get(`/api/organizations/${org}`)).json().warnings.map((w: { code: string }) => w.code);

  it('reports nothing while a branch has no members', async () => {
    await setMembers(ids['高庄村党支部'], 0, 0);
    expect(await codes(ids['高庄村党支部'])).toEqual([]);
  });

  it('支部工作条例 第四条: fewer than 3 full members is incomplete, counted across its groups', async () => {
    await setMembers(ids['高庄村党支部'], 2, 3);
    expect(await codes(ids['高庄村党支部'])).toEqual(['BRANCH_INCOMPLETE']);
    await setMembers(ids['西花沟村党支部'], 0, 0);
    await addMembers(ids['西花沟村党支部/第一党小组'], 3, 0);
    expect(await codes(ids['西花沟村党支部'])).toEqual([]);
  });

  it('支部工作条例 第六章: 7 or more full members call for a branch committee', async () => {
    await setMembers(ids['杨楼村党支部'], 7, 0);
    expect(await codes(ids['杨楼村党支部'])).toEqual(['COMMITTEE_REQUIRED']);
  });

  it('支部工作条例 第四条: more than 50 members is warned', async () => {
    await setMembers(ids['东王庄村党支部'], 45, 6);
    const detail = (await admin.get(`/api/organizations/${ids['东王庄村党支部']}`)).json();
    expect(detail.memberCounts).toEqual({ full: 45, probationary: 6, total: 51 });
    expect(detail.warnings.map((w: { code: string }) => w.code)).toEqual(['COMMITTEE_REQUIRED', 'BRANCH_OVER_50']);
  });
});
