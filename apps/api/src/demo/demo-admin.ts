import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { organizations, users } from '../db/schema/index.js';
import { accessOf, type AuthUser } from '../lib/access/index.js';

/**
 * The demo town's admin as a signed-in user at the 党委: the seeds that go through a module's services (发展党员) or
 * read through its public face (考核's record figures) act as this account.
 */
export async function demoAdminUser(tx: Tx, tenantId: number): Promise<AuthUser> {
  const [admin] = await tx.select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users).where(and(eq(users.tenantId, tenantId), eq(users.username, 'admin')));
  const [town] = await tx.select({ id: organizations.id, name: organizations.name, path: organizations.path }).from(organizations)
    .where(and(eq(organizations.tenantId, tenantId), isNull(organizations.parentId)));
  return {
    id: admin.id, tenantId, personId: null, tenantName: '西王庄镇', isDemoTenant: true, username: admin.username, displayName: admin.displayName,
    ...accessOf(tenantId, [{ role: 'town_admin', organizationId: town.id, name: town.name, path: town.path }]),
  };
}
