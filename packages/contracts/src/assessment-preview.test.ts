import { describe, expect, it } from 'vitest';
import { previewScore, rescalePoints, type SchemePreviewSources } from './assessment-preview.js';

const sources: SchemePreviewSources = {
  organizationId: 1, organizationName: '东河村党支部', period: '2026-10', periodId: 7, periodStatus: 'locked',
  entries: [
    { indicatorKey: 'income', name: '集体增收', points: 8, weight: 10 },
    { indicatorKey: 'service', name: '为民服务', points: 7, weight: 7 },
  ],
  measures: [
    { measure: 'organization_life_on_time', label: '组织生活按期', numerator: 5, denominator: 6, ratioBasisPoints: 8333, display: '83.33%', link: '/compliance' },
    { measure: 'disclosure_on_time', label: '三务公开按期', numerator: 0, denominator: 0, ratioBasisPoints: null, display: '', link: null },
  ],
  nothingDuePct: 100,
};
const leaf = (key: string, weight: number, scorer: 'town_office' | 'measure' = 'town_office', measure: 'organization_life_on_time' | 'disclosure_on_time' | null = null) =>
  ({ key, name: key, weight, scorer, measure, children: [] });
const BANDS = [{ label: '优秀', min: 90 }, { label: '良好', min: 80 }, { label: '合格', min: 60 }, { label: '不合格', min: 0 }];

describe('16.6 the scheme editor previews a village\'s month under the edited tree', () => {
  it('scales an entry to the new 分值 half up, keeps it when the 分值 is unchanged', () => {
    expect(rescalePoints(8, 10, 5)).toBe(4);
    expect(rescalePoints(7, 10, 5)).toBe(4); // 3.5 rounds up
    expect(rescalePoints(3, 7, 7)).toBe(3);
    const preview = previewScore([leaf('income', 5), leaf('service', 7)], BANDS, sources);
    expect(preview.leaves.map((l) => [l.points, l.source])).toEqual([[4, '该月考核期得分 8/10,按新分值5折算'], [7, '该月考核期得分 7/7']]);
  });

  it('reads a measure leaf from the month\'s figure, nothing due at the town\'s share, and counts a new indicator as 0, said so', () => {
    const tree = [
      { key: 'party', name: '基层党建', weight: 20, scorer: null, measure: null, children: [leaf('life', 12, 'measure', 'organization_life_on_time'), leaf('open', 8, 'measure', 'disclosure_on_time')] },
      leaf('brand_new', 10),
    ];
    const preview = previewScore(tree, BANDS, sources);
    expect(preview.leaves.map((l) => l.points)).toEqual([10, 8, null]); // 12 × 83.33 % = 9.9996 → 10; nothing due → 8
    expect(preview.leaves[2].source).toBe('该月无此项得分,按0分计');
    expect(preview).toMatchObject({ score: 18, grade: '不合格', unscored: 1 });
  });

  it('bands the total with the edited bands', () => {
    const preview = previewScore([leaf('income', 10), leaf('service', 7)], [{ label: '达标', min: 15 }, { label: '未达标', min: 0 }], sources);
    expect(preview).toMatchObject({ score: 15, grade: '达标' });
  });
});
