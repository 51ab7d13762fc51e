/**
 * 待办事项: what a branch (or the town) must act on, gathered from every module's own rules — members (transfers,
 * 失联, letters, 转正), 发展党员 deadlines, 三务公开 periods, 联督联查 rectifications. Deadlines only, never scores.
 */
import { TASK_KINDS, TaskListSchema, TaskQuerySchema, todayInShanghai, type Task, type TaskKind, type TaskList, type TaskQuery } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { requirePermission, optionalOrganizationInScope, type AuthUser } from '../../lib/access/index.js';
import { keptRead } from '../../lib/kept-reads.js';
import { cadreTasks, reserveTasks } from '../cadres/index.js';
import { disclosureTasks } from '../disclosure/index.js';
import { partnershipTasks } from '../economy/index.js';
import { educationTasks, tripActionTasks } from '../education/index.js';
import { householdTasks } from '../households/index.js';
import { rectificationTasks } from '../inspection/index.js';
import { matterTasks } from '../matters/index.js';
import { memberTasks } from '../members/index.js';
import { recruitmentTasks } from '../recruitment/index.js';
import { awayTasks } from '../talent/index.js';

/** The branch the list is narrowed to, if any (checked in scope). */
type Under = Awaited<ReturnType<typeof optionalOrganizationInScope>>;

/**
 * 已逾期 before 即将到期, each by its day (the longest waiting first, then the nearest): a late item never hides
 * among the ones only coming due. Items without a day keep their place at the end of their part.
 */
export function byDeadline(items: readonly Task[]): Task[] {
  const day = (t: Task) => t.dueOn ?? '9999-12-31';
  return items.map((t, i) => ({ t, i }))
    .sort((a, b) => Number(b.t.overdue) - Number(a.t.overdue) || day(a.t).localeCompare(day(b.t)) || a.i - b.i)
    .map(({ t }) => t);
}

/**
 * The page as JSON text, kept as built per caller and query (lib/kept-reads.ts, docs/decisions/014): served while the
 * town's version and the day hold, after the scope and the permission are checked.
 */
export async function listTasks(db: Db, user: AuthUser, raw: TaskQuery): Promise<string> {
  const query = TaskQuerySchema.parse(raw);
  const under = await optionalOrganizationInScope(db, user, query.orgId);
  // Other members' 失联 or transfer state is branch business, not something a member browses.
  requirePermission(user, 'branch.browse', '待办事项供支部书记和镇党委使用');
  const read = `tasks:${JSON.stringify([query.orgId ?? null, query.kind ?? null, query.page, query.pageSize])}`;
  return keptRead(db, user, read, todayInShanghai(), async () => JSON.stringify(TaskListSchema.encode(await pageOf(db, user, query, under))));
}

async function pageOf(db: Db, user: AuthUser, query: ReturnType<typeof TaskQuerySchema.parse>, under: Under): Promise<TaskList> {
  const all = byDeadline([
    ...await memberTasks(db, user, under),
    // 三务公开 due or late for the village branches in scope (rules in modules/disclosure/rules/frequency.ts).
    ...await disclosureTasks(db, user, under?.path),
    // 联督联查 rectifications near or past their deadline (overdue ones are escalated to the town).
    ...await rectificationTasks(db, user, under?.path),
    // 发展党员 deadlines (谈话, 考察, 审批 within three months, 公示 results) from the recruitment rules.
    ...await recruitmentTasks(db, user, under?.path),
    // 选派 cadres' and 乡村振兴服务队 periods ending within cadres.assignmentDueDays (the town's, modules/cadres).
    ...await cadreTasks(db, user, under?.path),
    // 在外人才 whose contact is due or overdue (talent.awayContactMonths, modules/talent).
    ...await awayTasks(db, user, under?.path),
    // 后备人才: villages below reserves.perVillage (the town) and evaluations due (reserves.evaluationMonths).
    ...await reserveTasks(db, user, under?.path),
    // 村企合作 agreements in force ending within economy.partnershipDueDays, or past their end (modules/economy).
    ...await partnershipTasks(db, user, under?.path),
    // 学时 short near and after the year's end, new secretaries' 任职培训 (settings education.*, modules/education).
    ...await educationTasks(db, user, under?.path),
    // 对标学习 follow-up actions open on the caller's own name (modules/education).
    ...await tripActionTasks(db, user, under?.path),
    // 村民说事 to be discussed or handled by their deadline; overdue ones are escalated to the town (modules/matters).
    ...await matterTasks(db, user, under?.path),
    // 党员联户: each member's households past households.visitIntervalDays (modules/households).
    ...await householdTasks(db, user, under?.path),
  ]);
  const shown = query.kind ? all.filter((t) => t.kind === query.kind) : all;
  const start = (query.page - 1) * query.pageSize;
  return {
    items: shown.slice(start, start + query.pageSize),
    total: shown.length, overdue: shown.filter((t) => t.overdue).length, page: query.page, pageSize: query.pageSize,
    counts: countsByKind(all),
  };
}

/** Every kind, zero included: the items come from each module's deadline rules, not from one table to group in SQL. */
function countsByKind(items: readonly Task[]): Record<TaskKind, number> {
  const counts = Object.fromEntries(TASK_KINDS.map((k) => [k, 0])) as Record<TaskKind, number>;
  for (const t of items) counts[t.kind] += 1;
  return counts;
}
