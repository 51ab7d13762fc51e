import { and, asc, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { IncomeAmounts, IncomeOrigin, IncomeStatus } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { economyIncomes as e, organizations, users, villages } from '../../db/schema/index.js';
import { scopeFilter, type Scope } from '../../db/scope.js';

/** The active branches of a 行政村 in the caller's scope: the villages that keep collective accounts (the page and the figures). */
export const villageBranchIn = (scope: Scope) =>
  and(scopeFilter(organizations, scope), eq(organizations.kind, 'branch'), eq(organizations.status, 'active'), isNotNull(organizations.villageId));

/** The active village branches (村 branches of a 行政村) in scope, in tree order: the table's rows, never sorted by income. */
export async function villageBranches(db: DbOrTx, scope: Scope) {
  return db.select({ organizationId: organizations.id, name: organizations.name, path: organizations.path, villageName: villages.name })
    .from(organizations).innerJoin(villages, eq(villages.id, organizations.villageId))
    .where(villageBranchIn(scope))
    .orderBy(asc(organizations.path));
}

export async function villageNameOf(db: DbOrTx, villageId: number) {
  const [row] = await db.select({ name: villages.name }).from(villages).where(eq(villages.id, villageId));
  return row?.name ?? '';
}

const creator = alias(users, 'creator');
const approver = alias(users, 'approver');
const iso = (column: unknown) => sql<string | null>`to_char(${column} at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`;

/** Every version of a village's year, newest first. */
export async function versionsOf(db: DbOrTx, organizationId: number, year: number) {
  const rows = await db.select({
    id: e.id, version: e.version, status: e.status, origin: e.origin, reason: e.reason,
    operating: e.operatingFen, contracting: e.contractingFen, investment: e.investmentFen, subsidy: e.subsidyFen, other: e.otherFen,
    createdByName: creator.displayName, createdAt: iso(e.createdAt), submittedAt: iso(e.submittedAt), approvedAt: iso(e.approvedAt), approvedByName: approver.displayName,
  }).from(e).leftJoin(creator, eq(creator.id, e.createdBy)).leftJoin(approver, eq(approver.id, e.approvedBy))
    .where(and(eq(e.organizationId, organizationId), eq(e.year, year))).orderBy(desc(e.version));
  return rows.map(({ operating, contracting, investment, subsidy, other, createdAt, ...r }) => ({
    ...r, createdAt: createdAt ?? '', amounts: { operating, contracting, investment, subsidy, other },
  }));
}

/** The open (draft or submitted) version of a village's year, locked for the write that follows; and the last version number. */
export async function openVersion(tx: DbOrTx, organizationId: number, year: number) {
  const [open] = await tx.select({ id: e.id, status: e.status, version: e.version }).from(e)
    .where(and(eq(e.organizationId, organizationId), eq(e.year, year), ne(e.status, 'approved'))).for('update');
  const [last] = await tx.select({ n: sql<number>`coalesce(max(${e.version}), 0)::int` }).from(e).where(and(eq(e.organizationId, organizationId), eq(e.year, year)));
  return { open, lastVersion: last.n };
}

const columnsOf = (a: IncomeAmounts) => ({ operatingFen: a.operating, contractingFen: a.contracting, investmentFen: a.investment, subsidyFen: a.subsidy, otherFen: a.other });

export async function insertVersion(tx: DbOrTx, v: { tenantId: number; organizationId: number; year: number; version: number; origin: IncomeOrigin; amounts: IncomeAmounts; reason: string | null; createdBy: number }) {
  const [row] = await tx.insert(e).values({ ...v, ...columnsOf(v.amounts), status: 'draft' }).returning({ id: e.id });
  return row.id;
}

export async function updateDraft(tx: DbOrTx, id: number, amounts: IncomeAmounts, origin: IncomeOrigin, reason: string | null) {
  await tx.update(e).set({ ...columnsOf(amounts), origin, reason, updatedAt: new Date() }).where(and(eq(e.id, id), eq(e.status, 'draft')));
}

export async function setStatus(tx: DbOrTx, id: number, from: IncomeStatus, to: IncomeStatus, userId: number) {
  const now = new Date();
  const stamp = to === 'submitted' ? { submittedBy: userId, submittedAt: now } : { approvedBy: userId, approvedAt: now };
  const rows = await tx.update(e).set({ status: to, updatedAt: now, ...stamp }).where(and(eq(e.id, id), eq(e.status, from))).returning({ id: e.id });
  return rows.length === 1;
}

export interface KeptYear { organizationId: number; year: number; amounts: IncomeAmounts; status: 'submitted' | 'approved'; enteredBy: number; approvedBy: number | null; at: Date }

/** Years already kept elsewhere (the demo's ledgers of past years), each as its first version, in one statement. */
export async function insertKeptYears(tx: DbOrTx, tenantId: number, years: readonly KeptYear[]) {
  if (!years.length) return;
  await tx.insert(e).values(years.map((y) => ({
    tenantId, organizationId: y.organizationId, year: y.year, version: 1, status: y.status, origin: 'form' as const, ...columnsOf(y.amounts),
    createdBy: y.enteredBy, createdAt: y.at, updatedAt: y.at, submittedBy: y.enteredBy, submittedAt: y.at,
    approvedBy: y.status === 'approved' ? y.approvedBy : null, approvedAt: y.status === 'approved' ? y.at : null,
  })));
}
