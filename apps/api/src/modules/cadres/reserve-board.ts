/**
 * The town's pipeline board (后备人才一览) and the reserves' 待办: per village the reserves in the pipeline by stage against
 * the town's target (reserves.perVillage), villages below it, and evaluations due (reserves.evaluationMonths). No ranking:
 * villages keep the tree's order, and a shortfall is a count against the town's own target.
 */
import { RESERVE_STAGES, addDays, todayInShanghai, type ReserveBoard, type Task } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { can, requirePermission, type AuthUser } from '../../lib/access/index.js';
import * as reserves from './reserve-repository.js';
import { reserveSettings } from './reserve-service.js';

export async function getReserveBoard(db: Db, user: AuthUser): Promise<ReserveBoard> {
  requirePermission(user, 'cadres.board');
  const { target, months } = await reserveSettings(db, user.tenantId);
  const rows = await reserves.boardRows(db, user.scope, months, todayInShanghai());
  const villages = rows.map(({ reserve, training, practice, ready, ...v }) => {
    const active = reserve + training + practice + ready;
    return { ...v, byStage: { reserve, training, practice, ready }, active, target, shortBy: Math.max(0, target - active) };
  });
  const sum = (k: (typeof RESERVE_STAGES)[number]) => villages.reduce((n, v) => n + v.byStage[k], 0);
  return {
    villages, target, belowTarget: villages.filter((v) => v.shortBy > 0).length,
    totals: { reserve: sum('reserve'), training: sum('training'), practice: sum('practice'), ready: sum('ready'), active: villages.reduce((n, v) => n + v.active, 0) },
  };
}

const TARGET_RULE = '后备人才储备目标(本镇设置“每村后备人才储备目标”)';
const EVALUATION_RULE = '后备人才考评间隔(本镇设置“后备人才考评间隔”,自列入或上次考评起计)';

/**
 * 待办: villages below the target go to the town (holders of cadres.board), with no deadline (it is a shortfall, not a
 * due day); evaluations due within reminder.dueSoonDays, or past due, go to whoever keeps the village's reserves.
 */
export async function reserveTasks(db: DbOrTx, user: AuthUser, underPath: string | undefined): Promise<Task[]> {
  if (!can(user, 'reserves.manage')) return [];
  const { target, months, dueSoonDays } = await reserveSettings(db, user.tenantId);
  const today = todayInShanghai();
  const below: Task[] = !can(user, 'cadres.board') ? [] : (await reserves.boardRows(db, user.scope, months, today, underPath))
    .map((v) => ({ ...v, active: v.reserve + v.training + v.practice + v.ready }))
    .filter((v) => v.active < target)
    .map((v) => ({
      kind: 'RESERVES_BELOW_TARGET' as const, memberId: null, memberName: `后备人才 ${v.active}人(目标${target}人)`, organizationName: v.name,
      message: `本村在培养的后备人才${v.active}人,低于本镇每村${target}人的储备目标,还差${target - v.active}人`,
      rule: TARGET_RULE, link: `/reserves?tab=village&orgId=${v.organizationId}`, dueOn: null, overdue: false,
    }));
  const due = (await reserves.evaluationsDue(db, user.scope, months, addDays(today, dueSoonDays), underPath)).map((r) => ({
    kind: 'RESERVE_EVALUATION_DUE' as const, memberId: null, memberName: `后备人才 ${r.name}`, organizationName: r.organizationName,
    message: r.dueOn < today ? `考评已于${r.dueOn}到期,已逾期,请登记本期考评` : `考评将于${r.dueOn}到期,请安排考评`,
    rule: EVALUATION_RULE, link: `/reserves?tab=village&orgId=${r.organizationId}`, dueOn: r.dueOn, overdue: r.dueOn < today,
  }));
  return [...below, ...due];
}
