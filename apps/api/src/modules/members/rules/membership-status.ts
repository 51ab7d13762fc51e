/**
 * 党籍 standing and status on any date, derived from dated events (never stored as the truth).
 * Sources: 《中国共产党发展党员工作细则》(2014) 第三十二条 (预备期一年, from the 支部大会 that admitted the member;
 * extension at most once, ≥6 months and ≤1 year); 党章 第七条 (党龄 from 转正).
 */
import type { MEMBERSHIP_EVENT_KINDS } from '@dj/contracts';
import { addDays, addMonths, addYears, isValidDate } from '@dj/contracts';

export type MembershipEventKind = (typeof MEMBERSHIP_EVENT_KINDS)[number];

export interface MembershipEventInput {
  kind: MembershipEventKind;
  occurredOn: string;
  /** probation_extended only: the new end of the 预备期, when the decision recorded it. */
  probationEndsOn?: string | null;
  /**
   * confirmed only: the 转正 happened but its date is not known (an old member whose roster has no 转正日期).
   * `occurredOn` is then the earliest the 转正 could have been (入党 + one year), which orders the timeline; the
   * date itself is never shown or counted (党龄 不详) until the real one is recorded from the 党员档案.
   */
  dateUnknown?: boolean;
}

export interface DerivedMembership {
  standing: 'full' | 'probationary';
  status: 'active' | 'suspended' | 'left';
  isMobile: boolean;
  admittedOn: string | null;
  confirmedOn: string | null;
  /** A 正式党员 whose 转正日期 is not known yet (confirmedOn is then null). */
  confirmedDateUnknown: boolean;
  /** The current end of the 预备期; null unless probationary. */
  probationEndsOn: string | null;
  /** False before any admission and after the relation was transferred out of this deployment. */
  inBranch: boolean;
}

/** The derived view plus what the sequence checks need to remember. */
interface State extends DerivedMembership {
  extended: boolean;
  endedBy: { kind: 'left' | 'died' | 'probation_cancelled'; on: string } | null;
  mobileSince: string | null;
  transferredOutOn: string | null;
}

const INITIAL: State = {
  standing: 'probationary', status: 'active', isMobile: false, admittedOn: null, confirmedOn: null, confirmedDateUnknown: false,
  probationEndsOn: null, inBranch: false, extended: false, endedBy: null, mobileSince: null, transferredOutOn: null,
};

/** Array.prototype.sort is stable: same-date events keep the order they were recorded in (a transfer's out, then in). */
const byDate = <T extends { occurredOn: string }>(events: readonly T[]) => [...events].sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0));

function apply(s: State, e: MembershipEventInput): State {
  switch (e.kind) {
    case 'admitted':
      return { ...s, standing: 'probationary', status: 'active', admittedOn: e.occurredOn, probationEndsOn: addYears(e.occurredOn, 1), inBranch: true };
    case 'probation_extended': {
      const currentEnd = s.probationEndsOn ?? (s.admittedOn ? addYears(s.admittedOn, 1) : null);
      // Without a recorded end, assume the shortest allowed extension so the reminder comes early rather than late.
      const end = e.probationEndsOn ?? (currentEnd ? addMonths(currentEnd, 6) : null);
      return { ...s, probationEndsOn: end, extended: true };
    }
    case 'confirmed':
      // Imported historic members may have only this event: they are full members of this branch from this date.
      return {
        ...s, standing: 'full', confirmedOn: e.dateUnknown ? null : e.occurredOn, confirmedDateUnknown: Boolean(e.dateUnknown),
        probationEndsOn: null, inBranch: s.admittedOn ? s.inBranch : true,
      };
    case 'probation_cancelled':
      return { ...s, status: 'left', probationEndsOn: null, endedBy: { kind: e.kind, on: e.occurredOn } };
    case 'left':
    case 'died':
      return { ...s, status: 'left', endedBy: { kind: e.kind, on: e.occurredOn } };
    case 'suspended':
      return { ...s, status: 'suspended' };
    case 'restored':
      return { ...s, status: 'active' };
    case 'flowed_out':
    case 'flowed_in':
      return { ...s, isMobile: true, mobileSince: e.occurredOn };
    case 'flow_ended':
      return { ...s, isMobile: false, mobileSince: null };
    case 'transferred_out':
      return { ...s, inBranch: false, transferredOutOn: e.occurredOn };
    case 'transferred_in':
      return { ...s, inBranch: true, transferredOutOn: null };
  }
}

function fold(events: readonly MembershipEventInput[], on: string): State {
  return byDate(events).filter((e) => e.occurredOn <= on).reduce(apply, INITIAL);
}

export function deriveMembership(events: readonly MembershipEventInput[], on: string): DerivedMembership {
  const s = fold(events, on);
  return {
    standing: s.standing, status: s.status, isMobile: s.isMobile, admittedOn: s.admittedOn,
    confirmedOn: s.confirmedOn, confirmedDateUnknown: s.confirmedDateUnknown, probationEndsOn: s.probationEndsOn, inBranch: s.inBranch,
  };
}

/** 党龄: whole years since 转正 (党章; 预备期 does not count). Null before 转正. */
export function partyYears(confirmedOn: string | null, on: string): number | null {
  if (!confirmedOn || on < confirmedOn) return null;
  let years = Number(on.slice(0, 4)) - Number(confirmedOn.slice(0, 4));
  if (addYears(confirmedOn, years) > on) years--;
  return years;
}

/** Probationary members whose 预备期 ends within `withinDays` (or has already ended without a decision). */
export function isConfirmationDue(derived: DerivedMembership, on: string, withinDays = 30): boolean {
  return derived.standing === 'probationary' && derived.status !== 'left' && derived.inBranch
    && derived.probationEndsOn !== null && derived.probationEndsOn <= addDays(on, withinDays);
}

/**
 * 发展党员工作细则 第三十二条: 延长预备期 at least six months and at most one year, counted from the end of
 * the regular one-year 预备期. Returns a message, or null when the new end is allowed.
 */
export function validateProbationExtension(admittedOn: string, newEnd: string): string | null {
  if (!isValidDate(newEnd)) return '延长后的预备期满日期不是有效日期';
  const regularEnd = addYears(admittedOn, 1);
  if (newEnd < addMonths(regularEnd, 6)) return `延长预备期不能少于半年:预备期原定${regularEnd}期满,延长后应不早于${addMonths(regularEnd, 6)}`;
  if (newEnd > addYears(regularEnd, 1)) return `延长预备期不能超过一年:预备期原定${regularEnd}期满,延长后应不晚于${addYears(regularEnd, 1)}`;
  return null;
}

const ENDED_TEXT = { left: '出党', died: '去世', probation_cancelled: '被取消预备党员资格' } as const;

/** Does `e` make sense for a member in state `s`? Only the rules of the event itself; dates are checked by the caller. */
function problemWith(s: State, e: MembershipEventInput): string | null {
  if (s.endedBy) return `该党员已于${s.endedBy.on}${ENDED_TEXT[s.endedBy.kind]},不能再记录党籍变动`;
  if (!s.admittedOn && !s.confirmedOn && e.kind !== 'admitted' && e.kind !== 'confirmed') return '尚无入党记录,请先记录接收为预备党员';
  if (s.transferredOutOn && e.kind !== 'transferred_in' && e.kind !== 'died') {
    return `该党员的组织关系已于${s.transferredOutOn}转出,请先记录组织关系转入`;
  }
  switch (e.kind) {
    case 'admitted':
      return s.admittedOn ? `已于${s.admittedOn}接收为预备党员,不能重复记录` : s.confirmedOn ? '已是正式党员,不能再接收为预备党员' : null;
    case 'confirmed':
      // 补录: a 正式党员 imported without a 转正日期 gets the real date from the 党员档案, once.
      if (s.confirmedDateUnknown) return e.dateUnknown ? '该党员已登记为转正日期不详,无需重复登记' : null;
      if (s.standing === 'full') return `该党员已于${s.confirmedOn}转为正式党员,不能重复转正`;
      if (s.probationEndsOn && e.occurredOn < s.probationEndsOn) return `预备期至${s.probationEndsOn}届满,转正日期不能早于预备期满之日(发展党员工作细则第三十二条)`;
      return null;
    case 'probation_extended':
      if (s.standing !== 'probationary') return '只有预备党员可以延长预备期';
      if (s.extended) return '预备期只能延长一次(发展党员工作细则第三十二条)';
      return e.probationEndsOn && s.admittedOn ? validateProbationExtension(s.admittedOn, e.probationEndsOn) : null;
    case 'probation_cancelled':
      return s.standing === 'probationary' ? null : '只有预备党员可以取消预备党员资格';
    case 'suspended':
      return s.status === 'suspended' ? '该党员已被停止党籍,不能重复记录' : null;
    case 'restored':
      return s.status === 'suspended' ? null : '该党员未被停止党籍,无需恢复';
    case 'flowed_out':
    case 'flowed_in':
      return s.isMobile ? `该党员已于${s.mobileSince}登记为流动党员,请先结束流动` : null;
    case 'flow_ended':
      return s.isMobile ? null : '该党员不是流动党员,无需结束流动';
    case 'transferred_out':
      return null; // a transferred-out member was already caught above
    case 'transferred_in':
      return s.inBranch ? '该党员的组织关系已在本镇,无需转入' : null;
    case 'left':
    case 'died':
      return null;
  }
}

/** The first problem each event of a timeline meets, by index (null when it fits). */
function problemsAlong(events: readonly MembershipEventInput[]): (string | null)[] {
  const out: (string | null)[] = [];
  let s = INITIAL;
  for (const e of events) {
    out.push(problemWith(s, e));
    s = apply(s, e);
  }
  return out;
}

/**
 * Chinese message when `next` cannot be added to a member's timeline, else null. A back-dated event is checked
 * against the state on its date, and must not break any later event that was consistent before.
 */
export function validateEventSequence(existing: readonly MembershipEventInput[], next: MembershipEventInput, today: string): string | null {
  if (!isValidDate(next.occurredOn)) return '日期不是有效日期(应为 YYYY-MM-DD)';
  if (next.occurredOn > today) return `日期(${next.occurredOn})不能晚于今天(${today})`;
  const sorted = byDate(existing);
  const admission = sorted.find((e) => e.kind === 'admitted' || e.kind === 'confirmed');
  // Only an admission itself may precede the recorded admission (e.g. adding the 接收 date to an imported 转正).
  if (admission && next.kind !== 'admitted' && next.occurredOn < admission.occurredOn) {
    return `日期(${next.occurredOn})早于入党日期(${admission.occurredOn})`;
  }
  const own = problemWith(fold(sorted, next.occurredOn), next);
  if (own) return own;
  // `next` will be stored after every event of its own date, so it goes after them here too.
  const at = sorted.filter((e) => e.occurredOn <= next.occurredOn).length;
  const before = problemsAlong(sorted);
  const after = problemsAlong([...sorted.slice(0, at), next, ...sorted.slice(at)]);
  for (let i = at; i < sorted.length; i++) {
    const broken = after[i + 1];
    if (broken && !before[i]) return `补录此事件后,${sorted[i].occurredOn}的记录将不成立:${broken}`;
  }
  return null;
}
