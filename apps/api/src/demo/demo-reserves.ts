/**
 * 后备人才 of the demo town 西王庄镇 (issue 15 point 4, 递进培养计划): reserves in each of the 18 villages, drawn from the
 * branch's younger members who hold no post, from villagers who are not members (本土人才, 回流人员, 退役军人, 大学生,
 * 致富能手) and, in a few villages, from a 发展党员 applicant (so the link to the recruitment shows). Against the default
 * target of 2 per village (reserves.perVillage), 石羊村 and 西街村 have one each: the two villages below target. Stages,
 * dated moves (one step back with its reason), mentors among the village's cadres, half-year evaluations for some; one
 * reserve (东王庄村) was appointed a 村委会委员 and one left the pipeline. The article names no reserves: all of it is generated.
 *
 * Each input is checked by the module's own contract first (the one its service runs). Deterministic for a given `today`.
 */
import { and, asc, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import {
  AddReserveSchema, MoveReserveSchema, RESERVE_STAGES, ReserveEvaluationInputSchema, addDays, type ReserveResult, type ReserveSource, type ReserveStage,
} from '@dj/contracts';
import type { Tx } from '../db/client.js';
import { cadreChanges, cadrePosts, members, recruitments, reserveCandidates, reserveEvaluations, reserveMoves } from '../db/schema/index.js';
import type { FieldCipher } from '../lib/crypto.js';
import { mulberry32 } from '../lib/prng.js';
import type { DemoTown } from './demo-positions.js';
import { demoVillager } from './demo-villager.js';

/** The two villages below the default target of two reserves. */
export const BELOW_TARGET_VILLAGES = ['石羊村', '西街村'] as const;
/** Villages whose applicant for membership (发展党员) is also a reserve. */
export const APPLICANT_RESERVE_VILLAGES = ['营子村', '西花沟村', '付刘耀村'] as const;

interface Ctx { tx: Tx; tenantId: number; createdBy: number; cipher: FieldCipher; rand: () => number; seq: { n: number }; today: string }

const NON_MEMBER_SOURCES: ReserveSource[] = ['local_talent', 'returnee', 'veteran', 'graduate', 'wealth_leader'];
const periodOf = (date: string) => `${date.slice(0, 4)}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;


/** A villager listed as a reserve: born 1985-1998, three in ten women. */
const villager = (c: Ctx, village: string) => demoVillager(c, { village, gender: c.rand() < 0.3 ? 'female' : 'male', bornFrom: 1985, span: 14 });

interface Plan { personId: number; source: ReserveSource; sourceNote?: string }

/** Who the village lists: a member without a post, an applicant in some villages, the rest villagers who are not members. */
async function plansFor(c: Ctx, branchId: number, village: string, count: number): Promise<Plan[]> {
  const holders = (await c.tx.select({ personId: cadrePosts.personId }).from(cadrePosts).where(eq(cadrePosts.organizationId, branchId))).map((h) => h.personId);
  const [member] = await c.tx.select({ personId: members.personId }).from(members)
    .where(and(eq(members.organizationId, branchId), eq(members.membershipStatus, 'active'), holders.length ? notInArray(members.personId, holders) : undefined))
    .orderBy(asc(members.id)).offset(4).limit(1);
  const plans: Plan[] = [];
  if ((APPLICANT_RESERVE_VILLAGES as readonly string[]).includes(village)) {
    const [applicant] = await c.tx.select({ personId: recruitments.personId }).from(recruitments)
      .where(and(eq(recruitments.organizationId, branchId), inArray(recruitments.status, ['active']), isNull(recruitments.memberId))).orderBy(asc(recruitments.id)).limit(1);
    if (applicant) plans.push({ personId: applicant.personId, source: 'graduate' });
  }
  if (member && plans.length < count) plans.push({ personId: member.personId, source: 'local_talent' });
  while (plans.length < count) plans.push({ personId: await villager(c, village), source: NON_MEMBER_SOURCES[Math.floor(c.rand() * NON_MEMBER_SOURCES.length)] });
  return plans;
}

type Base = { tenantId: number; organizationId: number; createdBy: number };

async function move(c: Ctx, base: Base, candidateId: number, from: ReserveStage, to: ReserveStage, occurredOn: string, reason: string | null) {
  MoveReserveSchema.parse({ toStage: to, occurredOn, reason });
  const back = RESERVE_STAGES.indexOf(to) < RESERVE_STAGES.indexOf(from);
  await c.tx.insert(reserveMoves).values({ ...base, candidateId, kind: back ? 'back' : 'advance', fromStage: from, toStage: to, occurredOn, reason });
  await c.tx.update(reserveCandidates).set({ stage: to, stageSince: occurredOn }).where(eq(reserveCandidates.id, candidateId));
}

const RESULTS: ReserveResult[] = ['excellent', 'good', 'good', 'fair'];
const COMMENTS = ['参与村务积极,群众评价好', '在村集体经济项目中承担具体工作,完成较好', '学习主动,需加强群众工作能力', '挂职期间能独立处理矛盾纠纷'];

/** One reserve: entering, stage moves spread over the time since, and an evaluation for each half-year passed (some skipped). */
async function seedOne(c: Ctx, base: Base, plan: Plan, mentorPostId: number | null, index: number) {
  const enteredOn = addDays(c.today, -(200 + Math.floor(c.rand() * 600)));
  AddReserveSchema.parse({ personId: plan.personId, source: plan.source, enteredOn, mentorPostId });
  const [row] = await c.tx.insert(reserveCandidates).values({
    ...base, personId: plan.personId, source: plan.source, sourceNote: null, stage: 'reserve', stageSince: enteredOn, enteredOn, mentorPostId,
  }).returning({ id: reserveCandidates.id });
  await c.tx.insert(reserveMoves).values({ ...base, candidateId: row.id, kind: 'enter', toStage: 'reserve', mentorPostId, occurredOn: enteredOn, reason: null });
  const steps = Math.floor(c.rand() * 4);
  let stage: ReserveStage = 'reserve';
  let on = enteredOn;
  for (let s = 1; s <= steps; s++) {
    on = addDays(on, 90 + Math.floor(c.rand() * 60));
    if (on >= c.today) break;
    await move(c, base, row.id, stage, RESERVE_STAGES[s], on, s === 3 ? '挂职期满,考评合格' : null);
    stage = RESERVE_STAGES[s];
  }
  // Every fifth reserve in 锻炼/挂职 or later was sent back a step, with the reason.
  if (index % 5 === 2 && stage !== 'reserve' && addDays(on, 60) < c.today) {
    const back = RESERVE_STAGES[RESERVE_STAGES.indexOf(stage) - 1];
    await move(c, base, row.id, stage, back, addDays(on, 60), '挂职期间出勤不足,退回继续培养');
  }
  // Half-year evaluations, the latest skipped for every third reserve (so some are due on the to-do list).
  for (let due = addDays(enteredOn, 180); due < c.today; due = addDays(due, 182)) {
    if (index % 3 === 0 && addDays(due, 182) >= c.today) break;
    const input = ReserveEvaluationInputSchema.parse({ period: periodOf(due), evaluatedOn: due, result: RESULTS[Math.floor(c.rand() * RESULTS.length)], comment: COMMENTS[Math.floor(c.rand() * COMMENTS.length)] });
    await c.tx.insert(reserveEvaluations).values({ ...base, candidateId: row.id, ...input }).onConflictDoNothing();
  }
  return row.id;
}

export async function seedDemoReserves(tx: Tx, { tenantId, today, town, cipher }: { tenantId: number; today: string; town: DemoTown; cipher: FieldCipher }) {
  const c: Ctx = { tx, tenantId, createdBy: town.users.admin, cipher, rand: mulberry32(1504), seq: { n: 41 }, today };
  let index = 0;
  for (const branch of town.branches) {
    const v = branch.village;
    const count = (BELOW_TARGET_VILLAGES as readonly string[]).includes(v) ? 1 : 2 + Math.floor(c.rand() * 3);
    const mentors = await tx.select({ id: cadrePosts.id }).from(cadrePosts)
      .where(and(eq(cadrePosts.organizationId, branch.id), isNull(cadrePosts.endedOn), inArray(cadrePosts.post, ['secretary', 'deputy_secretary', 'branch_member'])))
      .orderBy(asc(cadrePosts.id));
    const base = { tenantId, organizationId: branch.id, createdBy: c.createdBy };
    for (const [i, plan] of (await plansFor(c, branch.id, v, count)).entries()) {
      await seedOne(c, base, plan, mentors.length ? mentors[i % mentors.length].id : null, index++);
    }
  }
  await leavers(c, town);
}

/** 东王庄村 appointed one earlier reserve a 村委会委员 (the post recorded first, as on the page); 民主村's one left for work. */
async function leavers(c: Ctx, town: DemoTown) {
  const base = (orgId: number) => ({ tenantId: c.tenantId, organizationId: orgId, createdBy: c.createdBy });
  const dongwang = town.branch('东王庄村');
  const appointedOn = addDays(c.today, -120);
  const enteredOn = addDays(c.today, -900);
  const personId = await villager(c, '东王庄村');
  const [post] = await c.tx.insert(cadrePosts).values({ ...base(dongwang.id), personId, post: 'committee_member', how: 'election', startedOn: appointedOn })
    .returning({ id: cadrePosts.id });
  await c.tx.insert(cadreChanges).values({ ...base(dongwang.id), cadrePostId: post.id, kind: 'election', role: 'start', occurredOn: appointedOn, reason: '村民委员会补选委员' });
  const [row] = await c.tx.insert(reserveCandidates).values({
    ...base(dongwang.id), personId, source: 'returnee', stage: 'ready', stageSince: addDays(appointedOn, -200), enteredOn,
    status: 'appointed', leftOn: appointedOn, leftReason: '村民委员会补选为委员', appointedPostId: post.id, appointedPost: 'committee_member',
  }).returning({ id: reserveCandidates.id });
  await c.tx.insert(reserveMoves).values([
    { ...base(dongwang.id), candidateId: row.id, kind: 'enter', toStage: 'reserve', occurredOn: enteredOn },
    { ...base(dongwang.id), candidateId: row.id, kind: 'advance', fromStage: 'reserve', toStage: 'ready', occurredOn: addDays(appointedOn, -200), reason: '返乡创业成效明显,经镇党委考察列为可任用' },
    { ...base(dongwang.id), candidateId: row.id, kind: 'appoint', fromStage: 'ready', occurredOn: appointedOn, reason: '村民委员会补选为委员' },
  ]);
  const minzhu = town.branch('民主村');
  const exitOn = addDays(c.today, -60);
  const other = await villager(c, '民主村');
  const [gone] = await c.tx.insert(reserveCandidates).values({
    ...base(minzhu.id), personId: other, source: 'graduate', stage: 'training', stageSince: addDays(c.today, -300), enteredOn: addDays(c.today, -500),
    status: 'exited', leftOn: exitOn, leftReason: '考取外地事业单位,本人申请退出',
  }).returning({ id: reserveCandidates.id });
  await c.tx.insert(reserveMoves).values([
    { ...base(minzhu.id), candidateId: gone.id, kind: 'enter', toStage: 'reserve', occurredOn: addDays(c.today, -500) },
    { ...base(minzhu.id), candidateId: gone.id, kind: 'advance', fromStage: 'reserve', toStage: 'training', occurredOn: addDays(c.today, -300) },
    { ...base(minzhu.id), candidateId: gone.id, kind: 'exit', fromStage: 'training', occurredOn: exitOn, reason: '考取外地事业单位,本人申请退出' },
  ]);
}
