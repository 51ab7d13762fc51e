/**
 * 批量开通书记账号 (issue 12 point 4): the accounts of every branch secretary of the town, from the organisation tree
 * and the roster, in one step. Each gets the branch secretary role at their branch, the user name `sj` + the branch's
 * number and a one-time password to change at first sign-in; the passwords are in the answer once and stored hashed.
 */
import {
  BULK_SKIP_REASONS, bulkSecretaryUsername,
  type BulkSecretariesPreview, type BulkSecretariesResult, type BulkSecretaryRow, type Credential,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { newOneTimePassword } from '../auth/index.js';
import * as bulk from './bulk-repository.js';
import { checkGrants } from './grants.js';
import { insertAccount } from './service.js';

type Skip = (typeof BULK_SKIP_REASONS)[number];

async function rowsOf(db: DbOrTx, user: AuthUser): Promise<BulkSecretaryRow[]> {
  requirePermission(user, 'users.manage');
  const branches = await bulk.branchSecretaries(db, user.scope);
  const holders = await bulk.usernameHolders(db, branches.map((b) => bulkSecretaryUsername(b.organizationId)));
  return branches.map((b) => {
    const username = b.personId === null ? null : bulkSecretaryUsername(b.organizationId);
    const holder = username === null ? undefined : holders.get(username);
    const skip: Skip | null = b.personId === null ? 'no_secretary'
      : b.existingUserId !== null ? 'has_account'
        : holder !== undefined ? 'username_taken' : null;
    return {
      organizationId: b.organizationId, organizationName: b.organizationName, personId: b.personId, personName: b.personName,
      username, skip, existingUserId: b.existingUserId,
    };
  });
}

export async function previewSecretaries(db: Db, user: AuthUser): Promise<BulkSecretariesPreview> {
  return { items: await rowsOf(db, user) };
}

/** Creates every account the preview marks creatable, all or none; the slow password hashing happens before the transaction. */
export async function createSecretaries(db: Db, caller: Caller): Promise<BulkSecretariesResult> {
  const { user } = caller;
  const planned = (await rowsOf(db, user)).filter((r) => r.skip === null);
  const secrets = new Map<number, { password: string; passwordHash: string }>();
  for (const r of planned) secrets.set(r.organizationId, await newOneTimePassword(db, user.tenantId));
  return db.transaction(async (tx) => {
    const rows = await rowsOf(tx, user);
    const credentials: Credential[] = [];
    const skipped: BulkSecretaryRow[] = [];
    for (const r of rows) {
      const secret = secrets.get(r.organizationId);
      // A branch that became creatable since the secrets were drawn waits for the next run (it stays in the preview).
      if (r.skip !== null || !secret || r.personId === null || r.username === null) {
        skipped.push(r);
        continue;
      }
      const grants = await checkGrants(tx, user, [{ role: 'branch_secretary', organizationId: r.organizationId }]);
      const made = await insertAccount(tx, caller, { username: r.username, displayName: r.personName ?? r.username, personId: r.personId }, grants, secret);
      await audit(tx, caller, {
        action: 'users.create', objectType: 'user', objectId: made.userId,
        detail: { username: r.username, personId: r.personId, personCreated: false, grants: [`branch_secretary@${r.organizationId}`], bulk: true },
      });
      credentials.push(made);
    }
    // One record of the whole step, without a password.
    await audit(tx, caller, {
      action: 'users.bulk_secretaries', objectType: 'user',
      detail: { userIds: credentials.map((c) => c.userId), usernames: credentials.map((c) => c.username), skipped: skipped.map((s) => `${s.organizationId}:${s.skip ?? 'later'}`) },
    });
    return { credentials, skipped };
  });
}
