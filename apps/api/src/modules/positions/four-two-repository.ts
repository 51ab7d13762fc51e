import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { fourTwoProcedures, fourTwoStages, organizations } from '../../db/schema/index.js';
import { scopeFilter, type Scope, inSubtree } from '../../db/scope.js';

const procedureColumns = {
  id: fourTwoProcedures.id, organizationId: fourTwoProcedures.organizationId, organizationName: organizations.name, organizationPath: organizations.path,
  title: fourTwoProcedures.title, category: fourTwoProcedures.category, status: fourTwoProcedures.status, isDemo: fourTwoProcedures.isDemo, createdAt: fourTwoProcedures.createdAt,
};
export type ProcedureRow = Awaited<ReturnType<typeof listProcedures>>[number];

export async function listProcedures(db: DbOrTx, scope: Scope, f: { orgPath?: string; id?: number }) {
  const parts: (SQL | undefined)[] = [scopeFilter(organizations, scope)];
  if (f.orgPath) parts.push(inSubtree(organizations.path, f.orgPath));
  if (f.id) parts.push(eq(fourTwoProcedures.id, f.id));
  return db.select(procedureColumns).from(fourTwoProcedures).innerJoin(organizations, eq(organizations.id, fourTwoProcedures.organizationId))
    .where(and(...parts)).orderBy(desc(fourTwoProcedures.createdAt), desc(fourTwoProcedures.id));
}

/** One procedure in scope; `lock` serialises two secretaries recording the next stage at once. */
export async function findProcedure(db: DbOrTx, scope: Scope, id: number, lock = false) {
  const [row] = await listProcedures(db, scope, { id });
  if (row && lock) await db.execute(sql`select id from four_two_procedures where id = ${id} for update`);
  return row;
}

export async function insertProcedure(db: DbOrTx, values: typeof fourTwoProcedures.$inferInsert) {
  const [row] = await db.insert(fourTwoProcedures).values(values).returning({ id: fourTwoProcedures.id });
  return row.id;
}

export async function setStatus(db: DbOrTx, id: number, status: 'open' | 'rejected' | 'done') {
  await db.update(fourTwoProcedures).set({ status }).where(eq(fourTwoProcedures.id, id));
}

/** Stages without the file bytes. */
export async function stagesOf(db: DbOrTx, procedureIds: number[]) {
  if (!procedureIds.length) return [];
  return db.select({
    id: fourTwoStages.id, procedureId: fourTwoStages.procedureId, stage: fourTwoStages.stage, heldOn: fourTwoStages.heldOn, body: fourTwoStages.body,
    vote: fourTwoStages.vote, passed: fourTwoStages.passed, note: fourTwoStages.note, fileName: fourTwoStages.fileName, fileMime: fourTwoStages.fileMime,
    recordedAt: fourTwoStages.recordedAt,
  }).from(fourTwoStages).where(inArray(fourTwoStages.procedureId, procedureIds)).orderBy(asc(fourTwoStages.id));
}

export async function insertStage(db: DbOrTx, values: typeof fourTwoStages.$inferInsert) {
  const [row] = await db.insert(fourTwoStages).values(values).returning({ id: fourTwoStages.id });
  return row.id;
}

/** A stage of this procedure only: another procedure's stage id answers nothing. */
export async function findStageFile(db: DbOrTx, procedureId: number, stageId: number) {
  const [row] = await db.select({ id: fourTwoStages.id, name: fourTwoStages.fileName, mime: fourTwoStages.fileMime, data: fourTwoStages.fileData })
    .from(fourTwoStages).where(and(eq(fourTwoStages.id, stageId), eq(fourTwoStages.procedureId, procedureId))).limit(1);
  return row;
}

export async function setStageFile(db: DbOrTx, stageId: number, file: { name: string; mime: string; data: Buffer }) {
  await db.update(fourTwoStages).set({ fileName: file.name, fileMime: file.mime, fileData: file.data }).where(eq(fourTwoStages.id, stageId));
}
