/** 村民说事 on 待办 (deadlines; overdue = escalated to the town) and on the 驾驶舱 (counted by the database). */
import { MATTER_CATEGORY_LABELS, addDays, todayInShanghai, type MatterFigures, type MatterPublicStats, type Task } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { AuthUser } from '../../lib/access/index.js';
import { settingValues } from '../settings/index.js';
import * as repo from './repository.js';
import { lateness } from './rules/stages.js';

const SOURCE = '村民说事:提出后按本镇设置期限内议事,议事确定办结期限;逾期上报镇党委(本镇设置 matters.*)';

export async function matterTasks(db: DbOrTx, user: AuthUser, underPath: string | undefined): Promise<Task[]> {
  const today = todayInShanghai();
  const s = await settingValues(db, user.tenantId, ['reminder.dueSoonDays', 'matters.discussDays']);
  const out: Task[] = [];
  for (const m of await repo.openMatters(db, user.scope, underPath)) {
    const { deadline, late, daysOverdue } = lateness(m, today, s['matters.discussDays']);
    if (!deadline || (!late && deadline > addDays(today, s['reminder.dueSoonDays']))) continue;
    const what = m.stage === 'raised' ? '议事' : `办结(责任人:${m.ownerName ?? ''})`;
    out.push({
      kind: late ? 'MATTER_LATE' : 'MATTER_DUE', memberId: null, memberName: `村民说事:${MATTER_CATEGORY_LABELS[m.category]} ${m.title}`,
      organizationName: m.villageName, rule: SOURCE, link: `/matters/${m.id}`, dueOn: deadline, overdue: late,
      message: late ? `应于${deadline}前${what},已逾期${daysOverdue}天,已上报镇党委` : `应于${deadline}前${what}`,
    });
  }
  return out;
}

/** The tile's figures of the year in scope (a village's card: underPath), never a ranking. */
export async function matterFigures(db: DbOrTx, user: AuthUser, today: string, underPath?: string): Promise<MatterFigures & { year: number }> {
  const s = await settingValues(db, user.tenantId, ['matters.discussDays']);
  const year = Number(today.slice(0, 4));
  return { year, ...await repo.matterFigures(db, user.scope, { underPath, year, today, discussDays: s['matters.discussDays'] }) };
}

/** The town's public site (issue 20 point 6): this year's counts per village (Beijing's year), for the system caller. */
export async function publicMatterStats(db: DbOrTx, tenantId: number, year = Number(todayInShanghai().slice(0, 4))): Promise<MatterPublicStats[]> {
  return repo.publicYearStats(db, tenantId, year);
}
