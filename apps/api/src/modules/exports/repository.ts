import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { exportJobs, organizations } from '../../db/schema/index.js';
import type { GrantAt } from '../../lib/access/index.js';
import { inSubtree } from '../../db/scope.js';

/** Everything of a row but the file's bytes (lists and progress polls never read them). */
const VIEW = {
  id: exportJobs.id, tenantId: exportJobs.tenantId, userId: exportJobs.userId, organizationId: exportJobs.organizationId,
  kind: exportJobs.kind, params: exportJobs.params, title: exportJobs.title, ip: exportJobs.ip, status: exportJobs.status,
  progress: exportJobs.progress, fileName: exportJobs.fileName, size: exportJobs.size, error: exportJobs.error,
  createdAt: exportJobs.createdAt, finishedAt: exportJobs.finishedAt, expiresAt: exportJobs.expiresAt,
};

export async function insertExport(db: DbOrTx, values: typeof exportJobs.$inferInsert) {
  const [row] = await db.insert(exportJobs).values(values).returning(VIEW);
  return row;
}

/** The caller's own exports, newest first (the drawer shows the last 50). */
export function listMine(db: DbOrTx, userId: number) {
  return db.select(VIEW).from(exportJobs).where(eq(exportJobs.userId, userId)).orderBy(desc(exportJobs.id)).limit(50);
}

export async function findMine(db: DbOrTx, userId: number, id: number) {
  const [row] = await db.select(VIEW).from(exportJobs).where(and(eq(exportJobs.id, id), eq(exportJobs.userId, userId))).limit(1);
  return row;
}

export async function fileOf(db: DbOrTx, id: number) {
  const [row] = await db.select({ fileName: exportJobs.fileName, mime: exportJobs.mime, data: exportJobs.data }).from(exportJobs).where(eq(exportJobs.id, id)).limit(1);
  return row;
}

/** Takes the oldest queued export; SKIP LOCKED so that two job processes never take the same one. */
export async function claimNext(db: Db) {
  const { rows } = await db.$client.query<{ id: number }>(`
    update exports set status = 'running', started_at = now(), progress = 0
    where id = (select id from exports where status = 'queued' order by id limit 1 for update skip locked)
    returning id`);
  if (!rows[0]) return undefined;
  const [row] = await db.select(VIEW).from(exportJobs).where(eq(exportJobs.id, rows[0].id));
  return row;
}

export async function setProgress(db: DbOrTx, id: number, progress: number) {
  await db.update(exportJobs).set({ progress }).where(eq(exportJobs.id, id));
}

export async function finish(db: DbOrTx, id: number, file: { fileName: string; mime: string; data: Buffer }, keepDays: number) {
  await db.update(exportJobs).set({
    status: 'done', progress: 100, fileName: file.fileName, mime: file.mime, data: file.data, size: file.data.length,
    finishedAt: sql`now()`, expiresAt: sql`now() + make_interval(days => ${keepDays}::int)`,
  }).where(eq(exportJobs.id, id));
}

export async function fail(db: DbOrTx, id: number, message: string, keepDays: number) {
  await db.update(exportJobs).set({ status: 'failed', error: message, finishedAt: sql`now()`, expiresAt: sql`now() + make_interval(days => ${keepDays}::int)` })
    .where(eq(exportJobs.id, id));
}

/**
 * Files past their keeping time are deleted with their row; an export left running by a process that died (over
 * 30 minutes) is marked failed so its owner can start it again.
 */
export async function housekeeping(db: DbOrTx) {
  await db.execute(sql`delete from exports where expires_at < now()`);
  await db.execute(sql`update exports set status = 'failed', error = '生成中断(服务重启),请重新导出', finished_at = now(),
    expires_at = now() + interval '1 day' where status = 'running' and started_at < now() - interval '30 minutes'`);
}

/** The active branches at or below an organisation the caller may see (the caller's scope was checked on the root). */
export function branchesUnder(db: DbOrTx, tenantId: number, path: string) {
  return db.select({ id: organizations.id, name: organizations.name }).from(organizations)
    .where(and(eq(organizations.tenantId, tenantId), inSubtree(organizations.path, path), eq(organizations.kind, 'branch'), eq(organizations.status, 'active')))
    .orderBy(organizations.path);
}

/** The exporter as a request would see them (same query shape as the session's): roles and scope read afresh. */
export async function actingUser(db: Db, userId: number) {
  const { rows } = await db.$client.query<{
    id: number; tenant_id: number; person_id: number | null; username: string; display_name: string; disabled: boolean;
    tenant_name: string; is_demo: boolean; grants: GrantAt[];
  }>(`
    select u.id, u.tenant_id, u.person_id, u.username, u.display_name, u.disabled, t.name as tenant_name, t.is_demo,
           coalesce((select json_agg(json_build_object('role', g.role, 'organizationId', o.id, 'name', o.name, 'path', o.path) order by o.path, g.role)
                     from role_grants g join organizations o on o.id = g.organization_id and o.status = 'active'
                     where g.user_id = u.id), '[]'::json) as grants
    from users u join tenants t on t.id = u.tenant_id where u.id = $1`, [userId]);
  return rows[0];
}
