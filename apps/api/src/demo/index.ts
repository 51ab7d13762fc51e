import { eq, sql } from 'drizzle-orm';
import type { Role } from '@dj/contracts';
import type { Db, Tx } from '../db/client.js';
import { organizations, roleGrants, settings, tenants, users, villages } from '../db/schema/index.js';
import { hashPassword } from '../modules/auth/index.js';
import { recordAudit } from '../lib/audit/index.js';
import type { FieldCipher } from '../lib/crypto.js';
import { addMonths, todayInShanghai } from '@dj/contracts';
import { seedDemoMembers, type DemoBranch } from './demo-members.js';
import { seedDemoActivities } from './demo-activities.js';
import { seedDemoRecruitment } from './demo-recruitment.js';
import { loadDemoTown, seedDemoPositions } from './demo-positions.js';
import { seedDemoInspection } from './demo-inspection.js';
import { seedDemoDisclosure } from './demo-disclosure.js';
import { seedDemoCadres } from './demo-cadres.js';
import { seedDemoAway } from './demo-away.js';
import { seedDemoReserves } from './demo-reserves.js';
import { seedDemoTalent } from './demo-talent.js';
import { seedDemoCadreStructure } from './demo-cadre-structure.js';
import { ensureDefaultTemplates } from '../modules/activities/index.js';
import { ensureExampleSchemes } from '../modules/assessment/index.js';
import { seedDemoAssessment } from './demo-assessment.js';
import { seedDemoEconomy } from './demo-economy.js';
import { seedDemoMatters } from './demo-matters.js';
import { seedDemoHouseholds } from './demo-households.js';
import { seedDemoBenchmark } from './demo-benchmark.js';
import { seedDemoDistrict } from './demo-district.js';
import { seedDemoEducation } from './demo-education.js';
import { seedDemoShowcases } from './demo-showcases.js';
import villageData from './xiwangzhuang-villages.json' with { type: 'json' };

export const DEMO_TENANT_CODE = '370402105';

/** Villages whose branch is large enough to be split into party groups in the demo. */
const VILLAGES_WITH_GROUPS = ['营子村', '西花沟村', '付刘耀村', '西王庄村'];

type OrgInput = Omit<typeof organizations.$inferInsert, 'id' | 'path' | 'tenantId' | 'parentId'>;

export interface DemoAccount { username: string; role: Role; displayName: string; scope: string }

/** The accounts printed at start-up and used by outside checks; scope names organisations by name. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', role: 'town_admin', displayName: '镇党委组织办(演示)', scope: '西王庄镇党委' },
  { username: 'supervisor', role: 'supervisor', displayName: '包村干部 王建华(演示)', scope: '营子村党支部,付刘耀村党支部,天齐庙村党支部' },
  { username: 'inspector', role: 'inspector', displayName: '镇纪委检查员 李敏(演示)', scope: '西王庄镇党委' },
  { username: 'yingzi', role: 'branch_secretary', displayName: '营子村党支部书记 张志强(演示)', scope: '营子村党支部' },
  { username: 'xihuagou', role: 'branch_secretary', displayName: '西花沟村党支部书记 刘春生(演示)', scope: '西花沟村党支部' },
  { username: 'member', role: 'member', displayName: '营子村党员 赵秀英(演示)', scope: '营子村党支部' },
  // A second town admin, so a roster export of more than 50 full records can be approved (安全测试清单第27项).
  { username: 'shuji', role: 'town_admin', displayName: '镇党委书记 孙立华(演示)', scope: '西王庄镇党委' },
];

async function addOrg(tx: Tx, tenantId: number, parent: { id: number; path: string } | null, input: OrgInput) {
  const [row] = await tx.insert(organizations).values({ ...input, tenantId, parentId: parent?.id ?? null, path: 'pending', isDemo: true })
    .returning({ id: organizations.id });
  const path = `${parent?.path ?? '/'}${row.id}/`;
  await tx.update(organizations).set({ path }).where(eq(organizations.id, row.id));
  return { id: row.id, path, name: input.name };
}

/**
 * Builds the demo town 西王庄镇 once: the party committee, a branch for each of its 18 村委会 (official
 * 2023 division codes), the two non-public enterprise branches and the town-organ branch the article
 * names, party groups in the larger villages, about 600 generated members, and one account per role.
 * Returns false when the town exists already.
 */
export async function seedDemoTown(db: Db, password: string, cipher: FieldCipher): Promise<boolean> {
  const [existing] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.code, DEMO_TENANT_CODE)).limit(1);
  if (existing) return false;
  const hashes = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) hashes.set(a.username, await hashPassword(password));
  const districtHash = await hashPassword(password);

  await db.transaction(async (tx) => {
    const [tenant] = await tx.insert(tenants).values({ code: DEMO_TENANT_CODE, name: '西王庄镇(枣庄市市中区)', isDemo: true }).returning();
    const t = tenant.id;
    const villageRows = await tx.insert(villages)
      .values(villageData.villages.map((v) => ({ tenantId: t, code: v.code, name: v.name }))).returning();
    const byName = new Map<string, { id: number; path: string; name: string }>();
    const branches: DemoBranch[] = [];
    const town = await addOrg(tx, t, null, { name: '西王庄镇党委', kind: 'committee', sector: 'government', sortOrder: 0 });
    byName.set(town.name, town);
    for (const [i, v] of villageRows.entries()) {
      const branch = await addOrg(tx, t, town, { name: `${v.name}党支部`, kind: 'branch', sector: 'village', villageId: v.id, sortOrder: i + 1 });
      byName.set(branch.name, branch);
      const groupIds: number[] = [];
      if (VILLAGES_WITH_GROUPS.includes(v.name)) {
        for (const [g, label] of ['第一党小组', '第二党小组'].entries()) {
          groupIds.push((await addOrg(tx, t, branch, { name: label, kind: 'group', sector: 'village', villageId: v.id, sortOrder: g + 1 })).id);
        }
      }
      branches.push({ id: branch.id, name: branch.name, sector: 'village', groupIds });
    }
    for (const [i, [name, sector]] of ([['泰和水处理党支部', 'private_enterprise'], ['康力医疗党支部', 'private_enterprise'], ['西王庄镇机关党支部', 'government']] as const).entries()) {
      const branch = await addOrg(tx, t, town, { name, kind: 'branch', sector, sortOrder: 101 + i });
      byName.set(name, branch);
      branches.push({ id: branch.id, name, sector, groupIds: [] });
    }
    const today = todayInShanghai();
    const people = await seedDemoMembers(tx, t, branches, cipher, today);

    for (const a of DEMO_ACCOUNTS) {
      const [user] = await tx.insert(users).values({
        tenantId: t, username: a.username, displayName: a.displayName, passwordHash: hashes.get(a.username) as string,
        personId: a.role === 'member' ? people.memberPersonId : a.role === 'branch_secretary' ? people.secretaries.get(a.scope) ?? null : null,
      }).returning({ id: users.id });
      const grants = a.scope.split(',').map((name) => {
        const org = byName.get(name);
        if (!org) throw new Error(`seed: unknown organisation ${name}`);
        return { userId: user.id, role: a.role, organizationId: org.id };
      });
      await tx.insert(roleGrants).values(grants);
    }
    // The demo accounts sign in with the printed password alone: no phone is needed to look around (issue 12 point 3).
    await tx.insert(settings).values({ tenantId: t, key: 'security.twoFactorRequired', value: 0 });
    await ensureDefaultTemplates(tx, t);
    // 发展党员 first: the 预备党员 it admits attend the 组织生活 held after their 支部大会, like the other members.
    await seedDemoRecruitment(tx, { tenantId: t, today, cipher });
    await seedDemoActivities(tx, { tenantId: t, today });
    // 阵地, 联督联查 and 三务公开 read the town as seeded above (branches, members, accounts).
    const demo = await loadDemoTown(tx, t);
    await seedDemoPositions(tx, { tenantId: t, today, town: demo });
    await seedDemoInspection(tx, { tenantId: t, today, town: demo });
    await seedDemoDisclosure(tx, { tenantId: t, today, town: demo });
    await seedDemoCadres(tx, { tenantId: t, today, town: demo, cipher });
    // 在外人才: the roster's 流动党员 and villagers working elsewhere, their contact logs, liaisons and returnees.
    await seedDemoAway(tx, { tenantId: t, today, town: demo, cipher });
    // 后备人才 after the cadres: their mentors are the posts held.
    await seedDemoReserves(tx, { tenantId: t, today, town: demo, cipher });
    await seedDemoTalent(tx, { tenantId: t, today, town: demo, cipher });
    // 班子结构 data (education, 本土人才), 聘用制 and the 服务队, after the reserves: one of them is appointed a 委员.
    await seedDemoCadreStructure(tx, { tenantId: t, today, town: demo });
    // 教育培训 (issue 19 point 8) after 三会一课: a month's 党课 is that month's branch study, its sign-in copied.
    await seedDemoEducation(tx, { tenantId: t, today, town: demo, townOrgId: town.id });
    // The "3+1" and "3+7" examples, in force from thirteen months back: the demo's year of locked months and last month,
    // still being scored (issue 16 point 7), are all scored with them.
    // 集体经济 before the assessment: its 集体增收 measure reads the approved years.
    await seedDemoEconomy(tx, { tenantId: t, today, town: demo, cipher, branchIdOf: (name) => byName.get(name)?.id });
    // 村民说事 (issue 20): a year of matters per village, some linked to their 三日合一 and 村民说事日.
    await seedDemoMatters(tx, { today, town: demo });
    // 党建示范点 and 党建动态 (issue 20) after 集体经济: a village showcase's page shows its approved income.
    await seedDemoShowcases(tx, { tenantId: t, today });
    // 党员联户 of 营子村 and 西花沟村 (issue 20 point 8): households, links and half a year of visits.
    await seedDemoHouseholds(tx, { tenantId: t, today, town: demo, cipher });
    await ensureExampleSchemes(tx, t, addMonths(today, -13).slice(0, 7));
    await seedDemoAssessment(tx, { tenantId: t, today, town: demo });
    // 对标 周庄镇 (issue 17 point 4): the benchmark town's figures are demo data, labelled so in their sources.
    await seedDemoBenchmark(tx, { tenantId: t, today, cipher });
    // 区级 (issue 17 point 5): the district 市中区 holding the town, and its 区委组织部 account.
    await seedDemoDistrict(tx, t, districtHash);
    await recordAudit(tx, { tenantId: t, action: 'seed.demo_town', objectType: 'tenant', objectId: t, result: 'ok', detail: { villages: villageRows.length, branches: branches.length } });
  });
  // Fresh tables have no statistics; without them the planner picks nested loops for the roster (measured 290 → 453 lists/s).
  await db.execute(sql`analyze`);
  return true;
}
