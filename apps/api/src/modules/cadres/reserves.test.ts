import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { addMonths, todayInShanghai } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { docxText, pdfText } from '../../../test/documents.js';
import { createBranch, createMember, createTown, createUser, personOf, recordCadreChange, testIdNumber, type Branch, type Town } from '../../../test/factories.js';

/**
 * Issue 15 point 4: a village's reserves (后备人才) moved stage by stage with dated, audited moves (no step back without a
 * reason), a mentor among the village's cadres, half-year evaluations, 任用 / 退出; the town board against
 * reserves.perVillage; 待办; the 发展党员 link of a non-member; the roster as xlsx, Word and PDF; scope.
 */
let ctx: TestContext;
let town: Town;
let branch: Branch;
let other: Branch;
let secretary: Session;
let otherSecretary: Session;
let member = 0;
let stranger = 0;
let mentorPost = 0;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ok = (res: { statusCode: number; body: string; json: () => unknown }): Json => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Json;
};
const newPerson = (name: string) => ({ name, gender: 'male', birthDate: '1992-03-04', idNumber: testIdNumber('1992-03-04') });
const reserveOf = (v: Json, name: string) => (v.reserves as Json[]).find((r) => r.name === name)!;

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  branch = await createBranch(town);
  other = await createBranch(town, { villageId: town.villages[1].id });
  member = await personOf(ctx, await createMember(town, branch.id));
  stranger = await personOf(ctx, await createMember(town, other.id));
  const v = await recordCadreChange(town, branch.id, { post: 'secretary', personId: await personOf(ctx, await createMember(town, branch.id)) });
  mentorPost = (v.current as Json[])[0].id;
  ({ session: secretary } = await createUser(town, 'branch_secretary', [branch.id]));
  ({ session: otherSecretary } = await createUser(town, 'branch_secretary', [other.id]));
});
afterAll(async () => { await ctx.close(); });

describe('15.4 reserve pipeline', () => {
  it('15.4 lists a member and a new non-member (ID number sealed, masked), with a mentor of the village', async () => {
    ok(await secretary.post(`/api/reserves/villages/${branch.id}`, { personId: member, source: 'local_talent', enteredOn: '2024-01-10', mentorPostId: mentorPost }));
    const v = ok(await secretary.post(`/api/reserves/villages/${branch.id}`, { newPerson: newPerson('回流青年'), source: 'returnee', enteredOn: '2024-02-01' }));
    expect(v.active).toBe(2);
    const r = reserveOf(v, '回流青年');
    expect(r).toMatchObject({ stage: 'reserve', isMember: false, source: 'returnee', status: 'active', mentorName: null });
    expect(r.idNumberMasked).toMatch(/\*{4}/);
    const sealed = (await ctx.pool.query('select id_number_enc from persons where id = $1', [r.personId])).rows[0].id_number_enc;
    expect(sealed).not.toMatch(/^\d{17}/);
    expect(reserveOf(v, v.reserves.find((x: Json) => x.isMember).name).mentorPostId).toBe(mentorPost);
    // Another village's person or cadre is neither offered nor accepted; the same person twice is refused.
    expect((await secretary.post(`/api/reserves/villages/${branch.id}`, { personId: stranger, source: 'other', sourceNote: '外村', enteredOn: '2024-01-10' })).statusCode).toBe(400);
    expect((await secretary.post(`/api/reserves/villages/${branch.id}`, { personId: member, source: 'veteran', enteredOn: '2024-01-10' })).body).toContain('已在后备人才队伍中');
    const foreignMentor = await secretary.post(`/api/reserves/villages/${branch.id}`, { newPerson: newPerson('外村联系人'), source: 'graduate', enteredOn: '2024-01-10', mentorPostId: 999999 });
    expect(foreignMentor.body).toContain('本村现任村干部');
  });

  it('15.4 moves stage by stage with dated, audited moves; a step back needs its reason', async () => {
    const id = reserveOf(ok(await secretary.get(`/api/reserves/villages/${branch.id}`)), '回流青年').id;
    ok(await secretary.post(`/api/reserves/${id}/moves`, { toStage: 'training', occurredOn: '2024-06-01' }));
    ok(await secretary.post(`/api/reserves/${id}/moves`, { toStage: 'ready', occurredOn: '2024-09-01', reason: '挂职表现突出' }));
    const back = await secretary.post(`/api/reserves/${id}/moves`, { toStage: 'practice', occurredOn: '2024-10-01' });
    expect(back.statusCode).toBe(400);
    expect(back.body).toContain('须说明原因');
    expect((await secretary.post(`/api/reserves/${id}/moves`, { toStage: 'practice', occurredOn: '2024-08-01', reason: '日期早于' })).body).toContain('不能早于');
    const v = ok(await secretary.post(`/api/reserves/${id}/moves`, { toStage: 'practice', occurredOn: '2024-10-01', reason: '需继续挂职锻炼' }));
    const r = reserveOf(v, '回流青年');
    expect([r.stage, r.stageSince]).toEqual(['practice', '2024-10-01']);
    expect(r.moves.map((m: Json) => [m.kind, m.fromStage, m.toStage, m.occurredOn])).toEqual([
      ['back', 'ready', 'practice', '2024-10-01'], ['advance', 'training', 'ready', '2024-09-01'], ['advance', 'reserve', 'training', '2024-06-01'], ['enter', null, 'reserve', '2024-02-01'],
    ]);
    const audited = (await ctx.pool.query(`select action from audit_events where object_type = 'reserve_candidate' and object_id = $1 order by id`, [String(id)])).rows.map((x) => x.action);
    expect(audited).toEqual(['reserves.add', 'reserves.advance', 'reserves.advance', 'reserves.back']);
    // The database refuses a step back without its reason too.
    await expect(ctx.pool.query(`insert into reserve_moves (tenant_id, organization_id, candidate_id, kind, occurred_on, created_by) values ($1, $2, $3, 'back', '2024-10-02', $4)`,
      [town.tenantId, branch.id, id, town.adminId])).rejects.toThrow(/reserve_moves_back_reason_ck/);
  });

  it('15.4 changes the mentor to another current cadre of the village, with a history line', async () => {
    const id = reserveOf(ok(await secretary.get(`/api/reserves/villages/${branch.id}`)), '回流青年').id;
    const v = ok(await secretary.post(`/api/reserves/${id}/mentor`, { mentorPostId: mentorPost, occurredOn: '2024-11-01', reason: '由书记联系' }));
    const r = reserveOf(v, '回流青年');
    expect([r.mentorPostId, r.moves[0].kind, r.moves[0].reason]).toEqual([mentorPost, 'mentor', '由书记联系']);
    expect((await secretary.post(`/api/reserves/${id}/mentor`, { mentorPostId: mentorPost, occurredOn: '2024-11-02' })).body).toContain('没有变化');
  });

  it('15.4 evaluates once per period and moves the next due day; 任用 needs the post held, 退出 its reason', async () => {
    const v0 = ok(await secretary.get(`/api/reserves/villages/${branch.id}`));
    const r0 = (v0.reserves as Json[]).find((r) => r.isMember)!;
    expect(r0.evaluationDueOn).toBe(addMonths('2024-01-10', 6));
    const v1 = ok(await secretary.post(`/api/reserves/${r0.id}/evaluations`, { period: '2024-H1', evaluatedOn: '2024-07-05', result: 'good', comment: '工作积极' }));
    expect((v1.reserves as Json[]).find((r) => r.id === r0.id)!).toMatchObject({ evaluationDueOn: addMonths('2024-07-05', 6), evaluations: [{ period: '2024-H1', result: 'good' }] });
    expect((await secretary.post(`/api/reserves/${r0.id}/evaluations`, { period: '2024-H1', evaluatedOn: '2024-07-06', result: 'fair', comment: '重复' })).body).toContain('该期次已考评');
    // 任用: refused until the post is recorded on the 干部 page, then linked to it.
    const leave = { outcome: 'appointed', occurredOn: '2025-01-20', reason: '补选为村委会委员' };
    expect((await secretary.post(`/api/reserves/${r0.id}/leave`, { ...leave, cadrePostId: mentorPost })).body).toContain('先在村干部页登记');
    const held = await recordCadreChange(town, branch.id, { post: 'committee_member', personId: r0.personId, occurredOn: '2025-01-20', reason: '补选' });
    const postId = (held.current as Json[]).find((h) => h.personId === r0.personId && h.post === 'committee_member')!.id;
    const v2 = ok(await secretary.post(`/api/reserves/${r0.id}/leave`, { ...leave, cadrePostId: postId }));
    expect((v2.reserves as Json[]).find((r) => r.id === r0.id)).toMatchObject({ status: 'appointed', appointedPost: 'committee_member', evaluationDueOn: null, leftOn: '2025-01-20' });
    expect(v2.active).toBe(1);
    expect((await secretary.post(`/api/reserves/${r0.id}/moves`, { toStage: 'ready', occurredOn: '2025-02-01' })).body).toContain('已离开');
    expect((await secretary.post(`/api/reserves/${r0.id}/leave`, { outcome: 'exited', occurredOn: '2025-02-01', reason: '' })).statusCode).toBe(400);
  });

  it('15.4 links a non-member reserve to their 发展党员 record with its phase', async () => {
    const birthDate = '1996-05-05';
    const rec = ok(await town.admin.post('/api/recruitments', { name: '申请人甲', gender: 'male', birthDate, idNumber: testIdNumber(birthDate), organizationId: branch.id, appliedOn: '2024-03-04' }));
    const v = ok(await secretary.get(`/api/reserves/villages/${branch.id}`));
    const candidate = (v.candidates as Json[]).find((c) => c.name === '申请人甲')!;
    expect(candidate.isMember).toBe(false);
    const added = ok(await secretary.post(`/api/reserves/villages/${branch.id}`, { personId: candidate.personId, source: 'graduate', enteredOn: '2024-05-01' }));
    expect(reserveOf(added, '申请人甲').recruitment).toEqual({ id: rec.id, status: 'active', phase: 'applicant' });
  });

  it('15.4 the board counts by stage against reserves.perVillage (never ranked), and 待办 names the village below it and the evaluations due', async () => {
    ok(await town.admin.patch('/api/settings/reserves.perVillage', { value: 3 }));
    const board = ok(await town.admin.get('/api/reserves/board'));
    const own = (board.villages as Json[]).find((r) => r.organizationId === branch.id)!;
    expect(own).toMatchObject({ byStage: { reserve: 1, training: 0, practice: 1, ready: 0 }, active: 2, target: 3, shortBy: 1 });
    expect((board.villages as Json[]).find((r) => r.organizationId === other.id)).toMatchObject({ active: 0, shortBy: 3 });
    expect(board.belowTarget).toBe(2);
    expect(Object.keys(own)).not.toContain('rank');
    expect((await secretary.get('/api/reserves/board')).statusCode).toBe(403);
    const tasks = ok(await town.admin.get('/api/tasks?pageSize=200')).items as Json[];
    expect(tasks.filter((t) => t.kind === 'RESERVES_BELOW_TARGET').map((t) => [t.organizationName, t.dueOn, t.overdue]).sort())
      .toEqual([[branch.name, null, false], [other.name, null, false]].sort());
    // 回流青年 entered 2024-02-01 and was never evaluated: overdue since 2024-08-01 (six months, the default).
    const due = (ok(await secretary.get('/api/tasks?pageSize=200')).items as Json[]).filter((t) => t.kind === 'RESERVE_EVALUATION_DUE');
    expect(due.find((t) => t.memberName.includes('回流青年'))).toMatchObject({ dueOn: '2024-08-01', overdue: true });
    expect(due.every((t) => t.dueOn <= todayInShanghai() || !t.overdue)).toBe(true);
    expect((ok(await secretary.get('/api/tasks?pageSize=200')).items as Json[]).some((t) => t.kind === 'RESERVES_BELOW_TARGET')).toBe(false);
    expect((ok(await otherSecretary.get('/api/tasks?pageSize=200')).items as Json[]).some((t) => t.kind === 'RESERVE_EVALUATION_DUE')).toBe(false);
  });

  it('15.4 a village secretary sees and writes their own village only (404 outside)', async () => {
    const id = reserveOf(ok(await secretary.get(`/api/reserves/villages/${branch.id}`)), '回流青年').id;
    expect((await otherSecretary.get(`/api/reserves/villages/${branch.id}`)).statusCode).toBe(404);
    expect((await otherSecretary.post(`/api/reserves/${id}/evaluations`, { period: '2024-H2', evaluatedOn: '2024-12-01', result: 'good', comment: '越权' })).statusCode).toBe(404);
    expect((await otherSecretary.post(`/api/reserves/villages/${branch.id}`, { newPerson: newPerson('越权人员'), source: 'other', sourceNote: '越权', enteredOn: '2024-01-10' })).statusCode).toBe(404);
  });

  it('15.4 the reserve roster opens as xlsx, Word and PDF with the reserves in the pipeline, ID numbers masked', async () => {
    const xlsx = await town.admin.get(`/api/reserves/roster/xlsx?orgId=${branch.id}`);
    expect(xlsx.statusCode, xlsx.body.slice(0, 200)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const values = wb.worksheets[0].getSheetValues().flat().map(String).join('|');
    expect(values).toContain('回流青年');
    expect(values).toContain('锻炼/挂职');
    expect(values).toContain('申请人甲');
    expect(values).not.toMatch(/\d{17}[\dX]/);
    const docx = await docxText(await town.admin.get(`/api/reserves/roster/docx?orgId=${branch.id}`));
    expect(docx).toContain('后备人才名册');
    expect(docx).toContain('回流青年');
    expect(docx).toContain('入党申请人');
    const pdf = pdfText(await secretary.get('/api/reserves/roster/pdf'));
    expect(pdf).toContain('群众');
    expect(pdf).toContain('共2人');
    expect((await otherSecretary.get(`/api/reserves/roster/pdf?orgId=${branch.id}`)).statusCode).toBe(404);
  });
});
