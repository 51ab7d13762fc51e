import type { AssessmentPeriodDetail, AssessmentPeriodList, AssessmentSubjectResult } from '@dj/contracts';

/** A month period of a village scheme: two scored leaves, a supervisor's leaf and a measure, three bands. */
/** The leaves entered by hand in periodDetail's scheme (for a subject's 评分进度). */
const MANUAL = ['open', 'work'];

export function subject(id: number, name: string, partial: Partial<AssessmentSubjectResult> = {}): AssessmentSubjectResult {
  const entries = partial.entries ?? [];
  const missing = MANUAL.filter((k) => !entries.some((e) => e.indicatorKey === k));
  return {
    subjectId: id, name, score: 0, grade: null, entries, objections: [], adjustments: [], measures: [],
    progress: { scored: MANUAL.length - missing.length, total: MANUAL.length, missing }, ...partial,
  };
}

export const entry = (indicatorKey: string, points: number, evidence = '查阅会议记录和公开栏照片') =>
  ({ indicatorKey, points, evidence, scoredBy: '镇党委管理员', scoredAt: '2026-11-20T02:00:00.000Z', link: null });

export function periodDetail(partial: Partial<AssessmentPeriodDetail> = {}): AssessmentPeriodDetail {
  return {
    id: 7, schemeId: 5, schemeName: '村级"3+7"激励机制', audience: 'village_cadre', periodKind: 'month', version: 1, period: '2026-11',
    status: 'scoring', objectionUntil: null, openedAt: '2026-11-01T01:00:00.000Z', publishedAt: null, approvedAt: null, approvedBy: null, approvalNote: null,
    indicators: [
      { key: 'open', name: '三务公开', weight: 20, scorer: 'town_office', measure: null, evidence: '公开栏照片' },
      { key: 'work', name: '重点工作', weight: 40, scorer: 'supervisor', measure: null, evidence: '包村干部工作记录' },
      { key: 'life', name: '组织生活按期开展', weight: 40, scorer: 'measure', measure: 'organization_life_on_time', evidence: null },
    ],
    bands: [{ label: '优秀', min: 54 }, { label: '合格', min: 30 }, { label: '不合格', min: 0 }],
    subjects: [
      subject(31, '东村', { score: 35, grade: '合格', entries: [entry('work', 35)] }),
      subject(32, '西村', { score: 55, grade: '优秀', entries: [entry('open', 18), entry('work', 37)] }),
      subject(33, '南村', { score: 20, grade: '不合格', entries: [entry('open', 20)] }),
    ],
    measuresAsOf: null,
    can: { score: true, manage: true, object: false },
    ...partial,
  };
}

export const PERIOD_LIST: AssessmentPeriodList = {
  rows: [
    {
      id: 7, schemeId: 5, schemeName: '村级"3+7"激励机制', audience: 'village_cadre', periodKind: 'month', version: 1, period: '2026-11', status: 'objection',
      objectionUntil: '2026-12-10', openedAt: '2026-11-01T01:00:00.000Z', publishedAt: '2026-12-03T01:00:00.000Z', approvedAt: null,
    },
    {
      id: 8, schemeId: 6, schemeName: '镇机关"3+1"激励机制', audience: 'town_staff', periodKind: 'quarter', version: 2, period: '2026-Q3', status: 'locked',
      objectionUntil: '2026-10-12', openedAt: '2026-10-01T01:00:00.000Z', publishedAt: '2026-10-05T01:00:00.000Z', approvedAt: '2026-10-15T16:30:00.000Z',
    },
  ],
  can: { open: true },
};
