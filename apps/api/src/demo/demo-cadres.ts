/**
 * 村干部 of the demo town 西王庄镇 (issue 15 points 1 and 2): for each of the 18 villages the two committees elected at
 * the 2021 换届 (term 2021–2026), from the branch's own members (the roster's first member is its secretary) and from
 * villagers who are not members (persons only); 一肩挑 in most villages. The article's "选派3名机关干部担任村党支部书记"
 * is three villages whose elected secretary stood down and a member of the town-organ branch was assigned; the article
 * names no villages, so the demo picks 古屯村, 丁庄村 and 杨楼村 (one period ends within the 30-day warning). A 第一书记
 * serves in 前小湾村 and 付湾村 (the article: "借助第一书记、乡村振兴服务队力量"); the secretary of 高庄村 is on the
 * 动态调整 list, undecided.
 *
 * Bulk inserts, each change checked first by the module's own contract (the one its service runs), with a history line
 * for every start and end, as the service writes them. Deterministic for a given `today`.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { addDays, RecordCadreChangeSchema, type CadreChangeKind, type VillageCadrePost } from '@dj/contracts';
import type { Tx } from '../db/client.js';
import { cadreChanges, cadrePosts, cadreTerms, members, organizations, persons, secretaryAdjustments } from '../db/schema/index.js';
import type { FieldCipher } from '../lib/crypto.js';
import { mulberry32 } from '../lib/prng.js';
import type { DemoTown } from './demo-positions.js';
import { demoVillager } from './demo-villager.js';

export const ASSIGNED_SECRETARY_VILLAGES = ['古屯村', '丁庄村', '杨楼村'] as const;
export const FIRST_SECRETARY_VILLAGES = { 前小湾村: '枣庄市市中区农业农村局', 付湾村: '枣庄市市中区财政局' } as const;
export const ADJUSTMENT_VILLAGE = '高庄村';
/** Villages where the director is not the secretary (no 一肩挑), besides the three with an assigned secretary. */
const SEPARATE_DIRECTOR = ['民主村', '西大楼村', '黄楼村'];
const ELECTED_ON = '2021-01-15';

interface Ctx { tx: Tx; tenantId: number; createdBy: number; cipher: FieldCipher; rand: () => number; seq: { n: number } }


type Extra = { termId?: number | null; periodEndsOn?: string; homePost?: string; sendingUnit?: string; supportProjects?: string; supportFen?: number };

/** One starting change: the holding and its history line, after the contract's own check. */
async function start(c: Ctx, orgId: number, personId: number, post: VillageCadrePost, kind: CadreChangeKind, occurredOn: string, reason: string, extra: Extra = {}) {
  const input = RecordCadreChangeSchema.parse({ kind, post, personId, occurredOn, reason, ...extra });
  const assigned = kind === 'assignment';
  const [row] = await c.tx.insert(cadrePosts).values({
    tenantId: c.tenantId, organizationId: orgId, personId, post, how: kind, termId: input.termId ?? null, startedOn: occurredOn, createdBy: c.createdBy,
    periodEndsOn: assigned ? input.periodEndsOn ?? null : null, homePost: input.homePost, sendingUnit: input.sendingUnit,
    supportProjects: input.supportProjects, supportFen: input.supportFen ?? null,
  }).returning({ id: cadrePosts.id });
  await c.tx.insert(cadreChanges).values({ tenantId: c.tenantId, organizationId: orgId, cadrePostId: row.id, kind, role: 'start', occurredOn, reason, createdBy: c.createdBy });
  return row.id;
}

async function end(c: Ctx, orgId: number, cadrePostId: number, kind: CadreChangeKind, occurredOn: string, reason: string) {
  RecordCadreChangeSchema.parse({ kind, cadrePostId, occurredOn, reason });
  await c.tx.update(cadrePosts).set({ endedOn: occurredOn }).where(eq(cadrePosts.id, cadrePostId));
  await c.tx.insert(cadreChanges).values({ tenantId: c.tenantId, organizationId: orgId, cadrePostId, kind, role: 'end', occurredOn, reason, createdBy: c.createdBy });
}

/** Active members of a branch in roster order (the secretary first). */
async function rosterOf(tx: Tx, branchId: number) {
  return tx.select({ personId: members.personId }).from(members)
    .where(and(eq(members.organizationId, branchId), eq(members.membershipStatus, 'active'))).orderBy(asc(members.id));
}

export async function seedDemoCadres(tx: Tx, { tenantId, today, town, cipher }: { tenantId: number; today: string; town: DemoTown; cipher: FieldCipher }) {
  const c: Ctx = { tx, tenantId, createdBy: town.users.admin, cipher, rand: mulberry32(1515), seq: { n: 7 } };
  const [organ] = await tx.select({ id: organizations.id }).from(organizations)
    .where(and(eq(organizations.tenantId, tenantId), inArray(organizations.name, ['西王庄镇机关党支部']))).limit(1);
  const organMembers = organ ? await rosterOf(tx, organ.id) : [];
  let assignedSoFar = 0;
  for (const branch of town.branches) {
    const v = branch.village;
    const roster = (await rosterOf(tx, branch.id)).map((m) => m.personId);
    const [term] = await tx.insert(cadreTerms).values({ tenantId, organizationId: branch.id, startYear: 2021, endYear: 2026, electedOn: ELECTED_ON, createdBy: c.createdBy }).returning({ id: cadreTerms.id });
    const elect = (personId: number, post: VillageCadrePost, reason = '村"两委"换届选举') => start(c, branch.id, personId, post, 'election', ELECTED_ON, reason, { termId: term.id });
    const secretaryPost = await elect(roster[0], 'secretary');
    if (roster[1]) await elect(roster[1], 'deputy_secretary');
    for (const p of roster.slice(2, 4)) await elect(p, 'branch_member');
    const separate = SEPARATE_DIRECTOR.includes(v) || (ASSIGNED_SECRETARY_VILLAGES as readonly string[]).includes(v);
    await elect(separate ? await demoVillager(c, { village: v, gender: 'male', bornFrom: 1966, span: 24 }) : roster[0], 'director', '村民委员会换届选举');
    // 村委会委员: a member sitting on both committees (交叉任职) and a villager who is not a member; the woman member is 妇女主任.
    if (roster[2]) await elect(roster[2], 'committee_member', '村民委员会换届选举');
    const woman = await demoVillager(c, { village: v, gender: 'female', bornFrom: 1966, span: 24 });
    await elect(woman, 'committee_member', '村民委员会换届选举');
    await start(c, branch.id, woman, 'women_director', 'appointment', '2021-02-01', '村民委员会推选,镇党委备案', { termId: term.id });
    await start(c, branch.id, woman, 'family_planning', 'appointment', '2021-02-01', '镇党委任命计生专职', { termId: term.id });
    await start(c, branch.id, await demoVillager(c, { village: v, gender: 'male', bornFrom: 1966, span: 24 }), 'bookkeeper', 'appointment', '2021-02-01', '村民委员会聘任报账员', { termId: term.id });

    if ((ASSIGNED_SECRETARY_VILLAGES as readonly string[]).includes(v) && organMembers[assignedSoFar]) {
      // The first assignment's three years end within the 30-day warning; the others later.
      const startedOn = assignedSoFar === 0 ? addDays(addYearsTo(today, -3), 20) : addDays(today, -400 - 90 * assignedSoFar);
      await end(c, branch.id, secretaryPost, 'resignation', startedOn, '年龄原因辞去村党支部书记职务');
      await start(c, branch.id, organMembers[assignedSoFar].personId, 'secretary', 'assignment', startedOn, '镇党委选派机关干部担任村党支部书记', {
        periodEndsOn: addYearsTo(startedOn, 3), homePost: ['镇党政办副主任', '镇经管站站长', '镇农业综合服务中心副主任'][assignedSoFar],
      });
      assignedSoFar++;
    }
    const unit = FIRST_SECRETARY_VILLAGES[v as keyof typeof FIRST_SECRETARY_VILLAGES];
    if (unit) {
      const startedOn = addDays(today, -300);
      await start(c, branch.id, await demoVillager(c, { village: v, gender: 'male', bornFrom: 1966, span: 24 }), 'first_secretary', 'assignment', startedOn, '区直单位选派第一书记', {
        periodEndsOn: addYearsTo(startedOn, 2), sendingUnit: unit,
        supportProjects: v === '前小湾村' ? '蔬菜大棚扩建、村内道路硬化' : '苗木合作社冷库建设', supportFen: v === '前小湾村' ? 30_000_000 : 18_000_000,
      });
    }
    if (v === ADJUSTMENT_VILLAGE) {
      await tx.insert(secretaryAdjustments).values({
        tenantId, organizationId: branch.id, personId: roster[0], reason: '村集体经济增收缓慢,群众反映工作推进不力', markedOn: addDays(today, -20), createdBy: c.createdBy,
      });
    }
  }
}

function addYearsTo(date: string, years: number): string {
  const moved = `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
  // 29 February of a year without one becomes 28 February.
  return moved.endsWith('-02-29') && Number(moved.slice(0, 4)) % 4 !== 0 ? `${moved.slice(0, 8)}28` : moved;
}
