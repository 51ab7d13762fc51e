/**
 * 民主评议党员: checks on the grades a branch proposes before they are recorded.
 * Grades and the 1/3 ceiling: 共产党员网 (12371.cn) 民主评议党员 专题 — 按照"优秀""合格""基本合格""不合格"评定,
 * 评定为"优秀"的比例一般不超过党员总数的1/3 (cited at 12371.cn itself, not at a mirror of it). 预备党员 take part but
 * are not graded: a local notice, not a central text (domain-rules §2.1); the 甘肃党建 Q&A adds that the 1/3 base is
 * the branch's 正式党员 only.
 * These are warnings for the 支委会, which decides; "一般" leaves room for justified exceptions.
 */
import type { STANDINGS } from '@dj/contracts';

export const APPRAISAL_GRADES = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
export type AppraisalGrade = (typeof APPRAISAL_GRADES)[number];

export const APPRAISAL_GRADE_LABELS: Record<AppraisalGrade, string> = {
  excellent: '优秀',
  qualified: '合格',
  basically_qualified: '基本合格',
  unqualified: '不合格',
};

export const EXCELLENT_SOURCE =
  '共产党员网(12371.cn)民主评议党员专题: 评定为"优秀"的比例一般不超过党员总数的1/3 https://www.12371.cn/special/zbsh/mzpy/';
export const PROBATIONARY_SOURCE =
  '地方通知(非中央文件): 预备党员参加民主评议,但不评定等次 http://dyycjz.com/jw/0f/05/c4208a69381/page.html ;"党员总数"指正式党员 http://ltdjw.gov.cn/content/2022-12/17830.html';

export interface AppraisalEntry {
  memberId: number;
  standing: (typeof STANDINGS)[number];
  /** Free text as submitted, so an unknown value can be reported rather than lost; null = not graded. */
  grade: string | null;
}

export type AppraisalProblemCode = 'PROBATIONARY_GRADED' | 'MISSING_GRADE' | 'UNKNOWN_GRADE' | 'TOO_MANY_EXCELLENT' | 'DUPLICATE_MEMBER';

export interface AppraisalProblem { code: AppraisalProblemCode; memberId?: number; message: string; source?: string }

export function isAppraisalGrade(value: string): value is AppraisalGrade {
  return (APPRAISAL_GRADES as readonly string[]).includes(value);
}

/** Most 优秀 allowed among `graded` 正式党员: one third, rounded down (10 → 3, 2 → 0). */
export const excellentLimit = (graded: number): number => Math.floor(graded / 3);

export function validateAppraisal(entries: readonly AppraisalEntry[]): AppraisalProblem[] {
  const problems: AppraisalProblem[] = [];
  const seen = new Set<number>();
  for (const e of entries) {
    if (seen.has(e.memberId)) problems.push({ code: 'DUPLICATE_MEMBER', memberId: e.memberId, message: `党员(编号${e.memberId})重复出现在评议名单中` });
    seen.add(e.memberId);
    if (e.standing === 'probationary') {
      if (e.grade !== null) {
        problems.push({ code: 'PROBATIONARY_GRADED', memberId: e.memberId, message: '预备党员参加民主评议,但不评定等次', source: PROBATIONARY_SOURCE });
      }
    } else if (e.grade === null) {
      problems.push({ code: 'MISSING_GRADE', memberId: e.memberId, message: '正式党员应当评定等次' });
    } else if (!isAppraisalGrade(e.grade)) {
      problems.push({ code: 'UNKNOWN_GRADE', memberId: e.memberId, message: `未知的评定等次: ${e.grade}(应为优秀、合格、基本合格或不合格)` });
    }
  }
  const full = entries.filter((e) => e.standing === 'full');
  const excellent = full.filter((e) => e.grade === 'excellent').length;
  const limit = excellentLimit(full.length);
  if (excellent > limit) {
    problems.push({
      code: 'TOO_MANY_EXCELLENT',
      message: `评定为优秀的有${excellent}人,超过参评正式党员${full.length}人的三分之一(最多${limit}人)`,
      source: EXCELLENT_SOURCE,
    });
  }
  return problems;
}

export interface AppraisalSummary {
  /** 正式党员 in the list, the base for the 1/3 ceiling. */
  graded: number;
  /** 预备党员: took part, not graded. */
  notGraded: number;
  byGrade: Record<AppraisalGrade, number>;
  excellentLimit: number;
}

/** Counts per grade for the 台账 and the report upward; unknown or missing grades are not counted anywhere. */
export function appraisalSummary(entries: readonly AppraisalEntry[]): AppraisalSummary {
  const byGrade: Record<AppraisalGrade, number> = { excellent: 0, qualified: 0, basically_qualified: 0, unqualified: 0 };
  let graded = 0;
  let notGraded = 0;
  for (const e of entries) {
    if (e.standing === 'probationary') {
      notGraded++;
      continue;
    }
    graded++;
    if (e.grade !== null && isAppraisalGrade(e.grade)) byGrade[e.grade]++;
  }
  return { graded, notGraded, byGrade, excellentLimit: excellentLimit(graded) };
}
