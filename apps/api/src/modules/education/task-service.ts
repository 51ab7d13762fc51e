/**
 * 教育培训 on 待办 (issue 19 point 2), for whoever records the branch's study (education.record): near the year's end,
 * each branch whose members are short of their year's 学时 (应完成), and after it the year that ended short, said as
 * overdue (未完成); and each new secretary whose 任职培训 is due or overdue. Counts and names, never a ranking.
 */
import { todayInShanghai, type Task } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { can, type AuthUser } from '../../lib/access/index.js';
import { newSecretariesOf, targetsOf } from './hours-service.js';
import { shortOfHours } from './hours-repository.js';
import { hoursTaskYear } from './rules/hours.js';

const NAMES_SHOWN = 5;

export async function educationTasks(db: DbOrTx, user: AuthUser, underPath: string | undefined): Promise<Task[]> {
  if (!can(user, 'education.record')) return [];
  const today = todayInShanghai();
  const targets = await targetsOf(db, user.tenantId);
  return [...await hoursTasks(db, user, underPath, today, targets), ...await secretaryTasks(db, user, underPath, today, targets.newSecretaryMonths)];
}

async function hoursTasks(db: DbOrTx, user: AuthUser, underPath: string | undefined, today: string, targets: Awaited<ReturnType<typeof targetsOf>>): Promise<Task[]> {
  const when = hoursTaskYear(today, targets.dueDays);
  if (!when) return [];
  const branches = await shortOfHours(db, user.scope, when.year, targets, NAMES_SHOWN, underPath);
  const rule = `《中国共产党党员教育管理工作条例》第二十条:党员每年集中学习培训一般不少于${targets.member}学时;《2019—2023年全国党员教育培训工作规划》:基层党组织书记和班子成员不少于${targets.leader}学时(设置 education.memberHours / education.leaderHours;年底前${targets.dueDays}天起提醒)`;
  return branches.map((b): Task => {
    const names = b.names.map((p) => `${p.name}(${p.total}/${p.target})`).join('、') + (b.short > NAMES_SHOWN ? '等' : '');
    return {
      kind: 'STUDY_HOURS_DUE', memberId: null, memberName: `学时未完成 ${b.short}人`, organizationName: b.organizationName,
      message: when.overdue ? `${when.year}年度已结束,${b.short}名党员学时未完成:${names}` : `${when.year}年度还有${b.short}名党员学时未完成,年底前应完成:${names}`,
      rule, link: `/education?tab=hours&orgId=${b.organizationId}&year=${when.year}`, dueOn: `${when.year}-12-31`, overdue: when.overdue,
    };
  });
}

async function secretaryTasks(db: DbOrTx, user: AuthUser, underPath: string | undefined, today: string, months: number): Promise<Task[]> {
  const rule = `《2019—2023年全国党员教育培训工作规划》:新任基层党组织书记一般在半年内进行任职培训;本镇设为任职后${months}个月内参加集中轮训(设置 education.newSecretaryMonths)`;
  return (await newSecretariesOf(db, user, months, today, underPath)).filter((s) => s.status !== 'done').map((s): Task => ({
    kind: 'SECRETARY_TRAINING_DUE', memberId: s.memberId, memberName: s.name, organizationName: s.organizationName,
    message: s.status === 'late' ? `${s.startedOn}任书记,任职培训应于${s.dueOn}前完成,已逾期` : `${s.startedOn}任书记,任职培训应于${s.dueOn}前完成`,
    rule, link: `/education?tab=hours&orgId=${s.organizationId}`, dueOn: s.dueOn, overdue: s.status === 'late',
  }));
}
