import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestContext } from '../../../test/context.js';
import { applicant, eligibleNow, ok, openRecruitment, q, record, walk, type Json } from '../../../test/recruitment-fixtures.js';

/** 发展党员 through the API: stopping and applying again, cancellation, files, local steps, the board, plans and mentoring. */
let ctx: TestContext;
let admin: Session;
let yingzi: Session;
let xihuagou: Session;
let ids: Record<string, number>;
let full: number[];

beforeAll(async () => { ({ ctx, admin, yingzi, xihuagou, ids, full } = await openRecruitment()); });
afterAll(async () => { await ctx.close(); });

/** A multipart body with one file, as a browser sends it. */
function multipart(file: Buffer, name: string) {
  const boundary = `----recruitment${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('stopping, applying again, cancelling, files and local steps', () => {
  it('a stopped applicant who applies again within 6 months gets a kept warning (recruitment.resubmitMonths), same person row', async () => {
    const input = applicant('魏建国', { birthDate: '1992-10-10', appliedOn: '2019-03-04' });
    const first = ok(await yingzi.post('/api/recruitments', input));
    const stopped = ok(await yingzi.post(`/api/recruitments/${first.id}/stop`, { reason: '本人撤回申请', stoppedOn: '2019-04-01' }));
    expect(stopped).toMatchObject({ status: 'stopped', stoppedReason: '本人撤回申请', nextSteps: [], deadlines: [] });
    expect((await record(yingzi, first.id, 'talk', '2019-04-02', { talker: '张志强' })).statusCode).toBe(409);
    const again = ok(await yingzi.post('/api/recruitments', { ...input, appliedOn: '2019-08-01' }));
    expect(again.id).not.toBe(first.id);
    expect(again.records[0].warnings).toEqual([expect.objectContaining({ rule: 'resubmit', message: '上次入党程序于2019-04-01终止,未满6个月再次申请' })]);
    const persons = await q('select distinct person_id from recruitments where id = any($1::int[])', [[first.id, again.id]]);
    expect(persons).toHaveLength(1);
    // Six months on, no warning: a third recruitment cannot start while the second is open.
    expect((await yingzi.post('/api/recruitments', { ...input, appliedOn: '2019-10-01' })).statusCode).toBe(409);
  });

  it('细则第三十三条: the 支部大会 cancels a 预备党员: the member leaves, the recruitment stops, a 预备党员 recruitment cannot simply be stopped', async () => {
    const j = ok(await yingzi.post('/api/recruitments', applicant('邓小川', { birthDate: '1994-01-30' })));
    const admitted = await walk(j.id, 'talk', 'confirmation_application');
    expect((await yingzi.post(`/api/recruitments/${j.id}/stop`, { reason: '终止', stoppedOn: '2021-07-02' })).statusCode).toBe(409);
    const n = await eligibleNow();
    const cancelled = ok(await record(yingzi, j.id, 'confirmation_meeting', '2021-08-05', { vote: { eligible: n, present: n, yes: n }, decision: 'cancel' }));
    expect(cancelled).toMatchObject({ status: 'stopped', stoppedReason: '支部大会决定取消预备党员资格' });
    const m = ok(await admin.get(`/api/members/${admitted.memberId}`));
    expect(m.membershipStatus).toBe('left');
    expect(m.events.map((e: Json) => [e.kind, e.occurredOn])).toEqual([['admitted', '2020-08-03'], ['probation_cancelled', '2021-08-05']]);
  });

  it('attaches a scan to a step record and serves it back only inside the scope', async () => {
    const j = ok(await yingzi.post('/api/recruitments', applicant('潘玉兰', { gender: 'female', birthDate: '1998-03-08' })));
    const recordId = j.records[0].id;
    const pdf = Buffer.from('%PDF-1.4 入党申请书');
    const body = multipart(pdf, '入党申请书.pdf');
    const up = await yingzi.request('POST', `/api/recruitments/${j.id}/records/${recordId}/files`, body.payload, { 'content-type': body.contentType });
    const file = ok(up).records[0].files[0];
    expect(file).toMatchObject({ name: '入党申请书.pdf', size: pdf.length });
    const down = await yingzi.get(`/api/recruitments/${j.id}/files/${file.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.rawPayload.equals(pdf)).toBe(true);
    expect((await xihuagou.get(`/api/recruitments/${j.id}/files/${file.id}`)).statusCode).toBe(404);
    // A file pretending to be a PDF is refused.
    const fake = multipart(Buffer.from('not a pdf'), '假文件.pdf');
    const bad = await yingzi.request('POST', `/api/recruitments/${j.id}/records/${recordId}/files`, fake.payload, { 'content-type': fake.contentType });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('file');
    expect((await q('select count(*)::int as n from recruitment_files where record_id = $1', [recordId]))[0].n).toBe(1);
  });

  it('the town adds an optional local step after a central one; a secretary cannot', async () => {
    const denied = await yingzi.post('/api/recruitment/steps', { name: '村党员代表推荐', afterCode: 'talk', actor: 'branch' });
    expect(denied.statusCode).toBe(403);
    const bad = await admin.post('/api/recruitment/steps', { name: '村党员代表推荐', afterCode: 'nonsense', actor: 'branch' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('afterCode');
    const steps = ok(await admin.post('/api/recruitment/steps', { name: '村党员代表推荐', afterCode: 'talk', actor: 'branch', requiredDocuments: ['推荐表'] })).items as Json[];
    expect(steps).toHaveLength(26);
    expect(steps[2]).toMatchObject({ name: '村党员代表推荐', position: 3, stage: 1, required: false, isCentral: false, requiredDocuments: ['推荐表'] });
    expect(ok(await yingzi.get('/api/recruitment/steps')).items[2].code).toBe(steps[2].code);
    expect((await admin.post('/api/recruitment/steps', { name: '村党员代表推荐', afterCode: 'activist', actor: 'branch' })).statusCode).toBe(400);
    // Optional: a recruitment after the 谈话 may record it or go straight on.
    const j = ok(await yingzi.post('/api/recruitments', applicant('吕文博', { birthDate: '1991-11-11' })));
    const talked = ok(await record(yingzi, j.id, 'talk', '2019-03-20', { talker: '张志强' }));
    expect(talked.nextSteps.map((s: Json) => s.code)).toEqual([steps[2].code, 'activist']);
    const local = ok(await record(yingzi, j.id, steps[2].code, '2019-03-25'));
    expect(local.records.at(-1)).toMatchObject({ stepCode: steps[2].code, stepName: '村党员代表推荐', decidedBy: 'branch' });
    expect(ok(await record(yingzi, j.id, 'activist', '2019-05-06')).phase).toBe('activist');
  });
});

describe('board, plans and mentoring', () => {
  let late: number;

  it('the board counts 营子村 per phase and lists a late deadline in due', async () => {
    const boardOf = async () => (ok(await yingzi.get('/api/recruitment/board?year=2020')) as Json);
    const branch = (b: Json) => b.branches.find((x: Json) => x.organizationId === ids['营子村党支部']);
    const before = await boardOf();
    expect(before.branches.map((b: Json) => b.organizationId)).toEqual([ids['营子村党支部']]);
    // 邓小川 was approved in 2020 (and later cancelled: the admission still counts for that year).
    expect(branch(before).admittedThisYear).toBe(1);
    expect(branch(await (ok(await yingzi.get('/api/recruitment/board?year=2021')))).admittedThisYear).toBe(0);
    const listed = ok(await yingzi.get('/api/recruitments')).items as Json[];
    for (const phase of ['applicant', 'activist', 'candidate', 'probationary']) {
      expect(branch(before).counts[phase], phase).toBe(listed.filter((j) => j.phase === phase && (j.status === 'active' || j.status === 'probationary')).length);
    }
    late = ok(await yingzi.post('/api/recruitments', applicant('曹丽娟', { gender: 'female', birthDate: '1999-12-01', appliedOn: '2022-01-10' }))).id;
    const after = await boardOf();
    expect(branch(after).counts).toEqual({ ...branch(before).counts, applicant: branch(before).counts.applicant + 1 });
    expect(branch(after).late).toBe(branch(before).late + 1);
    expect(after.due.find((d: Json) => d.recruitmentId === late)).toEqual({
      recruitmentId: late, name: '曹丽娟', organizationName: '营子村党支部',
      deadline: { label: '收到入党申请书后派人谈话', date: '2022-02-09', status: 'late', binding: false, source: '《中国共产党发展党员工作细则》第七条;本镇设置 recruitment.talkWithinDays' },
    });
    // The list and the other village's secretary.
    expect(listed.find((j) => j.name === '邓小川')).toMatchObject({ status: 'stopped', phase: null, memberId: expect.any(Number) });
    const theirs = ok(await xihuagou.get('/api/recruitments')).items as Json[];
    expect(theirs.some((j) => j.organizationId === ids['营子村党支部'])).toBe(false);
    expect((await xihuagou.get(`/api/recruitments/${late}`)).statusCode).toBe(404);
    expect(ok(await xihuagou.get('/api/recruitment/board')).due.some((d: Json) => d.recruitmentId === late)).toBe(false);
    // The 包村干部 of 营子村 reads but does not record.
    const supervisor = await ctx.signIn('supervisor');
    expect(ok(await supervisor.get(`/api/recruitments/${late}`)).can).toEqual({ record: false, recordCommitteeSteps: false, stop: false });
    expect((await record(supervisor, late, 'talk', '2022-02-20', { talker: '王建华' })).statusCode).toBe(403);
    expect((await q('select count(*)::int as n from recruitment_steps where recruitment_id = $1', [late]))[0].n).toBe(1);
  });

  it('plans: the town saves a year\'s quotas; a branch secretary cannot', async () => {
    const saved = ok(await admin.request('PUT', '/api/recruitment/plans', { year: 2023, items: [{ organizationId: ids['营子村党支部'], quota: 2, note: '优先发展青年' }, { organizationId: ids['西花沟村党支部'], quota: 1 }] }));
    expect(saved.items.find((i: Json) => i.organizationId === ids['营子村党支部'])).toEqual({ organizationId: ids['营子村党支部'], organizationName: '营子村党支部', quota: 2, note: '优先发展青年' });
    const read = ok(await admin.get('/api/recruitment/plans?year=2023'));
    expect(read.items.find((i: Json) => i.organizationId === ids['西花沟村党支部']).quota).toBe(1);
    expect(read.items.filter((i: Json) => i.quota !== null)).toHaveLength(2);
    const denied = await yingzi.request('PUT', '/api/recruitment/plans', { year: 2023, items: [{ organizationId: ids['营子村党支部'], quota: 9 }] });
    expect(denied.statusCode).toBe(403);
    expect(ok(await yingzi.get('/api/recruitment/plans?year=2023')).items).toEqual([{ organizationId: ids['营子村党支部'], organizationName: '营子村党支部', quota: 2, note: '优先发展青年' }]);
    const notBranch = await admin.request('PUT', '/api/recruitment/plans', { year: 2023, items: [{ organizationId: ids['营子村党支部/第一党小组'], quota: 1 }] });
    expect(notBranch.statusCode).toBe(400);
    expect(notBranch.json().fields[0].path).toBe('items.0.organizationId');
    expect((await q(`select count(*)::int as n from audit_events where action = 'recruitment.plan.save' and object_id = '2023'`))[0].n).toBe(1);
  });

  it('mentoring: the 党员 account sees the recruitments they mentor, and no other', async () => {
    // The demo 党员 account, linked to a person; the test needs that person to be a full member in good standing.
    let [linked] = await q(`select m.id, m.standing, m.membership_status, m.on_roster, m.organization_id from users u join members m on m.person_id = u.person_id where u.username = 'member'`);
    if (!linked || linked.standing !== 'full' || linked.membership_status !== 'active' || !linked.on_roster) {
      await q(`update users set person_id = (select person_id from members where id = $1) where username = 'member'`, [full[1]]);
      [linked] = await q(`select m.id from users u join members m on m.person_id = u.person_id where u.username = 'member'`);
    }
    const mentorId = Number(linked.id);
    const member = await ctx.signIn('member');
    const j = ok(await yingzi.post('/api/recruitments', applicant('郭晓燕', { gender: 'female', birthDate: '1997-07-07' })));
    await walk(j.id, 'talk', 'activist_filing');
    const named = ok(await record(yingzi, j.id, 'mentors', '2019-05-10', { memberIds: [mentorId] }));
    expect(named.relations).toEqual([expect.objectContaining({ kind: 'mentor', memberId: mentorId, since: '2019-05-10', until: null })]);
    const mine = ok(await member.get('/api/recruitment/mentoring')).items as Json[];
    expect(mine.find((x) => x.recruitmentId === j.id)).toEqual({
      recruitmentId: j.id, name: '郭晓燕', organizationName: '营子村党支部', kind: 'mentor', since: '2019-05-10', phase: 'activist',
      next: { code: 'activist_review', name: '培养教育考察', earliest: null, dueBy: '2019-11-06' },
    });
    const seen = ok(await member.get(`/api/recruitments/${j.id}`));
    expect(seen).toMatchObject({ id: j.id, name: '郭晓燕', can: { record: false, recordCommitteeSteps: false, stop: false } });
    expect((await member.get(`/api/recruitments/${late}`)).statusCode).toBe(404);
    expect(ok(await member.get('/api/recruitments')).items).toEqual([]);
    expect((await record(member, j.id, 'activist_review', '2019-11-01')).statusCode).toBe(403);
    // A mentor whose relation ended is no longer shown the recruitment.
    const ended = ok(await yingzi.post(`/api/recruitments/${j.id}/relations/${named.relations[0].id}/end`, { until: '2019-06-01' }));
    expect(ended.relations[0].until).toBe('2019-06-01');
    expect((ok(await member.get('/api/recruitment/mentoring')).items as Json[]).some((x) => x.recruitmentId === j.id)).toBe(false);
    expect((await member.get(`/api/recruitments/${j.id}`)).statusCode).toBe(404);
  });
});
