/**
 * A town (tenant) with its top party organisation and first town admin, and sign-in accounts inside it: the one
 * place that writes them, used by `npm run tenant:create` and by the test factories (test/factories.ts).
 */
import { eq } from 'drizzle-orm';
import type { Role } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { organizations, tenants, userScopes, users, villages } from '../../db/schema/index.js';
import { recordAudit } from '../../plugins/audit.js';
import { ensureDefaultTemplates } from '../activities/index.js';

export interface NewAccount {
  tenantId: number;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  /** Roots of the organisation subtrees the account may see. */
  scope: number[];
  personId?: number | null;
}

export async function createAccount(tx: DbOrTx, account: NewAccount): Promise<number> {
  const [user] = await tx.insert(users).values({
    tenantId: account.tenantId, username: account.username.toLowerCase(), displayName: account.displayName,
    passwordHash: account.passwordHash, roles: account.roles, personId: account.personId ?? null,
  }).returning({ id: users.id });
  if (account.scope.length) await tx.insert(userScopes).values(account.scope.map((organizationId) => ({ userId: user.id, organizationId })));
  return user.id;
}

export interface NewTenant {
  code: string;
  name: string;
  committeeName: string;
  admin: { username: string; passwordHash: string };
  /** 行政村 (code, name) the town's branches may belong to. */
  villages?: { code: string; name: string }[];
}

/** Call inside a transaction: the town, its 党委, its admin and the default checklist templates appear together. */
export async function createTenant(tx: DbOrTx, input: NewTenant) {
  const [tenant] = await tx.insert(tenants).values({ code: input.code, name: input.name }).returning({ id: tenants.id });
  const [org] = await tx.insert(organizations).values({ tenantId: tenant.id, path: 'pending', name: input.committeeName, kind: 'committee', sector: 'government' }).returning({ id: organizations.id });
  await tx.update(organizations).set({ path: `/${org.id}/` }).where(eq(organizations.id, org.id));
  const adminId = await createAccount(tx, {
    tenantId: tenant.id, username: input.admin.username, displayName: `${input.name}管理员`, passwordHash: input.admin.passwordHash,
    roles: ['town_admin'], scope: [org.id],
  });
  const villageRows = input.villages?.length
    ? await tx.insert(villages).values(input.villages.map((v) => ({ tenantId: tenant.id, ...v }))).returning({ id: villages.id })
    : [];
  await ensureDefaultTemplates(tx, tenant.id);
  await recordAudit(tx, { tenantId: tenant.id, action: 'tenant.create', objectType: 'tenant', objectId: tenant.id, result: 'ok', detail: { admin: input.admin.username.toLowerCase() } });
  return { tenantId: tenant.id, committeeId: org.id, adminId, villageIds: villageRows.map((v) => v.id) };
}
