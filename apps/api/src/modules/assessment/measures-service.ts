/**
 * 考核计量 (issue 16 point 2): a village branch's measures for a month, quarter or year, each read from its module
 * through that module's public face (the compliance calendar, the disclosure schedule, the rectifications, the
 * recruitment deadlines) and shown with its source and the records behind it.
 */
import {
  ASSESSMENT_MEASURES, ASSESSMENT_MEASURES_UNAVAILABLE, AssessmentMeasuresQuerySchema, assessmentPeriodBounds, todayInShanghai,
  type AssessmentMeasure, type AssessmentMeasureFigure, type AssessmentMeasures, type AssessmentMeasuresQuery, type AssessmentPeriodBounds,
} from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { loadBranchInScope, requirePermission, type AuthUser } from '../../lib/access/index.js';
import { invalid, notFound } from '../../lib/errors.js';
import { complianceOfBranches } from '../activities/index.js';
import { disclosuresDueBetween } from '../disclosure/index.js';
import { rectificationsDueBetween } from '../inspection/index.js';
import { recruitmentDeadlinesBetween } from '../recruitment/index.js';
import { disclosureRecord, figureOf, organizationLifeRecord, rectificationRecord, recruitmentRecord, unavailableFigure } from './measures.js';

interface Branch { id: number; name: string; path: string }
interface Ctx { db: Db; user: AuthUser; branch: Branch; bounds: AssessmentPeriodBounds; today: string }

/** 组织生活按期: each month's calendar, the rule rows whose deadline falls in that month (a quarter's in its last). */
async function organizationLife({ db, user, branch, bounds, today }: Ctx): Promise<AssessmentMeasureFigure> {
  const records = [];
  for (const month of bounds.months) {
    const [calendar] = await complianceOfBranches(db, user.tenantId, [branch], month, today);
    const link = `/compliance?orgId=${branch.id}&period=${month}`;
    for (const row of calendar?.rows ?? []) if (row.deadline.startsWith(month)) records.push(organizationLifeRecord(row, link));
  }
  return figureOf('organization_life_on_time', `/compliance?orgId=${branch.id}&period=${bounds.months[0]}`, records);
}

async function disclosure({ db, user, branch, bounds, today }: Ctx): Promise<AssessmentMeasureFigure> {
  const items = await disclosuresDueBetween(db, user.tenantId, branch.id, bounds.start, bounds.end);
  return figureOf('disclosure_on_time', `/disclosures?orgId=${branch.id}`, items.map((d) => disclosureRecord(d, branch.id, today)));
}

async function rectification({ db, branch, bounds, today }: Ctx): Promise<AssessmentMeasureFigure> {
  const items = await rectificationsDueBetween(db, branch.id, bounds.start, bounds.end);
  return figureOf('rectification_on_time', '/inspections', items.map((r) => rectificationRecord(r, today)));
}

async function recruitment({ db, user, branch, bounds, today }: Ctx): Promise<AssessmentMeasureFigure> {
  const items = await recruitmentDeadlinesBetween(db, user, branch.path, bounds.start, bounds.end);
  return figureOf('recruitment_on_time', '/recruitment/recruitments', items.map((d) => recruitmentRecord(d, today)));
}

const COMPUTED: Partial<Record<AssessmentMeasure, (ctx: Ctx) => Promise<AssessmentMeasureFigure>>> = {
  organization_life_on_time: organizationLife, disclosure_on_time: disclosure, rectification_on_time: rectification, recruitment_on_time: recruitment,
};

/**
 * The branch first (another village's id, a 党委 or a 党小组 answers 404 like a missing one), then the permission at
 * it: the town and the village's own secretary read the figures (assessment.read).
 */
export async function branchMeasures(db: Db, user: AuthUser, raw: AssessmentMeasuresQuery): Promise<AssessmentMeasures> {
  const query = AssessmentMeasuresQuerySchema.parse(raw);
  const branch = await loadBranchInScope(db, user, query.orgId, '村党组织');
  if (branch.villageId === null) throw notFound('村党组织');
  requirePermission(user, 'assessment.read', '只有镇党委管理员和本村党支部书记可以查看考核计量', branch.path);
  const bounds = assessmentPeriodBounds(query.period);
  if (!bounds) throw invalid('period', '考核期间应写作 2026-05、2026-Q2 或 2026');
  const ctx: Ctx = { db, user, branch, bounds, today: todayInShanghai() };
  const measures: AssessmentMeasureFigure[] = [];
  for (const measure of ASSESSMENT_MEASURES) {
    const compute = COMPUTED[measure];
    measures.push(compute && !ASSESSMENT_MEASURES_UNAVAILABLE[measure] ? await compute(ctx) : unavailableFigure(measure));
  }
  return {
    organizationId: branch.id, organizationName: branch.name, period: query.period, periodLabel: bounds.label, start: bounds.start, end: bounds.end,
    asOf: ctx.today, measures,
  };
}
