/**
 * What a recruitment's records imply: which steps are done, the phase, what comes next and by when.
 * Derived on every read from the records (the recruitment row only caches status and phase for lists).
 */
import type { Deadline, StepDefinition, PipelinePhase, StepDetails } from '@dj/contracts';
import { addDays, addMonths, addYears } from '@dj/contracts';
import { voteResult } from '../../../lib/quorum.js';
import { XIZE } from './steps.js';

export interface RecordFact { stepCode: string; occurredOn: string; details: StepDetails }

/** Local rules that warn, read from the town's settings (registry keys recruitment.*). */
export interface RecruitmentSettings {
  talkWithinDays: number;
  noticeDays: number;
  /** 1: the 公示 length counts working days (Monday–Friday); 0: calendar days. */
  noticeWorkingDays: number;
  reviewIntervalMonths: number;
  resubmitMonths: number;
  departureMonths: number;
  dueSoonDays: number;
}

/** 上级党委 decides within 3 months of the 支部大会, never later than 6 (细则第二十五条; 第三十四条 for 转正: 3 months). */
export const APPROVAL_MONTHS = 3;
export const APPROVAL_MAX_MONTHS = 6;
/** 积极分子 for at least a year before 发展对象 (细则第十三条). */
export const ACTIVIST_YEARS = 1;

export const votePassed = (d: StepDetails) => !!d.vote && voteResult({ votingMembers: d.vote.eligible, yes: Math.min(d.vote.yes, d.vote.eligible) }).passed;

/** A record that moves the recruitment on: a failed vote or a refused approval stays in the timeline but is not done. */
export function isCompleted(r: RecordFact): boolean {
  switch (r.stepCode) {
    case 'political_review': return r.details.conclusion === 'pass';
    case 'admission_meeting': return votePassed(r.details);
    case 'confirmation_meeting': return votePassed(r.details) && r.details.decision === 'confirm';
    case 'admission_approval':
    case 'confirmation_approval': return r.details.approved === true;
    default: return true;
  }
}

/** A record after which the recruitment cannot go on (it is stopped in the same transaction). */
export function stopReason(r: RecordFact): string | null {
  if (r.stepCode === 'political_review' && r.details.conclusion === 'fail') return `政治审查不合格,不能发展入党(${XIZE}第十六条)`;
  if (r.stepCode === 'admission_approval' && r.details.approved === false) return '上级党委未批准接收为预备党员';
  if (r.stepCode === 'confirmation_meeting' && votePassed(r.details) && r.details.decision === 'cancel') return '支部大会决定取消预备党员资格';
  if (r.stepCode === 'confirmation_approval' && r.details.approved === false) return '上级党委未批准转正';
  return null;
}

/** How a record came out when it did not move the recruitment on: shown on the timeline with what may follow. */
export interface RecordOutcome { label: string; message: string; source: string; next: string }

export function recordOutcome(r: RecordFact): RecordOutcome | null {
  const v = r.details.vote;
  if ((r.stepCode === 'admission_meeting' || r.stepCode === 'confirmation_meeting') && v && !votePassed(r.details)) {
    const { message } = voteResult({ votingMembers: v.eligible, yes: Math.min(v.yes, v.eligible) });
    const admission = r.stepCode === 'admission_meeting';
    return {
      label: '未通过',
      message: `表决未通过:${message}`,
      source: admission
        ? `${XIZE}第二十一条:赞成人数超过应到会有表决权的正式党员的半数,才能通过接收预备党员的决议`
        : `${XIZE}第三十三条:讨论转正的支部大会,赞成人数的要求与接收预备党员相同(第二十一条:超过应到会有表决权的正式党员的半数)`,
      next: admission
        ? '本次支部大会没有作出接收预备党员的决议,发展对象仍为发展对象。党支部可以继续培养教育和考察,条件成熟时再次提交支部大会讨论并重新表决(再记录一次“支部大会讨论”);也可以终止发展程序并写明原因。'
        : '本次支部大会没有作出决议:按期转正、延长预备期或取消预备党员资格,都须经支部大会讨论通过(第三十二条)。请尽快再次召开支部大会讨论并重新表决(再记录一次“支部大会讨论转正”)。',
    };
  }
  return null;
}

export const lastDone = (records: readonly RecordFact[], code: string) =>
  [...records].reverse().find((r) => r.stepCode === code && isCompleted(r));
export const lastOf = (records: readonly RecordFact[], code: string) => [...records].reverse().find((r) => r.stepCode === code);
export const doneCodes = (records: readonly RecordFact[]) => new Set(records.filter(isCompleted).map((r) => r.stepCode));

export function phaseOf(records: readonly RecordFact[]): { status: 'active' | 'probationary' | 'confirmed'; phase: PipelinePhase | null } {
  const done = doneCodes(records);
  if (done.has('confirmation_approval')) return { status: 'confirmed', phase: null };
  if (done.has('admission_approval')) return { status: 'probationary', phase: 'probationary' };
  if (done.has('candidate')) return { status: 'active', phase: 'candidate' };
  if (done.has('activist')) return { status: 'active', phase: 'activist' };
  return { status: 'active', phase: 'applicant' };
}

/** Position of the furthest step done (0 when none). */
export function lastDonePosition(steps: readonly StepDefinition[], records: readonly RecordFact[]): number {
  const done = doneCodes(records);
  return steps.reduce((max, s) => (done.has(s.code) && s.position > max ? s.position : max), 0);
}

/**
 * A 支部大会 extended the 预备期 and has not yet decided again: the 预备党员 is still being educated and examined
 * (细则第三十一条、第三十二条), so further 考察 may be recorded until the next meeting.
 */
export function inExtendedProbation(records: readonly RecordFact[]): boolean {
  const extended = records.some((r) => r.stepCode === 'confirmation_meeting' && r.details.decision === 'extend' && votePassed(r.details));
  return extended && !doneCodes(records).has('confirmation_meeting');
}

/** The steps that may be recorded now: optional and repeatable ones up to and including the first open required step. */
export function openSteps(steps: readonly StepDefinition[], records: readonly RecordFact[]): StepDefinition[] {
  const open = openInOrder(steps, records);
  const review = steps.find((s) => s.code === 'probation_review');
  // Listed after the meeting, so the meeting stays the next step.
  if (review && inExtendedProbation(records) && !open.some((s) => s.code === review.code)) open.push(review);
  return open;
}

function openInOrder(steps: readonly StepDefinition[], records: readonly RecordFact[]): StepDefinition[] {
  const done = doneCodes(records);
  // Repeatable steps that were done stay open (another 考察) until a later required step is done; optional steps
  // passed over drop out the same way.
  let open: StepDefinition[] = [];
  const last = lastDonePosition(steps, records);
  for (const s of steps) {
    if (done.has(s.code)) {
      if (s.repeatable) open.push(s);
      else open = [];
      continue;
    }
    // A local step before one already done was passed over: the town added it after the recruitment went past it.
    // Central steps are never passed over.
    if (!s.isCentral && s.position < last) continue;
    open.push(s);
    if (s.required) return open;
  }
  return open;
}

/** Earliest date a step may be recorded and the date it is due by, from the central rules and settings. */
export function windowOf(code: string, records: readonly RecordFact[], settings: RecruitmentSettings, probationEndsOn: string | null) {
  const on = (c: string) => lastDone(records, c)?.occurredOn ?? null;
  switch (code) {
    case 'talk': { const a = on('application'); return { earliest: a, dueBy: a ? addDays(a, settings.talkWithinDays) : null }; }
    case 'candidate': { const a = on('activist'); return { earliest: a ? addYears(a, ACTIVIST_YEARS) : null, dueBy: null }; }
    case 'admission_approval': { const m = on('admission_meeting'); return { earliest: m, dueBy: m ? addMonths(m, APPROVAL_MONTHS) : null }; }
    case 'confirmation_meeting': return { earliest: probationEndsOn, dueBy: probationEndsOn };
    case 'confirmation_approval': { const m = on('confirmation_meeting'); return { earliest: m, dueBy: m ? addMonths(m, APPROVAL_MONTHS) : null }; }
    case 'activist_review':
    case 'probation_review': {
      const since = lastOf(records, code)?.occurredOn ?? on(code === 'activist_review' ? 'activist' : 'admission_approval');
      return { earliest: null, dueBy: since ? addMonths(since, settings.reviewIntervalMonths) : null };
    }
    default: return { earliest: null, dueBy: null };
  }
}

export function nextStepsOf(steps: readonly StepDefinition[], records: readonly RecordFact[], settings: RecruitmentSettings, probationEndsOn: string | null) {
  return openSteps(steps, records).map((s) => ({ code: s.code, name: s.name, ...windowOf(s.code, records, settings, probationEndsOn) }));
}

function statusOf(date: string, today: string, dueSoonDays: number): Deadline['status'] {
  if (date < today) return 'late';
  return date <= addDays(today, dueSoonDays) ? 'due_soon' : 'due';
}

export interface NoticeFact { stage: string; endsOn: string; outcome: string | null }

/** The dates a branch must keep: central deadlines are binding, local ones (settings) advisory. */
/** The roster's own to-do item (CONFIRMATION_DUE) already reminds of this one. */
export const CONFIRMATION_MEETING_DEADLINE = '预备期满,支部大会讨论转正';

export function deadlinesOf(steps: readonly StepDefinition[], records: readonly RecordFact[], notices: readonly NoticeFact[], settings: RecruitmentSettings, probationEndsOn: string | null, today: string): Deadline[] {
  const out: Deadline[] = [];
  const open = new Set(openSteps(steps, records).map((s) => s.code));
  const push = (label: string, date: string | null, binding: boolean, source: string) => {
    if (date) out.push({ label, date, binding, source, status: statusOf(date, today, settings.dueSoonDays) });
  };
  const { phase, status } = phaseOf(records);
  const w = (code: string) => windowOf(code, records, settings, probationEndsOn);
  if (open.has('talk')) push('收到入党申请书后派人谈话', w('talk').dueBy, false, `${XIZE}第七条;本镇设置 recruitment.talkWithinDays`);
  if (phase === 'activist' && open.has('activist_review')) push('入党积极分子半年考察', w('activist_review').dueBy, false, `${XIZE}第十一条;本镇设置 recruitment.reviewIntervalMonths`);
  if (open.has('admission_approval')) {
    push('上级党委审批接收预备党员(三个月内)', w('admission_approval').dueBy, true, `${XIZE}第二十五条`);
  }
  if (status === 'probationary') {
    if (open.has('confirmation_meeting') || open.has('confirmation_application')) push(CONFIRMATION_MEETING_DEADLINE, probationEndsOn, true, `${XIZE}第三十二条、第三十三条`);
    if (open.has('confirmation_approval')) push('上级党委审批转正(三个月内)', w('confirmation_approval').dueBy, true, `${XIZE}第三十四条`);
    else if (open.has('probation_review')) push('预备党员半年考察', w('probation_review').dueBy, false, `${XIZE}第三十一条;本镇设置 recruitment.reviewIntervalMonths`);
  }
  for (const n of notices) if (!n.outcome) push('登记公示结果', n.endsOn, false, '本镇公示制度');
  return out.sort((a, b) => (a.date < b.date ? -1 : 1));
}
