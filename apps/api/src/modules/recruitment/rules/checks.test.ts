import { describe, expect, it } from 'vitest';
import type { StepDetails } from '@dj/contracts';
import { ageOn, checkStep, noticeLength, workingDaysBetween, type CheckContext, type NamedMember, type StepInput } from './checks.js';
import { isCompleted, recordOutcome, stopReason, type RecruitmentSettings, type RecordFact } from './recruitment-state.js';
import { mergeSteps } from './steps.js';

const SETTINGS: RecruitmentSettings = {
  talkWithinDays: 30, noticeDays: 5, noticeWorkingDays: 1, reviewIntervalMonths: 6, resubmitMonths: 6, departureMonths: 3, dueSoonDays: 7,
};
const STEPS = mergeSteps([]);
const TODAY = '2026-11-27';
const r = (stepCode: string, occurredOn: string, details: StepDetails = {}): RecordFact => ({ stepCode, occurredOn, details });
const vote = (eligible: number, present: number, yes: number) => ({ eligible, present, yes, no: present - yes, abstain: 0 });

/** One person's whole way, in order; `upTo(code)` is everything recorded before the first `code`. */
const PATH: RecordFact[] = [
  r('application', '2020-01-10'),
  r('talk', '2020-01-20', { talker: '张志强' }),
  r('activist', '2020-03-01'),
  r('activist_filing', '2020-03-05'),
  r('mentors', '2020-03-05', { memberIds: [1] }),
  r('activist_review', '2020-08-01'),
  r('activist_review', '2021-01-20'),
  r('candidate', '2021-03-01'),
  r('candidate_filing', '2021-03-05'),
  r('sponsors', '2021-03-10', { memberIds: [1, 2] }),
  r('political_review', '2021-04-01', { conclusion: 'pass' }),
  r('training', '2021-04-10', { trainingDays: 3 }),
  r('committee_review', '2021-05-01'),
  r('pre_review', '2021-05-10'),
  r('admission_form', '2021-05-15'),
  r('admission_meeting', '2021-06-01', { vote: vote(20, 15, 14) }),
  r('committee_talk', '2021-06-10'),
  r('admission_approval', '2021-07-01', { approved: true }),
  r('admission_filing', '2021-07-05'),
  r('placement', '2021-07-06'),
  r('oath', '2021-07-06'),
  r('probation_review', '2021-12-01'),
  r('confirmation_application', '2022-05-01'),
  r('confirmation_meeting', '2022-06-01', { vote: vote(20, 15, 14), decision: 'confirm' }),
  r('confirmation_approval', '2022-06-20', { approved: true }),
];
const upTo = (code: string) => PATH.slice(0, PATH.findIndex((x) => x.stepCode === code));
const without = (records: RecordFact[], code: string) => records.filter((x) => x.stepCode !== code);

const MEMBERS: NamedMember[] = [
  { id: 1, name: '王正式', standing: 'full', status: 'active', onRoster: true },
  { id: 2, name: '李正式', standing: 'full', status: 'active', onRoster: true },
  { id: 3, name: '赵预备', standing: 'probationary', status: 'active', onRoster: true },
  { id: 4, name: '孙停止', standing: 'full', status: 'suspended', onRoster: true },
  { id: 5, name: '周转出', standing: 'full', status: 'active', onRoster: false },
];

function context(records: RecordFact[], over: Partial<CheckContext> = {}): CheckContext {
  return {
    steps: STEPS, records, birthDate: '1990-05-10', today: TODAY, settings: SETTINGS,
    namedMembers: new Map(MEMBERS.map((m) => [m.id, m])), rosterEligible: 20, probationEndsOn: null, lastRefusalOn: null, notices: [],
    ...over,
  };
}
/** Checks `input` against the path recorded up to its step. */
const check = (input: StepInput, over: Partial<CheckContext> = {}) => checkStep(context(upTo(input.stepCode), over), input);
const rules = (res: { blocks: { rule: string }[] }) => res.blocks.map((b) => b.rule);
const warningRules = (res: { warnings: { rule: string }[] }) => res.warnings.map((w) => w.rule);
const sources = (res: { blocks: { source: string }[] }) => res.blocks.map((b) => b.source).join(' | ');

describe('the path used by these tests', () => {
  it('passes every step without a block', () => {
    for (const [i, step] of PATH.entries()) {
      const res = checkStep(context(PATH.slice(0, i), { probationEndsOn: '2022-06-01' }), step);
      expect(res.blocks, `${step.stepCode} ${step.occurredOn}`).toEqual([]);
    }
  });
});

describe('central rules block, citing their article', () => {
  it('细则第五条: an applicant under 18 on the application date is refused', () => {
    const res = checkStep(context([], { birthDate: '2002-05-10' }), { stepCode: 'application', occurredOn: '2020-05-09', details: {} });
    expect(res.blocks).toHaveLength(1);
    expect(res.blocks[0]).toMatchObject({ rule: 'age', message: '递交入党申请书时未满十八岁(17岁),不能申请入党' });
    expect(res.blocks[0].source).toContain('第五条');
  });

  it('细则第五条: the 18th birthday itself passes', () => {
    expect(checkStep(context([], { birthDate: '2002-05-10' }), { stepCode: 'application', occurredOn: '2020-05-10', details: {} }).blocks).toEqual([]);
    expect(ageOn('2002-05-10', '2020-05-10')).toBe(18);
    expect(ageOn('2002-05-10', '2020-05-09')).toBe(17);
    expect(ageOn('2002-12-31', '2021-01-01')).toBe(18);
  });

  it('细则第八条: 入党积极分子 are decided by the 支委会 or the 支部大会, not by the branch secretary or the 上级党委', () => {
    const refused = check({ stepCode: 'activist', occurredOn: '2020-03-01', decidedBy: 'branch', details: {} });
    expect(rules(refused)).toEqual(['decided_by']);
    expect(refused.blocks[0].source).toContain('第八条');
    expect(rules(check({ stepCode: 'activist', occurredOn: '2020-03-01', decidedBy: 'party_committee', details: {} }))).toEqual(['decided_by']);
    expect(check({ stepCode: 'activist', occurredOn: '2020-03-01', decidedBy: 'branch_meeting', details: {} }).blocks).toEqual([]);
    expect(check({ stepCode: 'activist', occurredOn: '2020-03-01', decidedBy: 'branch_committee', details: {} }).blocks).toEqual([]);
  });

  it('细则第九条: one or two 培养联系人, each a full member in good standing', () => {
    const at = (memberIds: number[]) => check({ stepCode: 'mentors', occurredOn: '2020-03-05', details: { memberIds } });
    expect(at([1]).blocks).toEqual([]);
    expect(at([1, 2]).blocks).toEqual([]);
    const none = at([]);
    expect(none.blocks).toEqual([{ rule: 'count', message: '培养联系人应为一至两名正式党员,现选0名', source: '《中国共产党发展党员工作细则》第九条' }]);
    expect(rules(at([1, 2, 5]))).toContain('count');
    const probationary = at([3]);
    expect(rules(probationary)).toEqual(['full_member']);
    expect(probationary.blocks[0].message).toContain('赵预备是预备党员');
    expect(sources(probationary)).toContain('第九条');
    expect(rules(at([99]))).toEqual(['member']);
  });

  it('细则第十三条: 发展对象 11 months after becoming 积极分子 is refused', () => {
    const res = check({ stepCode: 'candidate', occurredOn: '2021-02-01', details: {} });
    expect(rules(res)).toEqual(['activist_year']);
    expect(res.blocks[0].message).toContain('最早2021-03-01方可列为发展对象');
    expect(res.blocks[0].source).toBe('《中国共产党发展党员工作细则》第十三条');
  });

  it('细则第十三条: exactly one year as 积极分子 passes', () => {
    expect(check({ stepCode: 'candidate', occurredOn: '2021-03-01', details: {} }).blocks).toEqual([]);
    expect(rules(check({ stepCode: 'candidate', occurredOn: '2021-02-28', details: {} }))).toEqual(['activist_year']);
  });

  it('细则第十三条: 发展对象 are decided by the 支委会', () => {
    const res = check({ stepCode: 'candidate', occurredOn: '2021-03-01', decidedBy: 'party_committee', details: {} });
    expect(rules(res)).toEqual(['decided_by']);
    expect(res.blocks[0].source).toContain('第十三条');
  });

  it('细则第十四条: two 入党介绍人, both full members; a 预备党员 or a suspended member is refused', () => {
    const at = (memberIds: number[]) => check({ stepCode: 'sponsors', occurredOn: '2021-03-10', details: { memberIds } });
    expect(at([1, 2]).blocks).toEqual([]);
    const one = at([1]);
    expect(one.blocks[0]).toMatchObject({ rule: 'count', message: '入党介绍人应为两名正式党员,现选1名' });
    expect(one.blocks[0].source).toContain('第十四条');
    // The same member twice is one sponsor.
    expect(rules(at([1, 1]))).toEqual(['count']);
    const probationary = at([1, 3]);
    expect(rules(probationary)).toEqual(['full_member']);
    expect(probationary.blocks[0].source).toContain('第十四条');
    const suspended = at([1, 4]);
    expect(rules(suspended)).toEqual(['active_member']);
    expect(suspended.blocks[0].message).toContain('孙停止');
    expect(suspended.blocks[0].source).toContain('第十四条');
    expect(rules(at([1, 5]))).toEqual(['active_member']);
  });

  it('细则第十六条: no 支部大会 without a passed 政治审查', () => {
    const records = without(upTo('admission_meeting'), 'political_review');
    const res = checkStep(context(records), { stepCode: 'admission_meeting', occurredOn: '2021-06-01', details: { vote: vote(20, 15, 14) } });
    expect(rules(res)).toEqual(['political_review']);
    expect(res.blocks[0].source).toBe('《中国共产党发展党员工作细则》第十六条');
    // A failed review is on the record but is not a passed one.
    const failed = [...records.slice(0, 10), r('political_review', '2021-04-01', { conclusion: 'fail' }), ...records.slice(10)];
    expect(rules(checkStep(context(failed), { stepCode: 'admission_meeting', occurredOn: '2021-06-01', details: { vote: vote(20, 15, 14) } }))).toContain('political_review');
  });

  it('细则第十六条: a failed 政治审查 stops the recruitment; a review needs a conclusion', () => {
    const fail = r('political_review', '2021-04-01', { conclusion: 'fail' });
    expect(isCompleted(fail)).toBe(false);
    expect(stopReason(fail)).toBe('政治审查不合格,不能发展入党(《中国共产党发展党员工作细则》第十六条)');
    expect(stopReason(r('political_review', '2021-04-01', { conclusion: 'pass' }))).toBeNull();
    const missing = check({ stepCode: 'political_review', occurredOn: '2021-04-01', details: {} });
    expect(rules(missing)).toEqual(['conclusion']);
    expect(missing.blocks[0].source).toContain('第十六条');
  });

  it('细则第十七条: training of 2 days / 20 学时 is refused; 3 days or 24 学时 passes', () => {
    const at = (details: StepDetails) => check({ stepCode: 'training', occurredOn: '2021-04-10', details });
    const short = at({ trainingDays: 2, trainingHours: 20 });
    expect(short.blocks).toEqual([{ rule: 'training_length', message: '集中培训2天、20学时,不足三天或二十四个学时', source: '《中国共产党发展党员工作细则》第十七条' }]);
    expect(rules(at({}))).toEqual(['training_length']);
    expect(at({ trainingDays: 3 }).blocks).toEqual([]);
    expect(at({ trainingHours: 24 }).blocks).toEqual([]);
    expect(at({ trainingDays: 2, trainingHours: 24 }).blocks).toEqual([]);
  });

  it('细则第十七条: no 支部大会 without the 集中培训', () => {
    const res = checkStep(context(without(upTo('admission_meeting'), 'training')), { stepCode: 'admission_meeting', occurredOn: '2021-06-01', details: { vote: vote(20, 15, 14) } });
    expect(rules(res)).toEqual(['training']);
    expect(res.blocks[0].source).toBe('《中国共产党发展党员工作细则》第十七条');
  });

  it('细则第二十条: present must be more than half of the eligible; exactly half is refused', () => {
    const at = (present: number, yes: number) => check({ stepCode: 'admission_meeting', occurredOn: '2021-06-01', details: { vote: vote(20, present, yes) } });
    const half = at(10, 10);
    expect(rules(half)).toEqual(['quorum']);
    expect(half.blocks[0].message).toContain('实到10人,未超过半数(至少需11人)');
    expect(half.blocks[0].source).toBe('《中国共产党发展党员工作细则》第二十条');
    expect(at(11, 11).blocks).toEqual([]);
    expect(rules(check({ stepCode: 'admission_meeting', occurredOn: '2021-06-01', details: {} }))).toEqual(['vote']);
    expect(rules(check({ stepCode: 'admission_meeting', occurredOn: '2021-06-01', details: { vote: { eligible: 20, present: 21, yes: 15, no: 0, abstain: 0 } } }))).toEqual(['vote_present']);
  });

  it('细则第二十一条: yes must be more than half of the ELIGIBLE, not of those present; a failed vote is recorded but not completed', () => {
    // 10 of 12 present said yes: more than half of those present, exactly half of the 20 eligible.
    const failed = { stepCode: 'admission_meeting', occurredOn: '2021-06-01', details: { vote: vote(20, 12, 10) } };
    expect(check(failed).blocks).toEqual([]);
    expect(isCompleted(failed)).toBe(false);
    expect(isCompleted({ ...failed, details: { vote: vote(20, 12, 11) } })).toBe(true);
    // The recruitment stays before the meeting: the next step is the meeting again, not the 上级党委 talk.
    const after = checkStep(context([...upTo('admission_meeting'), failed]), { stepCode: 'committee_talk', occurredOn: '2021-06-10', details: {} });
    expect(after.blocks.map((b) => b.message)).toEqual(['应先完成“支部大会讨论”,再进行“上级党委派人谈话”']);
    expect(checkStep(context([...upTo('admission_meeting'), failed]), { stepCode: 'admission_meeting', occurredOn: '2021-06-15', details: { vote: vote(20, 15, 14) } }).blocks).toEqual([]);
  });

  it('细则第二十一条: 11 present of 20 with 10 in favour meets the quorum but is recorded as 未通过, citing the rule and what may follow', () => {
    const input = { stepCode: 'admission_meeting', occurredOn: '2021-06-01', details: { vote: { eligible: 20, present: 11, yes: 10, no: 1, abstain: 0 } } };
    // The quorum (第二十条) is met with 11 of 20, so nothing blocks: the vote is recorded as it was counted.
    expect(check(input).blocks).toEqual([]);
    expect(isCompleted(input)).toBe(false);
    const outcome = recordOutcome(input);
    expect(outcome).toMatchObject({ label: '未通过', message: '表决未通过:赞成10票,未超过应到会有表决权党员20人的半数(至少需11票),未通过' });
    expect(outcome?.source).toContain('《中国共产党发展党员工作细则》第二十一条');
    expect(outcome?.next).toContain('再次提交支部大会讨论');
    // 11 in favour passes, and a passed vote has no outcome to show.
    expect(recordOutcome({ ...input, details: { vote: { eligible: 20, present: 11, yes: 11, no: 0, abstain: 0 } } })).toBeNull();
    // The same rule for 转正 (第三十三条).
    const confirm = recordOutcome({ stepCode: 'confirmation_meeting', occurredOn: '2022-06-01', details: { vote: vote(20, 11, 10), decision: 'confirm' } });
    expect(confirm?.source).toContain('第三十三条');
    expect(confirm?.next).toContain('再次召开支部大会');
  });

  it('细则第二十五条: an approval after three months with the special circumstance is recorded and stays flagged on the record', () => {
    const late = check({ stepCode: 'admission_approval', occurredOn: '2021-10-15', details: { approved: true, delayReason: '镇党委换届' } });
    expect(late.blocks).toEqual([]);
    expect(late.warnings).toEqual([expect.objectContaining({
      rule: 'approval_delay', message: '支部大会(2021-06-01)后超过三个月才审批(2021-10-15),特殊情况:镇党委换届',
      source: '《中国共产党发展党员工作细则》第二十五条:应当在三个月内审批',
    })]);
    // Within three months a reason changes nothing and nothing is flagged.
    expect(warningRules(check({ stepCode: 'admission_approval', occurredOn: '2021-08-15', details: { approved: true, delayReason: '无' } }))).toEqual([]);
  });

  it('细则第二十五条: approval within 3 months passes; 3–6 months needs a delayReason; past 6 months is refused', () => {
    const at = (occurredOn: string, details: StepDetails = {}) => check({ stepCode: 'admission_approval', occurredOn, details: { approved: true, ...details } });
    expect(at('2021-09-01').blocks).toEqual([]);
    const late = at('2021-09-02');
    expect(rules(late)).toEqual(['approval_delay']);
    expect(late.blocks[0].source).toBe('《中国共产党发展党员工作细则》第二十五条');
    expect(at('2021-11-20', { delayReason: '党委换届,延期审批' }).blocks).toEqual([]);
    const tooLate = at('2021-12-02', { delayReason: '党委换届,延期审批' });
    expect(rules(tooLate)).toEqual(['approval_max']);
    expect(tooLate.blocks[0].source).toBe('《中国共产党发展党员工作细则》第二十五条');
    expect(at('2021-12-01', { delayReason: '党委换届' }).blocks).toEqual([]);
    expect(rules(check({ stepCode: 'admission_approval', occurredOn: '2021-07-01', details: {} }))).toEqual(['approved']);
  });

  it('细则第三十二条: the 预备期 is one year from the 支部大会; a confirmation meeting before its end is refused', () => {
    const at = (occurredOn: string) => check({ stepCode: 'confirmation_meeting', occurredOn, details: { vote: vote(20, 15, 14), decision: 'confirm' } }, { probationEndsOn: '2022-06-01' });
    const early = at('2022-05-31');
    expect(rules(early)).toEqual(['probation_end']);
    expect(early.blocks[0].message).toBe('预备期到2022-06-01期满,期满后才能讨论转正');
    expect(early.blocks[0].source).toContain('第三十二条');
    expect(at('2022-06-01').blocks).toEqual([]);
  });

  it('细则第三十二条: an extension is 6 to 12 months', () => {
    const at = (extensionMonths: number | undefined) => check({ stepCode: 'confirmation_meeting', occurredOn: '2022-06-01', details: { vote: vote(20, 15, 14), decision: 'extend', extensionMonths } }, { probationEndsOn: '2022-06-01' });
    for (const months of [undefined, 5, 13]) {
      const res = at(months);
      expect(rules(res), String(months)).toEqual(['extension_length']);
      expect(res.blocks[0].source).toContain('第三十二条');
    }
    expect(at(6).blocks).toEqual([]);
    expect(at(12).blocks).toEqual([]);
  });

  it('细则第三十二条: the 预备期 is extended only once', () => {
    const extended = [...upTo('confirmation_meeting'), r('confirmation_meeting', '2022-06-01', { vote: vote(20, 15, 14), decision: 'extend', extensionMonths: 6 })];
    const again = checkStep(context(extended, { probationEndsOn: '2022-12-01' }), { stepCode: 'confirmation_meeting', occurredOn: '2022-12-01', details: { vote: vote(20, 15, 14), decision: 'extend', extensionMonths: 6 } });
    expect(rules(again)).toEqual(['extension_once']);
    expect(again.blocks[0].source).toContain('第三十二条');
    // Confirming after the extension is what remains.
    expect(checkStep(context(extended, { probationEndsOn: '2022-12-01' }), { stepCode: 'confirmation_meeting', occurredOn: '2022-12-01', details: { vote: vote(20, 15, 14), decision: 'confirm' } }).blocks).toEqual([]);
    // A vote to extend that failed extended nothing.
    const failedVote = [...upTo('confirmation_meeting'), r('confirmation_meeting', '2022-06-01', { vote: vote(20, 15, 8), decision: 'extend', extensionMonths: 6 })];
    expect(checkStep(context(failedVote, { probationEndsOn: '2022-06-01' }), { stepCode: 'confirmation_meeting', occurredOn: '2022-06-10', details: { vote: vote(20, 15, 14), decision: 'extend', extensionMonths: 6 } }).blocks).toEqual([]);
  });

  it('细则第三十二条: the 支部大会 decides confirm, extend or cancel', () => {
    const res = check({ stepCode: 'confirmation_meeting', occurredOn: '2022-06-01', details: { vote: vote(20, 15, 14) } }, { probationEndsOn: '2022-06-01' });
    expect(rules(res)).toEqual(['decision']);
    expect(res.blocks[0].source).toBe('《中国共产党发展党员工作细则》第三十二条');
  });

  it('细则第三十四条: the 转正 approval within 3 months, with a reason up to 6 (the limit of 第二十五条), never later', () => {
    const at = (occurredOn: string, details: StepDetails = {}) => check({ stepCode: 'confirmation_approval', occurredOn, details: { approved: true, ...details } }, { probationEndsOn: '2022-06-01' });
    expect(at('2022-09-01').blocks).toEqual([]);
    const late = at('2022-09-02');
    expect(rules(late)).toEqual(['approval_delay']);
    expect(late.blocks[0].source).toBe('《中国共产党发展党员工作细则》第三十四条');
    expect(at('2022-10-01', { delayReason: '等待外调材料' }).blocks).toEqual([]);
    expect(warningRules(at('2022-10-01', { delayReason: '等待外调材料' }))).toContain('approval_delay');
    const tooLate = at('2022-12-02', { delayReason: '等待外调材料' });
    expect(rules(tooLate)).toEqual(['approval_max']);
    expect(tooLate.blocks[0].source).toBe('《中国共产党发展党员工作细则》第三十四条(三个月内审批);六个月上限参照第二十五条');
  });

  it('程序: a later step before an earlier required one is refused, naming the missing steps', () => {
    const res = checkStep(context([r('application', '2020-01-10')]), { stepCode: 'activist', occurredOn: '2020-03-01', details: {} });
    expect(res.blocks).toEqual([{ rule: 'order', message: '应先完成“党组织派人谈话”,再进行“推荐和确定入党积极分子”', source: '《中国共产党发展党员工作细则》规定的程序' }]);
    const skipped = checkStep(context(upTo('activist_filing')), { stepCode: 'candidate', occurredOn: '2021-03-01', details: {} });
    expect(skipped.blocks.map((b) => b.message)).toEqual([
      '应先完成“入党积极分子报上级党委备案”,再进行“确定发展对象”',
      '应先完成“指定培养联系人”,再进行“确定发展对象”',
      '应先完成“培养教育考察”,再进行“确定发展对象”',
    ]);
  });

  it('程序: a required local step blocks the steps after it, except in recruitments that were already past it', () => {
    const steps = mergeSteps([{ id: 7, name: '村党员代表推荐', afterCode: 'talk', actor: 'branch', requiredDocuments: [], required: true, guidance: '' }]);
    const early = checkStep(context(upTo('activist'), { steps }), { stepCode: 'activist', occurredOn: '2020-03-01', details: {} });
    expect(early.blocks.map((b) => b.message)).toEqual(['应先完成“村党员代表推荐”,再进行“推荐和确定入党积极分子”']);
    expect(checkStep(context(upTo('candidate'), { steps }), { stepCode: 'candidate', occurredOn: '2021-03-01', details: {} }).blocks).toEqual([]);
  });

  it('程序: a step already recorded is not recorded again, a repeatable 考察 is', () => {
    expect(rules(checkStep(context(upTo('activist')), { stepCode: 'talk', occurredOn: '2020-02-01', details: { talker: '张志强' } }))).toEqual(['order']);
    expect(checkStep(context(upTo('candidate')), { stepCode: 'activist_review', occurredOn: '2021-02-01', details: {} }).blocks).toEqual([]);
  });

  it('程序: a date before the previous step is refused; a future date is refused', () => {
    const early = checkStep(context([r('application', '2020-01-10')]), { stepCode: 'talk', occurredOn: '2020-01-09', details: { talker: '张志强' } });
    expect(early.blocks).toEqual([{ rule: 'date_order', message: '日期早于上一步(2020-01-10),请核对', source: '《中国共产党发展党员工作细则》规定的程序' }]);
    expect(checkStep(context([r('application', '2020-01-10')]), { stepCode: 'talk', occurredOn: '2020-01-10', details: { talker: '张志强' } }).blocks).toEqual([]);
    const future = checkStep(context([r('application', '2026-11-20')]), { stepCode: 'talk', occurredOn: '2026-11-28', details: { talker: '张志强' } });
    expect(rules(future)).toEqual(['future']);
    expect(rules(checkStep(context([]), { stepCode: 'application', occurredOn: '2026-11-28', details: {} }))).toEqual(['future']);
  });

  it('an unknown step is refused; a talk needs the talker', () => {
    expect(rules(checkStep(context([]), { stepCode: 'nonsense', occurredOn: '2020-01-01', details: {} }))).toEqual(['step']);
    expect(rules(check({ stepCode: 'talk', occurredOn: '2020-01-20', details: {} }))).toEqual(['talker']);
  });
});

describe('local settings warn and never block', () => {
  it('细则第七条 / recruitment.talkWithinDays: a talk later than the setting warns', () => {
    const late = check({ stepCode: 'talk', occurredOn: '2020-02-10', details: { talker: '张志强' } });
    expect(late.blocks).toEqual([]);
    expect(late.warnings).toEqual([{ rule: 'talk_within', message: '谈话距收到申请书已超过30天', source: '《中国共产党发展党员工作细则》第七条(一个月内);本镇设置 recruitment.talkWithinDays' }]);
    expect(check({ stepCode: 'talk', occurredOn: '2020-02-09', details: { talker: '张志强' } }).warnings).toEqual([]);
    // The town's own, shorter limit.
    const strict = check({ stepCode: 'talk', occurredOn: '2020-01-20', details: { talker: '张志强' } }, { settings: { ...SETTINGS, talkWithinDays: 7 } });
    expect(warningRules(strict)).toEqual(['talk_within']);
    expect(strict.warnings[0].message).toBe('谈话距收到申请书已超过7天');
  });

  it('细则第十一条 / recruitment.reviewIntervalMonths: more than half a year without a 考察 warns', () => {
    // 2020-03-01 activist, reviews 2020-08-01 and 2021-01-20: no gap over 6 months up to 2021-03-01.
    expect(warningRules(check({ stepCode: 'candidate', occurredOn: '2021-03-01', details: {} }))).toEqual([]);
    const gap = checkStep(context(without(upTo('candidate'), 'activist_review').concat(r('activist_review', '2021-01-20'))), { stepCode: 'candidate', occurredOn: '2021-03-01', details: {} });
    expect(gap.blocks).toEqual([]);
    expect(gap.warnings).toHaveLength(1);
    expect(gap.warnings[0]).toMatchObject({ rule: 'review_interval', message: '2020-03-01至2021-01-20之间超过6个月没有考察记录' });
    expect(gap.warnings[0].source).toContain('recruitment.reviewIntervalMonths');
    // Quarterly reviews required by the town: the same path now warns.
    const quarterly = check({ stepCode: 'candidate', occurredOn: '2021-03-01', details: {} }, { settings: { ...SETTINGS, reviewIntervalMonths: 3 } });
    expect(warningRules(quarterly)).toEqual(['review_interval']);
  });

  it('recruitment.noticeDays / noticeWorkingDays: the 公示 length counts working or calendar days', () => {
    // 2026-11-21 is a Saturday: Sat–Wed is 5 calendar days but 3 working days.
    expect(workingDaysBetween('2026-11-21', '2026-11-25')).toBe(3);
    expect(workingDaysBetween('2026-11-23', '2026-11-27')).toBe(5);
    expect(noticeLength('2026-11-21', '2026-11-25', SETTINGS)).toEqual({ ok: false, message: '公示期3个工作日,本镇规定不少于5个工作日' });
    expect(noticeLength('2026-11-21', '2026-11-25', { ...SETTINGS, noticeWorkingDays: 0 })).toEqual({ ok: true, message: '公示期5天,本镇规定不少于5天' });
    expect(noticeLength('2026-11-23', '2026-11-27', SETTINGS).ok).toBe(true);
    expect(noticeLength('2026-11-21', '2026-11-25', { ...SETTINGS, noticeWorkingDays: 0, noticeDays: 7 })).toEqual({ ok: false, message: '公示期5天,本镇规定不少于7天' });
  });

  it('recruitment.resubmitMonths: applying again within 6 months of a refusal warns', () => {
    const again = checkStep(context([], { lastRefusalOn: '2020-01-01' }), { stepCode: 'application', occurredOn: '2020-05-01', details: {} });
    expect(again.blocks).toEqual([]);
    expect(again.warnings).toHaveLength(1);
    expect(again.warnings[0]).toMatchObject({ rule: 'resubmit', message: '上次入党程序于2020-01-01终止,未满6个月再次申请' });
    expect(again.warnings[0].source).toContain('recruitment.resubmitMonths');
    expect(checkStep(context([], { lastRefusalOn: '2020-01-01' }), { stepCode: 'application', occurredOn: '2020-07-01', details: {} }).warnings).toEqual([]);
  });

  it('recruitment.departureMonths: leaving the unit within 3 months at 预审 warns', () => {
    const leaving = check({ stepCode: 'pre_review', occurredOn: '2021-05-10', details: { leavingOn: '2021-08-10' } });
    expect(leaving.blocks).toEqual([]);
    expect(leaving.warnings).toHaveLength(1);
    expect(leaving.warnings[0]).toMatchObject({ rule: 'departure', message: '发展对象将于2021-08-10离开工作、学习单位(3个月内),一般不办理接收手续' });
    expect(leaving.warnings[0].source).toContain('recruitment.departureMonths');
    expect(check({ stepCode: 'pre_review', occurredOn: '2021-05-10', details: { leavingOn: '2021-08-11' } }).warnings).toEqual([]);
  });

  it('a meeting without a 公示 or with an eligible count different from the roster warns', () => {
    const res = check({ stepCode: 'admission_meeting', occurredOn: '2021-06-01', details: { vote: vote(18, 15, 14) } });
    expect(res.blocks).toEqual([]);
    expect(warningRules(res)).toEqual(['eligible_roster', 'notice_missing']);
    const noticed = check({ stepCode: 'admission_meeting', occurredOn: '2021-06-01', details: { vote: vote(20, 15, 14) } }, { notices: [{ stage: 'admission', startsOn: '2021-05-20', endsOn: '2021-05-26' }] });
    expect(noticed.warnings).toEqual([]);
  });
});
