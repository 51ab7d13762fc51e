// 区级 (issue 17 point 5) for the bench: a district of N towns (default 10), each a tenant of its own with its 党委
// and a small generated tree of village branches, built through the product's own tenant writer (createTenant with
// --district, as `npm run tenant:create` does) and the organisation columns gen-orgs.ts fills; plus the district's
// 区委组织部 account. Kept once made (same code), so a second run measures the same district.
import { eq } from 'drizzle-orm';
import { openDatabase, SYSTEM_SCOPE, withRowScope, type Tx } from '../../apps/api/src/db/client.js';
import { organizations, tenants } from '../../apps/api/src/db/schema/index.js';
import { hashPassword } from '../../apps/api/src/modules/auth/index.js';
import { createTenant } from '../../apps/api/src/modules/organizations/index.js';
import { pad, pick, rng, VILLAGE_WORDS } from './scale-plan.js';

export const BENCH_DISTRICT_CODE = '379800';
export const BENCH_DISTRICT_USER = 'quwei_bench';

export interface DistrictGeneration { code: string; username: string; towns: number; branches: number; reused: boolean; seconds: number }

/** The town's village branches under its 党委, each in its own 行政村 (the town's villages, in order). */
async function addBranches(tx: Tx, tenantId: number, committeeId: number, villageIds: number[], names: string[]) {
  for (const [i, villageId] of villageIds.entries()) {
    const [org] = await tx.insert(organizations).values({
      tenantId, parentId: committeeId, path: 'pending', name: `${names[i]}党支部`, kind: 'branch', sector: 'village', villageId, sortOrder: i + 1,
    }).returning({ id: organizations.id });
    await tx.update(organizations).set({ path: `/${committeeId}/${org.id}/` }).where(eq(organizations.id, org.id));
  }
}

/**
 * A district of `towns` towns of `branchesPerTown` village branches each (no members or records: the 驾驶舱 still runs
 * every one of its statements per town, which is what the district's request multiplies). `url`: the platform's own
 * database URL; written as the system (row scope '*'), as the demo seed and the calendars job are.
 */
export async function generateDistrict(url: string, password: string, options: { towns?: number; branchesPerTown?: number } = {}): Promise<DistrictGeneration> {
  const towns = options.towns ?? 10;
  const branchesPerTown = options.branchesPerTown ?? 20;
  const started = performance.now();
  const database = openDatabase(url, 2);
  try {
    return await withRowScope(SYSTEM_SCOPE, () => build(database, password, towns, branchesPerTown, started));
  } finally {
    await database.close();
  }
}

async function build(database: ReturnType<typeof openDatabase>, password: string, towns: number, branchesPerTown: number, started: number): Promise<DistrictGeneration> {
  const result = (reused: boolean) => ({
    code: BENCH_DISTRICT_CODE, username: BENCH_DISTRICT_USER, towns, branches: towns * branchesPerTown, reused, seconds: reused ? 0 : (performance.now() - started) / 1000,
  });
  const [kept] = await database.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.code, BENCH_DISTRICT_CODE));
  if (kept) return result(true);
  const passwordHash = await hashPassword(password);
  const rand = rng(17_005 + towns);
  await database.db.transaction(async (tx) => {
    await createTenant(tx, { kind: 'district', code: BENCH_DISTRICT_CODE, name: '基准区', committeeName: '基准区委组织部', admin: { username: BENCH_DISTRICT_USER, passwordHash } });
    for (let t = 1; t <= towns; t++) {
      const code = `${BENCH_DISTRICT_CODE}${pad(t, 3)}`;
      const names = Array.from({ length: branchesPerTown }, (_, b) => `${pick(rand, VILLAGE_WORDS)}${b + 1}村`);
      const made = await createTenant(tx, {
        districtCode: BENCH_DISTRICT_CODE, code, name: `基准${t}镇`, committeeName: `基准${t}镇党委`, admin: { username: `bench_town${t}`, passwordHash },
        villages: names.map((name, b) => ({ code: `${code}${pad(b + 1, 3)}`, name })),
      });
      await addBranches(tx, made.tenantId, made.committeeId, made.villageIds, names);
    }
  });
  return result(false);
}
