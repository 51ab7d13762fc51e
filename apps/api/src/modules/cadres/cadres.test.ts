import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMember, createTown, createUser, personOf, recordCadreChange, testIdNumber, type Branch, type Town } from '../../../test/factories.js';

/**
 * Issue 15 points 1 and 2: a village's 两委 posts with dates, 一肩挑 derived, one holder per post (委员 excepted), a
 * history line for every change written with it, 选派 cadres with their period end, the secretary adjustment list, scope.
 */
let ctx: TestContext;
let town: Town;
let branch: Branch;
let other: Branch;
let secretary: Session;
let otherSecretary: Session;
let a = 0; let b = 0; let c = 0; let stranger = 0;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const held = (v: Json) => (v.current as Json[]).map((h) => [h.post, h.personId, h.how]);

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  branch = await createBranch(town);
  other = await createBranch(town, { villageId: town.villages[1].id });
  a = await personOf(ctx, await createMember(town, branch.id));
  b = await personOf(ctx, await createMember(town, branch.id));
  c = await personOf(ctx, await createMember(town, branch.id));
  stranger = await personOf(ctx, await createMember(town, other.id));
  ({ session: secretary } = await createUser(town, 'branch_secretary', [branch.id]));
  ({ session: otherSecretary } = await createUser(town, 'branch_secretary', [other.id]));
});
afterAll(async () => { await ctx.close(); });

describe('15.1 village cadres', () => {
  it('15.1 derives 一肩挑 from the posts held, and refuses a second holder of a single post but not of 委员', async () => {
    await recordCadreChange(town, branch.id, { post: 'secretary', personId: a });
    let v = await recordCadreChange(town, branch.id, { post: 'director', personId: b });
    expect(v.combined).toBeNull();
    const second = await town.admin.post(`/api/cadres/villages/${branch.id}/changes`, { kind: 'election', occurredOn: '2021-01-15', reason: '换届选举', post: 'secretary', personId: c });
    expect(second.statusCode).toBe(400);
    expect(second.body).toContain('同一时间只能一人担任');
    // The database refuses a second current secretary too, whoever writes it (partial unique index).
    await expect(ctx.pool.query(`insert into cadre_posts (tenant_id, organization_id, person_id, post, how, started_on, created_by)
      values ($1, $2, $3, 'secretary', 'election', '2021-01-15', $4)`, [town.tenantId, branch.id, c, town.adminId])).rejects.toThrow(/cadre_posts_one_holder_uq/);
    await recordCadreChange(town, branch.id, { post: 'committee_member', personId: b });
    v = await recordCadreChange(town, branch.id, { post: 'committee_member', personId: c });
    expect(held(v).filter(([p]) => p === 'committee_member')).toHaveLength(2);
    // The director resigns and the secretary is elected director too: 一肩挑, derived.
    const directorPost = (v.current as Json[]).find((h) => h.post === 'director')!.id;
    await recordCadreChange(town, branch.id, { kind: 'resignation', cadrePostId: directorPost, occurredOn: '2022-03-01', reason: '个人原因辞职' });
    v = await recordCadreChange(town, branch.id, { post: 'director', personId: a, occurredOn: '2022-04-01', reason: '村民委员会补选' });
    expect(v.combined).toEqual({ personId: a, name: expect.any(String) });
  });

  it('15.1 writes a history line with every change, in one transaction with it', async () => {
    const before = (await town.admin.get(`/api/cadres/villages/${branch.id}`)).json() as Json;
    const count = (await ctx.pool.query('select count(*)::int as n from cadre_changes where organization_id = $1', [branch.id])).rows[0].n;
    expect(before.history).toHaveLength(count);
    // 调整: the secretary is replaced; two lines (the outgoing and the incoming) and the old holding ends that day.
    const v = (await recordCadreChange(town, branch.id, { kind: 'adjustment', post: 'secretary', personId: c, occurredOn: '2023-05-10', reason: '镇党委调整' })) as Json;
    expect(v.history.slice(0, 2).map((h: Json) => [h.kind, h.role, h.personId, h.reason])).toEqual(
      expect.arrayContaining([['adjustment', 'end', a, '镇党委调整'], ['adjustment', 'start', c, '镇党委调整']]));
    expect(v.combined, 'a no longer holds both posts').toBeNull();
    const ended = (await ctx.pool.query(`select ended_on::text from cadre_posts where organization_id = $1 and person_id = $2 and post = 'secretary'`, [branch.id, a])).rows[0];
    expect(ended.ended_on).toBe('2023-05-10');
    // A change that fails part-way leaves neither the holding nor its history: a new person with an ID number already
    // on the roster is refused after nothing was kept.
    const rows = async () => (await ctx.pool.query('select (select count(*) from cadre_changes) + (select count(*) from cadre_posts) as n')).rows[0].n;
    const kept = await rows();
    const replaced = await town.admin.post(`/api/cadres/villages/${branch.id}/changes`, {
      kind: 'adjustment', occurredOn: '2023-06-01', reason: '调整', post: 'secretary', newPerson: { name: '重复人员', gender: 'male', birthDate: '1980-01-01', idNumber: testIdNumber() },
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const refused = await town.admin.post(`/api/cadres/villages/${branch.id}/changes`, {
      kind: 'adjustment', occurredOn: '2023-06-02', reason: '调整', post: 'secretary', newPerson: { name: '又一人员', gender: 'male', birthDate: '1980-01-01', idNumber: '110101198001010000' },
    });
    expect(refused.statusCode).toBe(400);
    expect(Number(await rows())).toBe(Number(kept) + 3);
    expect((await ctx.pool.query(`select count(*)::int as n from audit_events where action like 'cadres.%'`)).rows[0].n).toBeGreaterThan(5);
  });

  it('15.1 a non-member cadre is a person without a member row, the ID number sealed and shown masked', async () => {
    const idNumber = testIdNumber('1975-06-01', 'female');
    const v = await recordCadreChange(town, branch.id, {
      kind: 'appointment', post: 'family_planning', newPerson: { name: '计生专干', gender: 'female', birthDate: '1975-06-01', idNumber }, reason: '镇党委任命',
    });
    const h = (v.current as Json[]).find((x) => x.post === 'family_planning')!;
    expect(h).toMatchObject({ name: '计生专干', isMember: false, how: 'appointment' });
    expect(h.idNumberMasked).toMatch(/\*{8}/);
    expect(JSON.stringify(v)).not.toContain(idNumber);
    const stored = (await ctx.pool.query('select id_number_enc from persons where id = $1', [h.personId])).rows[0].id_number_enc;
    expect(stored).not.toContain(idNumber);
    // Someone of another village is not offered and is refused.
    expect((v.candidates as Json[]).map((x) => x.personId)).not.toContain(stranger);
    const refused = await town.admin.post(`/api/cadres/villages/${branch.id}/changes`, { kind: 'election', occurredOn: '2021-01-15', reason: '换届选举', post: 'women_director', personId: stranger });
    expect(refused.statusCode).toBe(400);
  });

  it('15.1 records a 换届 term with its years, once per start year', async () => {
    const term = await town.admin.post(`/api/cadres/villages/${branch.id}/terms`, { startYear: 2021, endYear: 2026, electedOn: '2021-01-15' });
    expect(term.statusCode, term.body).toBe(200);
    expect(term.json().terms).toEqual([{ id: expect.any(Number), startYear: 2021, endYear: 2026, electedOn: '2021-01-15' }]);
    expect((await town.admin.post(`/api/cadres/villages/${branch.id}/terms`, { startYear: 2021, endYear: 2026, electedOn: '2021-01-15' })).statusCode).toBe(400);
    expect((await town.admin.post(`/api/cadres/villages/${branch.id}/terms`, { startYear: 2026, endYear: 2021, electedOn: '2021-01-15' })).body).toContain('届满年份应晚于起始年份');
  });
});

describe('15.2 assigned cadres and the adjustment list', () => {
  it('15.2 a 选派 secretary and a 第一书记 carry their period end; the board lists them nearest first', async () => {
    const soon = addDays(todayInShanghai(), 20);
    await recordCadreChange(town, other.id, {
      kind: 'assignment', post: 'secretary', occurredOn: '2024-03-01', reason: '镇党委选派机关干部任村党支部书记', periodEndsOn: soon, homePost: '镇党政办副主任',
      newPerson: { name: '选派书记', gender: 'male', birthDate: '1988-02-02', idNumber: testIdNumber('1988-02-02') },
    });
    // A 机关干部 on the roster of another branch is named by ID number and assigned as themselves (no second person).
    const organ = await createBranch(town, { village: false });
    const organIdNumber = testIdNumber('1985-05-05');
    const organPerson = await personOf(ctx, await createMember(town, organ.id, { name: '机关干部甲', birthDate: '1985-05-05', idNumber: organIdNumber }));
    const viaId = await recordCadreChange(town, branch.id, {
      kind: 'assignment', post: 'first_secretary', occurredOn: '2024-03-01', reason: '镇机关选派', periodEndsOn: '2028-03-01', sendingUnit: '镇机关',
      newPerson: { name: '机关干部甲', gender: 'male', birthDate: '1985-05-05', idNumber: organIdNumber },
    });
    expect((viaId.current as Json[]).find((h) => h.post === 'first_secretary')).toMatchObject({ personId: organPerson, isMember: true });
    const firstSecretary = (viaId.current as Json[]).find((h) => h.post === 'first_secretary')!.id;
    await recordCadreChange(town, branch.id, { kind: 'dismissal', cadrePostId: firstSecretary, occurredOn: '2024-04-01', reason: '测试后撤回' });
    const missing = await town.admin.post(`/api/cadres/villages/${other.id}/changes`, { kind: 'assignment', post: 'first_secretary', occurredOn: '2024-03-01', reason: '选派', personId: stranger, periodEndsOn: '2026-03-01' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('请填写派出单位');
    await recordCadreChange(town, other.id, {
      kind: 'assignment', post: 'first_secretary', occurredOn: '2024-03-01', reason: '区直单位选派', personId: stranger,
      periodEndsOn: '2027-03-01', sendingUnit: '区农业农村局', supportProjects: '大棚蔬菜基地', supportFen: 5_000_000,
    });
    const boardRes = await town.admin.get('/api/cadres/board');
    expect(boardRes.statusCode, boardRes.body).toBe(200);
    const board = boardRes.json() as Json;
    expect(board.assigned.map((x: Json) => [x.name, x.post, x.periodEndsOn, x.daysLeft])).toEqual([
      ['选派书记', 'secretary', soon, 20], [expect.any(String), 'first_secretary', '2027-03-01', expect.any(Number)],
    ]);
    expect(board.assigned[1]).toMatchObject({ sendingUnit: '区农业农村局', supportFen: 5_000_000 });
    const row = board.villages.find((x: Json) => x.organizationId === other.id);
    expect(row).toMatchObject({ secretary: '选派书记', secretaryHow: 'assignment', director: null, combined: false });
    expect(board.totals).toMatchObject({ villages: 2, withoutSecretary: board.villages.filter((x: Json) => !x.secretary).length });
    // 待办: the town is told 30 days ahead; the 第一书记 ending in 2027 is not due yet, and a secretary gets no such item.
    const tasks = (await town.admin.get('/api/tasks')).json().items as Json[];
    expect(tasks.filter((t) => t.kind === 'ASSIGNMENT_ENDING').map((t) => [t.memberName, t.dueOn, t.overdue])).toEqual([['党支部书记 选派书记', soon, false]]);
    expect(((await otherSecretary.get('/api/tasks')).json().items as Json[]).some((t) => t.kind === 'ASSIGNMENT_ENDING')).toBe(false);
  });

  it('15.2 the town marks a secretary for adjustment and records the decision; one open mark per village', async () => {
    const marked = await town.admin.post('/api/cadres/adjustments', { organizationId: other.id, reason: '群众满意度低,工作推进慢', markedOn: '2025-01-10' });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ name: '选派书记', decision: null });
    expect((await town.admin.post('/api/cadres/adjustments', { organizationId: other.id, reason: '再次列入', markedOn: '2025-01-11' })).body).toContain('已在调整名单中');
    const early = await town.admin.post(`/api/cadres/adjustments/${marked.json().id}/decision`, { decision: 'kept', decisionNote: '继续留任观察', decidedOn: '2025-01-01' });
    expect(early.statusCode).toBe(400);
    const decided = await town.admin.post(`/api/cadres/adjustments/${marked.json().id}/decision`, { decision: 'kept', decisionNote: '镇党委研究决定继续留任观察', decidedOn: '2025-02-01' });
    expect(decided.json()).toMatchObject({ decision: 'kept', decidedOn: '2025-02-01' });
    expect((await town.admin.get(`/api/cadres/villages/${other.id}`)).json().adjustments).toHaveLength(1);
  });
});

describe('15.3 access', () => {
  it('15.3 a secretary reads their own village only and writes nothing; a plain member sees none', async () => {
    const own = await secretary.get(`/api/cadres/villages/${branch.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().can.edit).toBe(false);
    expect(own.json().candidates).toEqual([]);
    expect(own.json().adjustments, 'the town\'s adjustment list is not the secretary\'s to read').toEqual([]);
    expect((await otherSecretary.get(`/api/cadres/villages/${other.id}`)).json().adjustments).toEqual([]);
    expect((await secretary.get(`/api/cadres/villages/${other.id}`)).statusCode).toBe(404);
    expect((await otherSecretary.get(`/api/cadres/villages/${branch.id}`)).statusCode).toBe(404);
    expect((await secretary.post(`/api/cadres/villages/${branch.id}/changes`, { kind: 'election', occurredOn: '2021-01-15', reason: '换届选举', post: 'bookkeeper', personId: b })).statusCode).toBe(403);
    expect((await secretary.get('/api/cadres/board')).statusCode).toBe(403);
    const enterprise = await createBranch(town, { village: false });
    expect((await town.admin.get(`/api/cadres/villages/${enterprise.id}`)).statusCode, 'an enterprise branch has no 村两委').toBe(404);
    const other2 = await createTown(ctx);
    expect((await other2.admin.get(`/api/cadres/villages/${branch.id}`)).statusCode).toBe(404);
    expect((await other2.admin.get('/api/cadres/board')).json().villages).toEqual([]);
  });
});
