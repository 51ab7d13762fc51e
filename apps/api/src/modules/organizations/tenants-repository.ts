/** The rows a new town and its sign-in accounts are made of (tenants.ts decides what goes in them). */
import type { Role } from '@dj/contracts';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organizations, roleGrants, tenants, users, villages } from '../../db/schema/index.js';

export async function insertTenant(db: DbOrTx, values: typeof tenants.$inferInsert): Promise<number> {
  const [tenant] = await db.insert(tenants).values(values).returning({ id: tenants.id });
  return tenant.id;
}

/** A root organisation: its path is its own id, known only once the row exists. */
export async function insertRootOrganization(db: DbOrTx, values: Omit<typeof organizations.$inferInsert, 'path'>): Promise<number> {
  const [org] = await db.insert(organizations).values({ ...values, path: 'pending' }).returning({ id: organizations.id });
  await db.update(organizations).set({ path: `/${org.id}/` }).where(eq(organizations.id, org.id));
  return org.id;
}

/** A user and their role grants. */
export async function insertUser(db: DbOrTx, values: typeof users.$inferInsert, grants: { role: Role; organizationId: number }[]): Promise<number> {
  const [user] = await db.insert(users).values(values).returning({ id: users.id });
  if (grants.length) await db.insert(roleGrants).values(grants.map((g) => ({ userId: user.id, ...g })));
  return user.id;
}

export async function insertVillages(db: DbOrTx, rows: (typeof villages.$inferInsert)[]): Promise<number[]> {
  if (!rows.length) return [];
  return (await db.insert(villages).values(rows).returning({ id: villages.id })).map((v) => v.id);
}
