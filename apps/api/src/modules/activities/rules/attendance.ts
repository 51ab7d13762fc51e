/**
 * Who is expected at an activity (应到) and the sign-in summary (实到/请假/缺席/补学).
 * 流动党员 holding a 流动党员活动证 take part in organisation life where they are registered (党员教育管理工作条例,
 * domain-rules §2.4): they stay on the home branch's sheet but are marked away, so their absence from the home
 * meeting is not recorded against them. Suspended (停止党籍) and departed members are not expected at all.
 */
import type { MEMBERSHIP_STATUSES } from '@dj/contracts';
import { isValidDate } from '../../members/rules/dates.js';
import type { ActivityKind } from './activity-kinds.js';

export interface RosterEntry {
  memberId: number;
  status: (typeof MEMBERSHIP_STATUSES)[number];
  isMobile: boolean;
  /** Takes part in organisation life at the host organisation (流入地) rather than here. */
  hostedElsewhere: boolean;
  groupId: number | null;
  /** Member of the 支部委员会; only they are expected at a committee meeting. */
  isCommitteeMember?: boolean;
}

export interface ExpectedAttendee { memberId: number; away: boolean }

export function expectedAttendees(roster: readonly RosterEntry[], kind: ActivityKind, groupId?: number | null): ExpectedAttendee[] {
  if (kind === 'group_meeting' && (groupId === undefined || groupId === null)) throw new Error('党小组会应当指定党小组');
  // 谈心谈话 is recorded as the pair who talked; there is no roster-wide 应到.
  if (kind === 'heart_talk') return [];
  return roster
    .filter((m) => m.status === 'active')
    .filter((m) => (kind === 'group_meeting' ? m.groupId === groupId : true))
    .filter((m) => (kind === 'committee_meeting' ? m.isCommitteeMember === true : true))
    .map((m) => ({ memberId: m.memberId, away: m.isMobile && m.hostedElsewhere }));
}

export type AttendanceState = 'present' | 'excused' | 'absent';

export interface AttendanceRecord {
  memberId: number;
  state: AttendanceState;
  /** Date the missed content was made up (补学); only meaningful when excused or absent. */
  makeupOn?: string | null;
  /** From expectedAttendees: taking part where they are registered. */
  away?: boolean;
}

export interface AttendanceSummary {
  /** 应到 */
  expected: number;
  /** 实到 */
  present: number;
  /** 请假 */
  excused: number;
  /** 缺席 (away members not counted) */
  absent: number;
  /** 在流入地参加组织生活 (not present here, not counted as absent) */
  away: number;
  /** 已补学 */
  madeUp: number;
  /** Excused or absent without 补学, in sheet order. */
  needsMakeup: number[];
}

export function attendanceSummary(records: readonly AttendanceRecord[]): AttendanceSummary {
  const seen = new Set<number>();
  const s: AttendanceSummary = { expected: records.length, present: 0, excused: 0, absent: 0, away: 0, madeUp: 0, needsMakeup: [] };
  for (const r of records) {
    if (seen.has(r.memberId)) throw new Error(`签到表中党员(编号${r.memberId})重复`);
    seen.add(r.memberId);
    if (r.makeupOn !== undefined && r.makeupOn !== null && !isValidDate(r.makeupOn)) {
      throw new Error(`补学日期格式不正确: ${r.makeupOn}(应为 YYYY-MM-DD)`);
    }
    if (r.state === 'present') {
      s.present++;
      continue;
    }
    if (r.away) {
      s.away++;
      continue;
    }
    if (r.state === 'excused') s.excused++;
    else s.absent++;
    if (r.makeupOn) s.madeUp++;
    else s.needsMakeup.push(r.memberId);
  }
  return s;
}
