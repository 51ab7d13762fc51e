/**
 * 对标学习 on 待办: each open follow-up action on its owner's list (the owner's own, not the unit's: an action names one
 * person). Honest deadlines: past its day it says 已逾期; a done date takes it off.
 */
import { todayInShanghai, type Task } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { AuthUser } from '../../lib/access/index.js';
import { openActionsOwnedBy } from './trips-repository.js';

const RULE = '对标学习确定的跟进事项由责任人按期完成;过了完成期限仍未完成的列为逾期,登记完成日期后移出待办';

export async function tripActionTasks(db: DbOrTx, user: AuthUser, underPath: string | undefined): Promise<Task[]> {
  const today = todayInShanghai();
  const rows = await openActionsOwnedBy(db, user.scope, user.id, underPath);
  return rows.map((r): Task => {
    const overdue = r.dueOn < today;
    return {
      kind: 'TRIP_ACTION_DUE', memberId: null, memberName: `对标学习 ${r.title}(${r.destination})`, organizationName: r.organizationName,
      message: overdue ? `跟进事项“${r.content}”已逾期:完成期限${r.dueOn},尚未登记完成` : `跟进事项“${r.content}”请于${r.dueOn}前完成`,
      rule: RULE, link: `/education/trips/${r.tripId}`, dueOn: r.dueOn, overdue,
    };
  });
}
