/**
 * 在外人才 figures for the 驾驶舱 (issue 17): people away, returned, and those whose contact is overdue
 * (talent.awayContactMonths), over the caller's scope or one subtree, counted by the database (countAway).
 */
import type { DbOrTx } from '../../db/client.js';
import type { AuthUser } from '../../lib/access/index.js';
import { settingValue } from '../settings/index.js';
import { countAway } from './away-repository.js';
import { contactMonthsOf } from './away-service.js';

export async function awayCounts(db: DbOrTx, user: AuthUser, under: string | undefined, today: string) {
  const months = await contactMonthsOf(db, user.tenantId);
  const warnDays = await settingValue(db, user.tenantId, 'talent.awayContactWarnDays');
  const counts = await countAway(db, user.scope, { under, status: 'all', due: 'all', today, months, warnDays });
  return { ...counts, months };
}
