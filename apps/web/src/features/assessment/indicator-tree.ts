import { ASSESSMENT_LIMITS, type AssessmentIndicator } from '@dj/contracts';
import { addMonths } from '../../lib/months';

/**
 * The scheme editor's tree, edited as plain data: every change returns a new tree (React state), addressed by the
 * path of indexes from the top (`[0, 2]` is the third child of the first top-level indicator).
 */
export type Indicator = AssessmentIndicator;
export type Path = readonly number[];

/** A fresh key for a new indicator: lower-case letters and digits, unique within the tree. */
export function newKey(tree: readonly Indicator[]): string {
  const used = new Set(flatten(tree).map((n) => n.key));
  for (let i = 1; ; i++) if (!used.has(`item_${i}`)) return `item_${i}`;
}

export function flatten(tree: readonly Indicator[]): Indicator[] {
  return tree.flatMap((n) => [n, ...flatten(n.children)]);
}

/** The same tree with the node at `path` replaced by `fn(node)` (a leaf's scorer cleared when it gains children). */
export function updateAt(tree: readonly Indicator[], path: Path, fn: (node: Indicator) => Indicator): Indicator[] {
  const [head, ...rest] = path;
  return tree.map((node, i) => {
    if (i !== head) return node;
    return rest.length ? { ...node, children: updateAt(node.children, rest, fn) } : fn(node);
  });
}

export function removeAt(tree: readonly Indicator[], path: Path): Indicator[] {
  const [head, ...rest] = path;
  if (!rest.length) return tree.filter((_, i) => i !== head);
  return tree.map((node, i) => (i === head ? { ...node, children: removeAt(node.children, rest) } : node));
}

const blank = (tree: readonly Indicator[], weight: number): Indicator =>
  ({ key: newKey(tree), name: '', weight, scorer: 'town_office', measure: null, evidence: null, children: [] });

/** A new top-level indicator, given the points still free of the 100 (at least 1). */
export function addTop(tree: readonly Indicator[]): Indicator[] {
  return [...tree, blank(tree, Math.max(1, ASSESSMENT_LIMITS.total - sum(tree)))];
}

/** A new child: the parent's points not yet shared out; a former leaf stops having a scorer of its own. */
export function addChild(tree: readonly Indicator[], path: Path): Indicator[] {
  const child = blank(tree, 1);
  return updateAt(tree, path, (node) => ({
    ...node, scorer: null, measure: null,
    children: [...node.children, { ...child, weight: Math.max(1, node.weight - sum(node.children)) }],
  }));
}

export const sum = (nodes: readonly Indicator[]) => nodes.reduce((n, x) => n + (Number.isFinite(x.weight) ? x.weight : 0), 0);

/** Each level whose points do not add up, in words (empty when the tree is consistent): shown while editing. */
export function weightProblems(tree: readonly Indicator[]): string[] {
  const out: string[] = [];
  if (tree.length && sum(tree) !== ASSESSMENT_LIMITS.total) out.push(`一级指标分值合计应为${ASSESSMENT_LIMITS.total},现为${sum(tree)}`);
  for (const node of flatten(tree)) {
    if (node.children.length && sum(node.children) !== node.weight) {
      out.push(`“${node.name || '未命名指标'}”的下级指标分值合计应为${node.weight},现为${sum(node.children)}`);
    }
  }
  return out;
}

/** When a new version may start: this month, or the month after the latest version's start if that is later. */
export function earliestStart(thisMonth: string, latestStart: string | null): string {
  if (!latestStart || latestStart < thisMonth) return thisMonth;
  return addMonths(latestStart, 1);
}
