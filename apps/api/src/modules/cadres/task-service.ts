/**
 * 选派 and 乡村振兴服务队 on the to-do list: an assigned cadre's or a service-team member's period ending within the
 * setting cadres.assignmentDueDays, or ended with them still in post.
 */
import { VILLAGE_CADRE_POST_LABELS, addDays, todayInShanghai, type Task } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { can, type AuthUser } from '../../lib/access/index.js';
import { settingValue } from '../settings/index.js';
import { assignedIn } from './board-repository.js';
import { serviceTeamIn } from './service-team-repository.js';

const source = (days: number) => `选派干部、乡村振兴服务队期满前${days}天提醒(镇党委研究续任、轮换或召回;天数见系统设置“cadres.assignmentDueDays”)`;

/** For the town (holders of cadres.board), who decides on an assignment's renewal. */
export async function cadreTasks(db: DbOrTx, user: AuthUser, underPath: string | undefined): Promise<Task[]> {
  if (!can(user, 'cadres.board')) return [];
  const today = todayInShanghai();
  const days = await settingValue(db, user.tenantId, 'cadres.assignmentDueDays');
  const horizon = addDays(today, days);
  const assigned = (await assignedIn(db, user.scope, today, underPath))
    .filter((a) => a.periodEndsOn && a.periodEndsOn <= horizon)
    .map((a): Task => ({
      kind: 'ASSIGNMENT_ENDING', memberId: null, memberName: `${VILLAGE_CADRE_POST_LABELS[a.post]} ${a.name}`, organizationName: a.organizationName,
      message: a.periodEndsOn! < today ? `选派期已于${a.periodEndsOn}届满,仍在任,请登记续任或离任` : `选派期将于${a.periodEndsOn}届满,请研究续任、轮换或召回`,
      rule: source(days), link: `/cadres?tab=village&orgId=${a.organizationId}`, dueOn: a.periodEndsOn, overdue: a.periodEndsOn! < today,
    }));
  const team = (await serviceTeamIn(db, user.scope, today, { underPath }))
    .filter((m) => !m.endedOn && m.endsOn <= horizon)
    .map((m): Task => ({
      kind: 'SERVICE_TEAM_ENDING', memberId: null, memberName: `乡村振兴服务队 ${m.name}`, organizationName: m.villages.map((v) => v.name).join('、'),
      message: m.endsOn < today ? `服务期已于${m.endsOn}届满,未登记离队,请登记续派或离队` : `服务期将于${m.endsOn}届满(${m.unit}),请研究续派或轮换`,
      rule: source(days), link: '/cadres?tab=board', dueOn: m.endsOn, overdue: m.endsOn < today,
    }));
  return [...assigned, ...team];
}
