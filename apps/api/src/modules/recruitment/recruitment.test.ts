import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestContext } from '../../../test/context.js';
import type { Branch } from '../../../test/factories.js';
import { applicant, eligibleNow, idNumber, ok, openRecruitment, PATH, q, record, recordCount, TOWN, walk, type Json } from '../../../test/recruitment-fixtures.js';
import { addMonths, todayInShanghai } from '@dj/contracts';

/** 发展党员 through the API against the real database: applying, the whole way to 转正, extension and refusals. */
let ctx: TestContext;
let admin: Session;
let secretary: Session;
let outsider: Session;
let branch: Branch;
let outsiderMember: number;
let third: number;
let full: number[];
const today = todayInShanghai();

beforeAll(async () => { ({ ctx, admin, secretary, outsider, branch, outsiderMember, third, full } = await openRecruitment()); });
afterAll(async () => { await ctx.close(); });

describe('登记入党申请', () => {
  it('a bad ID number is refused naming the field, and nothing is written', async () => {
    const persons = (await q('select count(*)::int as n from persons'))[0].n;
    const good = idNumber('1995-04-12', 'male');
    const res = await secretary.post('/api/recruitments', applicant('错号码', { idNumber: good.slice(0, 17) + (good[17] === '0' ? '1' : '0') }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: Json) => f.path)).toEqual(['idNumber']);
    expect((await q('select count(*)::int as n from persons'))[0].n).toBe(persons);
  });

  it('细则第五条: an applicant under 18 is refused with the article, and no person is written', async () => {
    const persons = (await q('select count(*)::int as n from persons'))[0].n;
    const res = await secretary.post('/api/recruitments', applicant('未成年', { birthDate: '2003-06-01', appliedOn: '2021-05-31' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('第五条');
    expect(res.json().message).toContain('未满十八岁(17岁)');
    expect((await q('select count(*)::int as n from persons'))[0].n).toBe(persons);
    // On the 18th birthday the same person may apply.
    const born = ok(await secretary.post('/api/recruitments', applicant('刚成年', { birthDate: '2003-06-01', appliedOn: '2021-06-01' })));
    expect(born).toMatchObject({ status: 'active', phase: 'applicant', birthDate: '2003-06-01' });
  });

  it('the secretary of another branch cannot register an applicant in this one', async () => {
    const res = await outsider.post('/api/recruitments', applicant('越界登记'));
    expect(res.statusCode).toBe(404);
    expect((await q(`select count(*)::int as n from persons where name = '越界登记'`))[0].n).toBe(0);
  });
});

describe('one person from 入党申请 to 转正', () => {
  let id: number;
  let personId: number;
  let memberId: number;
  const body = () => applicant('韩立新');
  let created: Json;

  it('registers the application as step 1; the same ID number cannot apply twice', async () => {
    const input = body();
    created = ok(await secretary.post('/api/recruitments', input));
    id = created.id;
    expect(created).toMatchObject({ name: '韩立新', status: 'active', phase: 'applicant', stage: 1, organizationName: branch.name, memberId: null, lastStepOn: '2019-03-04' });
    expect(created.records.map((r: Json) => [r.stepCode, r.occurredOn, r.decidedBy])).toEqual([['application', '2019-03-04', 'branch']]);
    expect(created.nextSteps).toEqual([{ code: 'talk', name: '党组织派人谈话', earliest: '2019-03-04', dueBy: '2019-04-03' }]);
    expect(created.can).toEqual({ record: true, recordCommitteeSteps: false, stop: true });
    expect(created.idNumberMasked).toMatch(/^370402\*+\d{3}[\dX]$/);
    personId = Number((await q('select person_id from recruitments where id = $1', [id]))[0].person_id);
    const again = await secretary.post('/api/recruitments', { ...input, name: '韩立新' });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields[0].path).toBe('idNumber');
  });

  it('细则第七条: a talk later than recruitment.talkWithinDays is recorded with its warning kept', async () => {
    const j = ok(await record(secretary, id, 'talk', '2019-04-15', { talker: '张志强' }));
    const talk = j.records.find((r: Json) => r.stepCode === 'talk');
    expect(talk.warnings).toEqual([{ rule: 'talk_within', message: '谈话距收到申请书已超过30天', source: '《中国共产党发展党员工作细则》第七条(一个月内);本镇设置 recruitment.talkWithinDays' }]);
    const stored = await q(`select warnings from recruitment_steps where recruitment_id = $1 and step_code = 'talk'`, [id]);
    expect(stored[0].warnings.map((w: Json) => w.rule)).toEqual(['talk_within']);
    expect(ok(await secretary.get(`/api/recruitments/${id}`)).records[1].warnings[0].rule).toBe('talk_within');
  });

  it('细则第八条: the secretary alone cannot name an 积极分子; the 支委会 can', async () => {
    const before = await recordCount(id);
    const res = await record(secretary, id, 'activist', '2019-05-06', {}, { decidedBy: 'branch' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('第八条');
    expect(await recordCount(id)).toBe(before);
    const j = await walk(id, 'activist', 'activist_review');
    expect(j.phase).toBe('activist');
    expect(j.records.find((r: Json) => r.stepCode === 'activist').decidedBy).toBe('branch_committee');
    expect(j.relations.map((r: Json) => [r.kind, r.memberId, r.since, r.until])).toEqual([['mentor', full[0], '2019-05-10', null]]);
  });

  it('细则第十三条: 发展对象 11 months after 积极分子 is refused and nothing is written; the check route says the same', async () => {
    const before = await recordCount(id);
    const audits = (await q(`select count(*)::int as n from audit_events where object_type = 'recruitment' and object_id = $1`, [String(id)]))[0].n;
    const check = ok(await secretary.post(`/api/recruitments/${id}/check`, { stepCode: 'candidate', occurredOn: '2020-04-06' }));
    expect(check.blocks.map((b: Json) => b.rule)).toEqual(['activist_year']);
    expect(check.blocks[0].source).toContain('第十三条');
    const res = await record(secretary, id, 'candidate', '2020-04-06');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('第十三条');
    expect(res.json().message).toContain('最早2020-05-06方可列为发展对象');
    expect(await recordCount(id)).toBe(before);
    expect((await q(`select count(*)::int as n from audit_events where object_type = 'recruitment' and object_id = $1`, [String(id)]))[0].n).toBe(audits);
    expect(ok(await secretary.get(`/api/recruitments/${id}`)).phase).toBe('activist');
  });

  it('细则第十三条: a year later the 发展对象 is recorded, with the 考察 gap warning kept', async () => {
    const j = ok(await record(secretary, id, 'candidate', '2020-05-06'));
    expect(await recordCount(id)).toBe(7);
    expect(j).toMatchObject({ phase: 'candidate', stage: 3 });
    const candidate = j.records.find((r: Json) => r.stepCode === 'candidate');
    expect(candidate.warnings.map((w: Json) => w.message)).toEqual(['2019-11-01至2020-05-06之间超过6个月没有考察记录']);
  });

  it('细则第十四条: a 预备党员 cannot be a sponsor', async () => {
    ok(await record(secretary, id, 'candidate_filing', '2020-05-10'));
    // A 预备党员 of the branch, entered in the roster today.
    const entered = await secretary.post('/api/members', {
      name: '预备党员甲', gender: 'male', birthDate: '1990-03-03', idNumber: idNumber('1990-03-03', 'male'), joinedAt: addMonths(today, -3), confirmedAt: null, organizationId: branch.id,
    });
    expect(entered.statusCode, entered.body).toBe(201);
    const probationary = entered.json();
    expect(probationary.standing).toBe('probationary');
    const res = await record(secretary, id, 'sponsors', '2020-05-12', { memberIds: [full[0], probationary.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('预备党员甲是预备党员,不能作入党介绍人');
    expect(res.json().message).toContain('第十四条');
    // A member of another branch is not one the secretary can name.
    const foreign = await record(secretary, id, 'sponsors', '2020-05-12', { memberIds: [full[0], outsiderMember] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toContain('不是本镇党员或不在管理范围内');
    const one = await record(secretary, id, 'sponsors', '2020-05-12', { memberIds: [full[0]] });
    expect(one.statusCode).toBe(400);
    expect(one.json().message).toContain('入党介绍人应为两名正式党员,现选1名');
    const j = ok(await record(secretary, id, 'sponsors', '2020-05-12', { memberIds: [full[0], full[1]] }));
    expect(j.relations.filter((r: Json) => r.kind === 'sponsor').map((r: Json) => r.memberId).sort()).toEqual([...full].sort());
    // A third sponsor cannot come in through the relations route either; a replacement ends one first.
    const extra = await secretary.post(`/api/recruitments/${id}/relations`, { kind: 'sponsor', memberId: third, since: '2020-05-20' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().message).toContain('第十四条');
    expect((await secretary.post(`/api/recruitments/${id}/relations`, { kind: 'sponsor', memberId: full[0], since: '2020-05-20' })).statusCode).toBe(400);
    expect((await q(`select count(*)::int as n from recruitment_relations where recruitment_id = $1 and kind = 'sponsor'`, [id]))[0].n).toBe(2);
  });

  it('the secretary cannot record a 上级党委 step (403, nothing written); the town can', async () => {
    ok(await record(secretary, id, 'political_review', '2020-06-01', { conclusion: 'pass' }));
    const before = await recordCount(id);
    const short = await record(admin, id, 'training', '2020-06-10', { trainingDays: 2, trainingHours: 20 });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toContain('第十七条');
    const res = await record(secretary, id, 'training', '2020-06-10', { trainingDays: 3 });
    expect(res.statusCode).toBe(403);
    expect(await recordCount(id)).toBe(before);
    const j = ok(await record(admin, id, 'training', '2020-06-10', { trainingDays: 3 }));
    expect(j.records.at(-1)).toMatchObject({ stepCode: 'training', decidedBy: 'party_committee', recordedByName: `${TOWN}管理员` });
    expect(ok(await admin.get(`/api/recruitments/${id}`)).can).toEqual({ record: true, recordCommitteeSteps: true, stop: true });
  });

  it('a short 公示 is kept with its warning; the 支部大会 passes and the town approves: the person enters the roster', async () => {
    await walk(id, 'committee_review', 'admission_form');
    const noticed = ok(await secretary.post(`/api/recruitments/${id}/public-notices`, { stage: 'admission', startsOn: '2020-07-16', endsOn: '2020-07-20' }));
    // Thursday to Monday: 3 working days.
    expect(noticed.notices[0]).toMatchObject({ stage: 'admission', outcome: null, warnings: [{ rule: 'notice_length', message: '公示期3个工作日,本镇规定不少于5个工作日' }] });
    expect(noticed.notices[0].content).toContain('拟将韩立新同志接收为中共预备党员');
    const outcome = ok(await secretary.post(`/api/recruitments/${id}/public-notices/${noticed.notices[0].id}/outcome`, { outcome: 'no_objection' }));
    expect(outcome.notices[0].outcome).toBe('no_objection');
    const met = await walk(id, 'admission_meeting', 'committee_talk');
    expect(met.records.find((r: Json) => r.stepCode === 'admission_meeting').warnings).toEqual([]);
    expect(met.deadlines).toEqual([expect.objectContaining({ label: '上级党委审批接收预备党员(三个月内)', date: '2020-11-03', status: 'late', binding: true })]);
    const approved = ok(await record(admin, id, 'admission_approval', '2020-09-01', { approved: true }));
    expect(approved).toMatchObject({ status: 'probationary', phase: 'probationary' });
    memberId = approved.memberId;
    expect(memberId).toBeGreaterThan(0);
    const m = ok(await secretary.get(`/api/members/${memberId}`));
    expect(m).toMatchObject({ name: '韩立新', standing: 'probationary', joinedAt: '2020-08-03', confirmedAt: null, partyYears: null, organizationId: branch.id });
    expect(m.events.map((e: Json) => [e.kind, e.occurredOn])).toEqual([['admitted', '2020-08-03']]);
    const [row] = await q('select person_id, probation_ends_on::text from members where id = $1', [memberId]);
    expect(row.probation_ends_on).toBe('2021-08-03');
    // The person the application created is the member: no second row.
    expect(Number(row.person_id)).toBe(personId);
    const [same] = await q('select count(*)::int as n from persons where id_number_hash = (select id_number_hash from persons where id = $1)', [personId]);
    expect(same.n).toBe(1);
    expect((await q('select count(*)::int as n from members where person_id = $1', [personId]))[0].n).toBe(1);
  });

  it('placement puts the 预备党员 in the party group; 转正 before the 预备期 ends is refused (第三十二条)', async () => {
    await walk(id, 'admission_filing', 'confirmation_application');
    expect(ok(await secretary.get(`/api/members/${memberId}`)).groupId).toBe(branch.groupIds[0]);
    const n = await eligibleNow();
    const before = await recordCount(id);
    const early = await record(secretary, id, 'confirmation_meeting', '2021-07-20', { vote: { eligible: n, present: n, yes: n }, decision: 'confirm' });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('第三十二条');
    expect(early.json().message).toContain('预备期到2021-08-03期满');
    expect(await recordCount(id)).toBe(before);
  });

  it('转正: the member is full from the end of the 预备期, and 党龄 counts from it', async () => {
    const j = await walk(id, 'confirmation_meeting', 'confirmation_approval');
    expect(j).toMatchObject({ status: 'confirmed', phase: null, nextSteps: [], deadlines: [] });
    const m = ok(await secretary.get(`/api/members/${memberId}`));
    expect(m).toMatchObject({ standing: 'full', joinedAt: '2020-08-03', confirmedAt: '2021-08-03' });
    const years = Number(today.slice(0, 4)) - 2021 - (today.slice(5) < '08-03' ? 1 : 0);
    expect(m.partyYears).toBe(years);
    expect(m.events.map((e: Json) => [e.kind, e.occurredOn])).toEqual([['admitted', '2020-08-03'], ['confirmed', '2021-08-03']]);
    expect((await q('select probation_ends_on::text from members where id = $1', [memberId]))[0].probation_ends_on).toBeNull();
    // A closed recruitment takes no more steps.
    expect((await record(secretary, id, 'archive', '2021-08-25')).statusCode).toBe(409);
  });

  it('every write left an audit row', async () => {
    const rows = await q(`select action from audit_events where object_type = 'recruitment' and object_id = $1 order by id`, [String(id)]);
    const actions = rows.map((r) => r.action);
    expect(actions[0]).toBe('recruitment.create');
    expect(actions).toContain('recruitment.notice.add');
    expect(actions).toContain('recruitment.notice.outcome');
    expect(actions.filter((a) => a.startsWith('recruitment.step.'))).toHaveLength(PATH.length);
    expect(actions.at(-1)).toBe('recruitment.step.confirmation_approval');
    const created = await q(`select detail from audit_events where action = 'member.create' and object_id = $1`, [String(memberId)]);
    expect(created).toHaveLength(1);
    expect(created[0].detail).toMatchObject({ fromRecruitment: id, joinedAt: '2020-08-03' });
  });
});

describe('延长预备期, a failed vote and a failed 政审', () => {
  let id: number;
  let memberId: number;

  it('细则第二十一条: a vote short of half the ELIGIBLE is recorded as 未通过 with the rule, and the meeting is next again', async () => {
    id = ok(await secretary.post('/api/recruitments', applicant('宋春梅', { gender: 'female', birthDate: '1996-09-20' }))).id;
    await walk(id, 'talk', 'admission_form');
    const n = await eligibleNow();
    const half = Math.floor(n / 2);
    // Everyone present, and more than half of those present... but not more than half of the eligible.
    const failed = ok(await record(secretary, id, 'admission_meeting', '2020-08-03', { vote: { eligible: n, present: n, yes: half, no: n - half } }));
    expect(failed).toMatchObject({ phase: 'candidate', status: 'active' });
    expect(failed.records.at(-1).stepCode).toBe('admission_meeting');
    expect(failed.nextSteps.map((s: Json) => s.code)).toEqual(['admission_meeting']);
    expect(failed.records.at(-1).outcome).toMatchObject({ label: '未通过' });
    expect(failed.records.at(-1).outcome.source).toContain('第二十一条');
    const talk = await record(admin, id, 'committee_talk', '2020-08-10', { talker: '组织委员' });
    expect(talk.statusCode).toBe(400);
    expect(talk.json().message).toContain('应先完成“支部大会讨论”');
    const quorum = await record(secretary, id, 'admission_meeting', '2020-08-05', { vote: { eligible: n, present: half, yes: half } });
    expect(quorum.statusCode).toBe(400);
    expect(quorum.json().message).toContain('第二十条');
    ok(await record(secretary, id, 'admission_meeting', '2020-08-05', { vote: { eligible: n, present: n, yes: half + 1, no: n - half - 1 } }));
    ok(await record(admin, id, 'committee_talk', '2020-08-10', { talker: '组织委员' }));
    // 细则第二十五条: more than three months after the meeting needs the special circumstance.
    const late = await record(admin, id, 'admission_approval', '2020-11-20', { approved: true });
    expect(late.statusCode).toBe(400);
    expect(late.json().message).toContain('第二十五条');
    const tooLate = await record(admin, id, 'admission_approval', '2021-02-06', { approved: true, delayReason: '镇党委换届' });
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.json().message).toContain('不得超过六个月');
    const approved = ok(await record(admin, id, 'admission_approval', '2020-09-01', { approved: true }));
    memberId = approved.memberId;
    expect(ok(await secretary.get(`/api/members/${memberId}`))).toMatchObject({ joinedAt: '2020-08-05', standing: 'probationary' });
  });

  it('细则第三十二条: extending by 6 months moves the end of the 预备期; further 考察 is recorded during it; a second extension is refused', async () => {
    await walk(id, 'admission_filing', 'confirmation_application');
    const n = await eligibleNow();
    const ext = ok(await record(secretary, id, 'confirmation_meeting', '2021-08-06', { vote: { eligible: n, present: n, yes: n }, decision: 'extend', extensionMonths: 6 }));
    expect(ext).toMatchObject({ status: 'probationary', phase: 'probationary' });
    expect(ext.nextSteps.find((s: Json) => s.code === 'confirmation_meeting')).toMatchObject({ earliest: '2022-02-05' });
    const m = ok(await secretary.get(`/api/members/${memberId}`));
    expect(m).toMatchObject({ standing: 'probationary', confirmedAt: null });
    expect(m.events.map((e: Json) => [e.kind, e.occurredOn])).toEqual([['admitted', '2020-08-05'], ['probation_extended', '2021-08-06']]);
    expect((await q('select probation_ends_on::text from members where id = $1', [memberId]))[0].probation_ends_on).toBe('2022-02-05');
    expect((await q(`select probation_ends_on::text from membership_events where member_id = $1 and kind = 'probation_extended'`, [memberId]))[0].probation_ends_on).toBe('2022-02-05');
    // 细则第三十一条: the 预备党员 is still examined during the extension.
    expect(ext.nextSteps.map((s: Json) => s.code)).toEqual(['confirmation_meeting', 'probation_review']);
    const reviewed = ok(await record(secretary, id, 'probation_review', '2021-11-10'));
    expect(reviewed.records.at(-1)).toMatchObject({ stepCode: 'probation_review', occurredOn: '2021-11-10' });
    const before = await recordCount(id);
    const early = await record(secretary, id, 'confirmation_meeting', '2022-01-20', { vote: { eligible: n, present: n, yes: n }, decision: 'confirm' });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('预备期到2022-02-05期满');
    const twice = await record(secretary, id, 'confirmation_meeting', '2022-02-10', { vote: { eligible: n, present: n, yes: n }, decision: 'extend', extensionMonths: 6 });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toContain('第三十二条');
    expect(twice.json().message).toContain('只能延长一次');
    expect(await recordCount(id)).toBe(before);
  });

  it('转正 after the extension dates from the extended end (第三十四条 timing holds)', async () => {
    const n = await eligibleNow();
    ok(await record(secretary, id, 'confirmation_meeting', '2022-02-10', { vote: { eligible: n, present: n, yes: n }, decision: 'confirm' }));
    const tooLate = await record(admin, id, 'confirmation_approval', '2022-08-11', { approved: true, delayReason: '材料不全' });
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.json().message).toContain('第三十四条');
    const j = ok(await record(admin, id, 'confirmation_approval', '2022-02-20', { approved: true }));
    expect(j.status).toBe('confirmed');
    expect(ok(await secretary.get(`/api/members/${memberId}`))).toMatchObject({ standing: 'full', confirmedAt: '2022-02-05' });
  });

  it('细则第二十一条: 11 present of 20 with 10 in favour is 未通过 on the record; 细则第二十五条: a late approval with its reason stays flagged', async () => {
    const j = ok(await secretary.post('/api/recruitments', applicant('韩立新', { birthDate: '1994-03-18' })));
    await walk(j.id, 'talk', 'admission_form');
    const failed = ok(await record(secretary, j.id, 'admission_meeting', '2020-08-03', { vote: { eligible: 20, present: 11, yes: 10, no: 1 } }));
    expect(failed.phase).toBe('candidate');
    expect(failed.records.at(-1).outcome).toMatchObject({
      label: '未通过', message: '表决未通过:赞成10票,未超过应到会有表决权党员20人的半数(至少需11票),未通过',
    });
    expect(failed.records.at(-1).outcome.next).toContain('再次提交支部大会讨论');
    const n = await eligibleNow();
    ok(await record(secretary, j.id, 'admission_meeting', '2020-08-05', { vote: { eligible: n, present: n, yes: n } }));
    ok(await record(admin, j.id, 'committee_talk', '2020-08-10', { talker: '组织委员' }));
    const approved = ok(await record(admin, j.id, 'admission_approval', '2020-12-01', { approved: true, delayReason: '镇党委换届' }));
    const flagged = () => approved.records.at(-1).warnings;
    expect(flagged()).toEqual([expect.objectContaining({ rule: 'approval_delay', source: '《中国共产党发展党员工作细则》第二十五条:应当在三个月内审批' })]);
    // Read again later, the flag is still there.
    const again = ok(await secretary.get(`/api/recruitments/${j.id}`));
    expect(again.records.find((x: Json) => x.stepCode === 'admission_approval').warnings.map((w: Json) => w.rule)).toEqual(['approval_delay']);
    expect(again.records.find((x: Json) => x.occurredOn === '2020-08-03').outcome.label).toBe('未通过');
  });

  it('细则第十六条: a failed 政审 stops the recruitment; nothing more can be recorded', async () => {
    const j = ok(await secretary.post('/api/recruitments', applicant('冯志刚', { birthDate: '1993-02-14' })));
    await walk(j.id, 'talk', 'sponsors');
    const stopped = ok(await record(secretary, j.id, 'political_review', '2020-06-01', { conclusion: 'fail' }));
    expect(stopped.status).toBe('stopped');
    expect(stopped.stoppedReason).toBe('政治审查不合格,不能发展入党(《中国共产党发展党员工作细则》第十六条)');
    expect(stopped.nextSteps).toEqual([]);
    expect((await q('select stopped_on::text from recruitments where id = $1', [j.id]))[0].stopped_on).toBe('2020-06-01');
    expect((await record(secretary, j.id, 'political_review', '2020-06-05', { conclusion: 'pass' })).statusCode).toBe(409);
    expect((await q('select count(*)::int as n from members where person_id = (select person_id from recruitments where id = $1)', [j.id]))[0].n).toBe(0);
  });
});
