import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestContext } from '../../../test/context.js';
import type { Branch } from '../../../test/factories.js';
import { applicant, eligibleNow, memberAccount, multipart, ok, openRecruitment, q, record, supervisorOf, walk, type Json } from '../../../test/recruitment-fixtures.js';

/** 发展党员 through the API: stopping and applying again, cancellation, files, local steps, the board, plans and mentoring. */
let ctx: TestContext;
let admin: Session;
let secretary: Session;
let outsider: Session;
let branch: Branch;
let otherBranch: Branch;
let full: number[];

beforeAll(async () => { ({ ctx, admin, secretary, outsider, branch, otherBranch, full } = await openRecruitment()); });
afterAll(async () => { await ctx.close(); });

describe('stopping, applying again, cancelling, files and local steps', () => {
  it('a stopped applicant who applies again within 6 months gets a kept warning (recruitment.resubmitMonths), same person row', async () => {
    const input = applicant('魏建国', { birthDate: '1992-10-10', appliedOn: '2019-03-04' });
    const first = ok(await secretary.post('/api/recruitments', input));
    const stopped = ok(await secretary.post(`/api/recruitments/${first.id}/stop`, { reason: '本人撤回申请', stoppedOn: '2019-04-01' }));
    expect(stopped).toMatchObject({ status: 'stopped', stoppedReason: '本人撤回申请', nextSteps: [], deadlines: [] });
    expect((await record(secretary, first.id, 'talk', '2019-04-02', { talker: '张志强' })).statusCode).toBe(409);
    const again = ok(await secretary.post('/api/recruitments', { ...input, appliedOn: '2019-08-01' }));
    expect(again.id).not.toBe(first.id);
    expect(again.records[0].warnings).toEqual([expect.objectContaining({ rule: 'resubmit', message: '上次入党程序于2019-04-01终止,未满6个月再次申请' })]);
    const persons = await q('select distinct person_id from recruitments where id = any($1::int[])', [[first.id, again.id]]);
    expect(persons).toHaveLength(1);
    // Six months on, no warning: a third recruitment cannot start while the second is open.
    expect((await secretary.post('/api/recruitments', { ...input, appliedOn: '2019-10-01' })).statusCode).toBe(409);
  });

  it('细则第三十三条: the 支部大会 cancels a 预备党员: the member leaves, the recruitment stops, a 预备党员 recruitment cannot simply be stopped', async () => {
    const j = ok(await secretary.post('/api/recruitments', applicant('邓小川', { birthDate: '1994-01-30' })));
    const admitted = await walk(j.id, 'talk', 'confirmation_application');
    expect((await secretary.post(`/api/recruitments/${j.id}/stop`, { reason: '终止', stoppedOn: '2021-07-02' })).statusCode).toBe(409);
    const n = await eligibleNow();
    const cancelled = ok(await record(secretary, j.id, 'confirmation_meeting', '2021-08-05', { vote: { eligible: n, present: n, yes: n }, decision: 'cancel' }));
    expect(cancelled).toMatchObject({ status: 'stopped', stoppedReason: '支部大会决定取消预备党员资格' });
    const m = ok(await admin.get(`/api/members/${admitted.memberId}`));
    expect(m.membershipStatus).toBe('left');
    expect(m.events.map((e: Json) => [e.kind, e.occurredOn])).toEqual([['admitted', '2020-08-03'], ['probation_cancelled', '2021-08-05']]);
  });

  it('attaches a scan to a step record and serves it back only inside the scope', async () => {
    const j = ok(await secretary.post('/api/recruitments', applicant('潘玉兰', { gender: 'female', birthDate: '1998-03-08' })));
    const recordId = j.records[0].id;
    const pdf = Buffer.from('%PDF-1.4 入党申请书');
    const body = multipart(pdf, '入党申请书.pdf');
    const up = await secretary.request('POST', `/api/recruitments/${j.id}/records/${recordId}/files`, body.payload, { 'content-type': body.contentType });
    const file = ok(up).records[0].files[0];
    expect(file).toMatchObject({ name: '入党申请书.pdf', size: pdf.length });
    const down = await secretary.get(`/api/recruitments/${j.id}/files/${file.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.rawPayload.equals(pdf)).toBe(true);
    expect((await outsider.get(`/api/recruitments/${j.id}/files/${file.id}`)).statusCode).toBe(404);
    // A file pretending to be a PDF is refused.
    const fake = multipart(Buffer.from('not a pdf'), '假文件.pdf');
    const bad = await secretary.request('POST', `/api/recruitments/${j.id}/records/${recordId}/files`, fake.payload, { 'content-type': fake.contentType });
    expect(bad.statusCode).toBe(415); // the one upload policy: a wrong type is 415
    expect(bad.json().fields[0].path).toBe('file');
    expect((await q('select count(*)::int as n from recruitment_files where record_id = $1', [recordId]))[0].n).toBe(1);
  });

  it('the town adds an optional local step after a central one; a secretary cannot', async () => {
    const denied = await secretary.post('/api/recruitment/steps', { name: '村党员代表推荐', afterCode: 'talk', actor: 'branch' });
    expect(denied.statusCode).toBe(403);
    const bad = await admin.post('/api/recruitment/steps', { name: '村党员代表推荐', afterCode: 'nonsense', actor: 'branch' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('afterCode');
    const steps = ok(await admin.post('/api/recruitment/steps', { name: '村党员代表推荐', afterCode: 'talk', actor: 'branch', requiredDocuments: ['推荐表'] })).items as Json[];
    expect(steps).toHaveLength(26);
    expect(steps[2]).toMatchObject({ name: '村党员代表推荐', position: 3, stage: 1, required: false, isCentral: false, requiredDocuments: ['推荐表'] });
    expect(ok(await secretary.get('/api/recruitment/steps')).items[2].code).toBe(steps[2].code);
    expect((await admin.post('/api/recruitment/steps', { name: '村党员代表推荐', afterCode: 'activist', actor: 'branch' })).statusCode).toBe(400);
    // Optional: a recruitment after the 谈话 may record it or go straight on.
    const j = ok(await secretary.post('/api/recruitments', applicant('吕文博', { birthDate: '1991-11-11' })));
    const talked = ok(await record(secretary, j.id, 'talk', '2019-03-20', { talker: '张志强' }));
    expect(talked.nextSteps.map((s: Json) => s.code)).toEqual([steps[2].code, 'activist']);
    const local = ok(await record(secretary, j.id, steps[2].code, '2019-03-25'));
    expect(local.records.at(-1)).toMatchObject({ stepCode: steps[2].code, stepName: '村党员代表推荐', decidedBy: 'branch' });
    expect(ok(await record(secretary, j.id, 'activist', '2019-05-06')).phase).toBe('activist');
  });
});

describe('board, plans and mentoring', () => {
  let late: number;

  it('the board counts the branch per phase and lists a late deadline in due', async () => {
    const boardOf = async () => (ok(await secretary.get('/api/recruitment/board?year=2020')) as Json);
    const ours = (b: Json) => b.branches.find((x: Json) => x.organizationId === branch.id);
    const before = await boardOf();
    expect(before.branches.map((b: Json) => b.organizationId)).toEqual([branch.id]);
    // 邓小川 was approved in 2020 (and later cancelled: the admission still counts for that year).
    expect(ours(before).admittedThisYear).toBe(1);
    expect(ours(await (ok(await secretary.get('/api/recruitment/board?year=2021')))).admittedThisYear).toBe(0);
    const listed = ok(await secretary.get('/api/recruitments')).items as Json[];
    for (const phase of ['applicant', 'activist', 'candidate', 'probationary']) {
      expect(ours(before).counts[phase], phase).toBe(listed.filter((j) => j.phase === phase && (j.status === 'active' || j.status === 'probationary')).length);
    }
    late = ok(await secretary.post('/api/recruitments', applicant('曹丽娟', { gender: 'female', birthDate: '1999-12-01', appliedOn: '2022-01-10' }))).id;
    const after = await boardOf();
    expect(ours(after).counts).toEqual({ ...ours(before).counts, applicant: ours(before).counts.applicant + 1 });
    expect(ours(after).late).toBe(ours(before).late + 1);
    expect(after.due.find((d: Json) => d.recruitmentId === late)).toEqual({
      recruitmentId: late, name: '曹丽娟', organizationName: branch.name,
      deadline: { label: '收到入党申请书后派人谈话', date: '2022-02-09', status: 'late', binding: false, source: '《中国共产党发展党员工作细则》第七条;本镇设置 recruitment.talkWithinDays' },
    });
    // The list and the other branch's secretary.
    expect(listed.find((j) => j.name === '邓小川')).toMatchObject({ status: 'stopped', phase: null, memberId: expect.any(Number) });
    const theirs = ok(await outsider.get('/api/recruitments')).items as Json[];
    expect(theirs.some((j) => j.organizationId === branch.id)).toBe(false);
    expect((await outsider.get(`/api/recruitments/${late}`)).statusCode).toBe(404);
    expect(ok(await outsider.get('/api/recruitment/board')).due.some((d: Json) => d.recruitmentId === late)).toBe(false);
    // The 包村干部 of the branch reads but does not record.
    const supervisor = await supervisorOf(branch.id);
    expect(ok(await supervisor.get(`/api/recruitments/${late}`)).can).toEqual({ record: false, recordCommitteeSteps: false, stop: false });
    expect((await record(supervisor, late, 'talk', '2022-02-20', { talker: '王建华' })).statusCode).toBe(403);
    expect((await q('select count(*)::int as n from recruitment_steps where recruitment_id = $1', [late]))[0].n).toBe(1);
  });

  it('plans: the town saves a year\'s quotas; a branch secretary cannot', async () => {
    const saved = ok(await admin.request('PUT', '/api/recruitment/plans', { year: 2023, items: [{ organizationId: branch.id, quota: 2, note: '优先发展青年' }, { organizationId: otherBranch.id, quota: 1 }] }));
    expect(saved.items.find((i: Json) => i.organizationId === branch.id)).toEqual({ organizationId: branch.id, organizationName: branch.name, quota: 2, note: '优先发展青年' });
    const read = ok(await admin.get('/api/recruitment/plans?year=2023'));
    expect(read.items.find((i: Json) => i.organizationId === otherBranch.id).quota).toBe(1);
    expect(read.items.filter((i: Json) => i.quota !== null)).toHaveLength(2);
    const denied = await secretary.request('PUT', '/api/recruitment/plans', { year: 2023, items: [{ organizationId: branch.id, quota: 9 }] });
    expect(denied.statusCode).toBe(403);
    expect(ok(await secretary.get('/api/recruitment/plans?year=2023')).items).toEqual([{ organizationId: branch.id, organizationName: branch.name, quota: 2, note: '优先发展青年' }]);
    const notBranch = await admin.request('PUT', '/api/recruitment/plans', { year: 2023, items: [{ organizationId: branch.groupIds[0], quota: 1 }] });
    expect(notBranch.statusCode).toBe(400);
    expect(notBranch.json().fields[0].path).toBe('items.0.organizationId');
    expect((await q(`select count(*)::int as n from audit_events where action = 'recruitment.plan.save' and object_id = '2023'`))[0].n).toBe(1);
  });

  it('mentoring: the 党员 account sees the recruitments they mentor, and no other', async () => {
    // A 党员 account of a full member in good standing of the branch.
    const mentorId = full[1];
    const member = await memberAccount(mentorId);
    const j = ok(await secretary.post('/api/recruitments', applicant('郭晓燕', { gender: 'female', birthDate: '1997-07-07' })));
    await walk(j.id, 'talk', 'activist_filing');
    const named = ok(await record(secretary, j.id, 'mentors', '2019-05-10', { memberIds: [mentorId] }));
    expect(named.relations).toEqual([expect.objectContaining({ kind: 'mentor', memberId: mentorId, since: '2019-05-10', until: null })]);
    const mine = ok(await member.get('/api/recruitment/mentoring')).items as Json[];
    expect(mine.find((x) => x.recruitmentId === j.id)).toEqual({
      recruitmentId: j.id, name: '郭晓燕', organizationName: branch.name, kind: 'mentor', since: '2019-05-10', phase: 'activist',
      next: { code: 'activist_review', name: '培养教育考察', earliest: null, dueBy: '2019-11-06' },
    });
    const seen = ok(await member.get(`/api/recruitments/${j.id}`));
    expect(seen).toMatchObject({ id: j.id, name: '郭晓燕', can: { record: false, recordCommitteeSteps: false, stop: false } });
    expect((await member.get(`/api/recruitments/${late}`)).statusCode).toBe(404);
    expect(ok(await member.get('/api/recruitments')).items).toEqual([]);
    expect((await record(member, j.id, 'activist_review', '2019-11-01')).statusCode).toBe(403);
    // A mentor whose relation ended is no longer shown the recruitment.
    const ended = ok(await secretary.post(`/api/recruitments/${j.id}/relations/${named.relations[0].id}/end`, { until: '2019-06-01' }));
    expect(ended.relations[0].until).toBe('2019-06-01');
    expect((ok(await member.get('/api/recruitment/mentoring')).items as Json[]).some((x) => x.recruitmentId === j.id)).toBe(false);
    expect((await member.get(`/api/recruitments/${j.id}`)).statusCode).toBe(404);
  });
});
