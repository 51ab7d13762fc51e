import { describe, expect, it } from 'vitest';
import { AssessmentPeriodSchema, assessmentPeriodBounds, basisPointsText, MEASURE_NOTHING_DUE, measureLeafPoints, ratioBasisPoints } from './assessment-measures.js';

describe('考核期间 and the figure (assessment measures)', () => {
  it('a month, a quarter and a year, with their days and months', () => {
    expect(assessmentPeriodBounds('2028-02')).toEqual({ start: '2028-02-01', end: '2028-02-29', months: ['2028-02'], label: '2028年2月' });
    expect(assessmentPeriodBounds('2026-Q2')).toEqual({ start: '2026-04-01', end: '2026-06-30', months: ['2026-04', '2026-05', '2026-06'], label: '2026年第2季度' });
    expect(assessmentPeriodBounds('2026')?.months).toHaveLength(12);
    expect(assessmentPeriodBounds('2026')).toMatchObject({ start: '2026-01-01', end: '2026-12-31', label: '2026年' });
    for (const bad of ['2026-13', '2026-Q5', '26', '2026-5', '2026-05-01']) {
      expect(assessmentPeriodBounds(bad), bad).toBeNull();
      expect(AssessmentPeriodSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('the ratio in whole basis points, half up, and no percentage when nothing was due', () => {
    expect([ratioBasisPoints(2, 3), ratioBasisPoints(1, 3), ratioBasisPoints(1, 8), ratioBasisPoints(3, 3), ratioBasisPoints(0, 4)]).toEqual([6667, 3333, 1250, 10000, 0]);
    expect(ratioBasisPoints(0, 0)).toBeNull();
    expect([6667, 5000, 1250, 607, 10000, 0].map(basisPointsText)).toEqual(['66.67%', '50%', '12.5%', '6.07%', '100%', '0%']);
    expect(basisPointsText(null)).toBe(MEASURE_NOTHING_DUE);
  });

  it('a measure leaf\'s points: 分值 × ratio, half up to whole points; nothing due earns the setting\'s share of the 分值', () => {
    // 5 of 6 on time for 分值 10: 8.33 → 8; a quarter of 10 is 2.5 → 3; 2/3 of 9 is 6.0003 (6667 bp) → 6.
    expect(measureLeafPoints(10, ratioBasisPoints(5, 6), 100)).toBe(8);
    expect(measureLeafPoints(10, 2500, 100)).toBe(3);
    expect(measureLeafPoints(10, 2499, 100)).toBe(2);
    expect(measureLeafPoints(9, ratioBasisPoints(2, 3), 100)).toBe(6);
    expect(measureLeafPoints(20, 10000, 0)).toBe(20);
    expect(measureLeafPoints(20, 0, 100)).toBe(0);
    // Nothing due: the town's assessment.measureNothingDuePct (default 100), half up too.
    expect(measureLeafPoints(10, null, 100)).toBe(10);
    expect(measureLeafPoints(10, null, 0)).toBe(0);
    expect(measureLeafPoints(5, null, 50)).toBe(3);
  });
});
