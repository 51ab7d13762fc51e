import { eq } from 'drizzle-orm';
import { forgetPerRequest, perRequest, type DbOrTx } from '../../db/client.js';
import { settings, tenants, users } from '../../db/schema/index.js';

const memoKey = (tenantId: number) => `settings:${tenantId}`;

/**
 * Every value the tenant set (keys never set are absent: the registry's default applies), read once per request
 * whichever module asks first: a town sets a few dozen, and each module's rules read theirs. Read-only for callers.
 */
export function storedValues(db: DbOrTx, tenantId: number): Promise<ReadonlyMap<string, number>> {
  return perRequest(memoKey(tenantId), async () => new Map((await db.select({ key: settings.key, value: settings.value }).from(settings)
    .where(eq(settings.tenantId, tenantId))).map((r) => [r.key, r.value])));
}

/** Every value the tenant set, with who set it and when. */
export async function listStored(db: DbOrTx, tenantId: number) {
  return db.select({ key: settings.key, value: settings.value, updatedAt: settings.updatedAt, updatedBy: users.displayName })
    .from(settings).leftJoin(users, eq(users.id, settings.updatedBy)).where(eq(settings.tenantId, tenantId));
}

export async function upsert(db: DbOrTx, tenantId: number, key: string, value: number, userId: number) {
  forgetPerRequest(memoKey(tenantId));
  const updatedAt = new Date();
  await db.insert(settings).values({ tenantId, key, value, updatedBy: userId, updatedAt })
    .onConflictDoUpdate({ target: [settings.tenantId, settings.key], set: { value, updatedBy: userId, updatedAt } });
  forgetPerRequest(memoKey(tenantId));
}

/** Whether the tenant is a district (issue 17 point 5): the district's own rules are listed there only. */
export async function isDistrict(db: DbOrTx, tenantId: number): Promise<boolean> {
  const [row] = await db.select({ kind: tenants.kind }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  return row?.kind === 'district';
}
