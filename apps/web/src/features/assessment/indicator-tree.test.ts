import { describe, expect, it } from 'vitest';
import { addChild, addTop, earliestStart, newKey, removeAt, updateAt, weightProblems, type Indicator } from './indicator-tree';

const leaf = (key: string, name: string, weight: number): Indicator => ({ key, name, weight, scorer: 'town_office', measure: null, evidence: null, children: [] });

describe('the scheme editor tree', () => {
  it('adds a top-level indicator with the points still free of the 100, and keys stay unique', () => {
    const tree = addTop([leaf('item_1', '党建工作', 60)]);
    expect(tree[1]).toMatchObject({ key: 'item_2', weight: 40, scorer: 'town_office' });
    expect(newKey(tree)).toBe('item_3');
  });

  it('a leaf that gains a child loses its own scorer, and the child takes the parent\'s points not yet shared', () => {
    const tree = addChild([leaf('item_1', '党建工作', 60)], [0]);
    expect(tree[0]).toMatchObject({ scorer: null, measure: null });
    expect(tree[0].children[0]).toMatchObject({ weight: 60, scorer: 'town_office' });
    const two = addChild(updateAt(tree, [0, 0], (n) => ({ ...n, weight: 45 })), [0]);
    expect(two[0].children.map((c) => c.weight)).toEqual([45, 15]);
  });

  it('says which level does not add up, and nothing once it does', () => {
    const tree = [{ ...leaf('a', '党建工作', 60), scorer: null, children: [leaf('b', '组织生活', 30), leaf('c', '三务公开', 20)] }, leaf('d', '重点工作', 30)];
    expect(weightProblems(tree)).toEqual(['一级指标分值合计应为100,现为90', '“党建工作”的下级指标分值合计应为60,现为50']);
    const fixed = updateAt(updateAt(tree, [1], (n) => ({ ...n, weight: 40 })), [0, 1], (n) => ({ ...n, weight: 30 }));
    expect(weightProblems(fixed)).toEqual([]);
    expect(removeAt(fixed, [0, 1])[0].children).toHaveLength(1);
  });

  it('a new version starts this month at the earliest, and after the latest version\'s start', () => {
    expect(earliestStart('2026-12', null)).toBe('2026-12');
    expect(earliestStart('2026-12', '2026-01')).toBe('2026-12');
    expect(earliestStart('2026-12', '2026-12')).toBe('2027-01');
    expect(earliestStart('2026-12', '2027-03')).toBe('2027-04');
  });
});
