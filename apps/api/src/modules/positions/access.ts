/** Who may see and change positions records: one place for the whole module. */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';
import { isPathInScope } from '../../db/scope.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { recordAudit } from '../../plugins/audit.js';
import { isSelfOnly, type AuthUser } from '../../plugins/auth.js';
import { canManage } from '../members/service.js';

export interface Caller { user: AuthUser; ip: string }

/** A plain 党员 sees none of these village records. */
export const seesNothing = (user: AuthUser) => isSelfOnly(user);

/** Town admins and the branch's own secretary write; supervisors and inspectors only read. */
export const canEdit = (user: AuthUser, path: string) => !isSelfOnly(user) && canManage(user, path);

export interface Branch { id: number; name: string; path: string; villageId: number | null }

/**
 * An active village party branch inside the caller's scope, or 404 (another village's id looks like a
 * nonexistent one). Only branches hold these records: a 党委 or 党小组 id is refused the same way.
 */
export async function branchInScope(db: DbOrTx, user: AuthUser, orgId: number, what = '党支部'): Promise<Branch> {
  const [row] = await db.select({ id: organizations.id, name: organizations.name, path: organizations.path, villageId: organizations.villageId, kind: organizations.kind })
    .from(organizations).where(and(eq(organizations.tenantId, user.tenantId), eq(organizations.id, orgId), eq(organizations.status, 'active'))).limit(1);
  if (!row || seesNothing(user) || row.kind !== 'branch' || !isPathInScope(row.path, user.scope)) throw notFound(what);
  return { id: row.id, name: row.name, path: row.path, villageId: row.villageId };
}

/** As branchInScope, and the caller must be allowed to write there (403 only once the branch is visible). */
export async function writableBranch(db: DbOrTx, user: AuthUser, orgId: number, message: string): Promise<Branch> {
  const branch = await branchInScope(db, user, orgId);
  if (!canEdit(user, branch.path)) throw forbidden(message);
  return branch;
}

export const audit = (db: DbOrTx, { user, ip }: Caller, action: string, objectType: string, objectId: number, detail: Record<string, unknown>) =>
  recordAudit(db, { tenantId: user.tenantId, userId: user.id, username: user.username, ip, action, objectType, objectId, result: 'ok', detail });

/** Reads a multipart upload (field "file") only when called: after the scope checks. */
export interface Upload { data: Buffer; filename: string }
