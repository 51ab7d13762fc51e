/**
 * The rules a step is checked against before it is recorded. Central rules (《中国共产党发展党员工作细则》, 党章)
 * block, with the article in the message; local or advisory rules (town settings) warn and the warning is kept
 * on the record. Pure: the service resolves members, roster counts and settings and passes them in.
 */
import type { StepDefinition, RuleMessage, StepDetails } from '@dj/contracts';
import { addDays, addMonths, addYears } from '@dj/contracts';
import { quorum } from '../../../lib/quorum.js';
import { ACTIVIST_YEARS, APPROVAL_MAX_MONTHS, APPROVAL_MONTHS, doneCodes, isCompleted, lastDone, lastDonePosition, openSteps, votePassed, type RecruitmentSettings, type RecordFact } from './recruitment-state.js';
import { stepNamed, XIZE } from './steps.js';

export interface NamedMember { id: number; name: string; standing: 'full' | 'probationary'; status: 'active' | 'suspended' | 'left'; onRoster: boolean }

export interface CheckContext {
  steps: readonly StepDefinition[];
  /** The recruitment's records, oldest first. */
  records: readonly RecordFact[];
  birthDate: string;
  today: string;
  settings: RecruitmentSettings;
  /** The members named in details.memberIds, as found in this town (absent: not found). */
  namedMembers: ReadonlyMap<number, NamedMember>;
  /** 正式党员 with a vote on the branch roster today. */
  rosterEligible: number;
  /** From the roster once admitted (extended 预备期 included). */
  probationEndsOn: string | null;
  /** When this person's previous recruitment was refused or stopped, if ever. */
  lastRefusalOn: string | null;
  notices: ReadonlyArray<{ stage: string; startsOn: string; endsOn: string }>;
}

/** A step as submitted (after the contract's defaults are applied). */
export interface StepInput { stepCode: string; occurredOn: string; decidedBy?: string; details: StepDetails }

export interface CheckResult { blocks: RuleMessage[]; warnings: RuleMessage[] }

const ZHANGCHENG = '《中国共产党章程》';

/** Whole years of age on a date. */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Monday–Friday days from start to end inclusive (public holidays are not known to the platform). */
export function workingDaysBetween(start: string, end: string): number {
  let n = 0;
  for (let d = start; d <= end; d = addDays(d, 1)) {
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6) n++;
  }
  return n;
}

export function noticeLength(startsOn: string, endsOn: string, s: RecruitmentSettings): { ok: boolean; message: string } {
  const working = s.noticeWorkingDays === 1;
  const days = working ? workingDaysBetween(startsOn, endsOn) : Math.round((Date.parse(endsOn) - Date.parse(startsOn)) / 86_400_000) + 1;
  const unit = working ? '个工作日' : '天';
  return { ok: days >= s.noticeDays, message: `公示期${days}${unit},本镇规定不少于${s.noticeDays}${unit}` };
}

/** What a step's own rule sees: the context, the step as submitted, and where to put what it finds. */
interface StepCheck {
  ctx: CheckContext;
  input: StepInput;
  step: StepDefinition;
  on: string;
  d: StepDetails;
  /** When a step was last done, if ever. */
  doneOn(code: string): string | null;
  block(rule: string, message: string, source: string): void;
  warn(rule: string, message: string, source: string): void;
}

/** Check one step against the recruitment so far. Never throws for rule violations: it lists them. */
export function checkStep(ctx: CheckContext, input: StepInput): CheckResult {
  const blocks: RuleMessage[] = [];
  const warnings: RuleMessage[] = [];
  const step = stepNamed(ctx.steps, input.stepCode);
  if (!step) return { blocks: [{ rule: 'step', message: `没有名为“${input.stepCode}”的步骤`, source: '发展党员步骤设置' }], warnings };
  const c: StepCheck = {
    ctx, input, step, on: input.occurredOn, d: input.details ?? {},
    doneOn: (code) => lastDone(ctx.records, code)?.occurredOn ?? null,
    block: (rule, message, source) => blocks.push({ rule, message, source }),
    warn: (rule, message, source) => warnings.push({ rule, message, source }),
  };
  checkOrder(c);
  STEP_RULES[input.stepCode]?.(c);
  return { blocks, warnings };
}

/** Every step: not in the future, not twice, after the required steps before it, not dated before the last one. */
function checkOrder({ ctx, input, step, on, block }: StepCheck): void {
  if (on > ctx.today) block('future', `${step.name}的日期不能晚于今天`, '按实际发生日期记录');
  const done = doneCodes(ctx.records);
  // Order: every required step before this one is done; the central messages name their own article.
  if (!openSteps(ctx.steps, ctx.records).some((s) => s.code === step.code)) {
    if (done.has(step.code)) block('order', `“${step.name}”已经记录,不能重复`, `${XIZE}规定的程序`);
    else {
      const passedOver = lastDonePosition(ctx.steps, ctx.records);
      const missing = ctx.steps.filter((s) => s.position < step.position && (s.isCentral || s.position > passedOver) && s.required && !done.has(s.code));
      for (const m of missing) {
        if (m.code === 'political_review') block('political_review', `尚未通过政治审查:未经政治审查或政治审查不合格的,不能发展入党`, `${XIZE}第十六条`);
        else if (m.code === 'training') block('training', '尚未参加集中培训:未经培训的,除个别特殊情况外,不能发展入党', `${XIZE}第十七条`);
        else block('order', `应先完成“${m.name}”,再进行“${step.name}”`, `${XIZE}规定的程序`);
      }
    }
  }
  // Dates follow the procedure: no step before the last one done.
  const previous = ctx.records.filter(isCompleted).reduce<string | null>((max, r) => (!max || r.occurredOn > max ? r.occurredOn : max), null);
  if (previous && on < previous && input.stepCode !== 'application') block('date_order', `日期早于上一步(${previous}),请核对`, `${XIZE}规定的程序`);
}

/** Each step's own rules, by step code; a step without an entry (a town's own step, 考察) has only the order rules. */
const STEP_RULES: Partial<Record<string, (c: StepCheck) => void>> = {
  application: checkApplication,
  talk: checkTalk,
  activist: checkDecidedBy,
  candidate: (c) => { checkDecidedBy(c); checkCandidate(c); },
  mentors: (c) => checkNamedMembers(c, { what: '培养联系人', min: 1, max: 2, article: '第九条' }),
  sponsors: (c) => checkNamedMembers(c, { what: '入党介绍人', min: 2, max: 2, article: `第十四条;${ZHANGCHENG}第五条` }),
  political_review: ({ d, block }) => {
    if (!d.conclusion) block('conclusion', '请填写政治审查结论(合格/不合格)', `${XIZE}第十六条:政治审查必须形成结论性材料`);
  },
  training: checkTraining,
  pre_review: checkDeparture,
  admission_meeting: checkMeeting,
  confirmation_meeting: checkMeeting,
  admission_approval: checkApproval,
  confirmation_approval: checkApproval,
};

function checkApplication({ ctx, on, block, warn }: StepCheck): void {
  const age = ageOn(ctx.birthDate, on);
  if (age < 18) block('age', `递交入党申请书时未满十八岁(${age}岁),不能申请入党`, `${XIZE}第五条;${ZHANGCHENG}第一条`);
  if (ctx.lastRefusalOn && on < addMonths(ctx.lastRefusalOn, ctx.settings.resubmitMonths)) {
    warn('resubmit', `上次入党程序于${ctx.lastRefusalOn}终止,未满${ctx.settings.resubmitMonths}个月再次申请`, '本镇设置 recruitment.resubmitMonths(地方规定:未通过的一般半年内不再提交)');
  }
}

function checkTalk({ ctx, on, d, doneOn, block, warn }: StepCheck): void {
  if (!d.talker) block('talker', '请填写谈话人', '谈话记录');
  const applied = doneOn('application');
  if (applied && on > addDays(applied, ctx.settings.talkWithinDays)) {
    warn('talk_within', `谈话距收到申请书已超过${ctx.settings.talkWithinDays}天`, `${XIZE}第七条(一个月内);本镇设置 recruitment.talkWithinDays`);
  }
}

/** 积极分子 and 发展对象 are decided by the branch committee (or the branch meeting where there is none). */
function checkDecidedBy({ input, step, block }: StepCheck): void {
  const body = input.decidedBy ?? 'branch_committee';
  if (body !== 'branch_committee' && body !== 'branch_meeting') {
    block('decided_by', `${step.name}应由支部委员会(不设支委会的由支部大会)研究决定`, `${XIZE}${input.stepCode === 'activist' ? '第八条' : '第十三条'}`);
  }
}

function checkCandidate(c: StepCheck): void {
  const activist = c.doneOn('activist');
  if (activist && c.on < addYears(activist, ACTIVIST_YEARS)) {
    c.block('activist_year', `确定为入党积极分子(${activist})后须经过一年以上培养教育和考察,最早${addYears(activist, ACTIVIST_YEARS)}方可列为发展对象`, `${XIZE}第十三条`);
  }
  reviewGaps(c, 'activist_review', activist);
}

/** 培养联系人 and 入党介绍人: how many, and each a 正式党员 in good standing on this town's roster. */
function checkNamedMembers({ ctx, d, block }: StepCheck, rule: { what: string; min: number; max: number; article: string }): void {
  const { what, min, max, article } = rule;
  const ids = [...new Set(d.memberIds ?? [])];
  if (ids.length < min || ids.length > max) block('count', `${what}应为${min === max ? `两名` : '一至两名'}正式党员,现选${ids.length}名`, `${XIZE}${article}`);
  for (const id of ids) {
    const m = ctx.namedMembers.get(id);
    if (!m) block('member', `${what}(编号${id})不是本镇党员或不在管理范围内`, `${XIZE}${article}`);
    else if (m.standing !== 'full') block('full_member', `${m.name}是预备党员,不能作${what}(预备党员没有表决权)`, `${XIZE}${article};${ZHANGCHENG}第七条`);
    else if (m.status !== 'active' || !m.onRoster) block('active_member', `${m.name}的党籍状态不正常(停止党籍、出党或已转出),不能作${what}`, `${XIZE}${article}`);
  }
}

function checkTraining({ d, block }: StepCheck): void {
  const days = d.trainingDays ?? 0;
  const hours = d.trainingHours ?? 0;
  if (days < 3 && hours < 24) block('training_length', `集中培训${days}天、${hours}学时,不足三天或二十四个学时`, `${XIZE}第十七条`);
}

function checkDeparture({ ctx, on, d, warn }: StepCheck): void {
  if (d.leavingOn && d.leavingOn <= addMonths(on, ctx.settings.departureMonths)) {
    warn('departure', `发展对象将于${d.leavingOn}离开工作、学习单位(${ctx.settings.departureMonths}个月内),一般不办理接收手续`, `本镇设置 recruitment.departureMonths;${XIZE}第十九条`);
  }
}

function checkApproval({ ctx, input, on, d, doneOn, block, warn }: StepCheck): void {
  if (d.approved === undefined) block('approved', '请选择审批结果(批准/不批准)', '审批意见');
  const admission = input.stepCode === 'admission_approval';
  const meeting = doneOn(admission ? 'admission_meeting' : 'confirmation_meeting');
  // 第二十五条 allows up to six months for 接收; 第三十四条 sets three months for 转正 and no longer limit, so the
  // six-month cap is applied to 转正 by analogy and cited as such.
  const article = admission ? '第二十五条' : '第三十四条';
  const maxSource = admission ? `${XIZE}第二十五条` : `${XIZE}第三十四条(三个月内审批);六个月上限参照第二十五条`;
  if (meeting && on > addMonths(meeting, APPROVAL_MAX_MONTHS)) {
    block('approval_max', `支部大会(${meeting})后已超过六个月,上级党委审批不得超过六个月,应重新履行程序`, maxSource);
  } else if (meeting && on > addMonths(meeting, APPROVAL_MONTHS)) {
    // With the special circumstance the approval goes ahead, and the lateness stays on the record as a warning.
    if (!d.delayReason) block('approval_delay', `支部大会(${meeting})后已超过三个月,请填写延长审批的特殊情况`, `${XIZE}${article}`);
    else warn('approval_delay', `支部大会(${meeting})后超过三个月才审批(${on}),特殊情况:${d.delayReason}`, `${XIZE}${article}:应当在三个月内审批`);
  }
  if (!admission && !ctx.notices.some((n) => n.stage === 'confirmation' && n.endsOn <= on)) {
    warn('notice_missing', '转正前未登记公示', '本镇公示制度(预备党员转正前公示)');
  }
}

/** A gap longer than the town's review interval between the start, each 考察 record, and this step. */
function reviewGaps({ ctx, on, warn }: StepCheck, reviewCode: string, since: string | null): void {
  const rule = reviewCode === 'activist_review' ? '第十一条(每半年考察一次)' : '第三十一条(对预备党员进行教育和考察)';
  if (!since) return;
  const dates = [since, ...ctx.records.filter((r) => r.stepCode === reviewCode && r.occurredOn >= since).map((r) => r.occurredOn), on];
  for (let i = 1; i < dates.length; i++) {
    if (dates[i] > addMonths(dates[i - 1], ctx.settings.reviewIntervalMonths)) {
      warn('review_interval', `${dates[i - 1]}至${dates[i]}之间超过${ctx.settings.reviewIntervalMonths}个月没有考察记录`, `${XIZE}${rule};本镇设置 recruitment.reviewIntervalMonths`);
      return;
    }
  }
}

/** 接收预备党员 and 转正 branch meetings: the vote as recorded, and for 转正 the 预备期 rules. */
function checkMeeting(c: StepCheck): void {
  const { ctx, input, on, d, block, warn } = c;
  const v = d.vote;
  // 转正 meetings follow the same attendance and vote rules as 接收 meetings (第三十三条).
  const same = input.stepCode === 'confirmation_meeting' ? '第三十三条、' : '';
  if (!v) { block('vote', '请填写应到会、实到会有表决权党员人数和表决结果', `${XIZE}${same}第二十条、第二十一条`); return; }
  if (v.present > v.eligible) block('vote_present', `实到会人数(${v.present})不能超过应到会有表决权人数(${v.eligible})`, '表决记录');
  if (v.yes + v.no + v.abstain > v.present) block('vote_total', `赞成、反对、弃权合计(${v.yes + v.no + v.abstain})超过实到会人数(${v.present})`, '表决记录');
  if (v.present <= v.eligible) {
    const q = quorum({ fullMembers: v.eligible, probationaryMembers: 0, presentFull: v.present, presentProbationary: 0 });
    if (!q.met) block('quorum', `${q.message}:有表决权的到会人数必须超过应到会有表决权人数的半数`, `${XIZE}${same}第二十条`);
  }
  if (v.eligible !== ctx.rosterEligible) {
    warn('eligible_roster', `填写的应到会有表决权人数(${v.eligible})与名册上本支部正式党员人数(${ctx.rosterEligible})不同,请在备注说明(如因病、外出经批准不能到会)`, `${XIZE}第二十条`);
  }
  if (input.stepCode === 'admission_meeting') {
    if (!ctx.notices.some((n) => n.stage === 'admission' && n.endsOn <= on)) warn('notice_missing', '支部大会讨论前未登记拟接收预备党员公示', '本镇公示制度(发展对象公示)');
    return;
  }
  checkConfirmationDecision(c);
}

function checkConfirmationDecision(c: StepCheck): void {
  const { ctx, on, d, block } = c;
  if (ctx.probationEndsOn && on < ctx.probationEndsOn) {
    block('probation_end', `预备期到${ctx.probationEndsOn}期满,期满后才能讨论转正`, `${XIZE}第三十二条、第三十三条`);
  }
  if (!d.decision) block('decision', '请选择支部大会决定:按期转正、延长预备期或取消预备党员资格', `${XIZE}第三十二条`);
  if (d.decision === 'extend') {
    const months = d.extensionMonths ?? 0;
    if (months < 6 || months > 12) block('extension_length', `延长预备期${months}个月:不能少于半年,最长不超过一年`, `${XIZE}第三十二条;${ZHANGCHENG}第七条`);
    if (ctx.records.some((r) => r.stepCode === 'confirmation_meeting' && r.details.decision === 'extend' && votePassed(r.details))) {
      block('extension_once', '预备期已经延长过一次,只能延长一次', `${XIZE}第三十二条;${ZHANGCHENG}第七条`);
    }
  }
  reviewGaps(c, 'probation_review', c.doneOn('admission_approval'));
}
