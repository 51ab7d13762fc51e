import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { disclosureEvents, disclosureFiles, disclosures, organizations, users, villages } from '../../db/schema/index.js';
import { scopeFilter, type Scope, inSubtree } from '../../db/scope.js';
import { anyOf, runNamed } from '../../db/prepared.js';

const successor = alias(disclosures, 'successor');

/** A later correction that is itself published makes this one 已更正. */
const supersededBy = sql<number | null>`(select s.id from disclosures s where s.supersedes_id = "disclosures"."id" and s.status = 'published' order by s.id desc limit 1)`;

const columns = {
  id: disclosures.id, tenantId: disclosures.tenantId, organizationId: disclosures.organizationId, organizationName: organizations.name,
  organizationPath: organizations.path, villageId: disclosures.villageId, category: disclosures.category, ruleKey: disclosures.ruleKey,
  period: disclosures.period, title: disclosures.title, content: disclosures.content, table: disclosures.table, status: disclosures.status,
  supersedesId: disclosures.supersedesId, submittedAt: disclosures.submittedAt, reviewedAt: disclosures.reviewedAt, approvedAt: disclosures.approvedAt,
  publishedAt: disclosures.publishedAt, returnReason: disclosures.returnReason, isDemo: disclosures.isDemo, updatedAt: disclosures.updatedAt,
  supersededById: supersededBy,
};
export type DisclosureRow = Awaited<ReturnType<typeof findDisclosure>> & object;

/** Disclosures are scoped through their branch's path, like every branch record. */
const fromScoped = (db: DbOrTx) => db.select(columns).from(disclosures).innerJoin(organizations, eq(organizations.id, disclosures.organizationId));

export interface DisclosureFilter { orgPath?: string; category?: string; status?: string; period?: string }

export async function listDisclosures(db: DbOrTx, scope: Scope, f: DisclosureFilter = {}) {
  const parts: (SQL | undefined)[] = [scopeFilter(organizations, scope)];
  if (f.orgPath) parts.push(inSubtree(organizations.path, f.orgPath));
  if (f.category) parts.push(eq(disclosures.category, f.category as 'party'));
  if (f.status) parts.push(eq(disclosures.status, f.status as 'draft'));
  if (f.period) parts.push(eq(disclosures.period, f.period));
  return fromScoped(db).where(and(...parts)).orderBy(asc(organizations.path), desc(disclosures.period), desc(disclosures.id)).limit(1000);
}

export async function findDisclosure(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await fromScoped(db).where(and(scopeFilter(organizations, scope), eq(disclosures.id, id))).limit(1);
  return row;
}

/** Serialises transitions of one disclosure (two reviewers pressing at once). */
export async function lockDisclosure(db: DbOrTx, id: number) {
  await db.execute(sql`select id from disclosures where id = ${id} for update`);
}

export type DisclosureValues = typeof disclosures.$inferInsert;

export async function insertDisclosure(db: DbOrTx, values: DisclosureValues) {
  const [row] = await db.insert(disclosures).values(values).returning({ id: disclosures.id });
  return row.id;
}

export async function updateDisclosure(db: DbOrTx, id: number, values: Partial<typeof disclosures.$inferInsert>) {
  await db.update(disclosures).set({ ...values, updatedAt: new Date() }).where(eq(disclosures.id, id));
}

/** An unpublished successor already correcting `id` (one correction at a time). */
export async function openSuccessor(db: DbOrTx, id: number) {
  const [row] = await db.select({ id: successor.id }).from(successor)
    .where(and(eq(successor.supersedesId, id), sql`${successor.status} <> 'published'`)).limit(1);
  return row?.id ?? null;
}

export async function insertEvent(db: DbOrTx, values: typeof disclosureEvents.$inferInsert) {
  await db.insert(disclosureEvents).values(values);
}

export async function eventsOf(db: DbOrTx, id: number) {
  return db.select({ kind: disclosureEvents.kind, note: disclosureEvents.note, byName: users.displayName, at: disclosureEvents.at })
    .from(disclosureEvents).leftJoin(users, eq(users.id, disclosureEvents.byUserId))
    .where(eq(disclosureEvents.disclosureId, id)).orderBy(asc(disclosureEvents.at), asc(disclosureEvents.id));
}

const fileColumns = { id: disclosureFiles.id, name: disclosureFiles.name, mime: disclosureFiles.mime, size: disclosureFiles.size, uploadedAt: disclosureFiles.uploadedAt };

export async function filesOf(db: DbOrTx, disclosureIds: number[]) {
  if (!disclosureIds.length) return [];
  return db.select({ ...fileColumns, disclosureId: disclosureFiles.disclosureId }).from(disclosureFiles)
    .where(inArray(disclosureFiles.disclosureId, disclosureIds)).orderBy(asc(disclosureFiles.id));
}

/** Files for the scan: the bytes of text and workbooks only (pictures and PDFs are only named, so not loaded). */
export async function filesWithData(db: DbOrTx, disclosureId: number) {
  const data = sql<Buffer | null>`case when ${disclosureFiles.mime} like 'text/plain%' or ${disclosureFiles.mime} like '%spreadsheetml%' then ${disclosureFiles.data} end`;
  return db.select({ name: disclosureFiles.name, mime: disclosureFiles.mime, data }).from(disclosureFiles)
    .where(eq(disclosureFiles.disclosureId, disclosureId)).orderBy(asc(disclosureFiles.id));
}

export async function insertFile(db: DbOrTx, values: typeof disclosureFiles.$inferInsert) {
  const [row] = await db.insert(disclosureFiles).values(values).returning({ id: disclosureFiles.id });
  return row.id;
}

/** A file of this disclosure: a file id of another disclosure does not answer. */
export async function findFile(db: DbOrTx, disclosureId: number, fileId: number) {
  const [row] = await db.select({ name: disclosureFiles.name, mime: disclosureFiles.mime, data: disclosureFiles.data }).from(disclosureFiles)
    .where(and(eq(disclosureFiles.id, fileId), eq(disclosureFiles.disclosureId, disclosureId))).limit(1);
  return row;
}

export async function deleteFile(db: DbOrTx, disclosureId: number, fileId: number) {
  const rows = await db.delete(disclosureFiles).where(and(eq(disclosureFiles.id, fileId), eq(disclosureFiles.disclosureId, disclosureId)))
    .returning({ id: disclosureFiles.id, name: disclosureFiles.name });
  return rows[0];
}

/** An active organisation inside the scope, with its 行政村 (null for groups, committees, non-village branches). */
export async function findOrganization(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await db.select({ id: organizations.id, name: organizations.name, kind: organizations.kind, path: organizations.path, villageId: organizations.villageId })
    .from(organizations).where(and(scopeFilter(organizations, scope), eq(organizations.id, id), eq(organizations.status, 'active'))).limit(1);
  return row;
}

/** Village branches in scope (rows of the board and sources of tasks): only a branch tied to a 行政村 discloses. */
export async function villageBranchesInScope(db: DbOrTx, scope: Scope, underPath?: string) {
  const parts: (SQL | undefined)[] = [
    scopeFilter(organizations, scope), eq(organizations.kind, 'branch'), isNull(organizations.closedAt), isNotNull(organizations.villageId),
  ];
  if (underPath) parts.push(inSubtree(organizations.path, underPath));
  return runNamed(db.select({ id: organizations.id, name: organizations.name, path: organizations.path, villageName: villages.name }).from(organizations)
    .leftJoin(villages, eq(villages.id, organizations.villageId)).where(and(...parts)).orderBy(asc(organizations.sortOrder), asc(organizations.path)), 'disclosure_branches');
}

/** Published disclosures with a rule, of some branches: what satisfies the schedule. */
export async function publishedFacts(db: DbOrTx, organizationIds: number[]) {
  if (!organizationIds.length) return [];
  return runNamed(db.select({ id: disclosures.id, organizationId: disclosures.organizationId, ruleKey: disclosures.ruleKey, period: disclosures.period })
    .from(disclosures).where(and(anyOf(disclosures.organizationId, organizationIds), eq(disclosures.status, 'published'), isNotNull(disclosures.ruleKey))), 'disclosure_facts');
}
