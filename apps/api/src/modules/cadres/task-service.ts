/** 选派 on the to-do list: an assigned cadre's period ending within ASSIGNMENT_DUE_DAYS, or ended with them still in post. */
import { ASSIGNMENT_DUE_DAYS, VILLAGE_CADRE_POST_LABELS, addDays, todayInShanghai, type Task } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { can, type AuthUser } from '../../lib/access/index.js';
import { assignedIn } from './board-repository.js';

const SOURCE = `选派干部期满前${ASSIGNMENT_DUE_DAYS}天提醒(镇党委研究续任、轮换或召回)`;

/** For the town (holders of cadres.board), who decides on an assignment's renewal. */
export async function cadreTasks(db: DbOrTx, user: AuthUser, underPath: string | undefined): Promise<Task[]> {
  if (!can(user, 'cadres.board')) return [];
  const today = todayInShanghai();
  return (await assignedIn(db, user.scope, today, underPath))
    .filter((a) => a.periodEndsOn && a.periodEndsOn <= addDays(today, ASSIGNMENT_DUE_DAYS))
    .map((a) => ({
      kind: 'ASSIGNMENT_ENDING' as const, memberId: null, memberName: `${VILLAGE_CADRE_POST_LABELS[a.post]} ${a.name}`, organizationName: a.organizationName,
      message: a.periodEndsOn! < today ? `选派期已于${a.periodEndsOn}届满,仍在任,请登记续任或离任` : `选派期将于${a.periodEndsOn}届满,请研究续任、轮换或召回`,
      rule: SOURCE, link: `/cadres?tab=village&orgId=${a.organizationId}`, dueOn: a.periodEndsOn, overdue: a.periodEndsOn! < today,
    }));
}
