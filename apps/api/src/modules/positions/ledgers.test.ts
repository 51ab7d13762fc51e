import type { LightMyRequestResponse } from 'fastify';
import type { FourTwoProcedure, MicroPowerUse } from '@dj/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { cn, docxText, filename, pdfText } from '../../../test/documents.js';
import { createBranch, createMemberAccount, createTown, createUser, type Branch, multipartBody, type Town } from '../../../test/factories.js';
import type { Block, DocModel } from '../../lib/documents/doc-model.js';
import { addDays, todayInShanghai } from '@dj/contracts';
import { fourTwoModel, microPowerLedgerModel, usesOfYear } from './documents.js';

/**
 * The 小微权力运行台账 and the 四议两公开全程纪实 through the API, files opened for real, in a town of the test's own:
 * `here` has an unfinished and a finished 小微权力 use and a finished 四议两公开 matter; its neighbour `there` a use of
 * its own, an open matter four stages in and a rejected one.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let ctx: TestContext;
let admin: Session;
let secretary: Session;
let neighbour: Session;
let member: Session;
let town: Town;
let here: Branch;
let there: Branch;
let secretaryId: number;
const HOMESTEAD = '农村村民建房(宅基地)申请';

const ok = (res: LightMyRequestResponse) => {
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
};
const q = async (sql: string, params: unknown[] = []) => (await ctx.pool.query(sql, params)).rows;
/** Every text a model holds, for the pure-function tests. */
const modelText = (m: DocModel) => [m.title, m.subtitle ?? '', ...m.blocks.map((b: Block) => JSON.stringify(b))].join('\n');

const daysAgo = (n: number) => addDays(todayInShanghai(), -n);

/** A use of an adopted item with its first `steps` steps done, a day apart. */
async function recordUse(s: Session, organizationId: number, itemId: number, subject: string, startedAgo: number, steps: number) {
  const use = ok(await s.post('/api/micro-power/uses', { organizationId, itemId, subject, startedOn: daysAgo(startedAgo) }));
  for (let index = 0; index < steps; index++) ok(await s.post(`/api/micro-power/uses/${use.id}/steps`, { index, doneOn: daysAgo(startedAgo - index), by: `经办人${index + 1}` }));
}

/** A 四议两公开 matter through its stages, in order, a week apart; `stages` are the bodies of the stage requests. */
async function recordMatter(s: Session, organizationId: number, title: string, category: string, startedAgo: number, stages: Json[]) {
  const { id } = ok(await s.post('/api/four-two', { organizationId, title, category }));
  for (const [i, body] of stages.entries()) ok(await s.post(`/api/four-two/${id}/stages`, { heldOn: daysAgo(startedAgo - i * 7), ...body }));
}

const ALL_PRESENT = { eligible: 9, present: 9, yes: 9, no: 0, abstain: 0 };
const RESOLUTION = { stage: 'resolution', body: 'representatives_meeting', vote: { eligible: 40, present: 30, yes: 16, no: 14, abstain: 0 } };

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  admin = town.admin;
  [here, there] = [await createBranch(town), await createBranch(town)];
  ({ session: secretary, userId: secretaryId } = await createUser(town, 'branch_secretary', [here.id]));
  neighbour = (await createUser(town, 'branch_secretary', [there.id])).session;
  member = (await createMemberAccount(town, here.id)).session;

  // The town's first read gives it the 小微权力清单 template; each village adopts items and records uses.
  const items: Json[] = ok(await secretary.get('/api/micro-power/items')).items;
  const homestead = items.find((i) => i.name === HOMESTEAD)!;
  const other = items.find((i) => i.id !== homestead.id)!;
  ok(await secretary.request('PUT', `/api/micro-power/adoptions/by-org/${here.id}`, { itemIds: [homestead.id, other.id], adoptedOn: daysAgo(60) }));
  ok(await neighbour.request('PUT', `/api/micro-power/adoptions/by-org/${there.id}`, { itemIds: [other.id], adoptedOn: daysAgo(60) }));
  await recordUse(secretary, here.id, homestead.id, '第三村民小组村民翻建住房用地申请', 30, 2);
  await recordUse(secretary, here.id, other.id, '村级办公用品采购', 40, other.steps.length);
  await recordUse(neighbour, there.id, other.id, '村东生产路修缮工程', 20, 1);

  await recordMatter(neighbour, there.id, '薄皮核桃初加工车间建设', 'collective_project', 45, [
    { stage: 'proposal' }, { stage: 'consultation' }, { stage: 'review', vote: ALL_PRESENT }, RESOLUTION,
  ]);
  await recordMatter(neighbour, there.id, '集体机动地对外发包', 'land_assets', 60, [
    { stage: 'proposal' }, { stage: 'consultation' },
    { stage: 'review', vote: { eligible: 20, present: 20, yes: 8, no: 10, abstain: 2 }, note: '党员对发包期限和价格意见较大,未获通过,待重新研究方案' },
  ]);
  await recordMatter(secretary, here.id, '村集体闲置厂房对外租赁', 'land_assets', 150, [
    { stage: 'proposal', note: '村党支部提议将村北闲置厂房公开竞价出租' }, { stage: 'consultation' }, { stage: 'review', vote: ALL_PRESENT }, RESOLUTION,
    { stage: 'resolution_disclosure' }, { stage: 'result_disclosure', note: '已通过镇农村产权交易平台公开竞价出租,租金按年入账并公开' },
  ]);
});
afterAll(async () => { await ctx.close(); });

describe('小微权力运行台账', () => {
  const url = (orgId: number, format: string, year?: number) => `/api/micro-power/ledger/${format}?orgId=${orgId}${year ? `&year=${year}` : ''}`;

  it("a village's ledger: adopted items with their legal basis, each use with its steps in order and the next step of an unfinished one", async () => {
    const uses: MicroPowerUse[] = ok(await secretary.get(`/api/micro-power/uses?orgId=${here.id}`)).items;
    const unfinished = uses.find((u) => u.subject === '第三村民小组村民翻建住房用地申请')!;
    expect(unfinished.status).toBe('in_progress');
    const year = Number(unfinished.startedOn.slice(0, 4));
    const list = ok(await secretary.get(`/api/micro-power/items?orgId=${here.id}`));
    const adoptedIds = new Set(list.adoptions[0].items.map((i: Json) => i.itemId));
    const homestead = list.items.find((i: Json) => i.name === HOMESTEAD);
    expect(adoptedIds.has(homestead.id)).toBe(true);

    const docx = await secretary.get(url(here.id, 'docx', year));
    expect(filename(docx)).toBe(`${here.name}-${year}年小微权力运行台账.docx`);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(docx);
    const next = unfinished.nextStepIndex!;
    for (const s of [
      '小微权力运行台账', here.name, `${year}年度`, homestead.name, homestead.legalBasis, homestead.area, unfinished.subject,
      cn(unfinished.startedOn), `下一步:第${next + 1}步"${unfinished.stepNames[next]}"`, '下一步,待办理',
      ...unfinished.done.flatMap((s) => [s.name, cn(s.doneOn), s.by]),
    ]) expect(text, s).toContain(s);
    // The steps appear in their order.
    let cursor = text.indexOf('步骤环节办理日期经办人说明', text.indexOf(unfinished.subject));
    expect(cursor).toBeGreaterThan(0);
    for (const name of unfinished.stepNames) {
      const at = text.indexOf(name, cursor);
      expect(at, name).toBeGreaterThan(cursor);
      cursor = at;
    }
    // Every use of the year is there, and only this village's.
    const ofYear = usesOfYear(uses, year, todayInShanghai());
    expect(ofYear).toHaveLength(2);
    for (const u of ofYear) expect(text).toContain(u.subject);
    for (const other of [there.name, '村东生产路修缮工程']) expect(text).not.toContain(other);

    const pdf = pdfText(await secretary.get(url(here.id, 'pdf', year)));
    for (const s of ['小微权力运行台账', here.name, unfinished.subject, cn(unfinished.startedOn), '办理中']) expect(pdf).toContain(s);
    expect(pdf).not.toContain(there.name);
  });

  it('the year defaults to this year in Asia/Shanghai; an empty year says so', async () => {
    const thisYear = todayInShanghai().slice(0, 4);
    expect(filename(await admin.get(url(here.id, 'docx')))).toBe(`${here.name}-${thisYear}年小微权力运行台账.docx`);
    const empty = await docxText(await admin.get(url(here.id, 'docx', 2001)));
    expect(empty).toContain('本年度无小微权力运行记录');
    expect(empty).toContain('2001年度');
  });

  it('another village, a 党员, a non-branch and an unknown id all answer the same 404; the export is audited', async () => {
    const notFound = await neighbour.get(url(99_999_999, 'docx'));
    expect(notFound.statusCode).toBe(404);
    for (const res of [
      await neighbour.get(url(here.id, 'docx')),
      await secretary.get(url(there.id, 'pdf')),
      await member.get(url(here.id, 'pdf')),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).toBe(notFound.body);
    }
    expect((await admin.get(url(town.committeeId, 'docx'))).statusCode).toBe(404);
    expect((await admin.get(`/api/micro-power/ledger/xlsx?orgId=${here.id}`)).statusCode).toBe(400);

    const rows = await q(`select user_id, object_type, object_id, detail from audit_events where action = 'micro_power.ledger.export' order by id`);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows[0]).toMatchObject({ user_id: secretaryId, object_type: 'organization', object_id: String(here.id) });
    expect(rows[0].detail).toMatchObject({ format: 'docx' });
    expect(rows.some((r) => r.detail.year === 2001 && r.detail.uses === 0)).toBe(true);
  });

  it('pure: which uses a year lists, and an empty year', () => {
    const use = (startedOn: string, done: string[], total: number): MicroPowerUse => ({
      id: 1, organizationId: 1, organizationName: '东岭村党支部', itemId: 1, itemName: '村级物资采购', area: '村级事务管理', subject: `始于${startedOn}`,
      startedOn, stepNames: Array.from({ length: total }, (_, i) => `第${i + 1}步`),
      done: done.map((doneOn, index) => ({ index, name: `第${index + 1}步`, doneOn, by: '张三', note: null })),
      nextStepIndex: done.length < total ? done.length : null, status: done.length < total ? 'in_progress' : 'done', publishable: false, isDemo: false, can: { edit: false },
    });
    const finishedLastYear = use('2025-03-01', ['2025-03-01', '2025-04-01'], 2);
    const crossing = use('2025-12-20', ['2025-12-20', '2026-01-05'], 2);
    const carried = use('2025-11-01', ['2025-11-02'], 3);
    const thisYear = use('2026-03-05', [], 2);
    const subjects = (xs: MicroPowerUse[]) => xs.map((u) => u.subject);
    expect(subjects(usesOfYear([finishedLastYear, crossing, carried, thisYear], 2026, '2026-06-01'))).toEqual([crossing, carried, thisYear].map((u) => u.subject));
    expect(subjects(usesOfYear([finishedLastYear, crossing, carried, thisYear], 2025, '2026-06-01'))).toEqual([finishedLastYear, crossing, carried].map((u) => u.subject));
    expect(usesOfYear([carried], 2027, '2026-06-01')).toEqual([]);

    const text = modelText(microPowerLedgerModel({ organizationName: '东岭村党支部', year: 2026, items: [], uses: [] }, '2026-03-05'));
    expect(text).toContain('本年度无小微权力运行记录');
    expect(text).toContain('本村尚未采用小微权力清单事项');
    expect(text).toContain('2026年3月5日');
    const one = modelText(microPowerLedgerModel({ organizationName: '东岭村党支部', year: 2026, items: [], uses: [thisYear] }, '2026-03-05'));
    expect(one).toContain('下一步:第1步\\"第1步\\"');
    expect(one).toContain('2026年3月5日');
  });
});

describe('四议两公开全程纪实', () => {
  const find = async (s: Session, title: string): Promise<FourTwoProcedure> => ok(await s.get('/api/four-two')).items.find((p: Json) => p.title === title);

  it('six stages with dates, bodies, votes and documents, and what is still open', async () => {
    const p = await find(admin, '薄皮核桃初加工车间建设');
    expect(p.stages).toHaveLength(4);
    // A document on the 党员大会 stage, so its name must appear in the record.
    const review = p.stages.find((s) => s.stage === 'review')!;
    const body = multipartBody({ data: Buffer.from('会议记录'), name: '党员大会会议记录.txt' });
    ok(await admin.request('POST', `/api/four-two/${p.id}/stages/${review.id}/file`, body.payload, body.headers));

    const docx = await admin.get(`/api/four-two/${p.id}/document/docx`);
    expect(filename(docx)).toBe('薄皮核桃初加工车间建设-四议两公开全程纪实.docx');
    const text = await docxText(docx);
    const v = review.vote!;
    const resolution = p.stages.find((s) => s.stage === 'resolution')!;
    for (const s of [
      '四议两公开全程纪实', '薄皮核桃初加工车间建设', there.name, '集体经济项目', '进行中',
      '村党组织提议', '村"两委"会议商议', '党员大会审议', '村民会议或村民代表会议决议', '决议公开', '实施结果公开',
      ...p.stages.map((s) => cn(s.heldOn)), '党员大会', '村民代表会议',
      `应到${v.eligible}人,实到${v.present}人`, `赞成${v.yes}票,反对${v.no}票,弃权${v.abstain}票`,
      `赞成${resolution.vote!.yes}票`, '党员大会会议记录.txt', '未上传材料', '尚未进行(下一步)', '下一步:决议公开',
    ]) expect(text, s).toContain(s);
    expect(text).not.toContain('程序已终止');

    const pdf = pdfText(await admin.get(`/api/four-two/${p.id}/document/pdf`));
    for (const s of ['四议两公开全程纪实', '薄皮核桃初加工车间建设', '党员大会会议记录.txt', cn(review.heldOn), '尚未进行']) expect(pdf).toContain(s);
  });

  it('a rejected matter says the procedure ended; a finished one that all six are done', async () => {
    const rejected = await find(admin, '集体机动地对外发包');
    const text = await docxText(await admin.get(`/api/four-two/${rejected.id}/document/docx`));
    for (const s of ['未通过', '程序已终止', '党员对发包期限和价格意见较大']) expect(text).toContain(s);
    const done = await find(secretary, '村集体闲置厂房对外租赁');
    const own = await docxText(await secretary.get(`/api/four-two/${done.id}/document/docx`));
    for (const s of ['已完成', '六个环节均已完成', '已通过镇农村产权交易平台公开竞价出租', cn(done.stages[5].heldOn)]) expect(own).toContain(s);
    expect(own).not.toContain(there.name);
  });

  it("another village's matter, a 党员 and an unknown id answer the same 404; the export is audited", async () => {
    const p = await find(admin, '薄皮核桃初加工车间建设');
    const unknown = await secretary.get('/api/four-two/99999999/document/docx');
    expect(unknown.statusCode).toBe(404);
    for (const res of [await secretary.get(`/api/four-two/${p.id}/document/docx`), await member.get(`/api/four-two/${p.id}/document/pdf`)]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).toBe(unknown.body);
    }
    const rows = await q(`select user_id, object_id, detail from audit_events where action = 'four_two.document.export' order by id`);
    expect(rows[0]).toMatchObject({ user_id: town.adminId, object_id: String(p.id) });
    expect(rows[0].detail).toMatchObject({ format: 'docx', stages: 4, status: 'open' });
  });

  it('pure: a matter just registered lists all six stages as still to do', () => {
    const fresh: FourTwoProcedure = {
      id: 1, organizationId: 1, organizationName: '东岭村党支部', title: '村内排水沟清淤', category: 'public_welfare', status: 'open', stages: [],
      nextStage: 'proposal', thresholds: { reviewQuorumPercent: 67, reviewApprovePercent: 50 }, isDemo: false, createdAt: '2026-03-04T17:00:00.000Z', can: { edit: true },
    };
    const text = modelText(fourTwoModel(fresh, '2026-03-05'));
    // 17:00 UTC on the 4th is already the 5th in Asia/Shanghai.
    expect(text).toContain('登记日期');
    expect(text).toContain('2026年3月5日');
    expect(text).toContain('尚未进行(下一步)');
    expect(text).toContain('下一步:村党组织提议');
    expect(text).toContain('67%以上党员到会');
  });
});
