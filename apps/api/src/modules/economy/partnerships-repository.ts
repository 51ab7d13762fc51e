import { and, asc, desc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { PartnershipIncomeSource } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import {
  economyPartnershipFiles as f, economyPartnershipOrgs as po, economyPartnerships as p, economyPartnershipYears as y, organizations, users, villages,
} from '../../db/schema/index.js';
import { inSubtree, type Scope } from '../../db/scope.js';
import { villageBranchIn } from './repository.js';
import { runNamed } from '../../db/prepared.js';

/** 村企合作's queries: every one joins the village's branch and filters it by the caller's scope (villageBranchIn). */
const summaryColumns = {
  id: p.id, organizationId: p.organizationId, villageName: sql<string>`coalesce(${villages.name}, ${organizations.name})`, path: organizations.path,
  partnerKind: p.partnerKind, partnerName: p.partnerName, status: p.status, incomeSource: p.incomeSource,
  signedOn: p.signedOn, startsOn: p.startsOn, endsOn: p.endsOn,
  files: sql<number>`(select count(*) from ${f} where ${f.partnershipId} = ${p.id})::int`,
};

const inScope = (scope: Scope, under?: string) => and(villageBranchIn(scope), under ? inSubtree(organizations.path, under) : undefined);

/** The partnerships of the villages in scope (under a village's path when asked), in tree order, then by end date. */
export async function partnershipsIn(db: DbOrTx, scope: Scope, under?: string) {
  return db.select(summaryColumns).from(p)
    .innerJoin(organizations, eq(organizations.id, p.organizationId)).leftJoin(villages, eq(villages.id, organizations.villageId))
    .where(inScope(scope, under)).orderBy(asc(organizations.path), asc(p.endsOn), asc(p.id));
}

/** One partnership whose village is in scope, or undefined (answered as nonexistent). */
export async function findPartnership(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await db.select({ ...summaryColumns, terms: p.terms, partnerBranchName: p.partnerBranchName }).from(p)
    .innerJoin(organizations, eq(organizations.id, p.organizationId)).leftJoin(villages, eq(villages.id, organizations.villageId))
    .where(and(eq(p.id, id), inScope(scope))).limit(1);
  return row;
}

export async function yearsOf(db: DbOrTx, partnershipIds: number[]) {
  if (!partnershipIds.length) return [];
  return db.select({ partnershipId: y.partnershipId, year: y.year, plannedFen: y.plannedFen, receivedFen: y.receivedFen, note: y.note })
    .from(y).where(inArray(y.partnershipId, partnershipIds)).orderBy(asc(y.year));
}

/** The 联建 organisations; a name outside the reader's scope stays hidden (row-level security on organizations). */
export async function linkedOrgsOf(db: DbOrTx, partnershipId: number) {
  return db.select({ id: po.linkedOrgId, name: sql<string>`coalesce(${organizations.name}, '(管理范围外的党组织)')` })
    .from(po).leftJoin(organizations, eq(organizations.id, po.linkedOrgId)).where(eq(po.partnershipId, partnershipId)).orderBy(asc(po.id));
}

export async function filesOf(db: DbOrTx, partnershipId: number) {
  return db.select({
    id: f.id, name: f.name, size: f.size, uploadedByName: users.displayName,
    uploadedAt: sql<string>`to_char(${f.uploadedAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`,
  }).from(f).leftJoin(users, eq(users.id, f.uploadedBy)).where(eq(f.partnershipId, partnershipId)).orderBy(desc(f.id));
}

export async function fileOf(db: DbOrTx, partnershipId: number, fileId: number) {
  const [row] = await db.select({ id: f.id, name: f.name, mime: f.mime, size: f.size, data: f.data }).from(f)
    .where(and(eq(f.id, fileId), eq(f.partnershipId, partnershipId))).limit(1);
  return row;
}

type Row = typeof p.$inferInsert;
export type PartnershipColumns = Pick<Row, 'partnerKind' | 'partnerName' | 'status' | 'incomeSource' | 'terms' | 'signedOn' | 'startsOn' | 'endsOn' | 'partnerBranchName'>;

export async function insertPartnership(tx: DbOrTx, values: PartnershipColumns & { tenantId: number; organizationId: number; createdBy: number }) {
  const [row] = await tx.insert(p).values(values).returning({ id: p.id });
  return row.id;
}

export async function updatePartnership(tx: DbOrTx, id: number, values: PartnershipColumns) {
  await tx.update(p).set({ ...values, updatedAt: new Date() }).where(eq(p.id, id));
}

/** Replaces the 联建 organisations of a partnership (within the caller's transaction). */
export async function setLinkedOrgs(tx: DbOrTx, owner: { tenantId: number; organizationId: number; partnershipId: number }, orgIds: number[]) {
  await tx.delete(po).where(eq(po.partnershipId, owner.partnershipId));
  if (orgIds.length) await tx.insert(po).values(orgIds.map((linkedOrgId) => ({ ...owner, linkedOrgId })));
}

/** Replaces the yearly rows of a partnership (within the caller's transaction). */
export async function setYears(tx: DbOrTx, owner: { tenantId: number; organizationId: number; partnershipId: number },
  years: { year: number; plannedFen: number; receivedFen: number | null; note: string | null }[]) {
  await tx.delete(y).where(eq(y.partnershipId, owner.partnershipId));
  if (years.length) await tx.insert(y).values(years.map((r) => ({ ...owner, ...r })));
}

export async function insertFile(tx: DbOrTx, values: typeof f.$inferInsert) {
  const [row] = await tx.insert(f).values(values).returning({ id: f.id });
  return row.id;
}

export async function deleteFile(tx: DbOrTx, partnershipId: number, fileId: number) {
  const rows = await tx.delete(f).where(and(eq(f.id, fileId), eq(f.partnershipId, partnershipId))).returning({ id: f.id, name: f.name, size: f.size });
  return rows[0];
}

/** The partnership money received in a village's year, per partnership (what the income year shows beside its sources). */
export async function receivedIn(db: DbOrTx, organizationId: number, year: number) {
  return db.select({ id: p.id, partnerName: p.partnerName, source: p.incomeSource, receivedFen: sql<number>`${y.receivedFen}::float8` })
    .from(y).innerJoin(p, eq(p.id, y.partnershipId))
    .where(and(eq(y.organizationId, organizationId), eq(y.year, year), isNotNull(y.receivedFen))).orderBy(asc(p.id)) as Promise<
      { id: number; partnerName: string; source: PartnershipIncomeSource; receivedFen: number }[]>;
}

/** Agreements in force ending by `horizon` (or past it) in scope: the 待办 items and the dashboard's count. */
export async function endingBy(db: DbOrTx, scope: Scope, horizon: string, under?: string) {
  return runNamed(db.select({ id: p.id, organizationId: p.organizationId, villageName: summaryColumns.villageName, organizationName: organizations.name, path: organizations.path, partnerName: p.partnerName, endsOn: p.endsOn })
    .from(p).innerJoin(organizations, eq(organizations.id, p.organizationId)).leftJoin(villages, eq(villages.id, organizations.villageId))
    .where(and(inScope(scope, under), eq(p.status, 'active'), isNotNull(p.endsOn), lte(p.endsOn, horizon)))
    .orderBy(asc(p.endsOn), asc(p.id)), 'partnerships_ending') as Promise<{ id: number; organizationId: number; villageName: string; organizationName: string; path: string; partnerName: string; endsOn: string }[]>;
}

export async function countEndingBy(db: DbOrTx, scope: Scope, horizon: string, under?: string) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(p).innerJoin(organizations, eq(organizations.id, p.organizationId))
    .where(and(inScope(scope, under), eq(p.status, 'active'), isNotNull(p.endsOn), lte(p.endsOn, horizon)));
  return row.n;
}
