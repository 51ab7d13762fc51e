/**
 * 三务公开 of the demo town 西王庄镇: a year of periodic disclosures for each of the 18 villages, by the module's
 * frequency data (财务 monthly, 村务 and 党务 quarterly, the two yearly 固定公开), each through 提出 → 审核 → 审批 → 公开
 * with its events. Most are published before the due date; a few late (published after it), and three villages behind
 * on purpose so the town's board shows due and late rows (DEMO_DISCLOSURE_BEHIND):
 *   - 古屯村: last month's 财务收支 not drawn up at all (the open 联督联查 round found this);
 *   - 丁庄村: last month's 财务收支 submitted and waiting for review, last quarter's 党务 missing;
 *   - 杨楼村: the 财务收支 of three months ago never published, last month's still a draft.
 * 营子村: last month's 财务收支 is published, and a correction of it is a draft (not published): the public page shows
 * the published one only.
 *
 * Finance disclosures carry a small 收支 table (header and 5–10 rows). Every row is checked by the module's rules before
 * the bulk insert: rule, category and period agree (frequency data), the workflow allows each step for the role taking
 * it, and the 保密审查 (PII scan) finds nothing. Deterministic for a given `today`.
 */
import type { DisclosureStatus } from '@dj/contracts';
import type { Tx } from '../db/client.js';
import { disclosureEvents, disclosures } from '../db/schema/index.js';
import { mulberry32 } from '../lib/prng.js';
import { addDays } from '@dj/contracts';
import {
  dueSettings, dueDateOf, endedPeriods, FREQUENCY_RULES, periodProblem, ruleOf, type FrequencyRule, scanDisclosure, decide, type Action,
} from '../modules/disclosure/index.js';
import { loadDemoTown, type DemoTown, type DemoVillageBranch } from './demo-positions.js';

export const DEMO_DISCLOSURE_BEHIND = ['古屯村', '丁庄村', '杨楼村'] as const;
/** The village whose latest 财务收支 has an unpublished correction (checked by the end-to-end test). */
export const DEMO_CORRECTED_VILLAGE = '营子村';
/** Published after the due date on purpose (besides a few drawn at random): village, rule, how many periods back. */
const LATE: Array<[string, string, number]> = [['西街村', 'finance_monthly', 3], ['高庄村', 'village_quarterly', 1], ['石羊村', 'finance_monthly', 5], ['民主村', 'party_quarterly', 2]];
const SUPERVISED = ['营子村', '付刘耀村', '天齐庙村'];

const EVENT_KIND = { submit: 'submitted', review: 'reviewed', approve: 'approved', publish: 'published' } as const;
const LOOKBACK = { monthly: 12, quarterly: 4, yearly: 1 } as const;
const QUARTER_LABELS = ['一', '二', '三', '四'];
const yuan = (fen: number) => (fen / 100).toFixed(2);
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
function fail(message: string): never { throw new Error(`demo seed: 三务公开: ${message}`); }

export function periodLabel(period: string): string {
  if (/^\d{4}-\d{2}$/.test(period)) return `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;
  if (/^\d{4}-Q\d$/.test(period)) return `${period.slice(0, 4)}年第${QUARTER_LABELS[Number(period.slice(6)) - 1]}季度`;
  return `${period}年度`;
}

type Status = 'draft' | 'submitted' | 'published';
type NewDisclosure = typeof disclosures.$inferInsert;
type NewEvent = Omit<typeof disclosureEvents.$inferInsert, 'disclosureId'>;

export interface DemoDisclosureCounts { disclosures: number; published: number; late: number; unpublished: number; events: number }

export async function seedDemoDisclosure(tx: Tx, { tenantId, today, town: given, now = new Date() }: { tenantId: number; today: string; town?: DemoTown; now?: Date }): Promise<DemoDisclosureCounts> {
  const town = given ?? await loadDemoTown(tx, tenantId);
  const rand = mulberry32(30 ^ Number(today.replaceAll('-', '')));
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const settings = await dueSettings(tx, tenantId);
  const { admin, supervisor } = town.users;
  /** A time on a day, never later than now (a step taken today is taken before the seed runs). */
  const stamp = (date: string, time: string, rank: number) => {
    const t = at(date, time);
    const latest = new Date(now.getTime() - (5 - rank) * 60_000);
    return t > latest ? latest : t;
  };

  const rows: NewDisclosure[] = [];
  const eventsOf: NewEvent[][] = [];
  const counts: DemoDisclosureCounts = { disclosures: 0, published: 0, late: 0, unpublished: 0, events: 0 };
  let yingziLatestFinance = -1;

  for (const branch of town.branches) {
    const proposer = branch.village === '营子村' ? town.users.yingzi : branch.village === '西花沟村' ? town.users.xihuagou : admin;
    const proposerRoles = proposer === admin ? ['town_admin'] : ['branch_secretary'];
    const reviewer = SUPERVISED.includes(branch.village) ? supervisor : admin;
    const reviewerRoles = reviewer === admin ? ['town_admin'] : ['supervisor'];
    const roleOf: Record<Action, { user: number; roles: string[] }> = {
      submit: { user: proposer, roles: proposerRoles }, review: { user: reviewer, roles: reviewerRoles }, approve: { user: admin, roles: ['town_admin'] },
      publish: { user: proposer, roles: proposerRoles }, edit: { user: proposer, roles: proposerRoles }, return: { user: reviewer, roles: reviewerRoles },
      correct: { user: proposer, roles: proposerRoles },
    };
    for (const rule of FREQUENCY_RULES) {
      if (rule.schedule === 'immediate') continue;
      const periods = endedPeriods(rule.schedule, today, LOOKBACK[rule.schedule]);
      periods.forEach((period, back) => {
        const plan = planFor(branch.village, rule.key, back);
        if (plan === 'missing') return;
        const dueOn = dueDateOf(period, settings.dueDay) ?? fail(`no due date for ${period}`);
        const monthStart = `${dueOn.slice(0, 8)}01`;
        const late = plan === 'published' && dueOn < today && (LATE.some(([v, k, b]) => v === branch.village && k === rule.key && b === back)
          || (back >= 1 && branch.village !== DEMO_CORRECTED_VILLAGE && rule.schedule === 'monthly' && rand() < 0.03));
        let published = late ? addDays(dueOn, between(2, 12)) : addDays(dueOn, -between(1, 7));
        if (published < monthStart) published = monthStart;
        if (published > today) published = today;
        if (late && published <= dueOn) fail(`${branch.village} ${period}: a late one is not late`);
        const content = contentOf(rule, period, branch, town, rand);
        const row: NewDisclosure = {
          tenantId, organizationId: branch.id, villageId: branch.villageId, category: rule.category, ruleKey: rule.key, period,
          title: content.title, content: content.text, table: content.table, status: plan, isDemo: true, createdBy: proposer,
        };
        checkRow(row, today);
        // The steps as the workflow allows them, from draft: who takes each and when.
        const steps: Array<[Action, string, string]> = plan === 'published'
          ? [['submit', addDays(published, -3), '09:00'], ['review', addDays(published, -2), '10:30'], ['approve', addDays(published, -1), '14:00'], ['publish', published, '16:00']]
          : plan === 'submitted' ? [['submit', today, '09:00']] : [];
        let status = 'draft' as DisclosureStatus;
        const events: NewEvent[] = [];
        for (const [rank, [action, day, time]] of steps.entries()) {
          const on = day < monthStart ? monthStart : day > today ? today : day;
          const verdict = decide(action, status, roleOf[action].roles);
          if (!verdict.ok) fail(`${branch.village} ${period} ${action}: ${verdict.message}`);
          status = verdict.to ?? status;
          const when = stamp(on, time, rank);
          const by = roleOf[action].user;
          if (action === 'submit') row.submittedAt = when;
          if (action === 'review') { row.reviewedAt = when; row.reviewedBy = by; }
          if (action === 'approve') { row.approvedAt = when; row.approvedBy = by; }
          if (action === 'publish') row.publishedAt = when;
          events.push({ tenantId, kind: EVENT_KIND[action as keyof typeof EVENT_KIND], byUserId: by, on, at: when });
        }
        if (status !== plan) fail(`${branch.village} ${period}: ended as ${status}, meant ${plan}`);
        const created = stamp(steps.length ? (steps[0][1] < monthStart ? monthStart : steps[0][1]) : today, '08:30', 0);
        row.createdAt = created;
        row.updatedAt = events.at(-1)?.at ?? created;
        if (branch.village === DEMO_CORRECTED_VILLAGE && rule.key === 'finance_monthly' && back === 0) yingziLatestFinance = rows.length;
        rows.push(row);
        eventsOf.push(events);
        counts.disclosures++;
        if (plan === 'published') counts.published++; else counts.unpublished++;
        if (late) counts.late++;
      });
    }
  }
  if (yingziLatestFinance < 0 || rows[yingziLatestFinance].status !== 'published') fail(`${DEMO_CORRECTED_VILLAGE}: last month's finance is not published`);

  const inserted = await tx.insert(disclosures).values(rows).returning({ id: disclosures.id });
  const events = inserted.flatMap((r, i) => eventsOf[i].map((e) => ({ ...e, disclosureId: r.id })));
  if (events.length) await tx.insert(disclosureEvents).values(events);
  counts.events = events.length;

  // 营子村's correction of last month's 财务收支: drafted, not published (a correction may follow only a published one).
  const original = rows[yingziLatestFinance];
  const correct = decide('correct', 'published', ['branch_secretary']);
  if (!correct.ok) fail(correct.message);
  const table = original.table!;
  const fixed = { header: table.header, rows: table.rows.map((r, i) => (i === 0 ? [r[0], r[1], r[2], r[3], '更正:金额按原始凭证核对'] : r)) };
  const draft: NewDisclosure = {
    tenantId, organizationId: original.organizationId, villageId: original.villageId, category: 'finance', ruleKey: 'finance_monthly', period: original.period,
    title: `${original.title}(更正)`, content: `更正说明:经村务监督委员会核对,本期第一笔收入的备注有误,现予更正。\n${original.content}`, table: fixed,
    status: 'draft', supersedesId: inserted[yingziLatestFinance].id, isDemo: true, createdBy: town.users.yingzi, createdAt: stamp(today, '08:40', 1),
    updatedAt: stamp(today, '08:40', 1),
  };
  checkRow(draft, today);
  await tx.insert(disclosures).values(draft);
  counts.disclosures++;
  counts.unpublished++;
  return counts;
}

/** What happens to one period of one rule in one village (see the file comment). */
function planFor(village: string, ruleKey: string, back: number): Status | 'missing' {
  if (village === '古屯村' && ruleKey === 'finance_monthly' && back === 0) return 'missing';
  if (village === '丁庄村' && ruleKey === 'finance_monthly' && back === 0) return 'submitted';
  if (village === '丁庄村' && ruleKey === 'party_quarterly' && back === 0) return 'missing';
  if (village === '杨楼村' && ruleKey === 'finance_monthly' && back === 2) return 'missing';
  if (village === '杨楼村' && ruleKey === 'finance_monthly' && back === 0) return 'draft';
  return 'published';
}

/** The rules a disclosure passes before anything is written: frequency data and the 保密审查. */
function checkRow(row: NewDisclosure, today: string) {
  const rule = ruleOf(row.ruleKey) ?? fail(`unknown rule ${row.ruleKey}`);
  if (rule.category !== row.category) fail(`${row.title}: category ${row.category} is not the rule's`);
  const problem = periodProblem(rule, row.period);
  if (problem) fail(`${row.title}: ${problem}`);
  const scan = scanDisclosure({ title: row.title, content: row.content ?? '', table: row.table ?? null, files: [] }, today);
  if (!scan.ok) fail(`${row.title}: ${scan.findings.map((f) => f.message).join(';')}`);
  if (!(row.content ?? '').trim() && !row.table) fail(`${row.title}: empty`);
}

const INCOME = [
  ['村集体厂房租金', 800_000, 2_400_000], ['土地承包费', 1_500_000, 4_500_000], ['村级组织运转经费(上级拨付)', 2_000_000, 3_500_000],
  ['光伏发电收益', 150_000, 600_000], ['集体机动地发包收入', 500_000, 1_800_000],
] as const;
const EXPENSE = [
  ['村干部误工补贴', 1_200_000, 2_200_000], ['办公用品和报刊费', 30_000, 150_000], ['环境卫生保洁费', 200_000, 600_000],
  ['路灯和党群服务中心电费', 80_000, 300_000], ['党员活动经费', 50_000, 200_000], ['村内道路维修', 300_000, 1_200_000],
  ['困难群众慰问', 100_000, 400_000],
] as const;

const QUARTER_WORK = [
  ['春季植树和人居环境整治', '城乡居民医疗保险征缴'], ['三夏麦收和秸秆禁烧', '防汛安全隐患排查'],
  ['防汛值守和汛期安全', '秋收秋种和秸秆禁烧'], ['冬季清洁取暖安全检查', '困难群众冬季救助'],
];

function contentOf(rule: FrequencyRule, period: string, branch: DemoVillageBranch, town: DemoTown, rand: () => number) {
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(list: readonly T[], n: number) => [...list].sort(() => rand() - 0.5).slice(0, n);
  const v = branch.village;
  const label = periodLabel(period);
  const people = town.people(branch.id);
  if (rule.key === 'finance_monthly') {
    const month = period;
    const lines = [...pick(INCOME, between(1, 3)).map((x) => ({ name: x[0], income: between(x[1], x[2]), expense: 0 })),
      ...pick(EXPENSE, between(3, 5)).map((x) => ({ name: x[0], income: 0, expense: between(x[1], x[2]) }))];
    const days = lines.map(() => between(1, 28)).sort((a, b) => a - b);
    const income = lines.reduce((s, l) => s + l.income, 0);
    const expense = lines.reduce((s, l) => s + l.expense, 0);
    const table = {
      header: ['日期', '收支项目', '收入(元)', '支出(元)', '备注'],
      rows: [
        ...lines.map((l, i) => [`${month}-${String(days[i]).padStart(2, '0')}`, l.name, l.income ? yuan(l.income) : '', l.expense ? yuan(l.expense) : '', l.income ? '已入村集体账户' : '凭证经村务监督委员会审核']),
        ['合计', '', yuan(income), yuan(expense), `结余 ${yuan(income - expense)}`],
      ],
    };
    return {
      title: `${v}${label}财务收支公开`, table,
      text: [`${v}${label}村集体财务收支情况公开如下:本月收入合计${yuan(income)}元,支出合计${yuan(expense)}元。`,
        '收支明细见下表,已经镇农村经营管理站审核、村务监督委员会审核签字。',
        '对公开内容有疑问的,可到村党群服务中心便民服务大厅咨询,或向村务监督委员会反映。'].join('\n'),
    };
  }
  const q = /Q(\d)$/.exec(period);
  const work = QUARTER_WORK[q ? Number(q[1]) - 1 : 0];
  if (rule.key === 'village_quarterly') {
    return {
      title: `${v}${label}村务公开`, table: null,
      text: [`一、村民代表会议决定事项及实施情况:本季度召开村民代表会议${between(1, 2)}次,研究${pick(['村内道路维修', '集体资产出租', '人居环境整治', '公益岗位人员安排'], 1)[0]}等事项,均已按决定实施。`,
        `二、协助政府开展的工作:${work[0]}、${work[1]}。`,
        `三、村民关心的事项:低保、特困供养对象动态调整情况已在公开栏公示;本季度为群众代办事项${between(20, 60)}件。`].join('\n'),
    };
  }
  if (rule.key === 'party_quarterly') {
    const n = town.voters(branch.id);
    return {
      title: `${v}党支部${label}党务公开`, table: null,
      text: [`一、党费收缴:本季度全支部${n}名正式党员按月足额缴纳党费。`,
        '二、组织生活开展:每月28日开展主题党日,按时召开支部委员会会议和党小组会,本季度召开党员大会1次、讲党课1次。',
        `三、党员教育管理:组织党员参加集中学习${between(2, 4)}次,开展志愿服务${between(1, 3)}次。`].join('\n'),
    };
  }
  if (rule.key === 'party_yearly') {
    return {
      title: `${v}党支部${label}党务固定公开`, table: null,
      text: [`一、组织设置:${v}党支部,支部书记${people[0] ?? ''},共有正式党员${town.voters(branch.id)}名。`,
        '二、任期目标和年度工作计划:抓好组织生活规范化,发展壮大村集体经济,推进"三务"公开和小微权力清单落实。',
        '三、后备干部:按照"一村一名后备干部"要求,已确定村级后备干部并落实培养措施。'].join('\n'),
    };
  }
  return {
    title: `${v}${label}村务固定公开`, table: null,
    text: ['一、村级组织职责:村党支部、村民委员会、村务监督委员会职责和分工已在公开栏张贴。',
      `二、年度工作目标:村集体经济收入稳步增长,完成${pick(['村内道路硬化', '党群服务中心提升', '人居环境整治', '农田水利设施维修'], 2).join('、')}等重点工作。`,
      '三、村规民约:现行村规民约经村民会议讨论通过,已报镇人民政府备案。'].join('\n'),
  };
}
