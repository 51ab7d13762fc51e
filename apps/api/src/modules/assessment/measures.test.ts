import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays, addMonths, ASSESSMENT_MEASURE_SOURCES, daysInMonth, ASSESSMENT_MEASURES_UNAVAILABLE, MEASURE_NOTHING_DUE, todayInShanghai,
} from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import {
  createActivity, createBranch, createInspectionRound, createMember, createMemberAccount, createTown, createUser, recordFinding, testIdNumber,
  type Branch, type Town,
} from '../../../test/factories.js';
import { settingDefault } from '../settings/index.js';
import { disclosureStatus, grewBy, incomeGrowthRecord, organizationLifeRecord, rectificationStatus } from './measures.js';

/**
 * 考核计量 (issue 16 point 2): each measure of a village branch for a period, from the records of its module, with
 * the records behind it. Deadlines only: what is not yet due is not late, and what waits on the supervisor, the town
 * or the inspection team after the branch did its part is not late for the branch.
 */
let ctx: TestContext;
let town: Town;
let branch: Branch;
let secretary: Session;
let inspector: Session;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const today = todayInShanghai();
/**
 * The month measured: at least two months back, the middle month of a quarter, so only monthly rules fall due in it
 * (quarterly 组织生活 falls due in a quarter's last month, quarterly and yearly 公开 in a quarter's first month).
 */
const M = [2, 3, 4].map((k) => addMonths(today, -k).slice(0, 7)).find((m) => Number(m.slice(5)) % 3 === 2) as string;
/** The month before it: the first month of its quarter. */
const M0 = addMonths(`${M}-01`, -1).slice(0, 7);
const PREVIOUS = addMonths(`${M0}-01`, -1).slice(0, 7);
const QUARTER_BEFORE = `${PREVIOUS.slice(0, 4)}-Q${Math.ceil(Number(PREVIOUS.slice(5)) / 3)}`;

const ok = (res: Awaited<ReturnType<Session['get']>>): Json => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const q = async (sql: string, params: unknown[]) => (await ctx.pool.query(sql, params)).rows;
const measures = async (s: Session, orgId: number, period: string) => ok(await s.get(`/api/assessment/measures?orgId=${orgId}&period=${period}`));
const figure = (answer: Json, measure: string) => answer.measures.find((m: Json) => m.measure === measure);
/** A moment on a day, Beijing time, as the timestamps the workflow writes. */
const at = (day: string) => `${day}T10:00:00+08:00`;

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  branch = await createBranch(town, { groups: 1 });
  for (let i = 0; i < 3; i++) await createMember(town, branch.id);
  secretary = (await createUser(town, 'branch_secretary', [branch.id])).session;
  inspector = (await createUser(town, 'inspector', [town.committeeId])).session;
});
afterAll(async () => { await ctx.close(); });

describe('whose delay it is (pure)', () => {
  const due = '2026-05-10';
  it('三务公开: published by the due date; proposed in time and approved after it (the town\'s wait); approved in time and not published', () => {
    const d = { label: '财务收支', period: '2026-04', dueOn: due, disclosureId: 1 };
    expect(disclosureStatus({ ...d, submittedOn: '2026-05-01', approvedOn: '2026-05-02', publishedOn: '2026-05-10' }, '2026-06-01')).toBe('on_time');
    expect(disclosureStatus({ ...d, submittedOn: '2026-05-09', approvedOn: '2026-05-20', publishedOn: '2026-05-21' }, '2026-06-01')).toBe('on_time');
    expect(disclosureStatus({ ...d, submittedOn: '2026-05-09', approvedOn: null, publishedOn: null }, '2026-06-01')).toBe('waiting');
    expect(disclosureStatus({ ...d, submittedOn: '2026-05-01', approvedOn: '2026-05-05', publishedOn: null }, '2026-06-01')).toBe('late');
    expect(disclosureStatus({ ...d, submittedOn: '2026-05-11', approvedOn: '2026-05-12', publishedOn: '2026-05-12' }, '2026-06-01')).toBe('late');
    // The due date itself is still in time.
    expect(disclosureStatus({ ...d, submittedOn: null, approvedOn: null, publishedOn: null }, due)).toBe('not_due');
  });

  it('整改: 材料 in by the deadline waits for the team; reopened and not resubmitted is late once the deadline passed', () => {
    const r = { id: 1, description: '整改', dueOn: due };
    expect(rectificationStatus({ ...r, status: 'accepted', submittedOn: '2026-05-10' }, '2026-06-01')).toBe('on_time');
    expect(rectificationStatus({ ...r, status: 'submitted', submittedOn: '2026-05-09' }, '2026-06-01')).toBe('waiting');
    expect(rectificationStatus({ ...r, status: 'submitted', submittedOn: '2026-05-11' }, '2026-06-01')).toBe('late');
    expect(rectificationStatus({ ...r, status: 'reopened', submittedOn: null }, '2026-06-01')).toBe('late');
    expect(rectificationStatus({ ...r, status: 'open', submittedOn: null }, '2026-05-10')).toBe('not_due');
  });

  it('组织生活: the calendar\'s own verdict; 已开展·待签认 waits on the supervisor, due and due soon are not due yet', () => {
    const row = { ruleKey: 'theme_day.monthly', kind: 'theme_day', label: '主题党日', groupId: null, periodLabel: '2026年5月', deadline: '2026-05-28', expected: 1, done: 0, unit: 'times', awaitingSignOff: 0, source: '' } as const;
    const statuses = (['done', 'awaiting_sign_off', 'late', 'due', 'due_soon'] as const).map((status) => organizationLifeRecord({ ...row, status }, '/compliance').status);
    expect(statuses).toEqual(['on_time', 'waiting', 'late', 'not_due', 'not_due']);
  });
});

describe('集体增收 (pure): a line, not a deadline', () => {
  const y = { year: 2025, approvedFen: 6_000_000, submittedFen: null, previousFen: 5_000_000 };
  it('met, short of the line (未达到, never 逾期), waiting for the town, and not counted without the year before', () => {
    expect(incomeGrowthRecord(y, 0, '/economy').status).toBe('on_time');
    expect(incomeGrowthRecord(y, 20, '/economy').status).toBe('on_time');
    expect(incomeGrowthRecord(y, 21, '/economy').status).toBe('unmet');
    expect(incomeGrowthRecord({ ...y, approvedFen: 5_000_000 }, 0, '/economy').status).toBe('unmet');
    expect(incomeGrowthRecord({ ...y, approvedFen: null, submittedFen: 7_000_000 }, 0, '/economy')).toMatchObject({ status: 'waiting', title: expect.stringContaining('待镇审核') });
    expect(incomeGrowthRecord({ ...y, previousFen: null }, 0, '/economy').status).toBe('not_due');
    expect(incomeGrowthRecord({ ...y, previousFen: 0, approvedFen: 0 }, 0, '/economy').status).toBe('unmet');
    expect(grewBy(1, 0, 50)).toBe(true);
  });
});

describe('measures of a village branch', () => {
  it('组织生活按期: the calendar of the month; a 主题党日 held on time counts, the 党小组会 not held is late', async () => {
    await createActivity(secretary, branch.id, { kind: 'theme_day', heldOn: `${M}-10` });
    const life = figure(await measures(secretary, branch.id, M), 'organization_life_on_time');
    expect(life).toMatchObject({ available: true, source: ASSESSMENT_MEASURE_SOURCES.organization_life_on_time, numerator: 1, denominator: 2, ratioBasisPoints: 5000, display: '50%' });
    const byKind = Object.fromEntries(life.records.map((r: Json) => [r.kind, r]));
    expect(byKind['主题党日']).toMatchObject({ status: 'on_time', link: `/compliance?orgId=${branch.id}&period=${M}` });
    expect(byKind['党小组会']).toMatchObject({ status: 'late', dueOn: `${M}-${daysInMonth(+M.slice(0, 4), +M.slice(5))}` });
  });

  it('三务公开按期: a finance disclosure published after its due date is late, with the day it was published', async () => {
    const dueDay = String(settingDefault('disclosure.dueDay')).padStart(2, '0');
    const d = await disclose('finance', 'finance_monthly', M0);
    await q(`update disclosures set submitted_at = $2, approved_at = $3, published_at = $4 where id = $1`, [d, at(`${M}-15`), at(`${M}-18`), at(`${M}-20`)]);
    const pub = figure(await measures(secretary, branch.id, M), 'disclosure_on_time');
    expect(pub).toMatchObject({ numerator: 0, denominator: 1, ratioBasisPoints: 0, display: '0%', link: `/disclosures?orgId=${branch.id}` });
    expect(pub.records).toEqual([{ kind: '三务公开', title: `财务收支公开(${M0})`, dueOn: `${M}-${dueDay}`, doneOn: `${M}-20`, status: 'late', link: `/disclosures/${d}` }]);
  });

  it('三务公开按期: proposed in time and approved by the town after the due date is not late for the branch', async () => {
    const d = await disclose('village', 'village_quarterly', QUARTER_BEFORE);
    await q(`update disclosures set submitted_at = $2, approved_at = $3, published_at = $4 where id = $1`, [d, at(`${M0}-05`), at(`${M0}-20`), at(`${M0}-21`)]);
    const pub = figure(await measures(secretary, branch.id, M0), 'disclosure_on_time');
    // Due in that month: the quarter's 村务 (on time: the wait was the town's), 党务 and the month's 财务 (never published).
    const byRule = Object.fromEntries(pub.records.map((r: Json) => [r.title, r.status]));
    expect(byRule).toEqual({ [`村务一般事项公开(${QUARTER_BEFORE})`]: 'on_time', [`定期党务公开(${QUARTER_BEFORE})`]: 'late', [`财务收支公开(${PREVIOUS})`]: 'late' });
    expect(pub).toMatchObject({ numerator: 1, denominator: 3, ratioBasisPoints: 3333, display: '33.33%' });
  });

  it('整改按期: 材料 in after the deadline is late; 材料 in by the deadline is on time though accepted after it', async () => {
    const round = await createInspectionRound(town, [branch.id]);
    const late = await rectified(round.id, 'duty_roster', `${M}-12`, `${M}-20`);
    const kept = await rectified(round.id, 'cleanliness', `${M}-25`, `${M}-22`);
    const rect = figure(await measures(secretary, branch.id, M), 'rectification_on_time');
    expect(rect).toMatchObject({ numerator: 1, denominator: 2, display: '50%', link: '/inspections' });
    expect(rect.records.map((r: Json) => [r.link, r.dueOn, r.doneOn, r.status])).toEqual([
      [`/rectifications/${late}`, `${M}-12`, `${M}-20`, 'late'], [`/rectifications/${kept}`, `${M}-25`, `${M}-22`, 'on_time'],
    ]);
  });

  it('发展党员按期: the 谈话 within the town\'s days of the application is on time; one never held is overdue', async () => {
    const days = settingDefault('recruitment.talkWithinDays') as number;
    const appliedOn = addDays(`${M}-15`, -days);
    const talked = await applicant('按期谈话', appliedOn);
    ok(await secretary.post(`/api/recruitments/${talked}/records`, { stepCode: 'talk', occurredOn: `${M}-05`, details: { talker: '张志强' } }));
    const waiting = await applicant('未谈话', appliedOn);
    const rec = figure(await measures(secretary, branch.id, M), 'recruitment_on_time');
    expect(rec).toMatchObject({ numerator: 1, denominator: 2, display: '50%' });
    expect(rec.records.map((r: Json) => [r.link, r.dueOn, r.doneOn, r.status])).toEqual([
      [`/recruitment/recruitments/${talked}`, `${M}-15`, `${M}-05`, 'on_time'], [`/recruitment/recruitments/${waiting}`, `${M}-15`, null, 'late'],
    ]);
  });

  it('a quarter and a year take in their months', async () => {
    const quarter = `${M.slice(0, 4)}-Q${Math.ceil(Number(M.slice(5)) / 3)}`;
    const answer = await measures(town.admin, branch.id, quarter);
    expect(answer).toMatchObject({ period: quarter, start: `${M0}-01` });
    expect(figure(answer, 'rectification_on_time')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(figure(await measures(town.admin, branch.id, M.slice(0, 4)), 'recruitment_on_time').denominator).toBeGreaterThanOrEqual(2);
  });

  it('a period not yet come: nothing is due, so nothing is late (本期无应办事项, not 100 % and not 0 %)', async () => {
    const ahead = addMonths(today, 14).slice(0, 7);
    const answer = await measures(secretary, branch.id, ahead);
    for (const m of answer.measures.filter((x: Json) => x.available)) {
      expect(m, m.measure).toMatchObject({ numerator: 0, denominator: 0, ratioBasisPoints: null, display: MEASURE_NOTHING_DUE });
      for (const r of m.records) expect(r.status, m.measure).toBe('not_due');
    }
    const fresh = await createBranch(town);
    expect(figure(await measures(town.admin, fresh.id, M), 'rectification_on_time')).toMatchObject({ denominator: 0, display: MEASURE_NOTHING_DUE, records: [] });
  });

  it('村民说事办结 is answered as unavailable, with the reason', async () => {
    const answer = await measures(secretary, branch.id, M);
    expect(figure(answer, 'matters_resolved')).toMatchObject({
      available: false, unavailableReason: ASSESSMENT_MEASURES_UNAVAILABLE.matters_resolved, ratioBasisPoints: null, source: ASSESSMENT_MEASURE_SOURCES.matters_resolved, records: [],
    });
  });

  it('集体增收: last year\'s approved 经营性收入 over the year before\'s, by the town\'s line (economy.growthLinePct); this year is not over', async () => {
    const village = await createBranch(town);
    const villageSecretary = (await createUser(town, 'branch_secretary', [village.id])).session;
    const last = Number(today.slice(0, 4)) - 1;
    const approve = async (year: number, operatingFen: number) => {
      const url = `/api/economy/villages/${village.id}/years/${year}`;
      ok(await villageSecretary.request('PUT', url, { amounts: { operating: operatingFen, contracting: 0, investment: 0, subsidy: 900_000_000, other: 0 } }));
      ok(await villageSecretary.post(`${url}/submit`, {}));
      ok(await town.admin.post(`${url}/approve`, {}));
    };
    await approve(last - 1, 5_000_000);
    await approve(last, 6_000_000);
    expect(figure(await measures(villageSecretary, village.id, String(last)), 'collective_income_growth')).toMatchObject({
      available: true, numerator: 1, denominator: 1, display: '100%', link: '/economy',
      records: [{ kind: '集体增收', dueOn: `${last}-12-31`, status: 'on_time', title: `${last}年经营性收入6.00万元,上年5.00万元,增长20.0%` }],
    });
    ok(await town.admin.patch('/api/settings/economy.growthLinePct', { value: 30 }));
    expect(figure(await measures(villageSecretary, village.id, String(last)), 'collective_income_growth'))
      .toMatchObject({ numerator: 0, denominator: 1, display: '0%', records: [{ status: 'unmet' }] });
    ok(await town.admin.patch('/api/settings/economy.growthLinePct', { value: settingDefault('economy.growthLinePct') }));
    expect(figure(await measures(villageSecretary, village.id, String(last + 1)), 'collective_income_growth'))
      .toMatchObject({ denominator: 0, display: MEASURE_NOTHING_DUE, records: [{ status: 'not_due', title: `${last + 1}年经营性收入尚未填报,不计` }] });
  });
});

describe('who reads the measures', () => {
  it('another village\'s branch, a 党委 and a branch without a village answer 404; the branch\'s 包村干部 reads them', async () => {
    const other = await createBranch(town);
    const outsider = (await createUser(town, 'branch_secretary', [other.id])).session;
    expect((await outsider.get(`/api/assessment/measures?orgId=${branch.id}&period=${M}`)).statusCode).toBe(404);
    expect((await town.admin.get(`/api/assessment/measures?orgId=${town.committeeId}&period=${M}`)).statusCode).toBe(404);
    const noVillage = await createBranch(town, { village: false });
    expect((await town.admin.get(`/api/assessment/measures?orgId=${noVillage.id}&period=${M}`)).statusCode).toBe(404);
    // The 包村干部 scores the village against the scheme (assessment.read since issue 16's flow work): its branch only.
    const supervisor = (await createUser(town, 'supervisor', [branch.id])).session;
    expect((await supervisor.get(`/api/assessment/measures?orgId=${branch.id}&period=${M}`)).statusCode).toBe(200);
    expect((await supervisor.get(`/api/assessment/measures?orgId=${other.id}&period=${M}`)).statusCode).toBe(404);
    expect((await town.admin.get(`/api/assessment/measures?orgId=${branch.id}&period=2026-13`)).statusCode).toBe(400);
  });

  it('a plain 党员 (role member) is refused: the branch\'s records are not theirs', async () => {
    const member = await createMemberAccount(town, branch.id);
    expect((await member.session.get(`/api/assessment/measures?orgId=${branch.id}&period=${M}`)).statusCode).toBe(404);
  });
});

/** A disclosure of the branch taken through 提出 → 审核 → 审批 → 公开 by the town admin; its id. */
async function disclose(category: string, ruleKey: string, period: string): Promise<number> {
  const { id } = ok(await town.admin.post('/api/disclosures', { organizationId: branch.id, category, ruleKey, period, title: `测试${ruleKey}${period}`, content: '测试公开内容' }));
  for (const step of ['submit', 'review', 'approve', 'publish']) ok(await town.admin.post(`/api/disclosures/${id}/${step}`, {}));
  return id;
}

/** A finding's rectification with its 材料 in and accepted; then dated as if due on `dueOn` with the 材料 in on `inOn`. */
async function rectified(roundId: number, itemKey: string, dueOn: string, inOn: string): Promise<number> {
  const { rectificationId } = await recordFinding(inspector, roundId, branch.id, itemKey);
  ok(await secretary.post(`/api/rectifications/${rectificationId}/evidence`, { note: '已整改,附照片' }));
  ok(await inspector.post(`/api/rectifications/${rectificationId}/accept`, { note: '整改到位' }));
  await q('update rectifications set due_on = $2 where id = $1', [rectificationId, dueOn]);
  await q(`update rectification_events set at = $2 where rectification_id = $1 and kind = 'evidence'`, [rectificationId, at(inOn)]);
  return rectificationId;
}

/** An applicant of the branch registered by its secretary; the recruitment's id. */
async function applicant(name: string, appliedOn: string): Promise<number> {
  const birthDate = '1996-05-20';
  return ok(await secretary.post('/api/recruitments', { name, gender: 'female', birthDate, idNumber: testIdNumber(birthDate, 'female'), organizationId: branch.id, appliedOn })).id;
}
