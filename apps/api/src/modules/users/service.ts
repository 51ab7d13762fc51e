/** Accounts a town runs itself (issue 12 point 1): list, create with a one-time password, change grants. Every write audited. */
import {
  CreateUserBodySchema, UpdateUserBodySchema, validateIdNumber,
  type CreateUserBody, type CreateUserResult, type Credential, type UpdateUserBody, type UserList, type UserListQuery, type UserSummary,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { audit, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { newOneTimePassword } from '../auth/index.js';
import { findPersonByIdHash, insertPerson, sealPerson } from '../members/index.js';
import { checkGrants, checkRemovable, type CheckedGrant } from './grants.js';
import * as repo from './repository.js';
import { groupedBy } from '../../lib/group.js';

const conflict = (message: string) => new AppError('CONFLICT', message);
export const LAST_ADMIN = '本镇至少要保留一名在用的镇党委管理员:不能停用最后一名管理员,也不能取消其管理员角色';

/** `grants`: this account's own. */
function summarize(row: repo.UserRow, grants: repo.GrantRow[]): UserSummary {
  const lastSeen = row.lastSeenAt as unknown as string | Date | null;
  return {
    id: row.id, username: row.username, displayName: row.displayName,
    person: row.personId && row.personName ? { id: row.personId, name: row.personName, branchName: row.branchName ?? null } : null,
    grants: grants.map((g) => ({ role: g.role, organizationId: g.organizationId, organizationName: g.organizationName })),
    disabled: row.disabled, locked: !!row.locked, mustChangePassword: row.mustChangePassword, twoFactorEnrolled: !!row.twoFactorEnrolled,
    lastSeenAt: lastSeen ? new Date(lastSeen).toISOString() : null, createdAt: row.createdAt.toISOString(),
  };
}

export async function listUsers(db: DbOrTx, user: AuthUser, query: UserListQuery): Promise<UserList> {
  requirePermission(user, 'users.manage');
  const rows = await repo.listUsers(db, user.scope, query);
  const grants = await repo.grantsOf(db, rows.map((r) => r.id));
  const byUser = groupedBy(grants, (g) => g.userId);
  return { items: rows.map((r) => summarize(r, byUser.get(r.id) ?? [])) };
}

/** A user the caller administers, or 404 (another town's, or one working only outside the caller's scope). */
export async function loadUser(db: DbOrTx, user: AuthUser, id: number): Promise<{ row: repo.UserRow; grants: repo.GrantRow[] }> {
  requirePermission(user, 'users.manage');
  const [row] = await repo.listUsers(db, user.scope, { id });
  if (!row) throw notFound('用户');
  return { row, grants: await repo.grantsOf(db, [id]) };
}

export async function getUser(db: DbOrTx, user: AuthUser, id: number): Promise<UserSummary> {
  const { row, grants } = await loadUser(db, user, id);
  return summarize(row, grants);
}

/** Refuses a change that would leave the town without an active town admin (the target loses the role or the account). */
export async function keepOneTownAdmin(tx: DbOrTx, user: AuthUser, target: { id: number; disabled: boolean }, holdsAdminNow: boolean, holdsAdminAfter: boolean) {
  if (target.disabled || !holdsAdminNow || holdsAdminAfter) return;
  if ((await repo.otherActiveTownAdmins(tx, user.tenantId, target.id)) === 0) throw conflict(LAST_ADMIN);
}

const isActiveAdmin = (grants: readonly { role: string; status?: string }[]) => grants.some((g) => g.role === 'town_admin' && (g.status ?? 'active') === 'active');

/** The person behind a new account: a roster member in the caller's scope, or someone entered with name and 身份证号. */
async function personFor(tx: DbOrTx, { user, cipher }: Caller, person: CreateUserBody['person']): Promise<{ id: number; created: boolean }> {
  if (person.kind === 'member') {
    const found = await repo.rosterPerson(tx, user.scope, person.memberId);
    if (!found) throw notFound('党员');
    return { id: found.id, created: false };
  }
  const id = validateIdNumber(person.idNumber);
  if (!id.ok) throw invalid('person.idNumber', `身份证号:${id.message}`);
  const sealed = sealPerson(cipher, { name: person.name, ethnicity: '', gender: id.gender, birthDate: id.birthDate, idNumber: id.value, phone: person.phone ?? null });
  if (!sealed.ok) throw invalid(`person.${sealed.problems[0].path}`, sealed.problems[0].message);
  // The same 身份证号 is the same person: a cadre already on record is reused, not entered twice.
  const existing = await findPersonByIdHash(tx, user.tenantId, sealed.columns.idNumberHash);
  if (existing) return { id: existing.personId, created: false };
  return { id: await insertPerson(tx, { tenantId: user.tenantId, ...sealed.columns }), created: true };
}

export function credentialOf(u: { id: number; username: string; displayName: string }, grants: readonly { organizationName: string }[], oneTimePassword: string): Credential {
  return { userId: u.id, username: u.username, displayName: u.displayName, organizationName: grants[0]?.organizationName ?? '', oneTimePassword };
}

/** Makes the account in the caller's transaction (bulk creation calls it per branch); the one-time password is hashed before. */
export async function insertAccount(tx: DbOrTx, caller: Caller, body: { username: string; displayName: string; personId: number }, grants: CheckedGrant[], secret: { password: string; passwordHash: string }) {
  if (await repo.usernameTaken(tx, body.username)) throw conflict(`用户名“${body.username}”已被使用,请换一个`);
  if (await repo.accountOfPerson(tx, caller.user.tenantId, body.personId)) throw conflict('该人员已有账号,请在列表中编辑其角色');
  const id = await repo.insertUser(tx, {
    tenantId: caller.user.tenantId, username: body.username, displayName: body.displayName, passwordHash: secret.passwordHash,
    personId: body.personId, mustChangePassword: true,
  });
  await repo.replaceGrants(tx, id, grants.map((g) => ({ role: g.role, organizationId: g.organizationId })));
  return credentialOf({ id, username: body.username, displayName: body.displayName }, grants, secret.password);
}

const grantsDetail = (grants: readonly { role: string; organizationId: number }[]) => grants.map((g) => `${g.role}@${g.organizationId}`);

export async function createUser(db: Db, caller: Caller, raw: CreateUserBody): Promise<CreateUserResult> {
  const { user } = caller;
  requirePermission(user, 'users.manage');
  const body = CreateUserBodySchema.parse(raw);
  const secret = await newOneTimePassword(db, user.tenantId);
  const credential = await db.transaction(async (tx) => {
    const grants = await checkGrants(tx, user, body.grants);
    const person = await personFor(tx, caller, body.person);
    const made = await insertAccount(tx, caller, { username: body.username, displayName: body.displayName, personId: person.id }, grants, secret);
    await audit(tx, caller, {
      action: 'users.create', objectType: 'user', objectId: made.userId,
      detail: { username: body.username, personId: person.id, personCreated: person.created, grants: grantsDetail(grants) },
    });
    return made;
  });
  return { user: await getUser(db, user, credential.userId), credential };
}

export async function updateUser(db: Db, caller: Caller, id: number, raw: UpdateUserBody): Promise<UserSummary> {
  const { user } = caller;
  const body = UpdateUserBodySchema.parse(raw);
  await db.transaction(async (tx) => {
    const { row, grants: before } = await loadUser(tx, user, id);
    const detail: Record<string, unknown> = {};
    if (body.displayName !== undefined && body.displayName !== row.displayName) {
      await repo.updateUser(tx, id, { displayName: body.displayName });
      detail.displayName = body.displayName;
    }
    if (body.grants) {
      const after = await checkGrants(tx, user, body.grants);
      const kept = new Set(after.map((g) => `${g.role}:${g.organizationId}`));
      checkRemovable(user, before.filter((g) => !kept.has(`${g.role}:${g.organizationId}`)));
      await keepOneTownAdmin(tx, user, row, isActiveAdmin(before), isActiveAdmin(after));
      await repo.replaceGrants(tx, id, after.map((g) => ({ role: g.role, organizationId: g.organizationId })));
      detail.grants = { before: grantsDetail(before), after: grantsDetail(after) };
    }
    await audit(tx, caller, { action: 'users.update', objectType: 'user', objectId: id, detail });
  });
  return getUser(db, user, id);
}
