/**
 * 考核计量 (issue 16 point 2), the pure part: how each module's dated items become the records behind a measure, and
 * how the records become the figure. Only deadlines decide: an item not yet due counts neither way, and an item the
 * branch did in time but someone else has still to confirm (the supervisor's sign-off, the town's review, the
 * inspection team's acceptance) counts as on time. No ranking: a figure is one branch's own.
 */
import {
  ASSESSMENT_MEASURE_LABELS, ASSESSMENT_MEASURE_SOURCES, ASSESSMENT_MEASURES_UNAVAILABLE, basisPointsText, ratioBasisPoints,
  type AssessmentMeasure, type AssessmentMeasureFigure, type Compliance, type MeasureRecord, type MeasureRecordStatus, type RectificationStatus,
} from '@dj/contracts';

/** The figure of an available measure from its records: on time (with waiting) over due (not_due left out; unmet counts as due). */
export function figureOf(measure: AssessmentMeasure, link: string, records: MeasureRecord[]): AssessmentMeasureFigure {
  const count = (...statuses: MeasureRecordStatus[]) => records.filter((r) => statuses.includes(r.status)).length;
  const numerator = count('on_time', 'waiting');
  const denominator = count('on_time', 'waiting', 'late', 'unmet');
  const bp = ratioBasisPoints(numerator, denominator);
  return {
    measure, label: ASSESSMENT_MEASURE_LABELS[measure], source: ASSESSMENT_MEASURE_SOURCES[measure], available: true, unavailableReason: null,
    numerator, denominator, ratioBasisPoints: bp, display: basisPointsText(bp), link, records,
  };
}

/** A measure whose module does not exist yet: said so, with the reason the scheme editor gives. */
export function unavailableFigure(measure: AssessmentMeasure): AssessmentMeasureFigure {
  return {
    measure, label: ASSESSMENT_MEASURE_LABELS[measure], source: ASSESSMENT_MEASURE_SOURCES[measure], available: false,
    unavailableReason: ASSESSMENT_MEASURES_UNAVAILABLE[measure] ?? null, numerator: 0, denominator: 0, ratioBasisPoints: null, display: '', link: null, records: [],
  };
}

/** Late only once the deadline has passed (today is still in time); otherwise not yet due. */
const lateOrNotDue = (dueOn: string, today: string): MeasureRecordStatus => (dueOn < today ? 'late' : 'not_due');

type CalendarRow = Compliance['branches'][number]['rows'][number];

/**
 * 组织生活按期: the compliance calendar's own verdict on each rule row (rules/compliance.ts statusFor): done is on
 * time, 已开展·待签认 waits on the supervisor, late is late, due and due soon are not due yet. The calendar counts
 * a rule over its period, so there is no one day it was done (doneOn stays null).
 */
export function organizationLifeRecord(row: CalendarRow, link: string): MeasureRecord {
  const status: MeasureRecordStatus = row.status === 'done' ? 'on_time' : row.status === 'awaiting_sign_off' ? 'waiting' : row.status === 'late' ? 'late' : 'not_due';
  const unit = row.unit === 'members' ? '人' : '次';
  return {
    kind: row.label, title: `${row.periodLabel}${row.label}${row.groupId ? '(党小组)' : ''}:已完成${row.done}/${row.expected}${unit}`,
    dueOn: row.deadline, doneOn: null, status, link,
  };
}

export interface DisclosureItem {
  label: string; period: string; dueOn: string; publishedOn: string | null; submittedOn: string | null; approvedOn: string | null; disclosureId: number | null;
}

/**
 * 三务公开按期: published by the due date is on time. The branch proposes and publishes, the town reviews and approves
 * in between: proposed by the due date with the approval coming after it, the branch is not late (waiting while
 * unpublished). Approved in time and not published by the due date is the branch's own delay.
 */
export function disclosureStatus(d: DisclosureItem, today: string): MeasureRecordStatus {
  if (d.publishedOn && d.publishedOn <= d.dueOn) return 'on_time';
  const townLate = d.submittedOn !== null && d.submittedOn <= d.dueOn && (d.approvedOn === null || d.approvedOn > d.dueOn);
  if (townLate) return d.publishedOn ? 'on_time' : 'waiting';
  return lateOrNotDue(d.dueOn, today);
}

export function disclosureRecord(d: DisclosureItem, orgId: number, today: string): MeasureRecord {
  return {
    kind: '三务公开', title: `${d.label}公开(${d.period})`, dueOn: d.dueOn, doneOn: d.publishedOn, status: disclosureStatus(d, today),
    link: d.disclosureId ? `/disclosures/${d.disclosureId}` : `/disclosures?orgId=${orgId}`,
  };
}

export interface RectificationItem { id: number; description: string; dueOn: string; status: RectificationStatus; submittedOn: string | null }

/**
 * 整改按期: the village's part is the 整改材料, in by the deadline. Accepted: on time when the accepted材料 were in by
 * then (an acceptance after the deadline is the team's delay). Submitted and waiting for the team: waiting when in
 * by the deadline. Open or reopened: late once the deadline has passed (lateness() in rules/rectification.ts).
 */
export function rectificationStatus(r: RectificationItem, today: string): MeasureRecordStatus {
  const inTime = r.submittedOn !== null && r.submittedOn <= r.dueOn;
  if (r.status === 'accepted') return inTime ? 'on_time' : 'late';
  if (r.status === 'submitted' && inTime) return 'waiting';
  return lateOrNotDue(r.dueOn, today);
}

export function rectificationRecord(r: RectificationItem, today: string): MeasureRecord {
  return {
    kind: '整改', title: r.description, dueOn: r.dueOn, doneOn: r.status === 'open' || r.status === 'reopened' ? null : r.submittedOn,
    status: rectificationStatus(r, today), link: `/rectifications/${r.id}`,
  };
}

export interface RecruitmentItem { recruitmentId: number; name: string; label: string; dueOn: string; doneOn: string | null }

/** 发展党员按期: each deadline the recruitment's records showed, kept when closed by its day. */
export function recruitmentRecord(d: RecruitmentItem, today: string): MeasureRecord {
  const status: MeasureRecordStatus = d.doneOn !== null && d.doneOn <= d.dueOn ? 'on_time' : lateOrNotDue(d.dueOn, today);
  return { kind: '发展党员', title: `${d.name}:${d.label}`, dueOn: d.dueOn, doneOn: d.doneOn, status, link: `/recruitment/recruitments/${d.recruitmentId}` };
}

/** One village's year for 集体增收 (economy's incomeGrowthOf): 经营性收入 in 分, approved, submitted and waiting, the year before's approved. */
export interface IncomeGrowthYear { year: number; approvedFen: number | null; submittedFen: number | null; previousFen: number | null }

/** Grown by at least the line: more than the year before, and by linePct per cent or more (integers only). */
export const grewBy = (nowFen: number, beforeFen: number, linePct: number) => nowFen > beforeFen && nowFen * 100 >= beforeFen * (100 + linePct);

const wan = (fen: number) => (fen / 1_000_000).toFixed(2);

/**
 * 集体增收: a year counts once the year before was approved by the town (the base). The year's approved 经营性收入
 * grown by the town's line (economy.growthLinePct) is met, short of it unmet; a figure the village submitted that
 * waits for the town's approval is waiting when it meets the line (the village did its part), unmet when it does not.
 * A year not yet entered, or with no approved year before it, counts neither way. Due at the year's end.
 */
export function incomeGrowthRecord(y: IncomeGrowthYear, linePct: number, link: string): MeasureRecord {
  const dueOn = `${y.year}-12-31`;
  const base = { kind: '集体增收', dueOn, doneOn: null, link };
  if (y.previousFen === null) return { ...base, title: `${y.year}年:上年度经营性收入未经镇审核,不计`, status: 'not_due' };
  const now = y.approvedFen ?? y.submittedFen;
  if (now === null) return { ...base, title: `${y.year}年经营性收入尚未填报,不计`, status: 'not_due' };
  const met = grewBy(now, y.previousFen, linePct);
  const growth = y.previousFen > 0 ? `,增长${(((now - y.previousFen) * 100) / y.previousFen).toFixed(1)}%` : '';
  const waiting = y.approvedFen === null ? '(待镇审核)' : '';
  return {
    ...base, title: `${y.year}年经营性收入${wan(now)}万元${waiting},上年${wan(y.previousFen)}万元${growth}`,
    status: met ? (waiting ? 'waiting' : 'on_time') : 'unmet',
  };
}
