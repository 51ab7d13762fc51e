import { and, asc, desc, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  inspectionFiles, inspectionResults, inspectionRounds, inspectionRoundVillages, organizations, rectificationEvents, rectifications, users,
} from '../../db/schema/index.js';
import { scopeFilter, type Scope, inSubtree } from '../../db/scope.js';

/**
 * Rounds belong to the town, not to a branch: a round is visible when at least one of its villages is inside the
 * caller's scope (a village secretary sees the rounds that visited them; town-wide roles see all). Everything below a
 * round (villages, results, rectifications, files) is filtered by the village's own organisation.
 */
const roundVisible = (scope: Scope) => sql`exists (select 1 from ${inspectionRoundVillages}
  join ${organizations} on ${organizations.id} = ${inspectionRoundVillages.organizationId}
  where ${inspectionRoundVillages.roundId} = ${inspectionRounds.id} and ${scopeFilter(organizations, scope)})`;

export async function listRounds(db: DbOrTx, scope: Scope, id?: number) {
  return db.select().from(inspectionRounds)
    .where(and(eq(inspectionRounds.tenantId, scope.tenantId), roundVisible(scope), id === undefined ? undefined : eq(inspectionRounds.id, id)))
    .orderBy(desc(inspectionRounds.startsOn), desc(inspectionRounds.id));
}
export type RoundRow = Awaited<ReturnType<typeof listRounds>>[number];

export async function lockRound(db: DbOrTx, id: number) {
  await db.execute(sql`select id from inspection_rounds where id = ${id} for update`);
}

export async function villagesOf(db: DbOrTx, scope: Scope, roundIds: number[]) {
  if (!roundIds.length) return [];
  return db.select({ roundId: inspectionRoundVillages.roundId, organizationId: organizations.id, name: organizations.name, path: organizations.path })
    .from(inspectionRoundVillages).innerJoin(organizations, eq(organizations.id, inspectionRoundVillages.organizationId))
    .where(and(scopeFilter(organizations, scope), inArray(inspectionRoundVillages.roundId, roundIds))).orderBy(asc(organizations.path));
}

const resultColumns = {
  id: inspectionResults.id, roundId: inspectionResults.roundId, organizationId: inspectionResults.organizationId, organizationPath: organizations.path,
  itemKey: inspectionResults.itemKey, outcome: inspectionResults.outcome, note: inspectionResults.note, recordedAt: inspectionResults.recordedAt,
  recordedByName: users.displayName, rectificationId: rectifications.id, rectificationStatus: rectifications.status,
};

export async function resultsOf(db: DbOrTx, scope: Scope, roundIds: number[], resultId?: number) {
  if (!roundIds.length) return [];
  return db.select(resultColumns).from(inspectionResults)
    .innerJoin(organizations, eq(organizations.id, inspectionResults.organizationId))
    .leftJoin(users, eq(users.id, inspectionResults.recordedBy))
    .leftJoin(rectifications, eq(rectifications.resultId, inspectionResults.id))
    .where(and(scopeFilter(organizations, scope), inArray(inspectionResults.roundId, roundIds), resultId === undefined ? undefined : eq(inspectionResults.id, resultId)))
    .orderBy(asc(inspectionResults.id));
}
export type ResultRow = Awaited<ReturnType<typeof resultsOf>>[number];

export async function insertRound(db: DbOrTx, values: typeof inspectionRounds.$inferInsert, organizationIds: number[]) {
  const [row] = await db.insert(inspectionRounds).values(values).returning({ id: inspectionRounds.id });
  await db.insert(inspectionRoundVillages).values(organizationIds.map((organizationId) => ({ tenantId: values.tenantId, roundId: row.id, organizationId })));
  return row.id;
}

export async function closeRound(db: DbOrTx, id: number) {
  await db.update(inspectionRounds).set({ status: 'closed', closedAt: new Date() }).where(eq(inspectionRounds.id, id));
}

/** Branches the caller may put on a round: open branches inside the scope (an id elsewhere answers like a missing one). */
export async function branchesFor(db: DbOrTx, scope: Scope, ids: number[]) {
  if (!ids.length) return [];
  return db.select({ id: organizations.id, name: organizations.name }).from(organizations)
    .where(and(scopeFilter(organizations, scope), inArray(organizations.id, ids), inArray(organizations.kind, ['branch', 'general_branch']), isNull(organizations.closedAt)));
}

/** Upsert of a result by (round, village, item); returns its id. */
export async function upsertResult(db: DbOrTx, values: typeof inspectionResults.$inferInsert) {
  const [row] = await db.insert(inspectionResults).values(values).onConflictDoUpdate({
    target: [inspectionResults.roundId, inspectionResults.organizationId, inspectionResults.itemKey],
    set: { outcome: values.outcome, note: values.note ?? null, recordedBy: values.recordedBy, recordedAt: new Date() },
  }).returning({ id: inspectionResults.id });
  return row.id;
}

const fileColumns = {
  id: inspectionFiles.id, resultId: inspectionFiles.resultId, evidenceId: inspectionFiles.evidenceId, name: inspectionFiles.name,
  mime: inspectionFiles.mime, size: inspectionFiles.size, uploadedAt: inspectionFiles.uploadedAt,
};

export async function filesOfResults(db: DbOrTx, resultIds: number[]) {
  if (!resultIds.length) return [];
  return db.select(fileColumns).from(inspectionFiles).where(inArray(inspectionFiles.resultId, resultIds)).orderBy(asc(inspectionFiles.id));
}

export async function filesOfEvidence(db: DbOrTx, eventIds: number[]) {
  if (!eventIds.length) return [];
  return db.select(fileColumns).from(inspectionFiles).where(inArray(inspectionFiles.evidenceId, eventIds)).orderBy(asc(inspectionFiles.id));
}

/** The bytes of files already read through a scoped view (the report's finding photos). */
export async function fileData(db: DbOrTx, ids: number[]) {
  if (!ids.length) return new Map<number, Buffer>();
  const rows = await db.select({ id: inspectionFiles.id, data: inspectionFiles.data }).from(inspectionFiles).where(inArray(inspectionFiles.id, ids));
  return new Map(rows.map((r) => [r.id, r.data]));
}

export async function insertFile(db: DbOrTx, values: typeof inspectionFiles.$inferInsert) {
  const [row] = await db.insert(inspectionFiles).values(values).returning({ id: inspectionFiles.id });
  return row.id;
}

/** A file with its content, only when the village it belongs to (through its result or its rectification) is in scope. */
export async function findFile(db: DbOrTx, scope: Scope, fileId: number) {
  const [row] = await db.select({ name: inspectionFiles.name, mime: inspectionFiles.mime, data: inspectionFiles.data }).from(inspectionFiles)
    .leftJoin(rectificationEvents, eq(rectificationEvents.id, inspectionFiles.evidenceId))
    .leftJoin(rectifications, eq(rectifications.id, rectificationEvents.rectificationId))
    .innerJoin(inspectionResults, eq(inspectionResults.id, sql`coalesce(${inspectionFiles.resultId}, ${rectifications.resultId})`))
    .innerJoin(organizations, eq(organizations.id, inspectionResults.organizationId))
    .where(and(eq(inspectionFiles.id, fileId), scopeFilter(organizations, scope))).limit(1);
  return row;
}

const rectificationColumns = {
  id: rectifications.id, roundId: rectifications.roundId, roundTitle: inspectionRounds.title, roundItems: inspectionRounds.items,
  resultId: rectifications.resultId, organizationId: rectifications.organizationId, organizationName: organizations.name,
  organizationPath: organizations.path, itemKey: inspectionResults.itemKey, description: rectifications.description,
  ownerName: rectifications.ownerName, dueOn: rectifications.dueOn, requiredEvidence: rectifications.requiredEvidence,
  status: rectifications.status, acceptedOn: rectifications.acceptedOn,
};

export interface RectificationFilter { orgPath?: string; roundId?: number; status?: string; id?: number; overdueBefore?: string }

export async function listRectifications(db: DbOrTx, scope: Scope, f: RectificationFilter = {}) {
  const parts: (SQL | undefined)[] = [scopeFilter(organizations, scope)];
  if (f.id !== undefined) parts.push(eq(rectifications.id, f.id));
  if (f.orgPath) parts.push(inSubtree(organizations.path, f.orgPath));
  if (f.roundId !== undefined) parts.push(eq(rectifications.roundId, f.roundId));
  if (f.status) parts.push(eq(rectifications.status, f.status as 'open'));
  if (f.overdueBefore) parts.push(sql`${rectifications.dueOn} < ${f.overdueBefore}`, ne(rectifications.status, 'accepted'));
  return db.select(rectificationColumns).from(rectifications)
    .innerJoin(organizations, eq(organizations.id, rectifications.organizationId))
    .innerJoin(inspectionRounds, eq(inspectionRounds.id, rectifications.roundId))
    .innerJoin(inspectionResults, eq(inspectionResults.id, rectifications.resultId))
    .where(and(...parts)).orderBy(asc(rectifications.dueOn), asc(rectifications.id));
}
export type RectificationRow = Awaited<ReturnType<typeof listRectifications>>[number];

export async function lockRectification(db: DbOrTx, id: number) {
  await db.execute(sql`select id from rectifications where id = ${id} for update`);
}

export async function rectificationOfResult(db: DbOrTx, resultId: number) {
  const [row] = await db.select({ id: rectifications.id, status: rectifications.status }).from(rectifications).where(eq(rectifications.resultId, resultId)).limit(1);
  return row;
}

export async function insertRectification(db: DbOrTx, values: typeof rectifications.$inferInsert) {
  const [row] = await db.insert(rectifications).values(values).returning({ id: rectifications.id });
  return row.id;
}

export async function updateRectification(db: DbOrTx, id: number, values: Partial<typeof rectifications.$inferInsert>) {
  await db.update(rectifications).set({ ...values, updatedAt: new Date() }).where(eq(rectifications.id, id));
}

export async function eventsOf(db: DbOrTx, rectificationId: number) {
  return db.select({ id: rectificationEvents.id, kind: rectificationEvents.kind, note: rectificationEvents.note, byName: users.displayName, at: rectificationEvents.at })
    .from(rectificationEvents).leftJoin(users, eq(users.id, rectificationEvents.byUserId))
    .where(eq(rectificationEvents.rectificationId, rectificationId)).orderBy(asc(rectificationEvents.at), asc(rectificationEvents.id));
}

export async function insertEvent(db: DbOrTx, values: typeof rectificationEvents.$inferInsert) {
  const [row] = await db.insert(rectificationEvents).values(values).returning({ id: rectificationEvents.id });
  return row.id;
}
