import { describe, expect, it } from 'vitest';
import { expectedAttendees, type RosterEntry } from './attendance.js';

const member = (memberId: number, over: Partial<RosterEntry> = {}): RosterEntry => ({
  memberId, status: 'active', isMobile: false, hostedElsewhere: false, groupId: 1, ...over,
});

const ROSTER: RosterEntry[] = [
  member(1, { isCommitteeMember: true }),
  member(2, { groupId: 2 }),
  member(3, { isMobile: true, hostedElsewhere: true }),
  member(4, { isMobile: true, hostedElsewhere: false, groupId: 2 }),
  member(5, { status: 'suspended' }),
  member(6, { status: 'left', groupId: 2 }),
  member(7, { groupId: null, isCommitteeMember: true }),
];
const ids = (xs: { memberId: number }[]) => xs.map((x) => x.memberId);

describe('expectedAttendees', () => {
  it('expects every active member at branch-wide activities; 停止党籍 and departed members are not expected', () => {
    expect(expectedAttendees(ROSTER, 'general_meeting')).toEqual([
      { memberId: 1, away: false }, { memberId: 2, away: false }, { memberId: 3, away: true },
      { memberId: 4, away: false }, { memberId: 7, away: false },
    ]);
    expect(ids(expectedAttendees(ROSTER, 'combined_day'))).toEqual([1, 2, 3, 4, 7]);
  });

  it('党员教育管理工作条例: a 流动党员 hosted elsewhere is expected but away; one who returns for meetings is not away', () => {
    const [m3] = expectedAttendees([ROSTER[2]], 'theme_day');
    expect(m3).toEqual({ memberId: 3, away: true });
    const [m4] = expectedAttendees([ROSTER[3]], 'theme_day');
    expect(m4).toEqual({ memberId: 4, away: false });
    // hostedElsewhere without a current flow (stale flag) does not make anyone away.
    expect(expectedAttendees([member(8, { hostedElsewhere: true })], 'theme_day')).toEqual([{ memberId: 8, away: false }]);
  });

  it('支部工作条例 第十三条: a 党小组会 expects only that group', () => {
    expect(ids(expectedAttendees(ROSTER, 'group_meeting', 1))).toEqual([1, 3]);
    expect(ids(expectedAttendees(ROSTER, 'group_meeting', 2))).toEqual([2, 4]);
    expect(() => expectedAttendees(ROSTER, 'group_meeting')).toThrow('党小组会应当指定党小组');
    expect(() => expectedAttendees(ROSTER, 'group_meeting', null)).toThrow('党小组会应当指定党小组');
  });

  it('支部工作条例 第十二条: a 支委会 expects only the committee; a 谈心谈话 has no roster-wide 应到', () => {
    expect(ids(expectedAttendees(ROSTER, 'committee_meeting'))).toEqual([1, 7]);
    expect(expectedAttendees(ROSTER, 'heart_talk')).toEqual([]);
  });
});
