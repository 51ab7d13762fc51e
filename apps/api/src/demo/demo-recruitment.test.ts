import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import {
  addDays, addYears, type Board, type Mentoring, RecordStepSchema, type RecruitmentSummary, todayInShanghai,
} from '@dj/contracts';
import { createTestContext, type TestContext } from '../../test/context.js';
import { mulberry32 } from '../lib/prng.js';
import { checkStep } from '../modules/recruitment/rules/checks.js';
import {
  deadlinesOf, type RecruitmentSettings, type RecordFact,
} from '../modules/recruitment/rules/recruitment-state.js';
import { CENTRAL_STEPS } from '../modules/recruitment/rules/steps.js';
import { demoStories, storySteps } from './demo-recruitment.js';

// The template database is seeded with the real today (seed/index.ts): expectations are relative to it.
let ctx: TestContext;
beforeAll(async () => { ctx = await createTestContext(); });
afterAll(async () => { await ctx.close(); });

describe('demo 发展党员 of 西王庄镇', () => {
  it('has people in every phase across a dozen branches, one stopped, all marked demo (logged)', async () => {
    const { rows } = await ctx.pool.query(`select phase, status, count(*)::int as n from recruitments group by phase, status order by phase, status`);
    const { rows: [totals] } = await ctx.pool.query(`
      select (select count(*)::int from recruitments) as recruitments, (select count(*)::int from recruitment_steps) as records,
        (select count(distinct organization_id)::int from recruitments) as branches,
        (select count(*)::int from recruitment_relations) as relations, (select count(*)::int from recruitment_public_notices) as notices,
        (select count(*)::int from recruitment_plans) as plans, (select bool_and(is_demo) from recruitments) as demo,
        (select bool_and(p.is_demo) from persons p join recruitments j on j.person_id = p.id) as persons_demo`);
    console.log('demo recruitment by phase', rows.map((r) => `${r.phase}/${r.status}: ${r.n}`).join(', '), totals);
    const active = (phase: string) => rows.filter((r) => r.phase === phase && (r.status === 'active' || r.status === 'probationary')).reduce((n, r) => n + r.n, 0);
    for (const phase of ['applicant', 'activist', 'candidate', 'probationary']) expect(active(phase), phase).toBeGreaterThan(0);
    expect(rows.filter((r) => r.status === 'stopped').reduce((n, r) => n + r.n, 0)).toBe(1);
    expect(totals.recruitments).toBeGreaterThanOrEqual(30);
    expect(totals.recruitments).toBeLessThanOrEqual(40);
    expect(totals.branches).toBeGreaterThanOrEqual(12);
    expect(totals.plans).toBe(21);
    expect(totals.demo).toBe(true);
    expect(totals.persons_demo).toBe(true);
  });

  it('an approved one stands in the roster as 预备党员 from the day of the 支部大会', async () => {
    const { rows } = await ctx.pool.query(`
      select j.id, m.standing, m.joined_at::text as joined_at, m.is_demo,
        (select occurred_on::text from recruitment_steps r where r.recruitment_id = j.id and r.step_code = 'admission_meeting') as meeting
      from recruitments j join members m on m.id = j.member_id where j.status = 'probationary'`);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const r of rows) {
      expect(r.standing).toBe('probationary');
      expect(r.joined_at).toBe(r.meeting);
      expect(r.is_demo).toBe(true);
    }
  });

  it('keeps the late 谈话 as a warning on its record', async () => {
    const { rows } = await ctx.pool.query(`select count(*)::int as n from recruitment_steps where step_code = 'talk' and warnings::text like '%talk_within%'`);
    expect(rows[0].n).toBe(1);
  });

  it('gives the town admin deadlines on the board: an approval and 转正 within days', async () => {
    const admin = await ctx.signIn('admin');
    const res = await admin.get('/api/recruitment/board');
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json() as Board;
    expect(board.due.length).toBeGreaterThan(0);
    const labels = board.due.map((d) => d.deadline.label);
    expect(labels).toContain('上级党委审批接收预备党员(三个月内)');
    expect(labels.filter((l) => l === '预备期满,支部大会讨论转正').length).toBe(2);
    expect(board.branches.every((b) => b.quota !== null && b.quota >= 1 && b.quota <= 3)).toBe(true);
  });

  it('shows the demo secretary the recruitments of 营子村 at every stage', async () => {
    const yingzi = await ctx.signIn('yingzi');
    const res = await yingzi.get('/api/recruitments');
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: RecruitmentSummary[] }).items;
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(new Set(items.map((i) => i.phase))).toEqual(new Set(['applicant', 'activist', 'candidate', 'probationary']));
  });

  it('gives the demo 党员 someone to mentor', async () => {
    const member = await ctx.signIn('member');
    const res = await member.get('/api/recruitment/mentoring');
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json() as Mentoring;
    expect(items.some((i) => i.kind === 'mentor' && i.phase === 'activist')).toBe(true);
  });
});

// The seed runs on whatever day the platform starts: its stories must pass the rules on every day, not just today's.
describe('demo 发展党员 stories on any day', () => {
  const settings: RecruitmentSettings = { talkWithinDays: 30, noticeDays: 5, noticeWorkingDays: 1, reviewIntervalMonths: 6, resubmitMonths: 6, departureMonths: 3, dueSoonDays: 7 };
  const full = (id: number) => [id, { id, name: `党员${id}`, standing: 'full' as const, status: 'active' as const, onRoster: true }] as const;
  const namedMembers = new Map([1, 2, 3, 4].map(full));

  // A year of start dates, a quarter per test: each test a quarter of the work (the whole year in one took 17.7 s
  // beside three other test runs, over the 15 s limit), every day still checked.
  it.each([0, 1, 2, 3])('every step passes the rules and the board has its approval and 转正 deadlines, for every start date of quarter %i of a year', (quarter) => {
    const start = todayInShanghai();
    const realNow = new Date();
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => { vi.useRealTimers(); });
    for (let d = quarter * 92; d < Math.min(366, (quarter + 1) * 92); d++) {
      const today = addDays(start, d - 183);
      const rand = mulberry32(d + 1);
      const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
      const pressing: string[] = [];
      for (const story of demoStories(today, between)) {
        const steps = storySteps(story, today, {
          talker: '书记', mentors: [1, 2], sponsors: [3, 4], eligible: 20, absent: between(1, 3), abstain: between(0, 1), groupId: null,
          certificateNo: 'X-1', applicationDaysAgo: between(3, 8),
        });
        const facts: RecordFact[] = [{ stepCode: 'application', occurredOn: story.applied, details: {} }];
        const notices: { stage: string; startsOn: string; endsOn: string; outcome: string | null }[] = [];
        let probationEndsOn: string | null = null;
        for (const step of steps) {
          if (step.occurredOn > today) break;
          if (step.stepCode === '__notice') {
            notices.push({ stage: 'admission', startsOn: step.occurredOn, endsOn: addDays(step.occurredOn, 6), outcome: 'no_objection' });
            continue;
          }
          // The schema refuses dates after today, and this loop plays up to half a year ahead: the clock plays along.
          vi.setSystemTime(new Date(`${today}T04:00:00Z`));
          const input = RecordStepSchema.parse(step);
          vi.setSystemTime(realNow);
          const { blocks } = checkStep({
            steps: CENTRAL_STEPS, records: facts, birthDate: addYears(story.applied, -25), today, settings, namedMembers, rosterEligible: 20,
            probationEndsOn, lastRefusalOn: null, notices,
          }, input);
          expect(blocks, `${today} ${story.branch} ${step.stepCode} ${step.occurredOn}`).toEqual([]);
          facts.push({ stepCode: input.stepCode, occurredOn: input.occurredOn, details: input.details });
          if (step.stepCode === 'admission_approval') probationEndsOn = addYears(story.meeting!, 1);
        }
        pressing.push(...deadlinesOf(CENTRAL_STEPS, facts, notices, settings, probationEndsOn, today).filter((x) => x.status === 'due_soon').map((x) => x.label));
      }
      expect(pressing, today).toContain('上级党委审批接收预备党员(三个月内)');
      expect(pressing.filter((l) => l === '预备期满,支部大会讨论转正'), today).toHaveLength(2);
    }
  });
});
