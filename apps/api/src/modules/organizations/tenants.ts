/**
 * A town (tenant) with its top party organisation and first town admin, and sign-in accounts inside it: the one
 * place that writes them, used by `npm run tenant:create` and by the test factories (test/factories.ts).
 */
import type { Role } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { recordAudit } from '../../lib/audit/index.js';
import { ensureDefaultTemplates } from '../activities/index.js';
import { ensureExampleSchemes } from '../assessment/index.js';
import * as repo from './tenants-repository.js';

export interface NewAccount {
  tenantId: number;
  username: string;
  displayName: string;
  passwordHash: string;
  /** Each role at its organisation (the account sees those subtrees and may do there what the role may). */
  grants: { role: Role; organizationId: number }[];
  personId?: number | null;
}

export async function createAccount(tx: DbOrTx, account: NewAccount): Promise<number> {
  return repo.insertUser(tx, {
    tenantId: account.tenantId, username: account.username.toLowerCase(), displayName: account.displayName,
    passwordHash: account.passwordHash, personId: account.personId ?? null,
  }, account.grants);
}

export interface NewTenant {
  code: string;
  name: string;
  committeeName: string;
  admin: { username: string; passwordHash: string };
  /** 行政村 (code, name) the town's branches may belong to. */
  villages?: { code: string; name: string }[];
}

/** Call inside a transaction: the town, its 党委, its admin, the default checklist templates and the example assessment schemes appear together. */
export async function createTenant(tx: DbOrTx, input: NewTenant) {
  const tenantId = await repo.insertTenant(tx, { code: input.code, name: input.name });
  const committeeId = await repo.insertRootOrganization(tx, { tenantId, name: input.committeeName, kind: 'committee', sector: 'government' });
  const adminId = await createAccount(tx, {
    tenantId, username: input.admin.username, displayName: `${input.name}管理员`, passwordHash: input.admin.passwordHash,
    grants: [{ role: 'town_admin', organizationId: committeeId }],
  });
  const villageIds = await repo.insertVillages(tx, (input.villages ?? []).map((v) => ({ tenantId, ...v })));
  await ensureDefaultTemplates(tx, tenantId);
  await ensureExampleSchemes(tx, tenantId);
  await recordAudit(tx, { tenantId, action: 'tenant.create', objectType: 'tenant', objectId: tenantId, result: 'ok', detail: { admin: input.admin.username.toLowerCase() } });
  return { tenantId, committeeId, adminId, villageIds };
}
