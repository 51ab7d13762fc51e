import { describe, expect, it } from 'vitest';
import { APPRAISAL_GRADES, APPRAISAL_GRADE_LABELS, appraisalSummary, excellentLimit, validateAppraisal, type AppraisalEntry } from './appraisal.js';

const full = (memberId: number, grade: string | null): AppraisalEntry => ({ memberId, standing: 'full', grade });
const probationary = (memberId: number, grade: string | null = null): AppraisalEntry => ({ memberId, standing: 'probationary', grade });
const codes = (entries: AppraisalEntry[]) => validateAppraisal(entries).map((p) => p.code);
const branchOf = (excellent: number, total: number) =>
  Array.from({ length: total }, (_, i) => full(i + 1, i < excellent ? 'excellent' : 'qualified'));

describe('validateAppraisal', () => {
  it('uses the four GLOSSARY grades with their Chinese names', () => {
    expect([...APPRAISAL_GRADES]).toEqual(['excellent', 'qualified', 'basically_qualified', 'unqualified']);
    expect(Object.values(APPRAISAL_GRADE_LABELS)).toEqual(['优秀', '合格', '基本合格', '不合格']);
  });

  it('accepts a clean list', () => {
    expect(validateAppraisal([...branchOf(3, 9), full(10, 'basically_qualified'), full(11, 'unqualified'), probationary(12)])).toEqual([]);
  });

  it('12371 民主评议党员: 优秀 may be at most 1/3 of those graded, rounded down', () => {
    expect([3, 4, 5, 6, 9, 10, 30].map(excellentLimit)).toEqual([1, 1, 1, 2, 3, 3, 10]);
    expect(codes(branchOf(3, 10))).toEqual([]);
    expect(codes(branchOf(4, 10))).toEqual(['TOO_MANY_EXCELLENT']);
    expect(codes(branchOf(1, 2))).toEqual(['TOO_MANY_EXCELLENT']);
    const [p] = validateAppraisal(branchOf(4, 10));
    expect(p.message).toBe('评定为优秀的有4人,超过参评正式党员10人的三分之一(最多3人)');
    expect(p.source).toContain('12371');
  });

  it('12371 民主评议党员: 预备党员 are not in the 1/3 base', () => {
    const entries = [...branchOf(2, 5), probationary(6), probationary(7)];
    expect(codes(entries)).toEqual(['TOO_MANY_EXCELLENT']);
    expect(validateAppraisal(entries)[0].message).toContain('参评正式党员5人');
  });

  it('地方通知: 预备党员 take part but are not graded', () => {
    const problems = validateAppraisal([...branchOf(0, 3), probationary(4, 'qualified')]);
    expect(problems).toEqual([{ code: 'PROBATIONARY_GRADED', memberId: 4, message: '预备党员参加民主评议,但不评定等次', source: expect.stringContaining('地方通知') }]);
  });

  it('reports unknown and missing grades of 正式党员, and duplicates', () => {
    expect(validateAppraisal([full(1, 'good'), full(2, null), full(3, 'qualified'), full(3, 'qualified')])).toEqual([
      { code: 'UNKNOWN_GRADE', memberId: 1, message: '未知的评定等次: good(应为优秀、合格、基本合格或不合格)' },
      { code: 'MISSING_GRADE', memberId: 2, message: '正式党员应当评定等次' },
      { code: 'DUPLICATE_MEMBER', memberId: 3, message: '党员(编号3)重复出现在评议名单中' },
    ]);
  });
});

describe('appraisalSummary', () => {
  it('counts grades of 正式党员 and sets 预备党员 apart, without ratios', () => {
    const summary = appraisalSummary([
      full(1, 'excellent'), full(2, 'qualified'), full(3, 'qualified'), full(4, 'basically_qualified'), full(5, 'unqualified'),
      full(6, 'odd'), full(7, null), probationary(8), probationary(9, 'qualified'),
    ]);
    expect(summary).toEqual({
      graded: 7, notGraded: 2, excellentLimit: 2,
      byGrade: { excellent: 1, qualified: 2, basically_qualified: 1, unqualified: 1 },
    });
  });
});
