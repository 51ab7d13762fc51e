/**
 * 走访 (issue 20 point 3): a member's visits to the households they look after, logged by them on the phone in a few
 * taps, or entered for them by the secretary or the town (代为登记, for members without a phone). No forced check-in and
 * no location: the member says when and how. What the household raised is kept on the visit; matter_id is where the
 * 村民说事 case it becomes will be named once that module joins. A household past the town's interval goes on 待办.
 */
import {
  ProxyVisitSchema, HouseholdVisitInputSchema, todayInShanghai, type HouseholdDetail, type MyHouseholds, type ProxyVisit, type Task, type HouseholdVisitInput,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { AppError, notFound } from '../../lib/errors.js';
import { raiseMatterFromVisit } from '../matters/index.js';
import * as repo from './repository.js';
import { checkMembers, getHousehold, intervalOf, loadHousehold, toHousehold, toVisit } from './service.js';

async function write(tx: DbOrTx, caller: Caller, row: repo.HouseholdRow, personId: number, input: ReturnType<typeof HouseholdVisitInputSchema.parse>, proxy: boolean) {
  const id = await repo.insertVisit(tx, {
    tenantId: caller.user.tenantId, organizationId: row.organizationId, householdId: row.id, personId, ...input, proxy, enteredBy: caller.user.id,
  });
  await audit(tx, caller, { action: proxy ? 'households.visit.proxy' : 'households.visit', objectType: 'household', objectId: row.id, detail: {
    organizationId: row.organizationId, visitId: id, personId, visitedOn: input.visitedOn, method: input.method, raised: Boolean(input.raised),
  } });
  return id;
}

/** 代为登记: the secretary (or the town) enters a visit for a member of the village. */
export async function addProxyVisit(db: Db, caller: Caller, id: number, body: ProxyVisit): Promise<HouseholdDetail> {
  const { personId, ...input } = ProxyVisitSchema.parse(body);
  await db.transaction(async (tx) => {
    const row = await loadHousehold(tx, caller.user, id);
    requirePermission(caller.user, 'households.manage', undefined, row.organizationPath);
    await checkMembers(tx, caller.user.tenantId, row.organizationPath, [personId], 'personId');
    await write(tx, caller, row, personId, input, personId !== caller.user.personId);
  });
  return getHousehold(db, caller.user, id);
}

async function ownHousehold(db: DbOrTx, user: AuthUser, id: number, interval: number) {
  const rows = user.personId ? await repo.householdsOfPerson(db, user.scope, interval, todayInShanghai(), user.personId) : [];
  const row = rows.find((r) => r.id === id);
  // A household the caller does not look after reads as nonexistent on this route, whatever else they see.
  if (!row) throw notFound('联户农户');
  return row;
}

/** 我的联户: the caller's own households, those due first, each with its recent visits. */
export async function myHouseholds(db: Db, user: AuthUser): Promise<MyHouseholds> {
  const interval = await intervalOf(db, user.tenantId);
  const rows = user.personId ? await repo.householdsOfPerson(db, user.scope, interval, todayInShanghai(), user.personId) : [];
  const visits = await repo.visitsOf(db, rows.map((r) => r.id), 5);
  return {
    intervalDays: interval,
    items: rows.map((r) => ({ ...toHousehold(user, r), visits: visits.filter((v) => v.householdId === r.id).map((v) => toVisit(v, v.personId === user.personId)) })),
  };
}

export async function addMyVisit(db: Db, caller: Caller, id: number, body: HouseholdVisitInput): Promise<MyHouseholds['items'][number]> {
  const input = HouseholdVisitInputSchema.parse(body);
  const interval = await intervalOf(db, caller.user.tenantId);
  await db.transaction(async (tx) => {
    const row = await ownHousehold(tx, caller.user, id, interval);
    await write(tx, caller, row, caller.user.personId!, input, false);
  });
  const row = await ownHousehold(db, caller.user, id, interval);
  const visits = await repo.visitsOf(db, [id], 5);
  return { ...toHousehold(caller.user, row), visits: visits.map((v) => toVisit(v, v.personId === caller.user.personId)) };
}

const RULE = '党员联户:联系党员每隔一定天数至少走访(上门、电话、微信、田间地头均可)所联系的农户一次,天数由本镇设置(households.visitIntervalDays);超过未走访的户列入待办,登记走访后移出。只提醒期限,不打分、不排名';

/**
 * 待办: per member, the households they look after that are past the interval — the secretary's list for the members
 * of their villages (and the town's for all), each member's own among them. A plain 党员 sees theirs on 我的联户.
 */
export async function householdTasks(db: DbOrTx, user: AuthUser, underPath: string | undefined): Promise<Task[]> {
  const interval = await intervalOf(db, user.tenantId);
  const rows = await repo.overdueByMember(db, user.scope, interval, todayInShanghai(), { underPath });
  return rows.map((r): Task => {
    const own = r.personId === user.personId;
    const names = r.heads.join('、') + (r.n > r.heads.length ? `等${r.n}户` : '');
    return {
      kind: 'HOUSEHOLD_VISIT_DUE', memberId: null, memberName: own ? `${r.name}(本人联系的农户)` : r.name, organizationName: r.organizationName,
      message: `联系的${r.n}户超过${interval}天未走访:${names}`,
      rule: RULE, link: own ? '/my/households' : `/households?orgId=${r.organizationId}&personId=${r.personId}&due=true`, dueOn: r.firstDue, overdue: true,
    };
  });
}

/** The 驾驶舱's and village card's 联户 figures (the village's subtree when given). */
export async function householdFigures(db: DbOrTx, user: AuthUser, today: string, underPath?: string) {
  const interval = await intervalOf(db, user.tenantId);
  return { intervalDays: interval, ...await repo.householdCounts(db, user.scope, interval, today, underPath) };
}

/**
 * 转为村民说事: the visit's raised matter becomes a case of the household's village, and the visit names it — one
 * transaction, the visit locked so a second call (or a double tap) answers 409. `as` says whose route it is.
 */
async function convert(tx: DbOrTx, caller: Caller, row: repo.HouseholdRow, visitId: number, as: 'village' | 'ownVisit') {
  const visit = await repo.lockVisit(tx, row.id, visitId);
  // A visit of another household, or (on 我的联户) another member's visit, reads as nonexistent.
  if (!visit || (as === 'ownVisit' && visit.personId !== caller.user.personId)) throw notFound('走访记录');
  if (visit.matterId) throw new AppError('CONFLICT', '这次走访反映的事项已转为村民说事,不能重复转');
  const matter = await raiseMatterFromVisit(tx, caller, {
    organizationId: row.organizationId, visitId, headName: row.headName, raised: visit.raised, visitedOn: visit.visitedOn, visitorName: visit.personName,
  }, as);
  await repo.setVisitMatter(tx, visitId, matter.id);
  await audit(tx, caller, { action: 'households.visit.matter', objectType: 'household', objectId: row.id, detail: { organizationId: row.organizationId, visitId, matterId: matter.id } });
}

export async function visitToMatter(db: Db, caller: Caller, id: number, visitId: number): Promise<HouseholdDetail> {
  await db.transaction(async (tx) => convert(tx, caller, await loadHousehold(tx, caller.user, id), visitId, 'village'));
  return getHousehold(db, caller.user, id);
}

export async function myVisitToMatter(db: Db, caller: Caller, id: number, visitId: number): Promise<MyHouseholds['items'][number]> {
  const interval = await intervalOf(db, caller.user.tenantId);
  await db.transaction(async (tx) => convert(tx, caller, await ownHousehold(tx, caller.user, id, interval), visitId, 'ownVisit'));
  const row = await ownHousehold(db, caller.user, id, interval);
  return { ...toHousehold(caller.user, row), visits: (await repo.visitsOf(db, [id], 5)).map((v) => toVisit(v, v.personId === caller.user.personId)) };
}
