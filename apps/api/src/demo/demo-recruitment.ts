/**
 * 发展党员 in the demo town 西王庄镇: about 35 people on their way from 入党申请 to 转正 in 12 branches, written as the town
 * admin through the module itself: applications, 公示, relations and the plan through its service functions, each step
 * checked by its rules (a refused step fails the seed) and carried into the roster by its applyStepToRoster, so every
 * rule of 《中国共产党发展党员工作细则》 and the roster integration hold as they do for a real town. Dates are relative to `today`:
 *   - 入党申请人 applied one to five months ago, most with the 谈话 (one held late: a stored warning; two without one yet);
 *   - 入党积极分子 named 3–11 months ago, with 培养联系人 from the branch's full members and half-yearly 考察;
 *   - 发展对象 named a year or more after becoming 积极分子, with 入党介绍人, some with 政审 and 集中培训 (the town's
 *     发展对象培训班, a real session the step names: demo-education.ts);
 *   - at stage 4 one waits for 上级党委审批 within days of its three-month limit, one is ready for the 支部大会, and one was
 *     approved four months ago and stands in the roster as 预备党员;
 *   - two 预备党员 admitted almost a year ago whose 预备期 ends within days (转正 deadlines on the board);
 *   - one stopped by a failed 政审.
 * 营子村 (the demo secretary's branch) has six of them, and the demo 党员 account (赵秀英) is 培养联系人 of one 积极分子, so
 * 我培养联系的人 is not empty. The year's 发展党员计划 gives every branch a quota of 1–3. Deterministic for a given `today`.
 */
import { and, eq, sql } from 'drizzle-orm';
import { addDays, addMonths, addYears, idNumberCheckDigit, type RecordStep, RecordStepSchema } from '@dj/contracts';
import type { Db, Tx } from '../db/client.js';
import { recruitments, members, organizations, persons, users } from '../db/schema/index.js';
import type { FieldCipher } from '../lib/crypto.js';
import { mulberry32 } from '../lib/prng.js';
import {
  addRelation, applyStepToRoster, checkStep, createNotice, createRecruitment, findRecruitment, insertRecord, phaseOf,
  recruitmentSettings, savePlan, setNoticeOutcome, stepNamed, stepsOf, stopReason, updateRecruitment, withSessionTraining, type RecordFact,
} from '../modules/recruitment/index.js';
import { demoCandidateTraining } from './demo-education.js';
import { demoIdNumber, demoName } from './demo-members.js';
import { demoAdminUser } from './demo-admin.js';
import type { Caller } from '../lib/access/index.js';

export type Step = RecordStep;
type Gender = 'male' | 'female';

/** One person's way so far: the anchor dates; the steps between them follow the 细则. */
export interface Story {
  branch: string;
  applied: string;
  /** Days from the application to the 谈话; null: not held yet. */
  talkAfter: number | null;
  activist?: string;
  /** Make the demo 党员 account's member the 培养联系人. */
  demoMentor?: boolean;
  candidate?: string;
  /** How far stage 3 has got: sponsors only, 政审, or 政审 and 集中培训. */
  stage3?: 'sponsors' | 'political_review' | 'training';
  politicalReview?: 'pass' | 'fail';
  /** Stage 4: 支委会审查 through 志愿书, ready for the 支部大会. */
  readyForMeeting?: boolean;
  meeting?: string;
  approvedAfterDays?: number;
  confirmationApplication?: boolean;
}

export interface DemoRecruitmentCounts { recruitments: number; records: number; byPhase: Record<string, number>; stopped: number }

export async function seedDemoRecruitment(tx: Tx, { tenantId, today, cipher }: { tenantId: number; today: string; cipher: FieldCipher }): Promise<DemoRecruitmentCounts> {
  const rand = mulberry32(20140610 ^ Number(today.replaceAll('-', '')));
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  // The services open their own transactions: inside the seed's they become savepoints.
  const db = tx as unknown as Db;

  // ---- the town as seeded: the admin who records everything, branches, members ----
  const user = await demoAdminUser(tx, tenantId);
  const caller: Caller = { user, ip: '127.0.0.1', cipher };
  const orgs = await tx.select({ id: organizations.id, name: organizations.name, kind: organizations.kind, parentId: organizations.parentId })
    .from(organizations).where(eq(organizations.tenantId, tenantId));
  const branchId = (name: string) => {
    const org = orgs.find((o) => o.name === name && o.kind === 'branch');
    if (!org) throw new Error(`seed: unknown branch ${name}`);
    return org.id;
  };
  const roster = await tx.select({
    id: members.id, organizationId: members.organizationId, personId: members.personId, name: persons.name, standing: members.standing,
    status: members.membershipStatus, onRoster: members.onRoster,
  }).from(members).innerJoin(persons, eq(persons.id, members.personId)).where(eq(members.tenantId, tenantId)).orderBy(members.id);
  const [demoMemberUser] = await tx.select({ personId: users.personId }).from(users).where(and(eq(users.tenantId, tenantId), eq(users.username, 'member')));
  const voting = (m: (typeof roster)[number]) => m.standing === 'full' && m.status === 'active' && m.onRoster;
  const demoMember = roster.find((m) => m.personId === demoMemberUser?.personId && voting(m));
  /** The branch's secretary (its first member) and the full members who may mentor or vouch, secretary excluded. */
  const branchPeople = (orgId: number) => {
    const all = roster.filter((m) => m.organizationId === orgId);
    return { secretary: all[0], voters: all.filter(voting), helpers: all.slice(1).filter(voting) };
  };
  const pickHelpers = (orgId: number, n: number, first?: number) => {
    const pool = branchPeople(orgId).helpers.map((m) => m.id).filter((id) => id !== first);
    const out = first ? [first] : [];
    while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
    return out;
  };

  // ID numbers: never one a person of the town has already (looked up by the same hash the service uses).
  const hashes = new Set((await tx.select({ h: persons.idNumberHash }).from(persons).where(eq(persons.tenantId, tenantId))).map((r) => r.h));
  const mine = new Set<string>();
  const taken = { has: (body: string) => mine.has(body) || hashes.has(cipher.lookupHash(body + idNumberCheckDigit(body))), add: (body: string) => mine.add(body) };

  const stories = demoStories(today, between);
  // 集中培训 (细则第十七条) names the town's 发展对象培训班 the person attended (issue 19 point 8), not typed figures.
  const townOrg = orgs.find((o) => o.parentId === null)!;
  const trainingClass = demoCandidateTraining(db, caller, townOrg.id);

  const stepList = await stepsOf(tx, tenantId);
  const settings = await recruitmentSettings(tx, tenantId);
  const namedMembers = new Map(roster.map((x) => [x.id, { id: x.id, name: x.name, standing: x.standing, status: x.status, onRoster: x.onRoster }]));
  let records = 0;
  for (const [i, story] of stories.entries()) {
    const orgId = branchId(story.branch);
    const people = branchPeople(orgId);
    const gender: Gender = rand() < 0.62 ? 'male' : 'female';
    const age = story.activist ? between(23, 45) : between(20, 45);
    const birthDate = addDays(addYears(today, -age), -between(10, 350));
    const sector = story.branch.endsWith('村党支部') ? 'village' : story.branch.includes('机关') ? 'government' : 'enterprise';
    const recruitment = await createRecruitment(db, caller, {
      name: demoName(rand, gender), gender, birthDate, idNumber: demoIdNumber(birthDate, gender, 60 + i, taken),
      phone: `1${['35', '38', '52', '58', '86'][i % 5]}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
      education: (['high_school', 'technical_secondary', 'college', 'undergraduate', 'college'] as const)[between(0, 4)],
      occupation: sector === 'village' ? (['farmer', 'farmer', 'self_employed', 'migrant_worker'] as const)[between(0, 3)] : sector === 'government' ? 'civil_servant' : 'employee',
      workUnit: sector === 'village' ? null : story.branch.replace(/党支部$/, ''),
      address: sector === 'village' ? `${story.branch.replace(/党支部$/, '')}${between(1, 120)}号` : null,
      organizationId: orgId, appliedOn: story.applied,
    });
    const id = recruitment.id;
    const group = orgs.find((o) => o.kind === 'group' && o.parentId === orgId);
    const eligible = people.voters.length;
    const steps = storySteps(story, today, {
      talker: `${people.secretary.name}(党支部书记)`, mentors: pickHelpers(orgId, 2, story.demoMentor ? demoMember?.id : undefined),
      sponsors: pickHelpers(orgId, 2), eligible, absent: between(1, 3), abstain: rand() < 0.3 ? 1 : 0, groupId: group?.id ?? null,
      certificateNo: `XWZ${(story.candidate ?? today).slice(0, 4)}-${String(i + 1).padStart(3, '0')}`, applicationDaysAgo: between(3, 8),
    });
    // Each step is checked by the module's own rules against the recruitment so far, exactly as recordRecruitmentStep does,
    // and refused steps fail the seed; the roster side (培养联系人, 入党介绍人, 预备党员, 党小组) goes through the module's
    // applyStepToRoster. Only the per-step transaction, audit event and re-read are skipped: through recordRecruitmentStep
    // the ~260 steps took 8 s (≈9,000 queries), far too slow for a seed that runs in every test run and `npm start`.
    let row = (await findRecruitment(tx, user.scope, id))!;
    const facts: RecordFact[] = [{ stepCode: 'application', occurredOn: story.applied, details: {} }];
    const notices: { stage: string; startsOn: string; endsOn: string }[] = [];
    let probationEndsOn: string | null = null;
    let stopped: { on: string; reason: string } | null = null;
    for (const step of steps) {
      if (step.occurredOn > today || stopped) break;
      if (step.stepCode === '__notice') {
        const startsOn = step.occurredOn;
        const endsOn = addDays(startsOn, 6);
        const j = await createNotice(db, caller, id, { stage: 'admission', startsOn, endsOn, publishable: false });
        await setNoticeOutcome(db, caller, id, j.notices.at(-1)!.id, { outcome: 'no_objection' });
        notices.push({ stage: 'admission', startsOn, endsOn });
        continue;
      }
      let input = RecordStepSchema.parse(step);
      if (input.stepCode === 'training') {
        const trainingSessionId = await trainingClass(row.personId, input.occurredOn);
        input = await withSessionTraining(tx, user, row.personId, { ...input, details: { ...input.details, trainingSessionId } });
      }
      const { blocks, warnings } = checkStep({
        steps: stepList, records: facts, birthDate, today, settings, namedMembers, rosterEligible: people.voters.length, probationEndsOn,
        lastRefusalOn: null, notices,
      }, input);
      if (blocks.length) throw new Error(`seed: ${row.name}(${story.branch})“${input.stepCode}” ${input.occurredOn}: ${blocks.map((b) => b.message).join(';')}`);
      const def = stepNamed(stepList, input.stepCode)!;
      const recordId = await insertRecord(tx, {
        tenantId, recruitmentId: id, stepCode: input.stepCode, occurredOn: input.occurredOn, decidedBy: input.decidedBy ?? (def.actor === 'applicant' ? 'branch' : def.actor),
        note: input.note ?? null, details: input.details, warnings, recordedBy: user.id,
      });
      const fact: RecordFact = { stepCode: input.stepCode, occurredOn: input.occurredOn, details: input.details };
      const memberId = await applyStepToRoster(tx, caller, row, fact, [...facts, fact], probationEndsOn, recordId);
      facts.push(fact);
      records++;
      if (memberId) {
        row = { ...row, memberId };
        [{ probationEndsOn }] = await tx.select({ probationEndsOn: members.probationEndsOn }).from(members).where(eq(members.id, memberId));
      }
      const stop = stopReason(fact);
      if (stop) stopped = { on: fact.occurredOn, reason: stop };
    }
    const state = phaseOf(facts);
    await updateRecruitment(tx, id, {
      status: stopped ? 'stopped' : state.status, phase: state.phase, memberId: row.memberId,
      ...(stopped ? { stoppedOn: stopped.on, stoppedReason: stopped.reason } : {}),
    });
  }
  // The 镇党委委员 in direct contact with a 发展对象 of the demo secretary's branch (a relation outside the steps).
  const yingzi = await tx.select({ id: recruitments.id }).from(recruitments)
    .where(and(eq(recruitments.organizationId, branchId('营子村党支部')), eq(recruitments.phase, 'candidate'))).limit(1);
  const townMember = roster.find((x) => x.organizationId === branchId('西王庄镇机关党支部') && voting(x));
  if (yingzi[0] && townMember) await addRelation(db, caller, yingzi[0].id, { kind: 'contact', memberId: townMember.id, since: addDays(today, -40) });

  // The year's plan: every branch a quota of 1–3.
  const year = Number(today.slice(0, 4));
  await savePlan(db, caller, {
    year, items: orgs.filter((o) => o.kind === 'branch').map((o) => ({ organizationId: o.id, quota: between(1, 3), note: null })),
  });

  await tx.update(recruitments).set({ isDemo: true }).where(eq(recruitments.tenantId, tenantId));
  await tx.execute(sql`update persons set is_demo = true where id in (select person_id from recruitments where tenant_id = ${tenantId})`);
  await tx.execute(sql`update members set is_demo = true where id in (select member_id from recruitments where tenant_id = ${tenantId} and member_id is not null)`);
  const phases = await tx.select({ phase: recruitments.phase, status: recruitments.status, n: sql<number>`count(*)::int` })
    .from(recruitments).where(eq(recruitments.tenantId, tenantId)).groupBy(recruitments.phase, recruitments.status);
  const byPhase: Record<string, number> = {};
  for (const p of phases) if (p.status !== 'stopped' && p.phase) byPhase[p.phase] = (byPhase[p.phase] ?? 0) + p.n;
  return { recruitments: stories.length, records, byPhase, stopped: phases.filter((p) => p.status === 'stopped').reduce((n, p) => n + p.n, 0) };
}

/** The recruitments, with their anchor dates relative to `today` (`between` draws whole numbers, inclusive). */
export function demoStories(today: string, between: (lo: number, hi: number) => number): Story[] {
  const m = (n: number, days = 0) => addDays(addMonths(today, -n), days);
  const applicant = (branch: string, months: number, talkAfter: number | null): Story => ({ branch, applied: m(months, between(0, 9)), talkAfter });
  const activist = (branch: string, months: number, extra: Partial<Story> = {}): Story => {
    const a = m(months, between(0, 12));
    return { branch, applied: addDays(addMonths(a, -between(3, 6)), -between(0, 10)), talkAfter: between(6, 20), activist: a, ...extra };
  };
  const candidate = (branch: string, activistMonths: number, stage3: Story['stage3'], extra: Partial<Story> = {}): Story => {
    const s = activist(branch, activistMonths, extra);
    return { ...s, candidate: addDays(addYears(s.activist!, 1), between(3, 20)), stage3, politicalReview: 'pass', ...extra };
  };
  /** Admitted at a 支部大会 on `meeting`: the earlier steps are placed backwards from it. */
  const admitted = (branch: string, meeting: string, extra: Partial<Story>): Story => {
    const c = addDays(addMonths(meeting, -4), -between(0, 20));
    const a = addDays(addYears(c, -1), -between(5, 25));
    return {
      branch, applied: addMonths(a, -between(4, 8)), talkAfter: between(5, 18), activist: a, candidate: c, stage3: 'training', politicalReview: 'pass',
      readyForMeeting: true, meeting, ...extra,
    };
  };

  return [
    // 营子村: one at every stage, the demo member mentoring the 积极分子.
    applicant('营子村党支部', 2, 12),
    applicant('营子村党支部', 4, 45),
    activist('营子村党支部', 7, { demoMentor: true }),
    candidate('营子村党支部', 16, 'training'),
    admitted('营子村党支部', m(3, 4), {}),
    admitted('营子村党支部', m(12, 3), { approvedAfterDays: 38, confirmationApplication: true }),
    // 西花沟村
    applicant('西花沟村党支部', 3, 9),
    activist('西花沟村党支部', 5),
    candidate('西花沟村党支部', 14, 'sponsors'),
    admitted('西花沟村党支部', m(4), { approvedAfterDays: 35 }),
    // the other branches
    applicant('民主村党支部', 1, null),
    activist('民主村党支部', 10),
    candidate('民主村党支部', 19, 'political_review', { politicalReview: 'fail' }),
    applicant('古屯村党支部', 5, 15),
    activist('古屯村党支部', 3),
    applicant('天齐庙村党支部', 2, 20),
    candidate('天齐庙村党支部', 20, 'training', { readyForMeeting: true }),
    activist('天齐庙村党支部', 9),
    applicant('付刘耀村党支部', 1, 7),
    activist('付刘耀村党支部', 11),
    candidate('付刘耀村党支部', 15, 'political_review'),
    admitted('付刘耀村党支部', m(12, 6), { approvedAfterDays: 30 }),
    applicant('西王庄村党支部', 3, 14),
    activist('西王庄村党支部', 6),
    candidate('西王庄村党支部', 13, 'sponsors'),
    { ...applicant('东王庄村党支部', 2, null), applied: addDays(today, -26) },
    activist('东王庄村党支部', 8),
    applicant('杨楼村党支部', 4, 10),
    candidate('杨楼村党支部', 17, 'training'),
    activist('石羊村党支部', 4),
    applicant('石羊村党支部', 2, 16),
    applicant('泰和水处理党支部', 3, 8),
    activist('泰和水处理党支部', 6),
    activist('西王庄镇机关党支部', 10),
    candidate('西王庄镇机关党支部', 18, 'political_review'),
  ];
}

/** What a story's people are: drawn from the branch's roster by the seed, fixed in the rule test. */
export interface StoryPeople {
  talker: string; mentors: number[]; sponsors: number[]; eligible: number; absent: number; abstain: number; groupId: number | null;
  certificateNo: string; applicationDaysAgo: number;
}

/**
 * The steps of a story after the application, oldest first (dates may run past `today`: the seed stops there). A
 * '__notice' entry stands for the 拟接收预备党员 公示 of the week before the 支部大会.
 */
export function storySteps(story: Story, today: string, p: StoryPeople): Step[] {
  const steps: Step[] = [];
  const at = (stepCode: string, occurredOn: string, details: Step['details'] = {}, extra: Partial<Step> = {}) => steps.push({ stepCode, occurredOn, details, ...extra });
  if (story.talkAfter !== null) at('talk', addDays(story.applied, story.talkAfter), { talker: p.talker, summary: '了解了申请人的入党动机和对党的认识,申请人态度端正,表示愿意接受党组织的培养和考察。' });
  if (story.activist) {
    const a = story.activist;
    at('activist', a, {}, { decidedBy: 'branch_committee', note: '经党员推荐、支委会研究确定' });
    at('activist_filing', addDays(a, 7));
    at('mentors', addDays(a, 10), { memberIds: p.mentors });
    const until = story.candidate ?? today;
    for (let r = addMonths(a, 5); r <= until; r = addMonths(r, 5)) at('activist_review', r, {}, { note: '培养联系人汇报,思想汇报按时提交' });
  }
  if (story.candidate) {
    const c = story.candidate;
    at('candidate', c, {}, { decidedBy: 'branch_committee', note: '听取党小组、培养联系人和党员群众意见,支委会讨论同意' });
    at('candidate_filing', addDays(c, 6));
    at('sponsors', addDays(c, 12), { memberIds: p.sponsors });
    if (story.stage3 !== 'sponsors') at('political_review', addDays(c, 35), { conclusion: story.politicalReview ?? 'pass' });
    if (story.stage3 === 'training') at('training', addDays(c, 50), { trainingDays: 3, trainingHours: 24, certificateNo: p.certificateNo });
    if (story.readyForMeeting) {
      const base = story.meeting ? addDays(story.meeting, -40) : addDays(c, 65);
      at('committee_review', base, {}, { decidedBy: 'branch_committee' });
      at('pre_review', addDays(base, 8));
      at('admission_form', addDays(base, 15));
    }
  }
  if (story.meeting) {
    const meeting = story.meeting;
    const { eligible, abstain } = p;
    const present = eligible - p.absent;
    steps.push({ stepCode: '__notice', occurredOn: addDays(meeting, -10), details: {} });
    at('admission_meeting', meeting, { vote: { eligible, present, yes: present - abstain, no: 0, abstain } }, { decidedBy: 'branch_meeting' });
    at('committee_talk', addDays(meeting, 20), { talker: '镇党委组织委员 孙立军', summary: '谈话了解其入党动机、对党的认识,认为具备党员条件。' });
    if (story.approvedAfterDays) {
      const approval = addDays(meeting, story.approvedAfterDays);
      at('admission_approval', approval, { approved: true }, { decidedBy: 'party_committee', note: '镇党委会议审批同意' });
      at('admission_filing', addDays(approval, 5));
      at('placement', addDays(approval, 10), p.groupId ? { groupId: p.groupId } : {});
      at('oath', addDays(approval, 10), {}, { note: '面向党旗进行入党宣誓' });
      for (let r = addMonths(approval, 5); r <= today; r = addMonths(r, 5)) at('probation_review', r, {}, { note: '预备党员思想汇报和党小组意见' });
      if (story.confirmationApplication) at('confirmation_application', addDays(today, -p.applicationDaysAgo));
    }
  }
  return steps;
}
