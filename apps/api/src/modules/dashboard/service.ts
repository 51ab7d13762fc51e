/**
 * 驾驶舱 (issue 17 points 1 and 2): the town's overview of this month and a village's card of the last twelve months.
 * Every figure comes from its module's public face, counted by the database or read from stored summaries
 * (compliance_summaries); the scope is the caller's, in SQL. Villages keep the tree's order: no ranking.
 */
import { addMonths, daysInMonth, DashboardTownSchema, todayInShanghai, type DashboardMatrix, type DashboardTown, type DashboardVillage } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { loadBranchInScope, requirePermission, type AuthUser } from '../../lib/access/index.js';
import { keptRead } from '../../lib/kept-reads.js';
import { branchesInScope, complianceOfBranches } from '../activities/index.js';
import { gradeCounts, periodStatusCounts } from '../assessment/index.js';
import { cadreFigures } from '../cadres/index.js';
import { disclosuresDueBetween } from '../disclosure/index.js';
import { rectificationCounts } from '../inspection/index.js';
import { economyFigures } from '../economy/index.js';
import { dashboardEducation } from '../education/index.js';
import { matterFigures } from '../matters/index.js';
import { householdFigures } from '../households/index.js';
import { duesFigures, mobileFigures } from '../members/index.js';
import { pipelineCounts, recruitmentDeadlinesBetween } from '../recruitment/index.js';
import { awayCounts } from '../talent/index.js';
import { matrixOf } from './matrix.js';
import { pipelineChart, tilesOf, type Gathered } from './tiles.js';

interface Window { start: string; end: string; months: string[]; label: string }
interface Branches { list: { id: number; name: string; path: string }[]; village?: { id: number; path: string } }

/** The last day of a 'YYYY-MM' month. */
export const monthEnd = (month: string) => `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`;

/** The twelve months ending with `month`, the oldest first. */
export function lastTwelveMonths(month: string): string[] {
  return Array.from({ length: 12 }, (_, i) => addMonths(`${month}-01`, i - 11).slice(0, 7));
}

async function gather(db: DbOrTx, user: AuthUser, branches: Branches, w: Window, today: string): Promise<Gathered> {
  const ids = branches.list.map((b) => b.id);
  const paths = branches.list.map((b) => b.path);
  const disclosures = await disclosuresDueBetween(db, user.tenantId, ids, w.start, w.end);
  return {
    today, window: w.label, orgId: branches.village?.id,
    pipeline: await pipelineCounts(db, user.scope, paths),
    recruitmentDeadlines: await recruitmentDeadlinesBetween(db, user, paths, w.start, w.end),
    disclosures: [...disclosures.values()].flat(),
    rectifications: await rectificationCounts(db, ids, today),
    away: await awayCounts(db, user, branches.village?.path, today),
    mobile: await mobileFigures(db, user, branches.village, today),
    dues: await duesFigures(db, user.scope, branches.village?.path, today),
    economy: await economyFigures(db, user, branches.village, today),
    education: await dashboardEducation(db, user, today, branches.village?.path),
    matters: await matterFigures(db, user, today, branches.village?.path),
    households: await householdFigures(db, user, today, branches.village?.path),
    cadres: await cadreFigures(db, user, today, branches.village),
    periods: await periodStatusCounts(db, user.tenantId, w.months, today),
    grades: await gradeCounts(db, user.tenantId, w.months, ids),
  };
}

/** A month's window: its first and last day, and the words its deadlines are named by. */
export function monthWindow(month: string, label: string): Window {
  return { start: `${month}-01`, end: monthEnd(month), months: [month], label };
}

/**
 * The town's overview of `month` (default this month, Beijing time): its organisation life matrix and the tiles with
 * the month's deadlines; counts of open records (pipeline, 整改, 在外人才, 班子) are as of today. The 会议报告 reads a
 * past month through here, named 当月 instead of 本月.
 */
export async function townDashboard(db: Db, user: AuthUser, month?: string, label = '本月'): Promise<DashboardTown> {
  requirePermission(user, 'dashboard.read');
  const today = todayInShanghai();
  const period = month ?? today.slice(0, 7);
  const list = await branchesInScope(db, user.scope);
  const calendars = await complianceOfBranches(db, user.tenantId, list, period, today);
  const g = await gather(db, user, { list }, monthWindow(period, label), today);
  return { today, matrix: matrixOf(period, calendars), pipeline: pipelineChart(g.pipeline), tiles: tilesOf(g) };
}

/**
 * This month's 驾驶舱 as JSON text, kept as built (lib/kept-reads.ts, docs/decisions/014): the caller's last build while
 * the town's version (raised at the commit of any write to the town's rows) and the day hold, else built now and
 * encoded through the contract once.
 */
export async function townDashboardText(db: Db, user: AuthUser): Promise<string> {
  requirePermission(user, 'dashboard.read');
  return keptRead(db, user, 'dashboard.town', todayInShanghai(), async () => JSON.stringify(DashboardTownSchema.encode(await townDashboard(db, user))));
}

/** The same, as the object (the district's read of one town and the snapshot job). */
export async function currentTownDashboard(db: Db, user: AuthUser): Promise<DashboardTown> {
  return JSON.parse(await townDashboardText(db, user)) as DashboardTown;
}

/** The town's organisation life of each month (the matrix's totals), from the stored compliance summaries. */
export async function townMonths(db: Db, user: AuthUser, months: string[]): Promise<{ period: string; totals: DashboardMatrix['totals'] }[]> {
  requirePermission(user, 'dashboard.read');
  const today = todayInShanghai();
  const list = await branchesInScope(db, user.scope);
  const out = [];
  for (const period of months) {
    out.push({ period, totals: matrixOf(period, await complianceOfBranches(db, user.tenantId, list, period, today)).totals });
  }
  return out;
}

/** The tiles and the pipeline over a span of months (a year for the 会议报告), its deadlines named by `label`. */
export async function townSpan(db: Db, user: AuthUser, months: string[], label: string): Promise<Pick<DashboardTown, 'today' | 'pipeline' | 'tiles'>> {
  requirePermission(user, 'dashboard.read');
  const today = todayInShanghai();
  const list = await branchesInScope(db, user.scope);
  const g = await gather(db, user, { list }, { start: `${months[0]}-01`, end: monthEnd(months[months.length - 1]), months, label }, today);
  return { today, pipeline: pipelineChart(g.pipeline), tiles: tilesOf(g) };
}

export async function villageCard(db: Db, user: AuthUser, orgId: number): Promise<DashboardVillage> {
  const branch = await loadBranchInScope(db, user, orgId, '村');
  requirePermission(user, 'dashboard.read');
  const today = todayInShanghai();
  const months = lastTwelveMonths(today.slice(0, 7));
  const monthsOut: DashboardVillage['months'] = [];
  for (const period of months) {
    // Each month's calendar is the stored summary while it holds (compliance_summaries); only a stale one is computed.
    const [calendar] = await complianceOfBranches(db, user.tenantId, [branch], period, today);
    const { done, awaitingSignOff, due, dueSoon, late } = calendar.summary;
    monthsOut.push({ period, done, awaitingSignOff, due, dueSoon, late, link: `/compliance?orgId=${branch.id}&period=${period}` });
  }
  const w = { start: `${months[0]}-01`, end: today, months, label: '近12个月' };
  const g = await gather(db, user, { list: [branch], village: { id: branch.id, path: branch.path } }, w, today);
  return {
    today, organizationId: branch.id, organizationName: branch.name, from: months[0], to: months[11],
    months: monthsOut, pipeline: pipelineChart(g.pipeline), tiles: tilesOf(g),
  };
}
