/**
 * Who is expected at an activity (应到); the sign-in counts themselves are taken in SQL (repository.ts).
 * 流动党员 holding a 流动党员活动证 take part in organisation life where they are registered (党员教育管理工作条例,
 * domain-rules §2.4): they stay on the home branch's sheet but are marked away, so their absence from the home
 * meeting is not recorded against them. Suspended (停止党籍) and departed members are not expected at all.
 */
import type { MEMBERSHIP_STATUSES } from '@dj/contracts';
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
