// The organisation tree of a synthetic tenant: a root committee (the town itself at town scale), towns, their
// village and other branches, party groups in the large branches; villages with 12-digit codes; accounts.
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
export interface Layout {
  tenantId: number; rootOrgId: number; towns: { orgId: number; code: string; name: string }[];
  branches: Branch[]; members: number; villageCodes: string[]; users?: number; organizations: number;
}

export const BENCH_TENANT_CODE = '379900';

/** Plans ids and sizes in memory (members are numbered contiguously per branch), then COPYs the tree (accounts come after the persons they point at). */
export async function generateOrganisations(client: pg.PoolClient, plan: ScalePlan): Promise<Layout> {
  const rand = rng(14_000 + plan.towns);
  const tenantId = 1;
  const single = plan.towns === 1;
  const orgRows: (typeof organizations.$inferInsert)[] = [];
  const villageRows: (typeof villages.$inferInsert)[] = [];
  let orgId = 0;
  const addOrg = (parent: { id: number; path: string } | null, row: Omit<typeof organizations.$inferInsert, 'id' | 'path' | 'tenantId' | 'parentId' | 'isJoint' | 'villageId' | 'status' | 'closedAt' | 'isDemo' | 'createdAt' | 'updatedAt'> & { villageId?: number | null }) => {
    const id = ++orgId;
    const path = `${parent?.path ?? '/'}${id}/`;
    orgRows.push({ id, tenantId, parentId: parent?.id ?? null, path, name: row.name, kind: row.kind, sector: row.sector, isJoint: false, villageId: row.villageId ?? null, status: 'active', closedAt: null, sortOrder: row.sortOrder ?? 0, isDemo: false, createdAt: new Date('2020-01-01T00:00:00Z'), updatedAt: new Date('2020-01-01T00:00:00Z') });
    return { id, path };
  };
  const rootName = single ? '样本镇党委' : plan.scale === 'county' ? '样本县委组织部' : '样本市委组织部';
  const root = addOrg(null, { name: rootName, kind: 'committee', sector: 'government', sortOrder: 0 });
  const layout: Layout = { tenantId, rootOrgId: root.id, towns: [], branches: [], members: 0, villageCodes: [], organizations: 0 };
  let memberCursor = 1;
  let villageId = 0;
  for (let t = 0; t < plan.towns; t++) {
    const townName = single ? '样本镇' : `${pick(rand, TOWN_NAMES)}${pick(rand, VILLAGE_WORDS)}${t + 1}镇`;
    const town = single ? root : addOrg(root, { name: `${townName}党委`, kind: 'committee', sector: 'government', sortOrder: t + 1 });
    const townCode = `3799${pad(Math.floor(t / 1000) % 100)}${pad(t % 1000, 3)}`;
    layout.towns.push({ orgId: town.id, code: townCode, name: townName });
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
      const org = addOrg(town, { name, kind: 'branch', sector: kind, villageId: vId, sortOrder: b + 1 });
      const branch: Branch = { id: org.id, town: t, townOrgId: town.id, villageId: vId, sector: kind, name, size, firstMember: memberCursor, groups: [] };
      // 党员超过50名的支部分设党小组 (2–4 groups of contiguous members).
      const groupCount = size > 50 ? Math.min(4, Math.ceil(size / 35)) : 0;
      for (let g = 0; g < groupCount; g++) {
        const start = memberCursor + Math.floor((g * size) / groupCount);
        const end = memberCursor + Math.floor(((g + 1) * size) / groupCount);
        const group = addOrg(org, { name: `第${'一二三四'[g]}党小组`, kind: 'group', sector: kind, villageId: vId, sortOrder: g + 1 });
        branch.groups.push({ id: group.id, start, count: end - start });
      }
      memberCursor += size;
      layout.branches.push(branch);
    }
  }
  layout.members = memberCursor - 1;
  layout.organizations = orgRows.length;
  await copyRows(client, tenants, [{ id: tenantId, code: BENCH_TENANT_CODE, name: `${rootName}(基准测试)`, isDemo: false }]);
  await copyRows(client, villages, villageRows);
  await copyRows(client, organizations, orgRows);
  // Like the demo: signing in needs no phone here (two-factor is not what the bench measures).
  await copyRows(client, settings, [{ tenantId, key: 'security.twoFactorRequired', value: 0 }]);
  return layout;
}

/**
 * admin: the whole tenant; town<N>: a town admin per town; sj<branch id>: a secretary per branch (their person is
 * the branch's first member). All share one password hash, computed once by the app's own hashPassword.
 */
export async function copyAccounts(client: pg.PoolClient, layout: Layout, passwordHash: string) {
  const userRows: (typeof users.$inferInsert)[] = [];
  const grants: (typeof roleGrants.$inferInsert)[] = [];
  const add = (username: string, displayName: string, personId: number | null, role: 'town_admin' | 'branch_secretary', organizationId: number) => {
    const id = userRows.length + 1;
    userRows.push({ id, tenantId: layout.tenantId, username, displayName, passwordHash, personId, mustChangePassword: false });
    grants.push({ userId: id, role, organizationId });
  };
  add('admin', '组织部管理员(基准)', null, 'town_admin', layout.rootOrgId);
  layout.towns.forEach((t, i) => { if (t.orgId !== layout.rootOrgId) add(`town${i + 1}`, `${t.name}组织委员(基准)`, null, 'town_admin', t.orgId); });
  for (const b of layout.branches) add(`sj${b.id}`, `${b.name}书记(基准)`, b.firstMember, 'branch_secretary', b.id);
  layout.users = userRows.length;
  await copyRows(client, users, userRows);
  await copyRows(client, roleGrants, grants);
}
