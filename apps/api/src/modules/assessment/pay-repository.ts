import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { PAY_POSTS, type PayItemKind } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { assessmentPayItems, cadreEmployments, cadrePosts, persons, users } from '../../db/schema/index.js';

/** The village posts that are paid (PAY_POSTS without 镇机关工作人员; the 第一书记 is paid by the sending unit). */
const VILLAGE_PAY_POSTS = PAY_POSTS.filter((p) => p !== 'town_staff');

/**
 * The holdings of paid posts in these villages that overlap the month [first, last] (both 'YYYY-MM-DD'), with the
 * person's name and whether the holding is under the 聘用制 rule by the month's last day. Row-level security keeps a
 * caller to the villages they see.
 */
export async function holdingsInMonth(db: DbOrTx, organizationIds: number[], first: string, last: string) {
  if (!organizationIds.length) return [];
  return db.select({
    organizationId: cadrePosts.organizationId, personId: cadrePosts.personId, name: persons.name, post: cadrePosts.post,
    startedOn: cadrePosts.startedOn, endedOn: cadrePosts.endedOn,
    employed: sql<boolean>`exists (select 1 from ${cadreEmployments} e where e.cadre_post_id = ${cadrePosts.id} and e.since <= ${last})`,
  }).from(cadrePosts).innerJoin(persons, eq(persons.id, cadrePosts.personId))
    .where(and(
      inArray(cadrePosts.organizationId, organizationIds), inArray(cadrePosts.post, VILLAGE_PAY_POSTS),
      lte(cadrePosts.startedOn, last), or(isNull(cadrePosts.endedOn), gte(cadrePosts.endedOn, first)),
    )).orderBy(asc(cadrePosts.organizationId), asc(cadrePosts.id));
}

export type HoldingRow = Awaited<ReturnType<typeof holdingsInMonth>>[number];

/** The period's 奖励绩效 items and 扣减 (row-level security: a village's rows only to those who see it). */
export async function payItemsOf(db: DbOrTx, periodId: number) {
  return db.select({
    id: assessmentPayItems.id, organizationId: assessmentPayItems.organizationId, personId: assessmentPayItems.personId,
    subjectUserId: assessmentPayItems.subjectUserId, kind: assessmentPayItems.kind, item: assessmentPayItems.item,
    by: users.displayName, at: assessmentPayItems.createdAt,
  }).from(assessmentPayItems).innerJoin(users, eq(users.id, assessmentPayItems.createdBy))
    .where(eq(assessmentPayItems.periodId, periodId)).orderBy(asc(assessmentPayItems.id));
}

export type PayItemRow = Awaited<ReturnType<typeof payItemsOf>>[number];

export async function insertPayItem(db: DbOrTx, values: typeof assessmentPayItems.$inferInsert) {
  const [row] = await db.insert(assessmentPayItems).values(values).returning({ id: assessmentPayItems.id });
  return row.id;
}

/** One item of the period, locked for its removal. */
export async function findPayItem(db: DbOrTx, periodId: number, id: number) {
  const [row] = await db.select().from(assessmentPayItems)
    .where(and(eq(assessmentPayItems.id, id), eq(assessmentPayItems.periodId, periodId))).limit(1).for('update');
  return row;
}

export async function deletePayItem(db: DbOrTx, id: number) {
  await db.delete(assessmentPayItems).where(eq(assessmentPayItems.id, id));
}

/** How many items of a kind a person has in the period (PAY_LIMITS.maxItems each). */
export async function countPayItems(db: DbOrTx, periodId: number, kind: PayItemKind, person: { personId: number | null; subjectUserId: number | null }) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(assessmentPayItems).where(and(
    eq(assessmentPayItems.periodId, periodId), eq(assessmentPayItems.kind, kind),
    person.personId ? eq(assessmentPayItems.personId, person.personId) : eq(assessmentPayItems.subjectUserId, person.subjectUserId ?? 0),
  ));
  return row.n;
}

/** The person a user account stands for (users.person_id), for 我的考核与报酬 of a village cadre. */
export async function personOfUser(db: DbOrTx, userId: number) {
  const [row] = await db.select({ personId: users.personId }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.personId ?? null;
}
