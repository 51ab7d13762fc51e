import { z } from 'zod';
import { measureLeafPoints } from './assessment-measures.js';
import { gradeOf } from './assessment-periods.js';
import { ASSESSMENT_MEASURES, type AssessmentIndicator, type AssessmentMeasure, type AssessmentScorer, type GradeBand } from './assessment.js';

/**
 * 预览某村得分 (issue 16 point 6, the scheme editor's live preview): what a village would score in a month under the
 * tree being edited. The server sends the month's ingredients once — the village's entries in that month's 考核期
 * (with the 分值 they were scored against) and the record figures of every available measure — and the editor
 * recomputes the score on every change of the tree with `previewScore`, without a request per keystroke.
 *
 * A leaf of the edited tree takes, in this order:
 * - scorer = measure: the month's figure, 分值 × ratio half up (measureLeafPoints, as the period does);
 * - an entry of the same indicator code: its points scaled to the new 分值, half up (8 of 10 → 4 of 5);
 * - nothing: no points, counted as 0 and said so (a new indicator has no score in a past month).
 */
export const SchemePreviewQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().meta({ label: '村党组织' }),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM').meta({ label: '月份' }),
});
export type SchemePreviewQuery = z.input<typeof SchemePreviewQuerySchema>;

export const SchemePreviewSourcesSchema = z.object({
  organizationId: z.number(), organizationName: z.string(), period: z.string(),
  /** The month's village-cadre 考核期 the entries come from (the locked one first); null when none was opened. */
  periodId: z.number().nullable(), periodStatus: z.string().nullable(),
  entries: z.array(z.object({ indicatorKey: z.string(), name: z.string(), points: z.number().int(), weight: z.number().int() })),
  measures: z.array(z.object({
    measure: z.enum(ASSESSMENT_MEASURES), label: z.string(), numerator: z.number().int(), denominator: z.number().int(),
    ratioBasisPoints: z.number().int().nullable(), display: z.string(), link: z.string().nullable(),
  })),
  /** The town's assessment.measureNothingDuePct: a measure with nothing due earns this share of the 分值. */
  nothingDuePct: z.number().int(),
});
export type SchemePreviewSources = z.infer<typeof SchemePreviewSourcesSchema>;

export interface PreviewLeaf {
  key: string; name: string; weight: number; scorer: AssessmentScorer; points: number | null;
  /** Where the points come from, in words (平台记录 5/6、该月得分 8/10 按新分值折算、该月无此项得分). */
  source: string;
}
export interface SchemePreview { leaves: PreviewLeaf[]; score: number; grade: string | null; unscored: number }

type Node = Pick<AssessmentIndicator, 'key' | 'name' | 'weight' | 'scorer' | 'measure'> & { children: readonly Node[] };
const leavesOf = (nodes: readonly Node[]): Node[] => nodes.flatMap((n) => (n.children.length ? leavesOf(n.children) : [n]));

/** points of `weight` rescaled to `to`, half up in integers. */
export const rescalePoints = (points: number, weight: number, to: number): number =>
  (weight === to ? points : Math.floor((points * to * 2 + weight) / (2 * weight)));

function previewLeaf(leaf: Node, sources: SchemePreviewSources): PreviewLeaf {
  const scorer = leaf.scorer ?? 'town_office';
  const base = { key: leaf.key, name: leaf.name, weight: leaf.weight, scorer };
  if (scorer === 'measure' && leaf.measure) {
    const figure = sources.measures.find((m) => m.measure === (leaf.measure as AssessmentMeasure));
    if (!figure) return { ...base, points: null, source: '该记录指标暂不可用' };
    const points = measureLeafPoints(leaf.weight, figure.ratioBasisPoints, sources.nothingDuePct);
    const shown = figure.denominator === 0 ? '本期无应办事项' : `${figure.numerator}/${figure.denominator}(${figure.display})`;
    return { ...base, points, source: `平台记录:${figure.label} ${shown}` };
  }
  const entry = sources.entries.find((e) => e.indicatorKey === leaf.key);
  if (!entry) return { ...base, points: null, source: '该月无此项得分,按0分计' };
  const points = rescalePoints(entry.points, entry.weight, leaf.weight);
  const scaled = entry.weight === leaf.weight ? '' : `,按新分值${leaf.weight}折算`;
  return { ...base, points, source: `该月考核期得分 ${entry.points}/${entry.weight}${scaled}` };
}

/** The village's month under the edited tree: each leaf's points and source, the total and its band. */
export function previewScore(tree: readonly Node[], bands: readonly GradeBand[], sources: SchemePreviewSources): SchemePreview {
  const leaves = leavesOf(tree).map((leaf) => previewLeaf(leaf, sources));
  const score = leaves.reduce((n, l) => n + (l.points ?? 0), 0);
  return { leaves, score, grade: gradeOf(score, bands), unscored: leaves.filter((l) => l.points === null).length };
}
