import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestContext } from '../../../test/context.js';
import type { Branch } from '../../../test/factories.js';
import { applicant, createRecruitment, ok, openRecruitment, record, type Json } from '../../../test/recruitment-fixtures.js';
import { addDays, todayInShanghai } from '@dj/contracts';

/** 发展党员 deadlines on the branch's to-do list (/api/tasks), from the same rules as the recruitment page. */
let ctx: TestContext;
let admin: Session;
let secretary: Session;
let outsider: Session;
let branch: Branch;
let otherBranch: Branch;
const today = todayInShanghai();

beforeAll(async () => { ({ ctx, admin, secretary, outsider, branch, otherBranch } = await openRecruitment()); });
afterAll(async () => { await ctx.close(); });

const recruitmentTasks = async (s: Session, name?: string) =>
  (ok(await s.get('/api/tasks')).items as Json[]).filter((t) => t.kind.startsWith('RECRUITMENT_') && (!name || t.memberName === name));

describe('发展党员 on the to-do list', () => {
  it('细则第七条 (local setting 30 days): a talk not held 40 days after the application is late; 25 days after, it is due soon', async () => {
    const late = ok(await secretary.post('/api/recruitments', applicant('待谈话甲', { appliedOn: addDays(today, -40) })));
    const soon = ok(await secretary.post('/api/recruitments', applicant('待谈话乙', { appliedOn: addDays(today, -25) })));
    const [lateTask] = await recruitmentTasks(secretary, '待谈话甲');
    expect(lateTask).toMatchObject({
      kind: 'RECRUITMENT_LATE', memberId: null, organizationName: branch.name, link: `/recruitment/recruitments/${late.id}`,
      message: `收到入党申请书后派人谈话:应于${addDays(today, -10)}前,已逾期`,
    });
    expect(lateTask.rule).toContain('第七条');
    expect(await recruitmentTasks(secretary, '待谈话乙')).toEqual([expect.objectContaining({
      kind: 'RECRUITMENT_DUE', link: `/recruitment/recruitments/${soon.id}`, message: `收到入党申请书后派人谈话:应于${addDays(today, 5)}前`,
    })]);
    // The same deadline the recruitment page shows.
    expect(ok(await secretary.get(`/api/recruitments/${late.id}`)).deadlines).toContainEqual(expect.objectContaining({ date: addDays(today, -10), status: 'late' }));
  });

  it('goes away once the step is recorded', async () => {
    const created = ok(await secretary.post('/api/recruitments', applicant('已谈话', { appliedOn: addDays(today, -40) })));
    expect(await recruitmentTasks(secretary, '已谈话')).toHaveLength(1);
    ok(await record(secretary, created.id, 'talk', addDays(today, -2), { talker: '张志强' }));
    expect(await recruitmentTasks(secretary, '已谈话')).toEqual([]);
  });

  it('another branch does not see this branch\'s people; the town does, and a branch filter narrows it', async () => {
    ok(await secretary.post('/api/recruitments', applicant('只属本支部', { appliedOn: addDays(today, -40) })));
    expect(await recruitmentTasks(outsider, '只属本支部')).toEqual([]);
    expect(await recruitmentTasks(admin, '只属本支部')).toHaveLength(1);
    const narrowed = (ok(await admin.get(`/api/tasks?orgId=${otherBranch.id}`)).items as Json[]).filter((t) => t.memberName === '只属本支部');
    expect(narrowed).toEqual([]);
    expect((ok(await admin.get(`/api/tasks?orgId=${branch.id}`)).items as Json[]).filter((t) => t.memberName === '只属本支部')).toHaveLength(1);
  });

  it('细则第三十二条: the 预备期满 discussion is left to the roster\'s CONFIRMATION_LATE item, never listed twice', async () => {
    // A 预备党员 admitted on 2020-08-03 whose 预备期 has ended without a 转正 meeting: overdue, not "将于…届满" (13.3).
    const probationary = await createRecruitment('预备期满', 'confirmation_application');
    const all = ok(await admin.get('/api/tasks')).items as Json[];
    expect(all.filter((t) => t.memberName === '预备期满' && t.kind.startsWith('CONFIRMATION_'))).toEqual([
      expect.objectContaining({
        kind: 'CONFIRMATION_LATE', memberId: probationary.memberId, dueOn: '2021-08-03', overdue: true,
        message: expect.stringMatching(/^预备期已于2021-08-03届满,尚未讨论转正,已逾期\d+天$/), link: `/members/${probationary.memberId}`,
      }),
    ]);
    expect(all.filter((t) => t.kind.startsWith('RECRUITMENT_') && t.message.startsWith('预备期满'))).toEqual([]);
    // Every task carries where to act on it.
    for (const t of all) expect(t.link, JSON.stringify(t)).toMatch(/^\/(members|disclosures|rectifications|recruitment\/recruitments|cadres|reserves|talent|education)\b/);
  });
});
