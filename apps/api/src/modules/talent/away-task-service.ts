/**
 * 在外人才 on the to-do list: a person away whose next contact (last contact, or registration, plus
 * talent.awayContactMonths) falls within talent.awayContactWarnDays or has passed. Says whose contact is due and since when; never a score.
 */
import { addDays, todayInShanghai, type Task } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { can, type AuthUser } from '../../lib/access/index.js';
import { settingValues } from '../settings/index.js';
import { dueAway } from './away-repository.js';

/** For those who record contacts (the town, a village's secretary), over the villages in their scope. */
export async function awayTasks(db: DbOrTx, user: AuthUser, underPath: string | undefined): Promise<Task[]> {
  if (!can(user, 'talentAway.record')) return [];
  const today = todayInShanghai();
  const settings = await settingValues(db, user.tenantId, ['talent.awayContactMonths', 'talent.awayContactWarnDays']);
  const months = settings['talent.awayContactMonths'];
  const warnDays = settings['talent.awayContactWarnDays'];
  const rule = `在外人才每${months}个月至少联系一次(本镇设置 talent.awayContactMonths;文章:全面掌握在外人才特别是党员情况)`;
  const rows = await dueAway(db, user.scope, { under: underPath, months, until: addDays(today, warnDays) });
  return rows.filter((r) => can(user, 'talentAway.record', r.organizationPath)).map((r) => {
    const since = r.lastContactOn ? `上次联系${r.lastContactOn}` : `${r.registeredOn}登记后未联系`;
    const overdue = r.contactDueOn! < today;
    return {
      kind: 'AWAY_CONTACT_DUE' as const, memberId: r.memberId, memberName: `${r.name}(在${r.place})`, organizationName: r.organizationName,
      message: overdue ? `${since},应于${r.contactDueOn}前联系,已逾期` : `${since},应于${r.contactDueOn}前联系`,
      rule, link: `/talent/away?orgId=${r.organizationId}&id=${r.id}`, dueOn: r.contactDueOn, overdue,
    };
  });
}
