/**
 * 学时 against the targets (issue 19 point 2): per person and year, the hours by kind against the town's settings
 * (defaults: 党员 from 《中国共产党党员教育管理工作条例》第二十条, 书记和班子成员 from the 2019—2023 规划), shown on the person, on the branch as a distribution, and on 待办.
 * Never a ranking (people stay in roster order) and never a score: the 2026 rules say study time is not a measure.
 */
import {
  HOUR_BANDS, TRAINING_KINDS, addYears, bandOf, todayInShanghai,
  type BranchHours, type PersonHours, type PersonYear, type TrainingKind,
} from '@dj/contracts';
import { acrossScope, type Db, type DbOrTx } from '../../db/client.js';
import { isSelfOnly, loadBranchInScope, requirePermission, type AuthUser } from '../../lib/access/index.js';
import { notFound } from '../../lib/errors.js';
import { settingDefinition, settingValues } from '../settings/index.js';
import * as hoursRepo from './hours-repository.js';
import { peopleUnder } from './people-repository.js';
import { secretaryTraining, studyStatus, targetGroupOf, type HourTargets } from './rules/hours.js';

export async function targetsOf(db: DbOrTx, tenantId: number): Promise<HourTargets & { newSecretaryMonths: number; dueDays: number }> {
  const v = await settingValues(db, tenantId, ['education.memberHours', 'education.leaderHours', 'education.newSecretaryMonths', 'education.hoursDueDays']);
  return { member: v['education.memberHours'], leader: v['education.leaderHours'], newSecretaryMonths: v['education.newSecretaryMonths'], dueDays: v['education.hoursDueDays'] };
}

/** Where the two defaults come from: the 条例 (党员, 第二十条) and the 规划 (书记和班子成员), one line each. */
export const targetsSource = () =>
  `${settingDefinition('education.memberHours')?.source.split('。')[0] ?? ''};${settingDefinition('education.leaderHours')?.source.split('(《')[0] ?? ''}`;

const zeroByKind = () => Object.fromEntries(TRAINING_KINDS.map((k) => [k, 0])) as Record<TrainingKind, number>;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** One line per member from the per-kind rows, in the order the roster gave them (tree, then name). */
export function peopleYears(rows: readonly hoursRepo.RosterHours[], targets: HourTargets, year: number, today: string): (PersonYear & { organizationId: number; organizationName: string })[] {
  const byMember = new Map<number, PersonYear & { organizationId: number; organizationName: string }>();
  for (const r of rows) {
    let p = byMember.get(r.memberId);
    if (!p) {
      const group = targetGroupOf(r.partyPosts);
      p = { personId: r.personId, memberId: r.memberId, name: r.name, group, byKind: zeroByKind(), total: 0, target: targets[group], status: 'due', organizationId: r.organizationId, organizationName: r.organizationName };
      byMember.set(r.memberId, p);
    }
    if (r.kind) p.byKind[r.kind as TrainingKind] = round1(p.byKind[r.kind as TrainingKind] + r.hours);
  }
  return [...byMember.values()].map((p) => {
    const total = round1(Object.values(p.byKind).reduce((n, h) => n + h, 0));
    return { ...p, total, status: studyStatus(total, p.target, year, today) };
  });
}

export function distributionOf(people: readonly PersonYear[]): BranchHours['distribution'] {
  const bands = HOUR_BANDS.map((label) => ({ label, count: 0 }));
  for (const p of people) bands[bandOf(p.total, p.target)].count += 1;
  const count = (s: PersonYear['status']) => people.filter((p) => p.status === s).length;
  return { done: count('done'), due: count('due'), late: count('late'), bands };
}

/** Secretaries in post who took office within the last two years, with their 任职培训 due day and where it stands. */
export async function newSecretariesOf(db: DbOrTx, user: AuthUser, months: number, today: string, underPath?: string) {
  const rows = await hoursRepo.newSecretaries(db, user.scope, addYears(today, -2), underPath);
  return rows.map((r) => ({ ...r, ...secretaryTraining(r.startedOn, r.trainedOn, months, today) }));
}

export async function branchHours(db: Db, user: AuthUser, orgId: number, year: number): Promise<BranchHours> {
  const branch = await loadBranchInScope(db, user, orgId);
  requirePermission(user, 'education.read', undefined, branch.path);
  const today = todayInShanghai();
  const targets = await targetsOf(db, user.tenantId);
  const people = peopleYears(await hoursRepo.rosterHours(db, user.scope, year, branch.path), targets, year, today)
    .filter((p) => p.organizationId === branch.id).map(({ organizationId: _o, organizationName: _n, ...p }) => p);
  const secretaries = await newSecretariesOf(db, user, targets.newSecretaryMonths, today, branch.path);
  return {
    organizationId: branch.id, organizationName: branch.name, year,
    targets: { member: targets.member, leader: targets.leader, source: targetsSource() },
    people, distribution: distributionOf(people),
    newSecretaries: secretaries.map(({ memberId, name, startedOn, dueOn, trainedOn, status }) => ({ memberId, name, startedOn, dueOn, trainedOn, status })),
  };
}

/**
 * A person's year: someone the caller's scope keeps (a member, cadre, reserve or talent of a subtree in scope, or
 * 404), and the target when they are a 党员 on the roster. Their lines are read across the row scope on purpose, as
 * the person's own page reads them: the year is the person's, wherever each line is filed (a 集中轮训's line, a line
 * under the branch they left), and it adds up to the hours the hours page and the 待办 show (study_hours).
 */
export async function personHours(db: Db, user: AuthUser, personId: number, year: number): Promise<PersonHours> {
  const found = isSelfOnly(user) ? [] : (await Promise.all(user.scope.paths.map((path) => peopleUnder(db, user.tenantId, path, [personId])))).flat();
  if (!found.length) throw notFound('人员');
  requirePermission(user, 'education.read');
  return acrossScope(db, () => personYear(db, user, { personId, name: found[0].name }, year));
}

/** Every line of the year naming the person in their town; the caller reads it across the row scope. */
export async function personYear(db: DbOrTx, user: AuthUser, person: { personId: number; name: string }, year: number): Promise<PersonHours> {
  const [sessions, member, targets] = await Promise.all([
    hoursRepo.sessionsOfPerson(db, user.tenantId, person.personId, year), hoursRepo.memberOfPerson(db, user.tenantId, person.personId), targetsOf(db, user.tenantId),
  ]);
  const byKind = zeroByKind();
  for (const s of sessions) if (s.state === 'present') byKind[s.kind as TrainingKind] = round1(byKind[s.kind as TrainingKind] + s.hoursCredited);
  const total = round1(Object.values(byKind).reduce((n, h) => n + h, 0));
  const group = member ? targetGroupOf(member.partyPosts) : null;
  const target = group ? targets[group] : null;
  return {
    personId: person.personId, name: person.name, year, group, target, byKind, total,
    status: target === null ? null : studyStatus(total, target, year, todayInShanghai()),
    sessions: sessions.map((s) => ({ ...s, kind: s.kind as TrainingKind })),
  };
}

/** The 驾驶舱's and village card's 教育培训 figures of this year (the village's subtree when given), with the targets. */
export async function dashboardEducation(db: DbOrTx, user: AuthUser, today: string, underPath?: string) {
  const year = Number(today.slice(0, 4));
  const targets = await targetsOf(db, user.tenantId);
  return { year, member: targets.member, leader: targets.leader, ...await hoursRepo.educationFigures(db, user.scope, year, targets, underPath) };
}
