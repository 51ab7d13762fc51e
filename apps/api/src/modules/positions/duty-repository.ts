import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { dutyShifts, members, organizations } from '../../db/schema/index.js';
import { scopeFilter, type Scope, inSubtree } from '../../db/scope.js';

const shiftColumns = {
  id: dutyShifts.id, organizationId: dutyShifts.organizationId, organizationName: organizations.name, organizationPath: organizations.path,
  onDate: dutyShifts.onDate, slot: dutyShifts.slot, personName: dutyShifts.personName, memberId: dutyShifts.memberId,
  swappedWithName: dutyShifts.swappedWithName, swapReason: dutyShifts.swapReason, presence: dutyShifts.presence,
  presenceNote: dutyShifts.presenceNote, recordedAt: dutyShifts.recordedAt, isDemo: dutyShifts.isDemo,
};
export type ShiftRow = Awaited<ReturnType<typeof listShifts>>[number];

export async function listShifts(db: DbOrTx, scope: Scope, f: { orgPath?: string; from?: string; to?: string; id?: number; ids?: number[] }) {
  const parts: (SQL | undefined)[] = [scopeFilter(organizations, scope)];
  if (f.orgPath) parts.push(inSubtree(organizations.path, f.orgPath));
  if (f.from) parts.push(gte(dutyShifts.onDate, f.from));
  if (f.to) parts.push(lte(dutyShifts.onDate, f.to));
  if (f.id) parts.push(eq(dutyShifts.id, f.id));
  if (f.ids) parts.push(f.ids.length ? inArray(dutyShifts.id, f.ids) : sql`false`);
  return db.select(shiftColumns).from(dutyShifts).innerJoin(organizations, eq(organizations.id, dutyShifts.organizationId))
    .where(and(...parts)).orderBy(asc(dutyShifts.onDate), sql`case ${dutyShifts.slot} when 'am' then 0 when 'day' then 1 else 2 end`, asc(organizations.path), asc(dutyShifts.id));
}

/** One shift in scope, locked for the write that follows. */
export async function findShift(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await listShifts(db, scope, { id });
  if (row) await db.execute(sql`select id from duty_shifts where id = ${id} for update`);
  return row;
}

export async function existingSlots(db: DbOrTx, organizationId: number, dates: string[]) {
  if (!dates.length) return [];
  return db.select({ onDate: dutyShifts.onDate, slot: dutyShifts.slot, personName: dutyShifts.personName }).from(dutyShifts)
    .where(and(eq(dutyShifts.organizationId, organizationId), inArray(dutyShifts.onDate, dates)));
}

export async function insertShifts(db: DbOrTx, values: (typeof dutyShifts.$inferInsert)[]) {
  return db.insert(dutyShifts).values(values).returning({ id: dutyShifts.id });
}

export async function updateShift(db: DbOrTx, id: number, values: Partial<typeof dutyShifts.$inferInsert>) {
  await db.update(dutyShifts).set(values).where(eq(dutyShifts.id, id));
}

export async function deleteShift(db: DbOrTx, id: number) {
  await db.delete(dutyShifts).where(eq(dutyShifts.id, id));
}

/** Members of exactly this branch (or its 党小组), by id: someone of another branch cannot be put on its roster. */
export async function membersOfBranch(db: DbOrTx, branchPath: string, ids: number[]) {
  if (!ids.length) return [];
  return db.select({ id: members.id }).from(members).innerJoin(organizations, eq(organizations.id, members.organizationId))
    .where(and(inSubtree(organizations.path, branchPath), inArray(members.id, ids)));
}
