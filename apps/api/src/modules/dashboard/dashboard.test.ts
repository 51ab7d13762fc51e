import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, monthFromIndex, monthIndex, todayInShanghai } from '@dj/contracts';
import { createActivity, createBranch, createUser, recordFinding, createInspectionRound } from '../../../test/factories.js';
import { createRecruitment, memberAccount, ok, openRecruitment, type Json, type RecruitmentContext } from '../../../test/recruitment-fixtures.js';
import { lastTwelveMonths } from './service.js';

/**
 * 驾驶舱 (issue 17 points 1 and 2) on a town of the file's own: the figures are what the records say (the compliance
 * calendar's statuses, a recruitment in the pipeline, an overdue rectification), villages stay in the tree's order,
 * and a village's card is 404 outside the caller's scope.
 */
let d: RecruitmentContext;
const today = todayInShanghai();
const lastMonth = monthFromIndex(monthIndex(today.slice(0, 7)) - 1);
const tileOf = (body: Json, key: string) => (body.tiles as Json[]).find((t) => t.key === key)!;
const valueOf = (body: Json, key: string, label: string) => (tileOf(body, key).figures as Json[]).find((f) => f.label === label)!.value;

beforeAll(async () => {
  d = await openRecruitment();
  // Last month's 主题党日 held by the first branch; the second held nothing.
  await createActivity(d.secretary, d.branch.id, { heldOn: `${lastMonth}-21` });
  await createRecruitment('王小明');
  const round = await createInspectionRound(d.town, [d.branch.id]);
  const inspector = (await createUser(d.town, 'inspector', [d.town.committeeId])).session;
  const { rectificationId } = await recordFinding(inspector, round.id, d.branch.id, 'cleanliness');
  // Only the clock can put a deadline in the past (the API refuses one).
  await d.ctx.pool.query('update rectifications set due_on = $2 where id = $1', [rectificationId, addDays(today, -3)]);
});
afterAll(async () => { await d.ctx.close(); });

describe('town dashboard', () => {
  it('shows this month\'s calendar as a branch × requirement matrix, in the calendar\'s order and with its statuses', async () => {
    const body = ok(await d.admin.get('/api/dashboard/town'));
    const calendar = ok(await d.admin.get(`/api/compliance?period=${today.slice(0, 7)}`));
    expect(body.matrix.rows.map((r: Json) => r.organizationId)).toEqual(calendar.branches.map((b: Json) => b.organizationId));
    for (const branch of calendar.branches as Json[]) {
      const row = (body.matrix.rows as Json[]).find((r) => r.organizationId === branch.organizationId)!;
      expect(row.link).toBe(`/compliance?orgId=${branch.organizationId}&period=${today.slice(0, 7)}`);
      for (const r of branch.rows as Json[]) {
        const cell = row.cells[(body.matrix.requirements as Json[]).findIndex((q) => q.ruleKey === r.ruleKey)];
        if (r.groupId === null) expect(cell).toMatchObject({ status: r.status, done: r.done, expected: r.expected });
      }
    }
    const late = (calendar.branches as Json[]).reduce((n, b) => n + b.summary.late, 0);
    expect(body.matrix.totals.late).toBe(late);
  });

  it('counts the recruitment in the pipeline and the overdue rectification', async () => {
    const body = ok(await d.admin.get('/api/dashboard/town'));
    expect((body.pipeline as Json[]).find((p) => p.phase === 'applicant')!.count).toBe(1);
    expect(valueOf(body, 'rectification', '未验收')).toBe(1);
    expect(valueOf(body, 'rectification', '已逾期')).toBe(1);
    expect(valueOf(body, 'recruitment', '在培养')).toBe(1);
  });

  it('counts this month\'s 考核期 by status and, once published, the villages by 等次 (a count per band, no order of villages)', async () => {
    const month = today.slice(0, 7);
    const scheme = ok(await d.admin.post('/api/assessment/schemes', {
      name: '驾驶舱测试方案', audience: 'village_cadre', periodKind: 'month', posts: ['secretary'], effectiveFrom: month,
      indicators: [{ key: 'work', name: '中心工作', weight: 100, scorer: 'town_office', evidence: '工作台账' }],
      bands: [{ label: '优秀', min: 80 }, { label: '合格', min: 60 }, { label: '不合格', min: 0 }],
    }));
    const period = ok(await d.admin.post('/api/assessment/periods', { schemeId: scheme.id, period: month }));
    expect(valueOf(ok(await d.admin.get('/api/dashboard/town')), 'assessment', '评分中')).toBe(1);
    for (const [subjectId, points] of [[d.branch.id, 85], [d.otherBranch.id, 70]]) {
      ok(await d.admin.request('PUT', `/api/assessment/periods/${period.id}/scores`, { subjectId, indicatorKey: 'work', points, evidence: '查阅工作台账' }));
    }
    ok(await d.admin.post(`/api/assessment/periods/${period.id}/publish`));
    const body = ok(await d.admin.get('/api/dashboard/town'));
    expect(valueOf(body, 'assessment', '异议期')).toBe(1);
    expect(valueOf(body, 'assessment', '等次:优秀')).toBe(1);
    expect(valueOf(body, 'assessment', '等次:合格')).toBe(1);
    const card = ok(await d.admin.get(`/api/dashboard/villages/${d.otherBranch.id}`));
    expect(tileOf(card, 'assessment').figures.filter((f: Json) => f.label.startsWith('等次'))).toEqual([expect.objectContaining({ label: '等次:合格', value: 1 })]);
  });

  it('is refused to a plain 党员', async () => {
    const member = await memberAccount(d.full[0]);
    expect((await member.get('/api/dashboard/town')).statusCode).toBe(403);
    expect((await member.get(`/api/dashboard/villages/${d.branch.id}`)).statusCode).toBe(404);
  });
});

describe('village card', () => {
  it('holds twelve months, each the calendar\'s summary of that month: last month late where nothing was held', async () => {
    const body = ok(await d.admin.get(`/api/dashboard/villages/${d.otherBranch.id}`));
    expect(body.months.map((m: Json) => m.period)).toEqual(lastTwelveMonths(today.slice(0, 7)));
    const month = (body.months as Json[]).find((m) => m.period === lastMonth)!;
    const calendar = ok(await d.admin.get(`/api/compliance?orgId=${d.otherBranch.id}&period=${lastMonth}`)).branches[0];
    expect(month).toMatchObject({ late: calendar.summary.late, done: calendar.summary.done, due: calendar.summary.due });
    expect(month.late).toBeGreaterThan(0);
    expect(valueOf(body, 'rectification', '已逾期')).toBe(0);
  });

  it('counts the held 主题党日 as done for its village, and the village\'s own pipeline and rectification', async () => {
    const body = ok(await d.secretary.get(`/api/dashboard/villages/${d.branch.id}`));
    const calendar = ok(await d.secretary.get(`/api/compliance?orgId=${d.branch.id}&period=${lastMonth}`)).branches[0];
    expect(calendar.rows.find((r: Json) => r.kind === 'theme_day').status).toMatch(/done|awaiting_sign_off/);
    expect((body.months as Json[]).find((m) => m.period === lastMonth)!.done).toBe(calendar.summary.done);
    expect((body.pipeline as Json[]).find((p) => p.phase === 'applicant')!.count).toBe(1);
    expect(valueOf(body, 'rectification', '已逾期')).toBe(1);
    expect(tileOf(body, 'disclosure').link).toBe(`/disclosures?orgId=${d.branch.id}`);
  });

  it('answers for a branch that is no village\'s (a 机关 branch): no 两委, no reserves, the same months', async () => {
    const office = await createBranch(d.town, { village: false });
    const body = ok(await d.admin.get(`/api/dashboard/villages/${office.id}`));
    expect(body.months).toHaveLength(12);
    expect(valueOf(body, 'cadres', '"两委"成员')).toBe(0);
  });

  it('is 404 for another village\'s secretary', async () => {
    expect((await d.outsider.get(`/api/dashboard/villages/${d.branch.id}`)).statusCode).toBe(404);
    expect((await d.outsider.get(`/api/dashboard/villages/${d.otherBranch.id}`)).statusCode).toBe(200);
    // The secretary's town view holds only their own branch.
    const town = ok(await d.outsider.get('/api/dashboard/town'));
    expect(town.matrix.rows.map((r: Json) => r.organizationId)).toEqual([d.otherBranch.id]);
  });
});
