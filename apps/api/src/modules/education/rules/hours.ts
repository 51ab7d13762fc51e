/**
 * 学时 against the targets (issue 19 point 2), pure. The targets are the town's settings, defaulting to
 * 《中国共产党党员教育管理工作条例》第二十条 (党员 32 学时 a year) and the 《2019—2023年全国党员教育培训工作规划》
 * (基层党组织书记和班子成员 56; 新任书记 任职培训 一般在半年内); the 任职培训 is due within the period the town sets. The outcome is a deadline — 应完成, 已完成, 未完成 — never a score: nothing here
 * compares one person with another.
 */
import { COMMITTEE_POSTS, addDays, addMonths, type StudyStatus } from '@dj/contracts';

export interface HourTargets { member: number; leader: number }
export type TargetGroup = 'member' | 'leader';

/** 书记和班子成员: a member holding a seat of the branch committee (党小组组长 is not one). */
export function targetGroupOf(partyPosts: readonly string[]): TargetGroup {
  return partyPosts.some((p) => (COMMITTEE_POSTS as readonly string[]).includes(p)) ? 'leader' : 'member';
}

/** Done once the year's hours reach the target; short of it, due while the year runs and late once it has ended. */
export function studyStatus(total: number, target: number, year: number, today: string): StudyStatus {
  if (total >= target) return 'done';
  return today > `${year}-12-31` ? 'late' : 'due';
}

/**
 * Which year's shortfall the 待办 shows today, if any: the current year within `days` before its end (due), or the
 * year before within `days` after it ended (late, said as overdue), so the shortfall is neither early nor hidden.
 */
export function hoursTaskYear(today: string, days: number): { year: number; overdue: boolean } | null {
  const year = Number(today.slice(0, 4));
  if (today >= addDays(`${year}-12-31`, -days)) return { year, overdue: false };
  if (today <= addDays(`${year - 1}-12-31`, days)) return { year: year - 1, overdue: true };
  return null;
}

/** A new secretary's 任职培训: due `months` after taking office; done by a 集中轮训 attended on or after that day. */
export function secretaryTraining(startedOn: string, trainedOn: string | null, months: number, today: string): { dueOn: string; status: StudyStatus } {
  const dueOn = addMonths(startedOn, months);
  if (trainedOn) return { dueOn, status: 'done' };
  return { dueOn, status: today > dueOn ? 'late' : 'due' };
}
