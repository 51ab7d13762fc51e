/**
 * 发展党员 on the to-do list: each deadline the rules derive (谈话, 半年考察, 上级党委审批 within three months,
 * 公示 results) that is close or past, per person. The 预备期满 discussion is left to the roster's own
 * CONFIRMATION_DUE item, so one person is not listed twice for one thing.
 */
import type { Task } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { AuthUser } from '../../lib/access/index.js';
import { CONFIRMATION_MEETING_DEADLINE, deadlinesOf } from './rules/recruitment-state.js';
import { loadFacts } from './service.js';
import * as repo from './repository.js';

export async function recruitmentTasks(db: DbOrTx, user: AuthUser, underPath: string | undefined): Promise<Task[]> {
  const rows = (await repo.listRecruitments(db, user.scope, { orgPath: underPath }))
    .filter((r) => r.status === 'active' || r.status === 'probationary');
  if (!rows.length) return [];
  const facts = await loadFacts(db, user.tenantId, rows);
  const out: { date: string; task: Task }[] = [];
  for (const row of rows) {
    const deadlines = deadlinesOf(facts.steps, facts.records.get(row.id) ?? [], facts.notices.get(row.id) ?? [], facts.settings,
      facts.probationEnds.get(row.id) ?? null, facts.today);
    for (const d of deadlines) {
      if (d.status === 'due' || d.label === CONFIRMATION_MEETING_DEADLINE) continue;
      const late = d.status === 'late';
      // A central time limit passed needs the special circumstance written when the step is recorded (细则第二十五条/第三十四条).
      const after = late ? (d.binding ? ',已超过规定期限,办理时须写明特殊情况' : ',已逾期') : '';
      out.push({
        date: d.date,
        task: {
          kind: late ? 'RECRUITMENT_LATE' : 'RECRUITMENT_DUE', memberId: null, memberName: row.name, organizationName: row.organizationName,
          message: `${d.label}:应于${d.date}前${after}`, rule: d.source, link: `/recruitment/recruitments/${row.id}`, dueOn: d.date, overdue: late,
        },
      });
    }
  }
  // Earliest deadline first: the one that has waited longest is named first.
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((x) => x.task);
}
