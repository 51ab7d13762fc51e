/**
 * The members module's figures for the 驾驶舱 (issue 17 point 1): 流动党员 away and not contacted, counted by the database
 * in the caller's scope (under a village's path for its card). 党费 is dues-repository's duesFigures.
 */
import { addMonths } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { AuthUser } from '../../lib/access/index.js';
import { settingValue } from '../settings/index.js';
import { countMembers } from './repository.js';

type Village = { id: number; path: string } | undefined;

/** Open 流出 and those among them not contacted within the town's 失联 period (setting flow.unreachableMonths). */
export async function mobileFigures(db: DbOrTx, user: AuthUser, village: Village, today: string) {
  const months = await settingValue(db, user.tenantId, 'flow.unreachableMonths');
  const base = { under: village, range: 'subtree' as const, today };
  return {
    months,
    away: await countMembers(db, user.scope, { ...base, filter: 'mobile' }),
    unreachable: await countMembers(db, user.scope, { ...base, filter: 'unreachable', unreachableBefore: addMonths(today, -months) }),
  };
}
