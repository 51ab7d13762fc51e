import {
  ASSESSMENT_MEASURE_LABELS, ASSESSMENT_MEASURE_SOURCES, ASSESSMENT_SCORER_LABELS, type AssessmentIndicator,
} from '@dj/contracts';

/** Who scores a leaf, in words: a scorer, or the record measure with where its figure comes from. */
export function scorerText(node: AssessmentIndicator): string {
  if (node.children.length) return '下级指标得分之和';
  if (node.scorer === 'measure' && node.measure) return `${ASSESSMENT_MEASURE_LABELS[node.measure]}(取自${ASSESSMENT_MEASURE_SOURCES[node.measure]})`;
  return node.scorer ? ASSESSMENT_SCORER_LABELS[node.scorer] : '—';
}
