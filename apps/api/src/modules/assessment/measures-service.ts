/**
 * 考核计量 (issue 16 point 2): a village branch's measures for a month, quarter or year, each read from its module
 * through that module's public face (the compliance calendar, the disclosure schedule, the rectifications, the
 * recruitment deadlines) and shown with its source and the records behind it.
 */
import {
  ASSESSMENT_MEASURES, AssessmentMeasuresQuerySchema, assessmentPeriodBounds, todayInShanghai, type AssessmentMeasureFigure, type AssessmentMeasures,
  type AssessmentMeasuresQuery,
} from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { loadBranchInScope, requirePermission, type AuthUser } from '../../lib/access/index.js';
import { invalid, notFound } from '../../lib/errors.js';
import { figuresOfBranches } from './measures-figures.js';

/**
 * The branch first (another village's id, a 党委 or a 党小组 answers 404 like a missing one), then the permission at
 * it: the town, the village's own secretary and its 包村干部 read the figures (assessment.read).
 */
export async function branchMeasures(db: Db, user: AuthUser, raw: AssessmentMeasuresQuery): Promise<AssessmentMeasures> {
  const query = AssessmentMeasuresQuerySchema.parse(raw);
  const branch = await loadBranchInScope(db, user, query.orgId, '村党组织');
  if (branch.villageId === null) throw notFound('村党组织');
  requirePermission(user, 'assessment.read', '只有镇党委管理员、本村党支部书记和包村干部可以查看考核计量', branch.path);
  const bounds = assessmentPeriodBounds(query.period);
  if (!bounds) throw invalid('period', '考核期间应写作 2026-05、2026-Q2 或 2026');
  const today = todayInShanghai();
  const figures = (await figuresOfBranches(db, user, [branch], bounds, today, ASSESSMENT_MEASURES)).get(branch.id);
  const measures = ASSESSMENT_MEASURES.map((m) => figures?.get(m) as AssessmentMeasureFigure);
  return {
    organizationId: branch.id, organizationName: branch.name, period: query.period, periodLabel: bounds.label, start: bounds.start, end: bounds.end,
    asOf: today, measures,
  };
}
