/**
 * The 驾驶舱's tiles from each module's figures (issue 17): pure, so the rules of "on time", "late" and "due" are read
 * in one place. Each figure names the page that lists its records; no figure compares villages with each other.
 */
import {
  ASSESSMENT_PERIOD_STATUSES, ASSESSMENT_PERIOD_STATUS_LABELS, DASHBOARD_TILE_TITLES, PIPELINE_PHASES, PIPELINE_PHASE_LABELS,
  type AssessmentPeriodStatus, type DashboardFigure, type HouseholdFigures, type DashboardTile, type DashboardTileKey, type PipelinePhase,
} from '@dj/contracts';
import type { CadreFigures } from '../cadres/index.js';
import type { matterFigures } from '../matters/index.js';

/** The figures the dashboard reads, as each module's public face answers them. */
export interface Gathered {
  today: string;
  /** What the deadlines cover, in words (本月, 近12个月). */
  window: string;
  /** The village when the card is for one, for the links' orgId. */
  orgId?: number;
  pipeline: Map<PipelinePhase, number>;
  recruitmentDeadlines: { dueOn: string; doneOn: string | null }[];
  disclosures: { dueOn: string; publishedOn: string | null }[];
  rectifications: { open: number; overdue: number };
  away: { away: number; returned: number; overdue: number; months: number };
  mobile: { away: number; unreachable: number; months: number };
  economy: { year: number; thresholdWan: number; villages: number; approved: number; weak: number; submitted: number; partnershipsDue: number };
  education: { year: number; member: number; leader: number; sessions: number; members: number; done: number; short: number };
  matters: Awaited<ReturnType<typeof matterFigures>>;
  households: HouseholdFigures;
  dues: { members: number; noBasis: number; dueNow: number; paidNow: number; inArrears: number; review: number };
  cadres: CadreFigures;
  periods: Map<AssessmentPeriodStatus, number>;
  /** 等次 of the villages in the periods past scoring, highest band first (null: below every band). */
  grades: { grade: string | null; n: number }[];
}

const figure = (label: string, value: number, tone: DashboardFigure['tone'], link: string | null): DashboardFigure => ({ label, value, tone, link });
const tile = (key: DashboardTileKey, figures: DashboardFigure[], link: string, note: string): DashboardTile => ({ key, title: DASHBOARD_TILE_TITLES[key], figures, link, note });
const withOrg = (path: string, orgId?: number, extra = '') => {
  const query = [orgId ? `orgId=${orgId}` : '', extra].filter(Boolean).join('&');
  return query ? `${path}?${query}` : path;
};

/** A deadline kept on time, kept late, missed (passed and open) or still to come. */
export function deadlineCounts(items: { dueOn: string; doneOn: string | null }[], today: string) {
  let onTime = 0; let late = 0; let upcoming = 0;
  for (const { dueOn, doneOn } of items) {
    if (doneOn) { if (doneOn <= dueOn) onTime++; else late++; } else if (dueOn < today) late++; else upcoming++;
  }
  return { onTime, late, upcoming };
}

export function pipelineChart(pipeline: Map<PipelinePhase, number>) {
  return PIPELINE_PHASES.map((phase) => ({ phase, label: PIPELINE_PHASE_LABELS[phase], count: pipeline.get(phase) ?? 0 }));
}

function recruitmentTile(g: Gathered): DashboardTile {
  const open = [...g.pipeline.values()].reduce((n, v) => n + v, 0);
  const d = deadlineCounts(g.recruitmentDeadlines, g.today);
  const list = withOrg('/recruitment/recruitments', g.orgId);
  return tile('recruitment', [
    figure('在培养', open, 'info', list), figure(`${g.window}到期已按期办`, d.onTime, 'ok', list),
    figure(`${g.window}未到期`, d.upcoming, 'due', list), figure(`${g.window}逾期`, d.late, 'late', list),
  ], g.orgId ? list : '/recruitment', `发展党员各环节的期限(${g.window}),按记录回放`);
}

function disclosureTile(g: Gathered): DashboardTile {
  const d = deadlineCounts(g.disclosures.map((x) => ({ dueOn: x.dueOn, doneOn: x.publishedOn })), g.today);
  const link = withOrg('/disclosures', g.orgId);
  return tile('disclosure', [
    figure('按期公开', d.onTime, 'ok', link), figure('未到期', d.upcoming, 'due', link), figure('逾期或超期公开', d.late, 'late', link),
  ], link, `${g.window}应公开的三务公开事项(截止日按本镇设置 disclosure.dueDay)`);
}

function rectificationTile(g: Gathered): DashboardTile {
  const link = withOrg('/inspections', g.orgId, 'tab=rectifications');
  return tile('rectification', [
    figure('未验收', g.rectifications.open, g.rectifications.open ? 'due' : 'ok', link), figure('已逾期', g.rectifications.overdue, 'late', link),
  ], link, '联督联查发现问题的整改,至今未验收的');
}

function awayTile(g: Gathered): DashboardTile {
  const link = withOrg('/talent/away', g.orgId);
  return tile('away', [
    figure('在外', g.away.away, 'info', link), figure('逾期未联系', g.away.overdue, 'late', link), figure('已回流', g.away.returned, 'info', link),
  ], link, `在外人才每${g.away.months}个月至少联系一次(本镇设置 talent.awayContactMonths)`);
}

function mobileTile(g: Gathered): DashboardTile {
  const link = withOrg('/members', g.orgId, 'filter=mobile');
  return tile('mobile', [
    figure('外出流动', g.mobile.away, 'info', link),
    figure('逾期未联系', g.mobile.unreachable, g.mobile.unreachable ? 'late' : 'ok', withOrg('/members', g.orgId, 'filter=unreachable')),
  ], link, `流出党员${g.mobile.months}个月未联系即为失联(本镇设置 flow.unreachableMonths)`);
}

function duesTile(g: Gathered): DashboardTile {
  const d = g.dues;
  const link = withOrg('/dues', g.orgId);
  return tile('dues', [
    figure('本月已交', d.paidNow, 'ok', link), figure('本月未交', d.dueNow - d.paidNow, 'due', link),
    figure('欠交往月党费', d.inArrears, d.inArrears ? 'late' : 'ok', link),
    figure('连续6个月及以上未交', d.review, d.review ? 'late' : 'ok', link),
    figure('未设置党费标准', d.noBasis, d.noBasis ? 'due' : 'ok', link),
  ], link, '本月可交至月底;往月未交的计为欠交(中组发〔2008〕3号);连续6个月未交由支部了解原因(党章),不排名');
}

function cadresTile(g: Gathered): DashboardTile {
  const { figures: f, checks, targets } = g.cadres;
  const short = Object.values(checks).filter((c) => c === 'short').length;
  const link = withOrg('/cadres', g.orgId);
  return tile('cadres', [
    figure('"两委"成员', f.cadres, 'info', link), figure('女性', f.women, 'info', link),
    figure('一肩挑', f.combined, 'info', link), figure('大专及以上', f.college, 'info', link),
    figure('未达换届目标的项', short, short ? 'late' : 'ok', link),
  ], link, `平均年龄${f.avgAge ?? '—'}岁(目标≤${targets.avgAgeMax}岁);对照本镇换届目标(本镇设置 cadres.target*),不排名`);
}

function reservesTile(g: Gathered): DashboardTile {
  const r = g.cadres.reserves;
  const link = withOrg('/reserves', g.orgId);
  return tile('reserves', [
    figure('培养中', r.active, 'info', link), figure('低于储备目标的村', r.belowTarget, r.belowTarget ? 'late' : 'ok', link),
    figure('到期待考评', r.evaluationsDue, r.evaluationsDue ? 'due' : 'ok', link),
  ], link, `每村后备人才储备目标${r.target}人(本镇设置 reserves.perVillage)`);
}

function economyTile(g: Gathered): DashboardTile {
  const e = g.economy;
  const link = '/economy';
  const missing = e.villages - e.approved;
  return tile('economy', [
    figure(`${e.year}年收入已审核的村`, e.approved, 'info', link), figure(`${e.year}年未审核的村`, missing, missing ? 'due' : 'ok', link),
    figure(`${e.year}年薄弱村`, e.weak, 'info', link), figure('待镇审核', e.submitted, e.submitted ? 'due' : 'ok', link),
    figure('合作到期', e.partnershipsDue, e.partnershipsDue ? 'due' : 'ok', link),
  ], link, `经营性收入低于${e.thresholdWan}万元为薄弱村(本镇设置 economy.weakIncomeWan);按已审核的年度收入,不排名。合作到期:履行中的村企合作协议即将到期或已过期(本镇设置 economy.partnershipDueDays)`);
}

function educationTile(g: Gathered): DashboardTile {
  const e = g.education;
  const link = withOrg('/education', g.orgId, g.orgId ? 'tab=hours' : '');
  return tile('education', [
    figure(`${e.year}年举办培训`, e.sessions, 'info', withOrg('/education', g.orgId)),
    figure('学时已完成的党员', e.done, 'ok', link), figure('学时应完成的党员', e.short, e.short ? 'due' : 'ok', link),
  ], link, `本年度学时对照目标(党员${e.member}学时、书记和班子成员${e.leader}学时,本镇设置 education.*),年底前完成;只看分布,不排名、不计分`);
}

function mattersTile(g: Gathered): DashboardTile {
  const m = g.matters;
  const link = withOrg('/matters', g.orgId);
  return tile('matters', [
    figure('办理中', m.open, 'info', withOrg('/matters', g.orgId, 'due=open')),
    figure('逾期(已上报镇党委)', m.overdue, m.overdue ? 'late' : 'ok', withOrg('/matters', g.orgId, 'due=overdue')),
    figure(`${m.year}年办结`, m.closed, 'info', withOrg('/matters', g.orgId, 'stage=rated')),
    figure('满意', m.satisfied, 'ok', null), figure('基本满意', m.basically, 'info', null), figure('不满意', m.dissatisfied, m.dissatisfied ? 'due' : 'ok', null),
  ], link, '说事→议事→办事→评事;逾期未议事或未办结的自动上报镇党委(本镇设置 matters.*)。评议为群众对已办结事项的评价分布,不排名');
}

function householdsTile(g: Gathered): DashboardTile {
  const h = g.households;
  const link = withOrg('/households', g.orgId);
  const unlinked = h.households - h.linked;
  return tile('households', [
    figure('联户户数', h.households, 'info', link), figure(`${h.intervalDays}天内已走访`, h.visited, 'ok', link),
    figure('未走访超期', h.due, h.due ? 'late' : 'ok', withOrg('/households', g.orgId, 'due=true')),
    figure('未安排联系党员', unlinked, unlinked ? 'due' : 'ok', link),
  ], link, `党员联户:每户至少每${h.intervalDays}天走访一次(本镇设置 households.visitIntervalDays);只看期限,不给党员打分、不排名`);
}

function assessmentTile(g: Gathered): DashboardTile {
  const link = '/assessment/periods';
  const statuses = ASSESSMENT_PERIOD_STATUSES.map((s) => figure(ASSESSMENT_PERIOD_STATUS_LABELS[s], g.periods.get(s) ?? 0, s === 'locked' ? 'ok' : 'info', link));
  const grades = g.grades.map((x) => figure(`等次:${x.grade ?? '未达最低等次'}`, x.n, 'info', link));
  return tile('assessment', [...statuses, ...grades], link, `村干部考核期(${g.window})按状态;已公示的按等次计村次,不排名`);
}

export function tilesOf(g: Gathered): DashboardTile[] {
  return [recruitmentTile(g), disclosureTile(g), rectificationTile(g), mobileTile(g), duesTile(g), awayTile(g), cadresTile(g), reservesTile(g), economyTile(g), educationTile(g), mattersTile(g), householdsTile(g), assessmentTile(g)];
}
