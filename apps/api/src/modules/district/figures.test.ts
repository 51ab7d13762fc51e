// The district's side-by-side table from the figures the database gathered (issue 14 point 4 on issue 17 point 5):
// towns in the order given, a figure a town lacks is 0 there, rows in the order the towns first name them.
import { describe, expect, it } from 'vitest';
import { sideBySide } from './figures.js';
import type { HeldFigure } from './repository.js';

const held = (group: string, label: string, first: number[], towns: number[], values: number[]): HeldFigure =>
  ({ group, groupTitle: `${group}标题`, label, first, towns, values });

describe('sideBySide', () => {
  it('puts the 组织生活 totals first in their fixed order, then tile figures in first-named order, 0 where a town lacks one', () => {
    const rows = sideBySide([30, 10, 20], [
      held('assessment', '良好', [2, 3, 2], [20], [4]),
      held('compliance', 'late', [1, 0, 0], [10, 30], [1, 2]),
      held('assessment', '优秀', [1, 3, 1], [10, 20], [5, 6]),
      held('dues', '本月已交', [1, 1, 1], [30, 10, 20], [7, 8, 9]),
      held('compliance', 'done', [1, 0, 0], [30, 10, 20], [3, 3, 3]),
    ]);
    expect(rows.map((r) => [r.group, r.label])).toEqual([
      ['compliance', '已开展'], ['compliance', '待签认'], ['compliance', '未到期'], ['compliance', '即将到期'], ['compliance', '逾期'],
      ['dues', '本月已交'], ['assessment', '优秀'], ['assessment', '良好'],
    ]);
    expect(rows.find((r) => r.label === '逾期')).toMatchObject({ values: [2, 1, 0], total: 3 });
    expect(rows.find((r) => r.label === '待签认')).toMatchObject({ values: [0, 0, 0], total: 0 });
    expect(rows.find((r) => r.label === '良好')).toMatchObject({ groupTitle: 'assessment标题', values: [0, 0, 4], total: 4 });
    expect(rows.find((r) => r.label === '本月已交')).toMatchObject({ values: [7, 8, 9], total: 24 });
  });
});
