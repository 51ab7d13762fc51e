import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { docxText, pdfText } from '../../../test/documents.js';
import { createActivity, createBranch, createMemberAccount, createSupervisor, createTown, createUser, type Branch, type Town } from '../../../test/factories.js';

/**
 * Issue 20 point 1: 村民说事 through 说事 → 议事 → 办事 → 评事 — rating only once handled, a 不满意 reopens once, a late
 * matter is escalated (derived) and reaches 待办 and the 驾驶舱; scope and permissions; the 三日合一 view; the ledger.
 */
let ctx: TestContext;
let town: Town;
let a: Branch;
let b: Branch;
let secretaryA: Session;
let secretaryB: Session;
let supervisorA: Session;
let member: Session;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const today = todayInShanghai();
const ago = (days: number) => addDays(today, -days);
const raise = (orgId: number, over: Json = {}) => ({
  organizationId: orgId, source: 'say_day', category: 'livelihood', title: '村东头路灯不亮', content: '村东头三盏路灯坏了两个月,晚上出行不便',
  place: '村东头', raiserName: '王大娘', raiserPhone: '13812345678', raisedOn: ago(20), ...over,
});
const discuss = (over: Json = {}) => ({ discussedOn: ago(15), forum: 'committee', discussion: '村委会联系电工维修', ownerName: '张书记', dueOn: addDays(today, 10), ...over });

async function ok(res: Awaited<ReturnType<Session['get']>>): Promise<Json> {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  a = await createBranch(town);
  b = await createBranch(town, { villageId: town.villages[1].id });
  ({ session: secretaryA } = await createUser(town, 'branch_secretary', [a.id]));
  ({ session: secretaryB } = await createUser(town, 'branch_secretary', [b.id]));
  ({ session: supervisorA } = await createSupervisor(town, [a.id]));
  ({ session: member } = await createMemberAccount(town, a.id));
});
afterAll(async () => { await ctx.close(); });

describe('说事 → 议事 → 办事 → 评事', () => {
  it('runs the four stages; rating waits for 办结; a 不满意 reopens once, the second closes', async () => {
    const m = await ok(await secretaryA.post('/api/matters', raise(a.id)));
    expect(m).toMatchObject({ stage: 'raised', raiserPhoneMasked: '138****5678', receipt: expect.stringMatching(/^[A-HJKMNP-Z2-9]{12}$/) });
    const [{ raiser_phone_enc: sealed }] = (await ctx.pool.query('select raiser_phone_enc from matters where id = $1', [m.id])).rows;
    expect(sealed).not.toContain('13812345678');

    const early = await secretaryA.post(`/api/matters/${m.id}/rate`, { ratedOn: today, rating: 'satisfied' });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('办结后才能评议');
    expect((await secretaryA.post(`/api/matters/${m.id}/handle`, { handledOn: today, result: '已修好' })).statusCode).toBe(409);

    await ok(await secretaryA.post(`/api/matters/${m.id}/discuss`, discuss({ reply: '已安排电工' })));
    await ok(await secretaryA.post(`/api/matters/${m.id}/steps`, { on: ago(10), text: '电工现场查看,购买灯具' }));
    await ok(await secretaryA.post(`/api/matters/${m.id}/handle`, { handledOn: ago(5), result: '三盏路灯已修复' }));
    const reopened = await ok(await secretaryA.post(`/api/matters/${m.id}/rate`, { ratedOn: ago(4), rating: 'dissatisfied', reason: '只修好两盏' }));
    expect(reopened).toMatchObject({ stage: 'discussed', reopened: true, rating: null, dueOn: addDays(ago(4), 15) });
    expect((await secretaryA.post(`/api/matters/${m.id}/rate`, { ratedOn: today, rating: 'satisfied' })).statusCode).toBe(409);

    await ok(await secretaryA.post(`/api/matters/${m.id}/handle`, { handledOn: ago(2), result: '第三盏已更换' }));
    const closed = await ok(await secretaryA.post(`/api/matters/${m.id}/rate`, { ratedOn: ago(1), rating: 'dissatisfied', reason: '修得太慢' }));
    expect(closed).toMatchObject({ stage: 'rated', rating: 'dissatisfied', reopened: true });
    expect(closed.events.map((e: Json) => e.kind)).toEqual(['raised', 'discussed', 'step', 'handled', 'rated', 'reopened', 'handled', 'rated']);
    expect((await secretaryA.post(`/api/matters/${m.id}/rate`, { ratedOn: today, rating: 'satisfied' })).statusCode).toBe(409);
  });

  it('asks a reason for 不满意', async () => {
    const m = await ok(await secretaryA.post('/api/matters', raise(a.id)));
    await ok(await secretaryA.post(`/api/matters/${m.id}/discuss`, discuss()));
    await ok(await secretaryA.post(`/api/matters/${m.id}/handle`, { handledOn: ago(1), result: '已修好' }));
    const res = await secretaryA.post(`/api/matters/${m.id}/rate`, { ratedOn: today, rating: 'dissatisfied' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('不满意时请填写理由');
  });
});

describe('deadlines: late = escalated to the town, derived', () => {
  it('a matter past its 办结期限 is late and escalated, on 待办 and the 驾驶舱, until it is handled', async () => {
    const m = await ok(await secretaryA.post('/api/matters', raise(a.id, { title: '水渠堵塞' })));
    const late = await ok(await secretaryA.post(`/api/matters/${m.id}/discuss`, discuss({ dueOn: ago(3) })));
    expect(late).toMatchObject({ late: true, escalated: true, daysOverdue: 3 });
    const tasks = await ok(await town.admin.get(`/api/tasks?orgId=${a.id}&kind=MATTER_LATE`));
    expect(tasks.items.map((t: Json) => t.link)).toContain(`/matters/${m.id}`);
    const list = await ok(await town.admin.get(`/api/matters?orgId=${a.id}&due=overdue`));
    expect(list.items.map((i: Json) => i.id)).toContain(m.id);
    const card = await ok(await town.admin.get(`/api/dashboard/villages/${a.id}`));
    const tile = card.tiles.find((t: Json) => t.key === 'matters');
    expect(tile.figures.find((f: Json) => f.label.startsWith('逾期')).value).toBe(list.counts.overdue);
    await ok(await secretaryA.post(`/api/matters/${m.id}/handle`, { handledOn: today, result: '已清淤' }));
    expect(await ok(await secretaryA.get(`/api/matters/${m.id}`))).toMatchObject({ late: false, escalated: false });
  });

  it('the village escalates what it cannot handle, once; a matter raised long ago and not discussed is late', async () => {
    const old = await ok(await secretaryA.post('/api/matters', raise(a.id, { raisedOn: ago(40) })));
    expect(old).toMatchObject({ late: true, escalated: true });
    const m = await ok(await secretaryA.post('/api/matters', raise(a.id, { category: 'dispute', title: '宅基地边界纠纷' })));
    const up = await ok(await secretaryA.post(`/api/matters/${m.id}/escalate`, { reason: '涉及两村边界,需镇里协调' }));
    expect(up).toMatchObject({ escalated: true, late: false, escalatedOn: today });
    expect((await secretaryA.post(`/api/matters/${m.id}/escalate`, { reason: '再次上报' })).statusCode).toBe(409);
  });
});

describe('scope and permissions', () => {
  it('another village 404, a 包村干部 reads but does not write, a 党员 sees no list', async () => {
    const m = await ok(await secretaryA.post('/api/matters', raise(a.id)));
    expect((await secretaryB.get(`/api/matters/${m.id}`)).statusCode).toBe(404);
    expect((await secretaryB.post(`/api/matters/${m.id}/discuss`, discuss())).statusCode).toBe(404);
    expect((await secretaryB.post('/api/matters', raise(a.id))).statusCode).toBe(404);
    expect((await secretaryB.get('/api/matters')).json().items.every((i: Json) => i.organizationId === b.id)).toBe(true);
    await ok(await supervisorA.get(`/api/matters/${m.id}`));
    expect((await supervisorA.post(`/api/matters/${m.id}/discuss`, discuss())).statusCode).toBe(403);
    expect((await member.get('/api/matters')).statusCode).toBe(403);
    expect((await member.get(`/api/matters/${m.id}`)).statusCode).toBe(404);
  });

  it('links only the village\'s own meetings', async () => {
    const otherMeeting = await createActivity(secretaryB, b.id, { kind: 'villager_say_day', topic: '乙村说事日' });
    const res = await secretaryA.post('/api/matters', raise(a.id, { raisedActivityId: otherMeeting.id }));
    expect(res.statusCode).toBe(400);
  });
});

describe('三日合一 and the ledger', () => {
  it('the combined day shows its three agendas and the matters raised and discussed at it', async () => {
    const day = await createActivity(secretaryA, a.id, {
      kind: 'combined_day', heldOn: ago(12), topic: '三日合一', agendaParts: [
        { kind: 'theme_day', text: '学习党章' }, { kind: 'deliberation_day', text: '议路灯维修' }, { kind: 'villager_say_day', text: '收集群众意见' }],
    });
    const raised = await ok(await secretaryA.post('/api/matters', raise(a.id, { raisedOn: ago(12), raisedActivityId: day.id, title: '广场缺健身器材' })));
    const older = await ok(await secretaryA.post('/api/matters', raise(a.id, { raisedOn: ago(30) })));
    await ok(await secretaryA.post(`/api/matters/${older.id}/discuss`, discuss({ discussedOn: ago(12), forum: 'deliberation_day', activityId: day.id })));
    const view = await ok(await secretaryA.get(`/api/matters/meetings/${day.id}`));
    expect(view.activity.parts.map((p: Json) => p.kind)).toEqual(['theme_day', 'deliberation_day', 'villager_say_day']);
    expect(view.raised.map((m: Json) => m.id)).toEqual([raised.id]);
    expect(view.discussed.map((m: Json) => m.id)).toEqual([older.id]);
    expect((await secretaryB.get(`/api/matters/meetings/${day.id}`)).statusCode).toBe(404);
  });

  it('the month\'s and the year\'s 台账 as PDF and Word, without the villager\'s name or phone', async () => {
    const month = ago(20).slice(0, 7);
    const pdf = await secretaryA.get(`/api/matters/ledger/${a.id}.pdf?period=${month}`);
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf);
    expect(text).toContain('村民说事台账');
    expect(text).toContain('村东头路灯不亮');
    expect(text).not.toContain('王大娘');
    const docx = await secretaryA.get(`/api/matters/ledger/${a.id}.docx?period=${month.slice(0, 4)}`);
    expect(docx.statusCode).toBe(200);
    const words = await docxText(docx);
    expect(words).toContain(`${month.slice(0, 4)}年度`);
    expect(words).toContain('不满意');
    expect((await secretaryB.get(`/api/matters/ledger/${a.id}.pdf?period=${month}`)).statusCode).toBe(404);
  });
});

describe('the demo town', () => {
  it('has a year of matters in every village: each stage, every rating, escalated ones and one reopened', async () => {
    const { rows: [d] } = await ctx.pool.query(`select count(*)::int as n, count(distinct m.organization_id)::int as villages,
        (select count(*)::int from organizations o join tenants t on t.id = o.tenant_id where t.code = '370402105' and o.village_id is not null and o.kind = 'branch') as branches,
        count(*) filter (where reopen_count > 0)::int as reopened, count(*) filter (where escalated_on is not null)::int as escalated,
        count(*) filter (where raised_activity_id is not null)::int as at_meetings,
        array_agg(distinct stage order by stage) as stages, array_agg(distinct rating order by rating) filter (where stage = 'rated') as ratings
      from matters m join tenants t on t.id = m.tenant_id where t.code = '370402105' and m.is_demo`);
    console.log(`demo 村民说事: ${JSON.stringify(d)}`);
    expect(d.villages).toBe(d.branches);
    expect(d.reopened).toBe(1);
    expect(d.escalated).toBeGreaterThan(0);
    expect(d.at_meetings).toBeGreaterThan(0);
    expect(d.stages).toEqual(['discussed', 'raised', 'rated']);
    expect(d.ratings).toEqual(['basically', 'dissatisfied', 'satisfied']);
  });
});
