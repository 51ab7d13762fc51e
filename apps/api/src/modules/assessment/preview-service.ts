/**
 * 预览某村得分 (issue 16 point 6): the ingredients of a village's month for the scheme editor's live preview — its
 * entries in that month's 考核期 with the 分值 they were scored against, and the record figures of every available
 * measure. The editor combines them with the tree being edited (previewScore in the contracts), so the preview follows
 * every keystroke without a request. The town's editor only (assessment.manage); another town's or a non-village
 * branch answers 404.
 */
import {
  ASSESSMENT_MEASURES, ASSESSMENT_MEASURES_UNAVAILABLE, SchemePreviewQuerySchema, assessmentPeriodBounds, todayInShanghai,
  type SchemePreviewQuery, type SchemePreviewSources,
} from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { loadBranchInScope, requirePermission, type AuthUser } from '../../lib/access/index.js';
import { invalid, notFound } from '../../lib/errors.js';
import { settingValue } from '../settings/index.js';
import { figuresOfBranches } from './measures-figures.js';
import * as periods from './period-repository.js';
import { leavesOf } from './period-service.js';

async function monthEntries(db: Db, tenantId: number, organizationId: number, month: string) {
  const periodId = await periods.villagePeriodOfMonth(db, tenantId, month);
  const period = periodId ? await periods.findPeriod(db, tenantId, periodId) : undefined;
  if (!period) return { periodId: null, periodStatus: null, entries: [] };
  const leaves = new Map(leavesOf(period.indicators).map((l) => [l.key, l]));
  const { scores } = await periods.entriesOf(db, period.id);
  const entries = scores.flatMap((s) => {
    const leaf = leaves.get(s.indicatorKey);
    return s.organizationId === organizationId && leaf ? [{ indicatorKey: s.indicatorKey, name: leaf.name, points: s.points, weight: leaf.weight }] : [];
  });
  return { periodId: period.id, periodStatus: period.status, entries };
}

export async function previewSources(db: Db, user: AuthUser, raw: SchemePreviewQuery): Promise<SchemePreviewSources> {
  const query = SchemePreviewQuerySchema.parse(raw);
  // The branch first: another town's village answers 404 like a missing one, whoever asks; then the editor's permission.
  const branch = await loadBranchInScope(db, user, query.orgId, '村党组织');
  if (branch.villageId === null) throw notFound('村党组织');
  requirePermission(user, 'assessment.manage', '考核方案由镇党委管理员制定和修改');
  const bounds = assessmentPeriodBounds(query.period);
  if (!bounds) throw invalid('period', '月份格式应为 YYYY-MM');
  const available = ASSESSMENT_MEASURES.filter((m) => !ASSESSMENT_MEASURES_UNAVAILABLE[m]);
  const figures = (await figuresOfBranches(db, user, [branch], bounds, todayInShanghai(), available)).get(branch.id);
  const measures = available.flatMap((m) => {
    const f = figures?.get(m);
    return f?.available ? [{
      measure: m, label: f.label, numerator: f.numerator, denominator: f.denominator, ratioBasisPoints: f.ratioBasisPoints, display: f.display, link: f.link,
    }] : [];
  });
  return {
    organizationId: branch.id, organizationName: branch.name, period: query.period, ...await monthEntries(db, user.tenantId, branch.id, query.period),
    measures, nothingDuePct: await settingValue(db, user.tenantId, 'assessment.measureNothingDuePct'),
  };
}
