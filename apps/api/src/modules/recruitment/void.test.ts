import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestContext } from '../../../test/context.js';
import { attachFile, createRecruitment, memberAccount as accountOf, ok, openRecruitment, q, record, supervisorOf, type Json } from '../../../test/recruitment-fixtures.js';
import type { Branch } from '../../../test/factories.js';

/** 作废 a mistaken step record: kept and shown, but every rule and view reads past it. */
let ctx: TestContext;
let admin: Session;
let secretary: Session;
let outsider: Session;
let branch: Branch;
let full: number[];

beforeAll(async () => { ({ ctx, admin, secretary, outsider, branch, full } = await openRecruitment()); });
afterAll(async () => { await ctx.close(); });

const voidIt = (s: Session, id: number, recordId: number, reason = '日期记错,重新登记') =>
  s.post(`/api/recruitments/${id}/records/${recordId}/void`, { reason });
const recordOf = (j: Json, code: string) => (j.records as Json[]).filter((r) => r.stepCode === code).at(-1)!;
const start = createRecruitment;

/** A 党员 account of a full member in good standing of the branch, who can be named 培养联系人. */
async function memberAccount() {
  return { memberId: full[1], session: await accountOf(full[1]) };
}

describe('作废 the latest record', () => {
  it('reopens the step, the phase goes back, the record is kept with who/when/why and audited; recording again works', async () => {
    const j = await start('作废甲', 'activist');
    expect(j.phase).toBe('activist');
    const activist = recordOf(j, 'activist');
    expect(j.records.map((r: Json) => [r.stepCode, r.voidable])).toEqual([['application', false], ['talk', false], ['activist', true]]);
    const bad = await voidIt(secretary, j.id, activist.id, ' 错 ');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: Json) => f.path)).toEqual(['reason']);
    expect(bad.json().message).toContain('作废原因');

    const v = ok(await voidIt(secretary, j.id, activist.id, '  支委会日期记错  '));
    expect(v).toMatchObject({ status: 'active', phase: 'applicant', lastStepName: '党组织派人谈话' });
    expect(v.records.map((r: Json) => [r.stepCode, r.voidable])).toEqual([['application', false], ['talk', true]]);
    expect(v.nextSteps.map((s: Json) => s.code)).toContain('activist');
    expect(v.steps.find((s: Json) => s.code === 'activist').recorded).toBe(false);
    expect(v.voidedRecords).toEqual([{
      id: activist.id, stepCode: 'activist', stepName: activist.stepName, occurredOn: '2019-05-06', recordedByName: activist.recordedByName,
      voidedAt: expect.any(String), voidedByName: expect.any(String), reason: '支委会日期记错', files: [],
    }]);
    expect((await q('select phase from recruitments where id = $1', [j.id]))[0].phase).toBe('applicant');
    const [kept] = await q('select voided_at, voided_by, void_reason from recruitment_steps where id = $1', [activist.id]);
    expect(kept).toMatchObject({ voided_at: expect.any(Date), voided_by: expect.any(Number), void_reason: '支委会日期记错' });
    const [audit] = await q(`select detail from audit_events where action = 'recruitment.step.void' and object_id = $1`, [String(j.id)]);
    expect(audit.detail).toMatchObject({ recordId: activist.id, stepCode: 'activist', reason: '支委会日期记错' });
    // The list and the board read the recomputed phase.
    expect((ok(await secretary.get('/api/recruitments')).items as Json[]).find((x) => x.id === j.id)).toMatchObject({ phase: 'applicant' });

    const again = ok(await record(secretary, j.id, 'activist', '2019-05-08'));
    expect(again).toMatchObject({ phase: 'activist' });
    expect(again.records.map((r: Json) => [r.stepCode, r.occurredOn])).toEqual([['application', '2019-03-04'], ['talk', '2019-04-15'], ['activist', '2019-05-08']]);
    expect(again.voidedRecords).toHaveLength(1);
  });

  it('refuses a record that is not the latest, and step 1, naming the rule; nothing is written', async () => {
    const j = await start('作废乙', 'activist');
    const res = await voidIt(secretary, j.id, recordOf(j, 'talk').id);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('只能作废最近记录的一步:请先作废“推荐和确定入党积极分子”(2019-05-06)');
    const app = await voidIt(secretary, j.id, recordOf(j, 'application').id);
    expect(app.statusCode).toBe(409);
    expect(app.json().message).toContain('终止');
    expect((await q('select count(*)::int as n from recruitment_steps where recruitment_id = $1 and voided_at is not null', [j.id]))[0].n).toBe(0);
    // A record id of another recruitment answers like one that does not exist.
    const other = await start('作废丙');
    expect((await voidIt(secretary, other.id, recordOf(j, 'activist').id)).json()).toEqual((await voidIt(secretary, other.id, 99_999_999)).json());
    expect((await voidIt(secretary, other.id, recordOf(j, 'activist').id)).statusCode).toBe(404);
  });

  it('refuses a step that wrote the roster (上级党委 approval): correct the roster first; a committee step is the town\'s', async () => {
    const j = await start('作废丁', 'admission_approval');
    expect(j.status).toBe('probationary');
    const approval = recordOf(j, 'admission_approval');
    expect(approval.voidable).toBe(false);
    expect((await voidIt(secretary, j.id, approval.id)).statusCode).toBe(403);
    const res = await voidIt(admin, j.id, approval.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('党员名册');
    expect(ok(await admin.get(`/api/recruitments/${j.id}`)).records.every((r: Json) => !r.voidable)).toBe(true);
  });
});

describe('作废 培养联系人 records', () => {
  it('a voided mentors record loses the named mentor their access', async () => {
    const { memberId, session: member } = await memberAccount();
    const j = await start('作废戊', 'activist_filing');
    const named = ok(await record(secretary, j.id, 'mentors', '2019-05-10', { memberIds: [memberId] }));
    expect((ok(await member.get('/api/recruitment/mentoring')).items as Json[]).some((x) => x.recruitmentId === j.id)).toBe(true);
    // The mentor sees the recruitment but may not void anything.
    expect(ok(await member.get(`/api/recruitments/${j.id}`)).records.every((r: Json) => !r.voidable)).toBe(true);
    expect((await voidIt(member, j.id, recordOf(named, 'mentors').id)).statusCode).toBe(403);

    const v = ok(await voidIt(secretary, j.id, recordOf(named, 'mentors').id));
    expect(v.relations).toEqual([]);
    expect(v.nextSteps.map((s: Json) => s.code)).toContain('mentors');
    expect((ok(await member.get('/api/recruitment/mentoring')).items as Json[]).some((x) => x.recruitmentId === j.id)).toBe(false);
    expect((await member.get(`/api/recruitments/${j.id}`)).statusCode).toBe(404);
    expect((await voidIt(member, j.id, recordOf(named, 'activist_filing').id)).statusCode).toBe(404);
    // Kept, marked voided.
    expect((await q('select count(*)::int as n from recruitment_relations where recruitment_id = $1 and voided_at is not null', [j.id]))[0].n).toBe(1);
  });

  it('a voided mentors record reopens the mentors it replaced, who regain their access', async () => {
    const { memberId, session: member } = await memberAccount();
    const j = await start('作废己', 'activist_filing');
    // The mentor registered by hand, then replaced by the step.
    const first = ok(await secretary.post(`/api/recruitments/${j.id}/relations`, { kind: 'mentor', memberId, since: '2019-05-08' }));
    expect(first.relations).toHaveLength(1);
    const replaced = ok(await record(secretary, j.id, 'mentors', '2019-05-10', { memberIds: [full[0]] }));
    expect(replaced.relations.map((r: Json) => [r.memberId, r.until])).toEqual([[memberId, '2019-05-10'], [full[0], null]]);
    expect((await member.get(`/api/recruitments/${j.id}`)).statusCode).toBe(404);

    const v = ok(await voidIt(secretary, j.id, recordOf(replaced, 'mentors').id, '培养联系人选错了'));
    expect(v.relations.map((r: Json) => [r.memberId, r.since, r.until])).toEqual([[memberId, '2019-05-08', null]]);
    expect(ok(await member.get(`/api/recruitments/${j.id}`)).id).toBe(j.id);
    expect((ok(await member.get('/api/recruitment/mentoring')).items as Json[]).some((x) => x.recruitmentId === j.id)).toBe(true);
    const [audit] = await q(`select detail from audit_events where action = 'recruitment.step.void' and object_id = $1`, [String(j.id)]);
    expect(audit.detail).toMatchObject({ stepCode: 'mentors', reason: '培养联系人选错了', relationsReopened: [first.relations[0].id] });
    // Named again by the step: the hand-made one ends again, on the new date.
    const again = ok(await record(secretary, j.id, 'mentors', '2019-05-12', { memberIds: [full[0]] }));
    expect(again.relations.map((r: Json) => [r.memberId, r.until])).toEqual([[memberId, '2019-05-12'], [full[0], null]]);
  });
});

describe('作废 a record that stopped the recruitment', () => {
  it('a voided failed 政审 reopens the recruitment; the manual 终止 stays', async () => {
    const j = await start('作废庚', 'sponsors');
    const failed = ok(await record(secretary, j.id, 'political_review', '2020-06-01', { conclusion: 'fail' }));
    expect(failed).toMatchObject({ status: 'stopped', stoppedReason: expect.stringContaining('政治审查不合格') });
    const review = recordOf(failed, 'political_review');
    expect(review.voidable).toBe(true);
    const v = ok(await voidIt(secretary, j.id, review.id, '政审结论录入错误'));
    expect(v).toMatchObject({ status: 'active', phase: 'candidate', stoppedReason: null, can: { record: true, stop: true } });
    expect(v.nextSteps.map((s: Json) => s.code)).toContain('political_review');
    expect((await q('select status, stopped_on from recruitments where id = $1', [j.id]))[0]).toEqual({ status: 'active', stopped_on: null });
    expect(ok(await record(secretary, j.id, 'political_review', '2020-06-02', { conclusion: 'pass' }))).toMatchObject({ status: 'active' });

    const k = await start('作废辛', 'talk');
    ok(await secretary.post(`/api/recruitments/${k.id}/stop`, { reason: '本人撤回申请', stoppedOn: '2019-05-01' }));
    const res = await voidIt(secretary, k.id, recordOf(k, 'talk').id);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('该发展党员程序已终止:本人撤回申请');
  });
});

describe('who may void', () => {
  it('another village\'s secretary gets 404, a plain member 404, the 包村干部 403; the record is untouched; files stay downloadable', async () => {
    const j = await start('作废壬', 'talk');
    const talk = recordOf(j, 'talk');
    const scan = Buffer.from('%PDF-1.4 谈话记录');
    const file = (await attachFile(j.id, talk.id, scan, '谈话记录.pdf')).records.find((r: Json) => r.id === talk.id).files[0];
    const other = await outsider.post(`/api/recruitments/${j.id}/records/${talk.id}/void`, { reason: '越权作废' });
    expect(other.statusCode).toBe(404);
    expect(other.json().message).toBe('发展党员记录不存在或无权查看');
    const { session: member } = await memberAccount();
    expect((await voidIt(member, j.id, talk.id)).statusCode).toBe(404);
    const supervisor = await supervisorOf(branch.id);
    expect((await voidIt(supervisor, j.id, talk.id)).statusCode).toBe(403);
    expect((await q('select voided_at from recruitment_steps where id = $1', [talk.id]))[0].voided_at).toBeNull();

    const v = ok(await voidIt(admin, j.id, talk.id));
    expect(v.voidedRecords[0].files).toEqual([{ id: file.id, name: '谈话记录.pdf', size: scan.length }]);
    const download = await secretary.get(`/api/recruitments/${j.id}/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(scan)).toBe(true);
    // Voiding twice: the record is no longer one of the recruitment's records.
    expect((await voidIt(admin, j.id, talk.id)).statusCode).toBe(404);
  });
});
