/**
 * What 村企合作 adds to the other pages: the money received in a village's year beside its income sources (a reference,
 * never a change to an income version: the approved figures are the 三资 accounts'), the renewals on 待办, and the
 * count of agreements due on the 驾驶舱's 集体经济 tile.
 */
import {
  PARTNERSHIP_DUE_SETTING, PARTNERSHIP_INCOME_SOURCES, addDays, partnershipDueState, todayInShanghai,
  type PartnershipReceived, type Task,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { can, requirePermission, type AuthUser } from '../../lib/access/index.js';
import { settingValue } from '../settings/index.js';
import * as repo from './partnerships-repository.js';
import { versionsOf } from './repository.js';
import { loadVillage } from './service.js';

/**
 * 其中村企合作到账: per income source, the partnerships' money received in the year, and that source in the year's
 * income (the approved version, else the open one). `exceeds` when the partnerships alone brought in more than the
 * accounts book under the source: one of the two is wrong, and the village checks it with its 三资 accounts.
 */
export async function receivedInYear(db: Db, user: AuthUser, orgId: number, year: number): Promise<PartnershipReceived> {
  const village = await loadVillage(db, user, orgId);
  requirePermission(user, 'economy.read');
  const items = await repo.receivedIn(db, village.id, year);
  const versions = await versionsOf(db, village.id, year);
  const approved = versions.find((v) => v.status === 'approved');
  const base = approved ?? versions.find((v) => v.status !== 'approved');
  const sources = PARTNERSHIP_INCOME_SOURCES.map((source) => {
    const receivedFen = items.filter((i) => i.source === source).reduce((n, i) => n + i.receivedFen, 0);
    const incomeFen = base ? base.amounts[source] : null;
    return { source, receivedFen, incomeFen, exceeds: incomeFen !== null && receivedFen > incomeFen };
  }).filter((s) => s.receivedFen > 0);
  return { year, against: approved ? 'approved' : base ? 'open' : null, sources, items };
}

const rule = (days: number) => `履行中的村企合作协议到期前${days}天起提醒续签(天数见系统设置“${PARTNERSHIP_DUE_SETTING}”);已过到期日期仍为履行中的列为逾期`;

/**
 * 待办: agreements in force ending within economy.partnershipDueDays, or past their end and still 履行中, for those who
 * keep the village's partnerships (economy.enter there: the village's secretary, the town).
 */
export async function partnershipTasks(db: DbOrTx, user: AuthUser, underPath: string | undefined): Promise<Task[]> {
  if (!can(user, 'economy.enter')) return [];
  const today = todayInShanghai();
  const days = await settingValue(db, user.tenantId, PARTNERSHIP_DUE_SETTING);
  const rows = await repo.endingBy(db, user.scope, addDays(today, days), underPath);
  return rows.filter((r) => can(user, 'economy.enter', r.path)).map((r): Task => {
    const overdue = partnershipDueState({ status: 'active', endsOn: r.endsOn }, today, days) === 'overdue';
    return {
      kind: 'PARTNERSHIP_ENDING', memberId: null, memberName: `村企合作 ${r.partnerName}`, organizationName: r.organizationName,
      message: overdue
        ? `合作协议已于${r.endsOn}到期,仍登记为履行中:已续签的请登记新的到期日期,未续签的请改为已到期或已终止`
        : `合作协议将于${r.endsOn}到期,请与${r.partnerName}商谈续签`,
      rule: rule(days), link: `/economy?partnership=${r.id}`, dueOn: r.endsOn, overdue,
    };
  });
}

/** The 集体经济 tile's 合作到期: agreements in force due or overdue for renewal, in scope (under a village for its card). */
export async function partnershipsDueCount(db: DbOrTx, user: AuthUser, underPath: string | undefined, today: string): Promise<number> {
  const days = await settingValue(db, user.tenantId, PARTNERSHIP_DUE_SETTING);
  return repo.countEndingBy(db, user.scope, addDays(today, days), underPath);
}

