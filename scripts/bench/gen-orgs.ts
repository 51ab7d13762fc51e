// The synthetic district as the product deploys one (decision 010, ARCHITECTURE: a tenant is a town): a district
// tenant (kind 'district') with its 区委组织部 root organisation, and its towns, each a tenant of its own (kind 'town',
// district_id → the district) with its 党委 as root, its villages, village and other branches and party groups in the
// large branches; every row of a town carries that town's tenant_id. Ids are planned in memory, the rows COPYed.
import type pg from 'pg';
import { organizations, roleGrants, settings, tenants, users, villages } from '../../apps/api/src/db/schema/index.js';
import { copyRows } from './copy.js';
import { branchSize, pad, pick, rng, TOWN_NAMES, VILLAGE_WORDS, type ScalePlan } from './scale-plan.js';

export interface Branch {
  id: number; town: number; townOrgId: number; villageId: number | null; sector: 'village' | 'private_enterprise' | 'government' | 'community';
  name: string; size: number; firstMember: number;
  /** Party groups: organisation id and the contiguous member range [start, start + count). */
  groups: { id: number; start: number; count: number }[];
}
export interface Town { tenantId: number; orgId: number; code: string; name: string }
export interface Layout {
  districtTenantId: number; districtOrgId: number; towns: Town[];
  branches: Branch[]; members: number; villageCodes: string[]; users?: number; organizations: number;
  /** The town tenant of member (and person) i, by number: members are numbered contiguously per branch. */
  memberTenant: Int32Array;
}

export const BENCH_DISTRICT_CODE = '379900';
/** The district's 区委组织部 account (role district_viewer at the district's root organisation). */
export const BENCH_DISTRICT_USER = 'quwei';
const DISTRICT_TENANT = 1;
/** Town t (0-based) is tenant t + 2: the district is tenant 1. */
const townTenant = (t: number) => t + 2;
export const tenantOfBranch = (layout: Layout, b: Branch) => layout.towns[b.town].tenantId;

type OrgInput = Omit<typeof organizations.$inferInsert, 'id' | 'path' | 'tenantId' | 'parentId' | 'isJoint' | 'villageId' | 'status' | 'closedAt' | 'isDemo' | 'createdAt' | 'updatedAt'> & { villageId?: number | null };

const DISTRICT_NAMES = { town: '样本区', county: '样本县', city: '样本市', province: '样本省' } as const;

/** Plans ids and sizes in memory (members are numbered contiguously per branch), then COPYs the tenants and trees (accounts come after the persons they point at). */
export async function generateOrganisations(client: pg.PoolClient, plan: ScalePlan): Promise<Layout> {
  const rand = rng(14_000 + plan.towns);
  const single = plan.towns === 1;
  const orgRows: (typeof organizations.$inferInsert)[] = [];
  const villageRows: (typeof villages.$inferInsert)[] = [];
  let orgId = 0;
  const addOrg = (tenantId: number, parent: { id: number; path: string } | null, row: OrgInput) => {
    const id = ++orgId;
    const path = `${parent?.path ?? '/'}${id}/`;
    orgRows.push({ id, tenantId, parentId: parent?.id ?? null, path, name: row.name, kind: row.kind, sector: row.sector, isJoint: false, villageId: row.villageId ?? null, status: 'active', closedAt: null, sortOrder: row.sortOrder ?? 0, isDemo: false, createdAt: new Date('2020-01-01T00:00:00Z'), updatedAt: new Date('2020-01-01T00:00:00Z') });
    return { id, path };
  };
  const districtName = DISTRICT_NAMES[plan.scale];
  const districtRoot = addOrg(DISTRICT_TENANT, null, { name: `${districtName}委组织部`, kind: 'committee', sector: 'government', sortOrder: 0 });
  const layout: Layout = { districtTenantId: DISTRICT_TENANT, districtOrgId: districtRoot.id, towns: [], branches: [], members: 0, villageCodes: [], organizations: 0, memberTenant: new Int32Array(0) };
  const tenantRows: (typeof tenants.$inferInsert)[] = [{ id: DISTRICT_TENANT, code: BENCH_DISTRICT_CODE, name: `${districtName}(基准测试)`, kind: 'district', districtId: null, isDemo: false }];
  let memberCursor = 1;
  let villageId = 0;
  for (let t = 0; t < plan.towns; t++) {
    const tenantId = townTenant(t);
    const townName = single ? '样本镇' : `${pick(rand, TOWN_NAMES)}${pick(rand, VILLAGE_WORDS)}${t + 1}镇`;
    const townCode = `3799${pad(Math.floor(t / 1000) % 100)}${pad(t % 1000, 3)}`;
    tenantRows.push({ id: tenantId, code: townCode, name: townName, kind: 'town', districtId: DISTRICT_TENANT, isDemo: false });
    const town = addOrg(tenantId, null, { name: `${townName}党委`, kind: 'committee', sector: 'government', sortOrder: 0 });
    layout.towns.push({ tenantId, orgId: town.id, code: townCode, name: townName });
    for (let b = 0; b < plan.branchesPerTown; b++) {
      // ~85% villages, then one town-organ branch, enterprises and a community.
      const kind = b < Math.round(plan.branchesPerTown * 0.85) ? 'village' : b === plan.branchesPerTown - 1 ? 'government' : b % 2 ? 'private_enterprise' : 'community';
      let vId: number | null = null;
      let name: string;
      if (kind === 'village') {
        vId = ++villageId;
        const code = `${townCode}${pad(b + 1, 3)}`;
        name = `${pick(rand, VILLAGE_WORDS)}${b + 1}村`;
        villageRows.push({ id: vId, tenantId, code, name });
        layout.villageCodes.push(code);
        name = `${name}党支部`;
      } else name = kind === 'government' ? `${townName}机关党支部` : kind === 'community' ? `${townName}社区党支部` : `${townName}企业${b}党支部`;
      const size = branchSize(rand, kind === 'village' ? plan.meanBranchSize : plan.meanBranchSize * 0.6);
      const org = addOrg(tenantId, town, { name, kind: 'branch', sector: kind, villageId: vId, sortOrder: b + 1 });
      const branch: Branch = { id: org.id, town: t, townOrgId: town.id, villageId: vId, sector: kind, name, size, firstMember: memberCursor, groups: [] };
      // 党员超过50名的支部分设党小组 (2–4 groups of contiguous members).
      const groupCount = size > 50 ? Math.min(4, Math.ceil(size / 35)) : 0;
      for (let g = 0; g < groupCount; g++) {
        const start = memberCursor + Math.floor((g * size) / groupCount);
        const end = memberCursor + Math.floor(((g + 1) * size) / groupCount);
        const group = addOrg(tenantId, org, { name: `第${'一二三四'[g]}党小组`, kind: 'group', sector: kind, villageId: vId, sortOrder: g + 1 });
        branch.groups.push({ id: group.id, start, count: end - start });
      }
      memberCursor += size;
      layout.branches.push(branch);
    }
  }
  layout.members = memberCursor - 1;
  layout.organizations = orgRows.length;
  layout.memberTenant = new Int32Array(memberCursor);
  for (const b of layout.branches) layout.memberTenant.fill(tenantOfBranch(layout, b), b.firstMember, b.firstMember + b.size);
  await copyRows(client, tenants, tenantRows);
  await copyRows(client, villages, villageRows);
  await copyRows(client, organizations, orgRows);
  // Like the demo: signing in needs no phone here (two-factor is not what the bench measures); every tenant's own rule.
  await copyRows(client, settings, tenantRows.map((t) => ({ tenantId: t.id!, key: 'security.twoFactorRequired', value: 0 })));
  return layout;
}

/** Account ids: the 区委组织部 1, then one town admin per town, then one secretary per branch in order. */
export const townAdminUserId = (town: number) => 2 + town;
export const secretaryUserId = (layout: Layout, branchIndex: number) => 2 + layout.towns.length + branchIndex;

/**
 * quwei: the district's 区委组织部 (district_viewer); town<N>: each town's admin (town_admin at its 党委, in its tenant);
 * sj<branch id>: a secretary per branch (their person is the branch's first member). All share one password hash,
 * computed once by the app's own hashPassword.
 */
export async function copyAccounts(client: pg.PoolClient, layout: Layout, passwordHash: string) {
  const userRows: (typeof users.$inferInsert)[] = [];
  const grants: (typeof roleGrants.$inferInsert)[] = [];
  const add = (tenantId: number, username: string, displayName: string, personId: number | null, role: 'district_viewer' | 'town_admin' | 'branch_secretary', organizationId: number) => {
    const id = userRows.length + 1;
    userRows.push({ id, tenantId, username, displayName, passwordHash, personId, mustChangePassword: false });
    grants.push({ userId: id, role, organizationId });
  };
  add(layout.districtTenantId, BENCH_DISTRICT_USER, '区委组织部(基准)', null, 'district_viewer', layout.districtOrgId);
  layout.towns.forEach((t, i) => add(t.tenantId, `town${i + 1}`, `${t.name}组织委员(基准)`, null, 'town_admin', t.orgId));
  for (const b of layout.branches) add(tenantOfBranch(layout, b), `sj${b.id}`, `${b.name}书记(基准)`, b.firstMember, 'branch_secretary', b.id);
  layout.users = userRows.length;
  await copyRows(client, users, userRows);
  await copyRows(client, roleGrants, grants);
}
