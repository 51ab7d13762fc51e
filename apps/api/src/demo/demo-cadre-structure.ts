/**
 * What the demo town's 班子结构, 聘用制 and 乡村振兴服务队 read (issue 15 points 2, 3 and 5), on top of demo-cadres:
 * - 学历 for the non-member cadres (members have theirs from the roster) and 本土人才 on about a third of the 两委 holdings;
 * - 聘用制: the article's "2 secretaries with 事业编待遇" (the article names no villages: the demo picks 后小湾村 and
 *   刘庄村, or the first two villages with an elected secretary besides the ones other demo stories use), with a
 *   director and a 计生专职 under the rule without it; yearly reviews from 2022; the rule's text is the demo's own wording;
 * - one 乡村振兴服务队 of four members from 区直 units, each serving two or three villages, one period ending soon.
 * Deterministic (mulberry32) for a given `today`.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { addDays, addYears, EMPLOYMENT_REVIEW_RESULTS, type EmploymentReviewResult } from '@dj/contracts';
import type { Tx } from '../db/client.js';
import { cadreEmploymentReviews, cadreEmployments, cadrePosts, persons, serviceTeamMembers, serviceTeamVillages } from '../db/schema/index.js';
import { mulberry32 } from '../lib/prng.js';
import { ADJUSTMENT_VILLAGE, ASSIGNED_SECRETARY_VILLAGES } from './demo-cadres.js';
import type { DemoTown } from './demo-positions.js';

export const EMPLOYED_SECRETARY_VILLAGES = ['天齐庙村', '东王庄村'] as const;
export const EMPLOYMENT_RULE = '西王庄镇党委《优秀村党组织书记、村委会主任、计生专职聘用制管理办法》(演示文本):经镇党委考察、考核优秀的,实行聘用制管理,聘期与村"两委"任期一致,按年度考核结果续聘;连续考核优秀的村党组织书记经批准享受事业编待遇。';
export const SERVICE_TEAM = '市中区乡村振兴服务队';
const NON_MEMBER_EDUCATIONS = ['middle_school', 'high_school', 'high_school', 'technical_secondary', 'college', 'college', 'undergraduate'] as const;
const TEAM = [
  { name: '陈立新', unit: '枣庄市市中区农业农村局' }, { name: '刘晓雯', unit: '枣庄市市中区人力资源和社会保障局' },
  { name: '王振宇', unit: '枣庄市市中区商务局' }, { name: '赵淑敏', unit: '枣庄市市中区卫生健康局' },
];

export async function seedDemoCadreStructure(tx: Tx, { tenantId, today, town }: { tenantId: number; today: string; town: DemoTown }) {
  const rand = mulberry32(1535);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const createdBy = town.users.admin;
  const holdings = await tx.select({ id: cadrePosts.id, organizationId: cadrePosts.organizationId, post: cadrePosts.post, personId: cadrePosts.personId, startedOn: cadrePosts.startedOn, education: persons.education, how: cadrePosts.how })
    .from(cadrePosts).innerJoin(persons, eq(persons.id, cadrePosts.personId))
    .where(and(eq(cadrePosts.tenantId, tenantId), isNull(cadrePosts.endedOn))).orderBy(asc(cadrePosts.id));
  // 学历 for the persons without one (the non-member cadres), once per person.
  for (const personId of new Set(holdings.filter((h) => !h.education).map((h) => h.personId))) {
    await tx.update(persons).set({ education: pick(NON_MEMBER_EDUCATIONS) }).where(eq(persons.id, personId));
  }
  // 本土人才: about a third of the elected 两委 holdings (not the assigned ones, who come from the town's organs).
  const local = holdings.filter((h) => h.how !== 'assignment' && ['secretary', 'director', 'committee_member', 'branch_member', 'deputy_secretary'].includes(h.post) && rand() < 0.34);
  if (local.length) await tx.update(cadrePosts).set({ localTalent: true }).where(inArray(cadrePosts.id, local.map((h) => h.id)));

  const branchOf = (village: string) => town.branches.find((b) => b.village === village);
  const taken = new Set<string>([...ASSIGNED_SECRETARY_VILLAGES, ADJUSTMENT_VILLAGE, '营子村', '西花沟村']);
  const fallback = town.branches.filter((b) => !taken.has(b.village));
  const employed = EMPLOYED_SECRETARY_VILLAGES.map((v, i) => branchOf(v) ?? fallback[i]).filter((b): b is NonNullable<typeof b> => !!b);
  const employ = async (organizationId: number, post: string, careerTreatment: boolean) => {
    const h = holdings.find((x) => x.organizationId === organizationId && x.post === post);
    if (!h) return;
    const since = h.startedOn > '2022-01-01' ? h.startedOn : '2022-01-01';
    const [row] = await tx.insert(cadreEmployments).values({ tenantId, organizationId, cadrePostId: h.id, since, ruleText: EMPLOYMENT_RULE, careerTreatment, createdBy }).returning({ id: cadreEmployments.id });
    for (let year = Number(since.slice(0, 4)); year < Number(today.slice(0, 4)); year++) {
      const result: EmploymentReviewResult = careerTreatment ? 'excellent' : pick(EMPLOYMENT_REVIEW_RESULTS.slice(0, 2));
      await tx.insert(cadreEmploymentReviews).values({ tenantId, organizationId, employmentId: row.id, year, result, note: result === 'excellent' ? '年度考核优秀' : null, createdBy });
    }
  };
  for (const b of employed) await employ(b.id, 'secretary', true);
  const others = fallback.filter((b) => !employed.includes(b));
  if (others[0]) await employ(others[0].id, 'director', false);
  if (others[1]) await employ(others[1].id, 'family_planning', false);

  // The 服务队: each member serves two or three villages; the first member's period ends within the warning.
  for (const [i, m] of TEAM.entries()) {
    const startedOn = i === 0 ? addDays(addYears(today, -2), 15) : addDays(today, -200 - 30 * i);
    const [row] = await tx.insert(serviceTeamMembers).values({ tenantId, name: m.name, unit: m.unit, teamName: SERVICE_TEAM, startedOn, endsOn: addYears(startedOn, 2), createdBy }).returning({ id: serviceTeamMembers.id });
    const served = town.branches.slice((i * 4) % town.branches.length, (i * 4) % town.branches.length + 2 + (i % 2));
    await tx.insert(serviceTeamVillages).values(served.map((b) => ({ tenantId, memberId: row.id, organizationId: b.id })));
  }
}
