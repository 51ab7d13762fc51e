/**
 * 考核计量 for many village branches at once (issue 16 point 2): the figures of one period for every branch asked,
 * each measure read through its module's public face in a fixed number of statements whatever the number of branches
 * (the compliance calendar once per month of the period, the disclosures, rectifications and recruitments once each),
 * so a town's 18 or more villages are not a loop of queries per village. The databases aggregate; the pure rules of
 * measures.ts turn the dated items into records and the records into the figure.
 */
import {
  ASSESSMENT_MEASURES_UNAVAILABLE, type AssessmentMeasure, type AssessmentMeasureFigure, type AssessmentPeriodBounds, type MeasureRecord,
} from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { AuthUser } from '../../lib/access/index.js';
import { complianceOfBranches } from '../activities/index.js';
import { disclosuresDueBetween } from '../disclosure/index.js';
import { incomeGrowthOf } from '../economy/index.js';
import { rectificationsDueBetween } from '../inspection/index.js';
import { recruitmentDeadlinesBetween } from '../recruitment/index.js';
import { settingValue } from '../settings/index.js';
import {
  disclosureRecord, figureOf, incomeGrowthRecord, organizationLifeRecord, rectificationRecord, recruitmentRecord, unavailableFigure,
} from './measures.js';

export interface MeasureBranch { id: number; name: string; path: string }
/** Each branch's figures by measure. */
export type BranchFigures = Map<number, Map<AssessmentMeasure, AssessmentMeasureFigure>>;
type Records = Map<number, MeasureRecord[]>;
interface Ctx { db: DbOrTx; user: AuthUser; branches: MeasureBranch[]; bounds: AssessmentPeriodBounds; today: string }

/** The page that lists a measure's records for a branch (the figure's link, and a frozen entry's). */
export function measureLink(measure: AssessmentMeasure, organizationId: number, bounds: AssessmentPeriodBounds): string | null {
  switch (measure) {
    case 'organization_life_on_time': return `/compliance?orgId=${organizationId}&period=${bounds.months[0]}`;
    case 'disclosure_on_time': return `/disclosures?orgId=${organizationId}`;
    case 'rectification_on_time': return '/inspections';
    case 'recruitment_on_time': return '/recruitment/recruitments';
    case 'collective_income_growth': return '/economy';
    default: return null;
  }
}

const byBranch = (branches: MeasureBranch[]): Records => new Map(branches.map((b) => [b.id, []]));

/** 组织生活按期: each month's calendar for all the branches at once, the rows whose deadline falls in that month. */
async function organizationLife({ db, user, branches, bounds, today }: Ctx): Promise<Records> {
  const out = byBranch(branches);
  for (const month of bounds.months) {
    const calendars = await complianceOfBranches(db, user.tenantId, branches, month, today);
    for (const calendar of calendars) {
      const link = `/compliance?orgId=${calendar.organizationId}&period=${month}`;
      for (const row of calendar.rows) if (row.deadline.startsWith(month)) out.get(calendar.organizationId)?.push(organizationLifeRecord(row, link));
    }
  }
  return out;
}

async function disclosure({ db, user, branches, bounds, today }: Ctx): Promise<Records> {
  const due = await disclosuresDueBetween(db, user.tenantId, branches.map((b) => b.id), bounds.start, bounds.end);
  return new Map(branches.map((b) => [b.id, (due.get(b.id) ?? []).map((d) => disclosureRecord(d, b.id, today))]));
}

async function rectification({ db, branches, bounds, today }: Ctx): Promise<Records> {
  const out = byBranch(branches);
  for (const r of await rectificationsDueBetween(db, branches.map((b) => b.id), bounds.start, bounds.end)) out.get(r.organizationId)?.push(rectificationRecord(r, today));
  return out;
}

/** 发展党员按期: the recruitments of every branch's subtree in one list, each deadline to the branch holding it. */
async function recruitment({ db, user, branches, bounds, today }: Ctx): Promise<Records> {
  const out = byBranch(branches);
  for (const d of await recruitmentDeadlinesBetween(db, user, branches.map((b) => b.path), bounds.start, bounds.end)) {
    const branch = branches.find((b) => d.organizationPath.startsWith(b.path));
    if (branch) out.get(branch.id)?.push(recruitmentRecord(d, today));
  }
  return out;
}

/** 集体增收: the years whose end falls in the period (a year's income is known once it has ended), for every branch at once. */
async function incomeGrowth({ db, user, branches, bounds }: Ctx): Promise<Records> {
  const years: number[] = [];
  for (let y = Number(bounds.start.slice(0, 4)); y <= Number(bounds.end.slice(0, 4)); y++) if (`${y}-12-31` >= bounds.start && `${y}-12-31` <= bounds.end) years.push(y);
  const items = await incomeGrowthOf(db, branches.map((b) => b.id), years);
  const line = await settingValue(db, user.tenantId, 'economy.growthLinePct');
  return new Map(branches.map((b) => [b.id, (items.get(b.id) ?? []).map((y) => incomeGrowthRecord(y, line, '/economy'))]));
}

const COMPUTED: Partial<Record<AssessmentMeasure, (ctx: Ctx) => Promise<Records>>> = {
  organization_life_on_time: organizationLife, disclosure_on_time: disclosure, rectification_on_time: rectification, recruitment_on_time: recruitment,
  collective_income_growth: incomeGrowth,
};

/**
 * The figures of `measures` (default: every measure) for each branch over the period's days, as of `today`: the
 * deadlines not yet come count neither way. A measure whose module does not exist yet is answered as unavailable.
 */
export async function figuresOfBranches(
  db: DbOrTx, user: AuthUser, branches: MeasureBranch[], bounds: AssessmentPeriodBounds, today: string,
  measures: readonly AssessmentMeasure[],
): Promise<BranchFigures> {
  const out: BranchFigures = new Map(branches.map((b) => [b.id, new Map()]));
  if (!branches.length) return out;
  const ctx: Ctx = { db, user, branches, bounds, today };
  for (const measure of new Set(measures)) {
    const compute = COMPUTED[measure];
    const records = compute && !ASSESSMENT_MEASURES_UNAVAILABLE[measure] ? await compute(ctx) : null;
    for (const b of branches) {
      const link = measureLink(measure, b.id, bounds) as string;
      out.get(b.id)?.set(measure, records ? figureOf(measure, link, records.get(b.id) ?? []) : unavailableFigure(measure));
    }
  }
  return out;
}
