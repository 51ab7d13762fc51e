/**
 * 村干部报酬 (issue 16 point 4): one pure function from a person's month to the amount in 分 and a printed
 * breakdown. No database: the town's pay table (settings assessment.*, resolved by payTableFromSettings) and the
 * month's facts come in as numbers. Rounding: see pay-explain.ts (exact fractions, half up once per line).
 *
 * Lines, in order: 基本报酬, 一肩挑加发 (if any), 月度绩效, each 奖励绩效 item, 奖励绩效封顶 (when over the cap),
 * each 扣减, 保底补足 (when under the floor). Base, 一肩挑 and 月度绩效 are prorated by days paid; rewards and
 * deductions are not (they are for a deed, not for time).
 *
 * Deductions larger than the rest: the floor applies. The total is never below floorPctOfBase % of the prorated
 * base (with 0 %, never below 0), and the top-up is its own line, so a payroll shows what was forgiven.
 */
import {
  PAY_GRADE_LABELS, PAY_POST_LABELS, PAY_POST_TIER, PayInputSchema, PayTableSchema, REWARD_KIND_LABELS, daysInMonth, formatYuan, isValidDate, isValidMonth,
  type PayGrade, type PayInput, type PayInputValues, type PayLine, type PayResult, type PayTable, type RatioTier,
} from '@dj/contracts';
import { daysFactor, exactLine, pctFactor, rateText, scoreText, type Factor } from './pay-explain.js';

type Input = PayInputValues;

/** The standards a post is paid from: its own (镇机关) or the secretary's (ordinary or 聘用制) times its tier's ratio. */
interface Standards { baseFen: number; monthlyFen: number; source: string; ratio: Factor[] }

function standardsFor(i: Input, t: PayTable): Standards {
  if (i.post === 'town_staff') {
    return { baseFen: t.townStaffBaseFen, monthlyFen: t.townStaffMonthlyFen, source: '镇机关工作人员', ratio: [] };
  }
  const tier = PAY_POST_TIER[i.post];
  const ratio = tier === 'secretary' ? [] : [pctFactor(t.ratioPct[tier as RatioTier], `${PAY_POST_LABELS[i.post]}比例`)];
  return i.employed
    ? { baseFen: t.employedBaseFen, monthlyFen: t.employedMonthlyFen, source: '聘用制书记', ratio }
    : { baseFen: t.secretaryBaseFen, monthlyFen: t.secretaryMonthlyFen, source: '书记', ratio };
}

/** Grade mode: the given grade, else the score's band (the lowest score of a band belongs to it: 90.0 is 优秀). */
export function gradeOfScore(tenths: number, t: PayTable): PayGrade {
  const m = t.gradeMinScore;
  if (tenths >= m.excellent * 10) return 'excellent';
  if (tenths >= m.good * 10) return 'good';
  if (tenths >= m.pass * 10) return 'pass';
  return 'fail';
}

/** The 月度绩效 factor: a grade's percentage, or score/100. */
function monthlyFactor(i: Input, t: PayTable): Factor {
  const tenths = i.score === undefined ? undefined : Math.round(i.score * 10);
  if (t.monthlyMode === 'score') {
    if (tenths === undefined) throw new Error('本镇按得分计发月度绩效,请填写得分');
    return { num: tenths, den: 1000, text: `得分 ${scoreText(tenths)}/100` };
  }
  if (i.grade !== undefined) return pctFactor(t.gradePct[i.grade], PAY_GRADE_LABELS[i.grade]);
  // The schema requires a grade or a score, so here there is a score.
  const grade = gradeOfScore(tenths as number, t);
  const band = grade === 'fail' ? `不足 ${t.gradeMinScore.pass} 分` : `${t.gradeMinScore[grade]} 分及以上`;
  const f = pctFactor(t.gradePct[grade], PAY_GRADE_LABELS[grade]);
  return { ...f, text: `${f.text}(得分 ${scoreText(tenths as number)},${band}为${PAY_GRADE_LABELS[grade]})` };
}

function rewardLine(item: Input['rewards'][number]): PayLine {
  const label = `奖励绩效:${item.label ?? REWARD_KIND_LABELS[item.kind]}`;
  if (item.rule === 'fixed') return { kind: 'reward', label, amountFen: item.amountFen, why: `固定金额 ${formatYuan(item.amountFen)}` };
  const line = item.rule === 'per_unit'
    ? exactLine(item.unitFen, `每${item.unit}`, [{ num: item.count, den: 1, text: `${item.count} ${item.unit}` }])
    : exactLine(item.baseFen, '计奖基数', [{ num: item.rateBp, den: 10_000, text: rateText(item.rateBp) }]);
  return { kind: 'reward', label, ...line };
}

function capLine(rewardsFen: number, capFen: number): PayLine[] {
  if (capFen === 0 || rewardsFen <= capFen) return [];
  return [{
    kind: 'reward_cap', label: '奖励绩效封顶', amountFen: capFen - rewardsFen,
    why: `奖励绩效合计 ${formatYuan(rewardsFen)},超过每月上限 ${formatYuan(capFen)},减去 ${formatYuan(rewardsFen - capFen)}`,
  }];
}

function floorLine(subtotalFen: number, floor: { amountFen: number; why: string }, floorPct: number): PayLine[] {
  if (subtotalFen >= floor.amountFen) return [];
  const rule = floorPct > 0 ? `低于保底(${floor.why})` : `为负,合计不低于 ${formatYuan(0)}`;
  return [{ kind: 'floor', label: '保底补足', amountFen: floor.amountFen - subtotalFen, why: `合计 ${formatYuan(subtotalFen)}${rule},补足 ${formatYuan(floor.amountFen - subtotalFen)}` }];
}

const sum = (lines: readonly PayLine[]) => lines.reduce((s, l) => s + l.amountFen, 0);

/** The lines paid for time in post: 基本报酬, 一肩挑加发 and 月度绩效, each prorated by days paid. */
function timeLines(i: Input, t: PayTable, s: Standards, days: Factor): PayLine[] {
  const base = `${s.source}基本报酬标准`;
  const lines: PayLine[] = [{ kind: 'base', label: '基本报酬', ...exactLine(s.baseFen, base, [...s.ratio, days]) }];
  if (i.combined && t.combinedExtraPct > 0) {
    lines.push({ kind: 'combined', label: '一肩挑加发', ...exactLine(s.baseFen, base, [pctFactor(t.combinedExtraPct, '一肩挑加发'), days]) });
  }
  lines.push({ kind: 'monthly', label: '月度绩效', ...exactLine(s.monthlyFen, `${s.source}月度绩效标准`, [...s.ratio, monthlyFactor(i, t), days]) });
  return lines;
}

const deductionLine = (d: Input['deductions'][number]): PayLine =>
  ({ kind: 'deduction', label: `扣减:${d.reason}`, amountFen: -d.amountFen, why: `${d.reason},扣减 ${formatYuan(d.amountFen)}` });

/** The month's pay of one person: total in 分 and the ordered breakdown (total === the sum of the lines). */
export function computePay(input: PayInput, table: PayTable): PayResult {
  const i = PayInputSchema.parse(input);
  const t = PayTableSchema.parse(table);
  const monthDays = daysInMonth(Number(i.month.slice(0, 4)), Number(i.month.slice(5, 7)));
  const days = daysFactor(i.daysInPost ?? monthDays, i.unpaidLeaveDays, monthDays);
  const s = standardsFor(i, t);
  const rewards = i.rewards.map(rewardLine);
  const lines = [...timeLines(i, t, s, days), ...rewards, ...capLine(sum(rewards), t.rewardCapFen), ...i.deductions.map(deductionLine)];
  const floor = exactLine(s.baseFen, `${s.source}基本报酬标准`, [...s.ratio, days, pctFactor(t.floorPctOfBase, '保底')]);
  lines.push(...floorLine(sum(lines), floor, t.floorPctOfBase));
  return { totalFen: sum(lines), lines };
}

/** Days in post in a month, from the first day in post to the last (both inclusive; endedOn null = still in post). */
export function daysInPostOf(month: string, startedOn: string, endedOn: string | null): number {
  if (!isValidMonth(month) || !isValidDate(startedOn) || (endedOn !== null && !isValidDate(endedOn))) {
    throw new Error(`在岗天数:月份或日期格式不正确(${month} ${startedOn} ${endedOn ?? ''})`);
  }
  const monthDays = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  const first = `${month}-01`;
  const last = `${month}-${String(monthDays).padStart(2, '0')}`;
  const from = startedOn > first ? startedOn : first;
  const to = endedOn !== null && endedOn < last ? endedOn : last;
  return from > to ? 0 : Number(to.slice(8, 10)) - Number(from.slice(8, 10)) + 1;
}

/** The settings the pay table is made of (settings/registry.ts, all 本地示例). */
export const PAY_SETTING_KEYS = [
  'assessment.secretaryBaseFen', 'assessment.secretaryMonthlyFen', 'assessment.employedBaseFen', 'assessment.employedMonthlyFen',
  'assessment.townStaffBaseFen', 'assessment.townStaffMonthlyFen', 'assessment.directorRatioPct', 'assessment.deputyRatioPct',
  'assessment.memberRatioPct', 'assessment.staffRatioPct', 'assessment.combinedExtraPct', 'assessment.monthlyScoreMode',
  'assessment.excellentPct', 'assessment.goodPct', 'assessment.passPct', 'assessment.failPct',
  'assessment.excellentMinScore', 'assessment.goodMinScore', 'assessment.passMinScore', 'assessment.rewardCapFen', 'assessment.floorPctOfBase',
] as const;
export type PaySettingKey = (typeof PAY_SETTING_KEYS)[number];

/** The resolved settings (settingValues(db, tenantId, PAY_SETTING_KEYS)) as the function's pay table. */
export function payTableFromSettings(v: Record<PaySettingKey, number>): PayTable {
  const k = (name: string) => v[`assessment.${name}` as PaySettingKey];
  return PayTableSchema.parse({
    secretaryBaseFen: k('secretaryBaseFen'), secretaryMonthlyFen: k('secretaryMonthlyFen'),
    employedBaseFen: k('employedBaseFen'), employedMonthlyFen: k('employedMonthlyFen'),
    townStaffBaseFen: k('townStaffBaseFen'), townStaffMonthlyFen: k('townStaffMonthlyFen'),
    ratioPct: { director: k('directorRatioPct'), deputy: k('deputyRatioPct'), member: k('memberRatioPct'), staff: k('staffRatioPct') },
    combinedExtraPct: k('combinedExtraPct'),
    monthlyMode: k('monthlyScoreMode') === 1 ? 'score' : 'grade',
    gradePct: { excellent: k('excellentPct'), good: k('goodPct'), pass: k('passPct'), fail: k('failPct') },
    gradeMinScore: { excellent: k('excellentMinScore'), good: k('goodMinScore'), pass: k('passMinScore') },
    rewardCapFen: k('rewardCapFen'), floorPctOfBase: k('floorPctOfBase'),
  });
}
