import { describe, expect, it } from 'vitest';
import type { StepDetails } from '@dj/contracts';
import { replayDeadlines } from './deadline-replay.js';
import type { RecordFact, RecruitmentSettings } from './recruitment-state.js';
import { mergeSteps } from './steps.js';

const SETTINGS: RecruitmentSettings = {
  talkWithinDays: 30, noticeDays: 5, noticeWorkingDays: 1, reviewIntervalMonths: 6, resubmitMonths: 6, departureMonths: 3, dueSoonDays: 7,
};
const STEPS = mergeSteps([]);
const r = (stepCode: string, occurredOn: string, details: StepDetails = {}): RecordFact => ({ stepCode, occurredOn, details });
const replay = (records: RecordFact[], over: { probationEndsOn?: string | null; stoppedOn?: string | null } = {}) =>
  replayDeadlines({ steps: STEPS, records, settings: SETTINGS, probationEndsOn: over.probationEndsOn ?? null, stoppedOn: over.stoppedOn ?? null })
    .map((d) => [d.label, d.date, d.doneOn]);

describe('发展党员 deadlines replayed from the records (assessment measure 发展党员按期)', () => {
  it('细则第七条: the 谈话 due 30 days (town setting) after the application, kept or held late, with the day it was held', () => {
    expect(replay([r('application', '2020-01-10'), r('talk', '2020-01-20')])).toEqual([['收到入党申请书后派人谈话', '2020-02-09', '2020-01-20']]);
    expect(replay([r('application', '2020-01-10'), r('talk', '2020-02-20')])).toEqual([['收到入党申请书后派人谈话', '2020-02-09', '2020-02-20']]);
    expect(replay([r('application', '2020-01-10')])).toEqual([['收到入党申请书后派人谈话', '2020-02-09', null]]);
  });

  it('细则第十一条: each half-yearly 考察 of an 入党积极分子 falls due six months after the one before', () => {
    const records = [
      r('application', '2020-01-10'), r('talk', '2020-01-20'), r('activist', '2020-03-01'), r('activist_filing', '2020-03-05'),
      r('mentors', '2020-03-05', { memberIds: [1] }), r('activist_review', '2020-08-01'), r('activist_review', '2021-03-01'),
    ];
    expect(replay(records).filter(([label]) => label === '入党积极分子半年考察')).toEqual([
      ['入党积极分子半年考察', '2020-09-01', '2020-08-01'], ['入党积极分子半年考察', '2021-02-01', '2021-03-01'], ['入党积极分子半年考察', '2021-09-01', null],
    ]);
  });

  it('细则第二十五条: the 上级党委\'s three months to approve are the town\'s, never the branch\'s deadline', () => {
    const records = [
      r('application', '2020-01-10'), r('talk', '2020-01-20'), r('activist', '2020-03-01'), r('activist_filing', '2020-03-05'),
      r('mentors', '2020-03-05', { memberIds: [1] }), r('activist_review', '2020-08-01'), r('candidate', '2021-03-01'), r('candidate_filing', '2021-03-05'),
      r('sponsors', '2021-03-10', { memberIds: [1, 2] }), r('political_review', '2021-04-01', { conclusion: 'pass' }), r('training', '2021-04-10', { trainingDays: 3 }),
      r('committee_review', '2021-05-01'), r('pre_review', '2021-05-10'), r('admission_form', '2021-05-15'),
      r('admission_meeting', '2021-06-01', { vote: { eligible: 20, present: 15, yes: 14, no: 1, abstain: 0 } }), r('committee_talk', '2021-06-10'),
      r('admission_approval', '2021-11-01', { approved: true }),
    ];
    expect(replay(records).map(([label]) => label)).not.toContain('上级党委审批接收预备党员(三个月内)');
  });

  it('nothing falls due after the recruitment was stopped', () => {
    expect(replay([r('application', '2020-01-10')], { stoppedOn: '2020-01-30' })).toEqual([]);
  });
});
