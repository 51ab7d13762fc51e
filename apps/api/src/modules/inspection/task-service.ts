/** 联督联查 on the to-do list: rectifications close to their deadline, and overdue ones (escalated to the town). */
import type { Task } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { AuthUser } from '../../lib/access/index.js';
import { addDays, todayInShanghai } from '@dj/contracts';
import { settingValues } from '../settings/index.js';
import * as repo from './repository.js';
import { isOutstanding, lateness } from './rules/rectification.js';

const SOURCE = '联督联查整改期限(检查组逐条确定;逾期上报镇党委)';

export async function rectificationTasks(db: DbOrTx, user: AuthUser, underPath: string | undefined): Promise<Task[]> {
  const today = todayInShanghai();
  const { 'reminder.dueSoonDays': soon } = await settingValues(db, user.tenantId, ['reminder.dueSoonDays']);
  const out: Task[] = [];
  for (const r of await repo.listRectifications(db, user.scope, { orgPath: underPath })) {
    if (!isOutstanding(r.status)) continue;
    const { late, daysOverdue } = lateness(r.status, r.dueOn, today);
    const subject = `整改:${r.description.slice(0, 30)}`;
    if (late) {
      out.push({ kind: 'RECTIFICATION_LATE', memberId: null, memberName: subject, organizationName: r.organizationName, message: `应于${r.dueOn}前完成整改,已逾期${daysOverdue}天,已上报镇党委(责任人:${r.ownerName})`, rule: SOURCE, link: `/rectifications/${r.id}`, dueOn: r.dueOn, overdue: true });
    } else if (r.status !== 'submitted' && r.dueOn <= addDays(today, soon)) {
      out.push({ kind: 'RECTIFICATION_DUE', memberId: null, memberName: subject, organizationName: r.organizationName, message: `应于${r.dueOn}前提交整改材料(责任人:${r.ownerName})`, rule: SOURCE, link: `/rectifications/${r.id}`, dueOn: r.dueOn, overdue: false });
    }
  }
  return out;
}
