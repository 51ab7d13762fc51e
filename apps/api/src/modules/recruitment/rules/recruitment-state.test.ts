import { describe, expect, it } from 'vitest';
import type { StepDetails } from '@dj/contracts';
import { addDays } from '@dj/contracts';
import { deadlinesOf, inExtendedProbation, isCompleted, nextStepsOf, openSteps, phaseOf, stopReason, windowOf, type RecruitmentSettings, type RecordFact } from './recruitment-state.js';
import { CENTRAL_STEPS, mergeSteps, type LocalStepRow } from './steps.js';

const SETTINGS: RecruitmentSettings = {
  talkWithinDays: 30, noticeDays: 5, noticeWorkingDays: 1, reviewIntervalMonths: 6, resubmitMonths: 6, departureMonths: 3, dueSoonDays: 7,
};
const STEPS = mergeSteps([]);
const TODAY = '2026-11-27';
const r = (stepCode: string, occurredOn: string, details: StepDetails = {}): RecordFact => ({ stepCode, occurredOn, details });
const vote = (eligible: number, present: number, yes: number) => ({ eligible, present, yes, no: present - yes, abstain: 0 });
const codes = (steps: { code: string }[]) => steps.map((s) => s.code);

const ACTIVIST: RecordFact[] = [
  r('application', '2020-01-10'), r('talk', '2020-01-20', { talker: '张志强' }), r('activist', '2020-03-01'),
  r('activist_filing', '2020-03-05'), r('mentors', '2020-03-05', { memberIds: [1] }),
];
const ADMITTED: RecordFact[] = [
  ...ACTIVIST, r('activist_review', '2020-08-01'), r('candidate', '2021-03-01'), r('candidate_filing', '2021-03-05'),
  r('sponsors', '2021-03-10', { memberIds: [1, 2] }), r('political_review', '2021-04-01', { conclusion: 'pass' }), r('training', '2021-04-10', { trainingDays: 3 }),
  r('committee_review', '2021-05-01'), r('pre_review', '2021-05-10'), r('admission_form', '2021-05-15'),
  r('admission_meeting', '2021-06-01', { vote: vote(20, 15, 14) }), r('committee_talk', '2021-06-10'), r('admission_approval', '2021-07-01', { approved: true }),
];

describe('steps as data', () => {
  it('has the 25 central steps of the 细则 in 5 stages, numbered in order', () => {
    expect(CENTRAL_STEPS).toHaveLength(25);
    expect(CENTRAL_STEPS.map((s) => s.position)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(CENTRAL_STEPS[0]).toMatchObject({ code: 'application', stage: 1, required: true, isCentral: true });
    expect(CENTRAL_STEPS[24]).toMatchObject({ code: 'archive', stage: 5 });
    expect([...new Set(CENTRAL_STEPS.map((s) => s.stage))]).toEqual([1, 2, 3, 4, 5]);
    expect(CENTRAL_STEPS.filter((s) => s.repeatable).map((s) => s.code)).toEqual(['activist_review', 'probation_review']);
    expect(CENTRAL_STEPS.filter((s) => s.actor === 'party_committee').map((s) => s.code))
      .toEqual(['training', 'pre_review', 'committee_talk', 'admission_approval', 'admission_filing', 'confirmation_approval']);
  });

  it('细则第十五、十九、二十、二十一、二十五、二十九至三十四条: each step cites the article of the 2014 text it follows', () => {
    const cites = (code: string) => CENTRAL_STEPS.find((s) => s.code === code)?.guidance ?? '';
    const expected: Record<string, string[]> = {
      committee_review: ['第十九条'], pre_review: ['第十九条'], admission_form: ['第十五条'], admission_meeting: ['第二十条', '第二十一条'],
      admission_approval: ['第二十五条'], admission_filing: ['第二十五条'], placement: ['第二十九条'], oath: ['第三十条'],
      probation_review: ['第三十一条'], confirmation_application: ['第三十三条', '第三十二条'], confirmation_meeting: ['第三十二条', '第三十三条'],
      confirmation_approval: ['第三十四条'], archive: ['第三十七条'],
    };
    for (const [code, articles] of Object.entries(expected)) for (const a of articles) expect(cites(code), code).toContain(a);
    // The numbers once cited from memory are gone: 第十八条 (审查), 第二十二条 (表决), 第二十四条 (审批), 第二十六条 (备案), 第三十五条 (转正审批).
    for (const wrong of ['第十八条', '第二十二条', '第二十四条', '第二十六条', '第三十五条']) {
      expect(CENTRAL_STEPS.filter((s) => s.guidance.includes(wrong)).map((s) => s.code), wrong).toEqual([]);
    }
  });

  it('merges local steps after the step they name, a local step after another local one, and renumbers', () => {
    const local: LocalStepRow[] = [
      { id: 7, name: '村党支部书记初审', afterCode: 'talk', actor: 'branch', requiredDocuments: [], required: false, guidance: '' },
      { id: 9, name: '征求村民代表意见', afterCode: 'local_7', actor: 'branch', requiredDocuments: ['意见表'], required: true, guidance: '本镇规定' },
      { id: 8, name: '县委组织部复核', afterCode: 'admission_approval', actor: 'party_committee', requiredDocuments: [], required: true, guidance: '' },
    ];
    const steps = mergeSteps(local);
    expect(steps).toHaveLength(28);
    expect(codes(steps.slice(0, 5))).toEqual(['application', 'talk', 'local_7', 'local_9', 'activist']);
    expect(steps[2]).toMatchObject({ name: '村党支部书记初审', stage: 1, position: 3, isCentral: false, required: false, guidance: '本镇(省)增加的步骤。' });
    expect(steps[3]).toMatchObject({ position: 4, required: true, requiredDocuments: ['意见表'], guidance: '本镇规定' });
    const approval = steps.findIndex((s) => s.code === 'admission_approval');
    expect(steps[approval + 1]).toMatchObject({ code: 'local_8', stage: 4 });
    expect(steps.map((s) => s.position)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    // The central list itself is not changed by a merge.
    expect(CENTRAL_STEPS[2].code).toBe('activist');
  });
});

describe('what the records imply', () => {
  it('phaseOf follows the records: applicant, activist, candidate, probationary, confirmed', () => {
    expect(phaseOf([r('application', '2020-01-10')])).toEqual({ status: 'active', phase: 'applicant' });
    expect(phaseOf(ACTIVIST)).toEqual({ status: 'active', phase: 'activist' });
    expect(phaseOf(ADMITTED.slice(0, 7))).toEqual({ status: 'active', phase: 'candidate' });
    expect(phaseOf(ADMITTED)).toEqual({ status: 'probationary', phase: 'probationary' });
    expect(phaseOf([...ADMITTED.slice(0, -1), r('admission_approval', '2021-07-01', { approved: false })])).toEqual({ status: 'active', phase: 'candidate' });
    expect(phaseOf([...ADMITTED, r('confirmation_approval', '2022-06-20', { approved: true })])).toEqual({ status: 'confirmed', phase: null });
  });

  it('isCompleted and stopReason: failed votes and refusals stay in the timeline but move nothing', () => {
    expect(isCompleted(r('admission_meeting', '2021-06-01', { vote: vote(20, 15, 10) }))).toBe(false);
    expect(isCompleted(r('admission_meeting', '2021-06-01', { vote: vote(20, 15, 11) }))).toBe(true);
    expect(isCompleted(r('confirmation_meeting', '2022-06-01', { vote: vote(20, 15, 14), decision: 'extend' }))).toBe(false);
    expect(isCompleted(r('confirmation_meeting', '2022-06-01', { vote: vote(20, 15, 14), decision: 'confirm' }))).toBe(true);
    expect(isCompleted(r('admission_approval', '2021-07-01', {}))).toBe(false);
    expect(stopReason(r('admission_approval', '2021-07-01', { approved: false }))).toBe('上级党委未批准接收为预备党员');
    expect(stopReason(r('confirmation_meeting', '2022-06-01', { vote: vote(20, 15, 14), decision: 'cancel' }))).toBe('支部大会决定取消预备党员资格');
    // A failed vote to cancel cancels nothing.
    expect(stopReason(r('confirmation_meeting', '2022-06-01', { vote: vote(20, 15, 5), decision: 'cancel' }))).toBeNull();
    expect(stopReason(r('confirmation_approval', '2022-06-20', { approved: false }))).toBe('上级党委未批准转正');
  });

  it('openSteps: a repeatable 考察 stays open until 发展对象 is recorded', () => {
    expect(codes(openSteps(STEPS, []))).toEqual(['application']);
    expect(codes(openSteps(STEPS, ACTIVIST))).toEqual(['activist_review']);
    const reviewed = [...ACTIVIST, r('activist_review', '2020-08-01')];
    expect(codes(openSteps(STEPS, reviewed))).toEqual(['activist_review', 'candidate']);
    expect(codes(openSteps(STEPS, [...reviewed, r('activist_review', '2021-02-01')]))).toEqual(['activist_review', 'candidate']);
    expect(codes(openSteps(STEPS, [...reviewed, r('candidate', '2021-03-01')]))).toEqual(['candidate_filing']);
  });

  it('openSteps: an optional local step is open with the next required one, and drops out once that is done', () => {
    const steps = mergeSteps([{ id: 7, name: '村党支部书记初审', afterCode: 'talk', actor: 'branch', requiredDocuments: [], required: false, guidance: '' }]);
    const talked = ACTIVIST.slice(0, 2);
    expect(codes(openSteps(steps, talked))).toEqual(['local_7', 'activist']);
    expect(codes(openSteps(steps, ACTIVIST.slice(0, 3)))).toEqual(['activist_filing']);
  });

  it('openSteps: a required local step added after a recruitment went past it does not hold that recruitment back', () => {
    const steps = mergeSteps([{ id: 7, name: '村党员代表推荐', afterCode: 'talk', actor: 'branch', requiredDocuments: [], required: true, guidance: '' }]);
    // Not yet past it: the new step is due before the 积极分子.
    expect(codes(openSteps(steps, ACTIVIST.slice(0, 2)))).toEqual(['local_7']);
    // Already past it: the recruitment goes on.
    expect(codes(openSteps(steps, ACTIVIST))).toEqual(['activist_review']);
    expect(codes(openSteps(steps, [...ACTIVIST, r('activist_review', '2020-08-01')]))).toEqual(['activist_review', 'candidate']);
  });

  it('a failed 支部大会 vote leaves the meeting open', () => {
    const before = ADMITTED.slice(0, ADMITTED.findIndex((x) => x.stepCode === 'admission_meeting'));
    expect(codes(openSteps(STEPS, [...before, r('admission_meeting', '2021-06-01', { vote: vote(20, 12, 10) })]))).toEqual(['admission_meeting']);
  });

  it('细则第三十一条、第三十二条: further 考察 can be recorded during an extended 预备期, until the next 支部大会 decides', () => {
    const applied = [...ADMITTED, r('admission_filing', '2021-07-05'), r('placement', '2021-07-06'), r('oath', '2021-07-06'),
      r('probation_review', '2021-12-01'), r('confirmation_application', '2022-05-01')];
    expect(codes(openSteps(STEPS, applied))).toEqual(['confirmation_meeting']);
    const extended = [...applied, r('confirmation_meeting', '2022-06-01', { vote: vote(20, 15, 14), decision: 'extend', extensionMonths: 6 })];
    expect(inExtendedProbation(extended)).toBe(true);
    // The meeting stays the next step; the 考察 is open beside it, and again after one is recorded.
    expect(codes(openSteps(STEPS, extended))).toEqual(['confirmation_meeting', 'probation_review']);
    expect(codes(openSteps(STEPS, [...extended, r('probation_review', '2022-09-01')]))).toEqual(['confirmation_meeting', 'probation_review']);
    // A failed vote to extend extended nothing; once the 转正 is decided, no more 考察.
    expect(inExtendedProbation([...applied, r('confirmation_meeting', '2022-06-01', { vote: vote(20, 15, 8), decision: 'extend', extensionMonths: 6 })])).toBe(false);
    const confirmed = [...extended, r('confirmation_meeting', '2022-12-01', { vote: vote(20, 15, 14), decision: 'confirm' })];
    expect(inExtendedProbation(confirmed)).toBe(false);
    expect(codes(openSteps(STEPS, confirmed))).toEqual(['confirmation_approval']);
  });

  it('nextStepsOf: earliest and due dates from the rules', () => {
    expect(nextStepsOf(STEPS, [r('application', '2020-01-10')], SETTINGS, null)).toEqual([{ code: 'talk', name: '党组织派人谈话', earliest: '2020-01-10', dueBy: '2020-02-09' }]);
    const reviewed = [...ACTIVIST, r('activist_review', '2020-08-01')];
    expect(nextStepsOf(STEPS, reviewed, SETTINGS, null)).toEqual([
      { code: 'activist_review', name: '培养教育考察', earliest: null, dueBy: '2021-02-01' },
      { code: 'candidate', name: '确定发展对象', earliest: '2021-03-01', dueBy: null },
    ]);
    const met = ADMITTED.slice(0, -2);
    expect(nextStepsOf(STEPS, met, SETTINGS, null)).toEqual([{ code: 'committee_talk', name: '上级党委派人谈话', earliest: null, dueBy: null }]);
    expect(windowOf('admission_approval', met, SETTINGS, null)).toEqual({ earliest: '2021-06-01', dueBy: '2021-09-01' });
    expect(windowOf('confirmation_meeting', ADMITTED, SETTINGS, '2022-12-01')).toEqual({ earliest: '2022-12-01', dueBy: '2022-12-01' });
    // The first 考察 is due half a year after the 积极分子 decision.
    expect(windowOf('activist_review', ACTIVIST, SETTINGS, null)).toEqual({ earliest: null, dueBy: '2020-09-01' });
  });
});

describe('deadlinesOf', () => {
  const applied = (daysAgo: number) => [r('application', addDays(TODAY, -daysAgo))];

  it('the talk deadline is late, due_soon or due against today and reminder.dueSoonDays', () => {
    expect(deadlinesOf(STEPS, applied(40), [], SETTINGS, null, TODAY)).toEqual([{
      label: '收到入党申请书后派人谈话', date: addDays(TODAY, -10), status: 'late', binding: false,
      source: '《中国共产党发展党员工作细则》第七条;本镇设置 recruitment.talkWithinDays',
    }]);
    expect(deadlinesOf(STEPS, applied(25), [], SETTINGS, null, TODAY)[0]).toMatchObject({ date: addDays(TODAY, 5), status: 'due_soon' });
    expect(deadlinesOf(STEPS, applied(23), [], SETTINGS, null, TODAY)[0]).toMatchObject({ date: addDays(TODAY, 7), status: 'due_soon' });
    expect(deadlinesOf(STEPS, applied(22), [], SETTINGS, null, TODAY)[0]).toMatchObject({ date: addDays(TODAY, 8), status: 'due' });
    expect(deadlinesOf(STEPS, applied(30), [], SETTINGS, null, TODAY)[0]).toMatchObject({ date: TODAY, status: 'due_soon' });
    // Once the talk is recorded its deadline is gone.
    expect(deadlinesOf(STEPS, [...applied(40), r('talk', addDays(TODAY, -1), { talker: '张' })], [], SETTINGS, null, TODAY)).toEqual([]);
  });

  it('细则第二十五条: the 3-month approval deadline is binding', () => {
    const met = ADMITTED.slice(0, -1);
    expect(deadlinesOf(STEPS, met, [], SETTINGS, null, TODAY)).toEqual([{
      label: '上级党委审批接收预备党员(三个月内)', date: '2021-09-01', status: 'late', binding: true, source: '《中国共产党发展党员工作细则》第二十五条',
    }]);
  });

  it('the half-yearly 考察 of an activist and the end of the 预备期', () => {
    expect(deadlinesOf(STEPS, ACTIVIST, [], SETTINGS, null, TODAY)).toEqual([expect.objectContaining({ label: '入党积极分子半年考察', date: '2020-09-01', status: 'late', binding: false })]);
    const placed = [...ADMITTED, r('admission_filing', '2021-07-05'), r('placement', '2021-07-06'), r('oath', '2021-07-06'), r('probation_review', '2021-12-10')];
    const due = deadlinesOf(STEPS, placed, [], SETTINGS, '2022-06-01', '2022-05-01');
    expect(due.map((d) => [d.label, d.date, d.status, d.binding])).toEqual([
      ['预备期满,支部大会讨论转正', '2022-06-01', 'due', true],
      ['预备党员半年考察', '2022-06-10', 'due', false],
    ]);
  });

  it('an open 公示 without its outcome is a deadline; one with an outcome is not', () => {
    const notices = [{ stage: 'activist', endsOn: '2026-11-30', outcome: null }, { stage: 'candidate', endsOn: '2026-11-01', outcome: 'no_objection' }];
    const res = deadlinesOf(STEPS, [...ACTIVIST, r('activist_review', '2026-11-01')], notices, SETTINGS, null, TODAY);
    expect(res.map((d) => [d.label, d.date, d.status])).toEqual([['登记公示结果', '2026-11-30', 'due_soon'], ['入党积极分子半年考察', '2027-05-01', 'due']]);
  });
});
