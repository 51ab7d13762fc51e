import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestContext } from '../../../test/context.js';
import { applicant, ok, openRecruitment, record, type Json } from '../../../test/recruitment-fixtures.js';
import { addDays, todayInShanghai } from '@dj/contracts';

/** 发展党员 deadlines on the branch's to-do list (/api/tasks), from the same rules as the recruitment page. */
let ctx: TestContext;
let admin: Session;
let yingzi: Session;
let xihuagou: Session;
const today = todayInShanghai();

beforeAll(async () => { ({ ctx, admin, yingzi, xihuagou } = await openRecruitment()); });
afterAll(async () => { await ctx.close(); });

const recruitmentTasks = async (s: Session, name?: string) =>
  (ok(await s.get('/api/tasks')).items as Json[]).filter((t) => t.kind.startsWith('RECRUITMENT_') && (!name || t.memberName === name));

describe('发展党员 on the to-do list', () => {
  it('细则第七条 (local setting 30 days): a talk not held 40 days after the application is late; 25 days after, it is due soon', async () => {
    const late = ok(await yingzi.post('/api/recruitments', applicant('待谈话甲', { appliedOn: addDays(today, -40) })));
    const soon = ok(await yingzi.post('/api/recruitments', applicant('待谈话乙', { appliedOn: addDays(today, -25) })));
    const [lateTask] = await recruitmentTasks(yingzi, '待谈话甲');
    expect(lateTask).toMatchObject({
      kind: 'RECRUITMENT_LATE', memberId: null, organizationName: '营子村党支部', link: `/recruitment/recruitments/${late.id}`,
      message: `收到入党申请书后派人谈话:应于${addDays(today, -10)}前,已逾期`,
    });
    expect(lateTask.rule).toContain('第七条');
    expect(await recruitmentTasks(yingzi, '待谈话乙')).toEqual([expect.objectContaining({
      kind: 'RECRUITMENT_DUE', link: `/recruitment/recruitments/${soon.id}`, message: `收到入党申请书后派人谈话:应于${addDays(today, 5)}前`,
    })]);
    // The same deadline the recruitment page shows.
    expect(ok(await yingzi.get(`/api/recruitments/${late.id}`)).deadlines).toContainEqual(expect.objectContaining({ date: addDays(today, -10), status: 'late' }));
  });

  it('goes away once the step is recorded', async () => {
    const created = ok(await yingzi.post('/api/recruitments', applicant('已谈话', { appliedOn: addDays(today, -40) })));
    expect(await recruitmentTasks(yingzi, '已谈话')).toHaveLength(1);
    ok(await record(yingzi, created.id, 'talk', addDays(today, -2), { talker: '张志强' }));
    expect(await recruitmentTasks(yingzi, '已谈话')).toEqual([]);
  });

  it('another village does not see 营子村\'s people; the town does, and a branch filter narrows it', async () => {
    ok(await yingzi.post('/api/recruitments', applicant('只属营子', { appliedOn: addDays(today, -40) })));
    expect(await recruitmentTasks(xihuagou, '只属营子')).toEqual([]);
    expect(await recruitmentTasks(admin, '只属营子')).toHaveLength(1);
    const { rows: [other] } = await ctx.pool.query(`select id from organizations where name = '西花沟村党支部'`);
    const narrowed = (ok(await admin.get(`/api/tasks?orgId=${other.id}`)).items as Json[]).filter((t) => t.memberName === '只属营子');
    expect(narrowed).toEqual([]);
  });

  it('细则第三十二条: the 预备期满 discussion is left to the roster\'s CONFIRMATION_DUE item, never listed twice', async () => {
    const all = ok(await admin.get('/api/tasks')).items as Json[];
    expect(all.filter((t) => t.kind.startsWith('RECRUITMENT_') && t.message.startsWith('预备期满'))).toEqual([]);
    // Every task carries where to act on it.
    for (const t of all) expect(t.link, JSON.stringify(t)).toMatch(/^\/(members|disclosures|rectifications|recruitment\/recruitments)\b/);
  });
});
