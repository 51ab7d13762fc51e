/**
 * 区级 (issue 17 point 5) in the demo: the demo town's district 市中区 (division code 370402) and its 区委组织部 account
 * `quwei`, made by the command line's own service (createTenant with kind 'district'), with the demo town in it.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { organizations, tenants } from '../db/schema/index.js';
import { createTenant } from '../modules/organizations/index.js';

export const DEMO_DISTRICT_CODE = '370402';
export const DEMO_DISTRICT_ACCOUNT = { username: 'quwei', displayName: '市中区委组织部(演示)' } as const;

export async function seedDemoDistrict(tx: Tx, townTenantId: number, passwordHash: string): Promise<void> {
  const made = await createTenant(tx, {
    kind: 'district', code: DEMO_DISTRICT_CODE, name: '市中区(演示)', committeeName: '市中区委组织部', admin: { username: DEMO_DISTRICT_ACCOUNT.username, passwordHash },
  });
  // Marked demo like the town: the banner shows, and nothing of it is mistaken for real records.
  await tx.update(tenants).set({ isDemo: true }).where(eq(tenants.id, made.tenantId));
  await tx.update(organizations).set({ isDemo: true }).where(inArray(organizations.id, [made.committeeId]));
  await tx.update(tenants).set({ districtId: made.tenantId }).where(eq(tenants.id, townTenantId));
}
