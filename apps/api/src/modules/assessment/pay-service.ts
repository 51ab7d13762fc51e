/**
 * 报酬 of a month's 考核期 (issue 16 points 4–6): each person paid, computed by computePay from the pay table
 * (settings), the month's holdings (cadres module) or the staff, the subject's period score, and the 奖励绩效 and
 * 扣减 the town entered for the period.
 * Who sees whose pay: the town everyone's; a village's secretary their village's cadres; a 镇机关 staff member their
 * own. A 包村干部 scores a village but does not see its cadres' pay. Anything else is out of scope (404).
 */
import {
  AddPayItemSchema, PAY_LIMITS, type AddPayItem, type PayDeduction, type PayItem, type PayPersonRef, type PeriodPay, type PersonPay, type RewardItem,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { forbidden, invalid, notFound } from '../../lib/errors.js';
import { settingValues } from '../settings/index.js';
import { monthBounds, payeesOf, type Holding } from './rules/pay-people.js';
import * as payRepo from './pay-repository.js';
import * as periods from './period-repository.js';
import { loadPeriod, refused, subjectsFor, type Subject } from './period-service.js';
import { computePay, gradeOfScore, payTableFromSettings, PAY_SETTING_KEYS } from './rules/pay.js';

const PAY_ROLES = ['assessment.manage', 'assessment.objectVillage', 'assessment.objectSelf'] as const;
export function requirePayReader(user: AuthUser) {
  if (!PAY_ROLES.some((p) => can(user, p))) throw forbidden('只有镇党委、村党支部书记和镇机关工作人员本人可以查看报酬');
}

export const LOCKED_ITEMS = '本考核期已审批锁定,奖励绩效和扣减不能再录入或删除';

/** Pay is monthly: a quarter's or a year's period has no pay of its own. */
export function requireMonth(period: periods.PeriodRow) {
  if (period.periodKind !== 'month') throw refused('报酬按月计发:只有月度考核期计算报酬');
}

/** The subjects whose people's pay the caller sees (see the header). */
export async function paySubjects(db: DbOrTx, user: AuthUser, period: periods.PeriodRow): Promise<Subject[]> {
  const subjects = await subjectsFor(db, user, period.audience);
  if (can(user, 'assessment.manage') || period.audience === 'town_staff') return subjects;
  return subjects.filter((s) => s.path !== null && can(user, 'assessment.objectVillage', s.path));
}

/** The village's name as a payroll prints it (the branch 西花沟村党支部 → 西花沟村), as the cadres' roster does. */
export const villageName = (branchName: string) => branchName.replace(/党支部$/, '');

/** A subject's period score: its leaves' points plus the adjustments, within 0..100 (every scheme totals 100). */
async function scoresOf(db: DbOrTx, periodId: number): Promise<(subjectId: number) => number> {
  const { scores, adjustments } = await periods.entriesOf(db, periodId);
  const totals = new Map<number, number>();
  const add = (id: number | null, n: number) => { if (id !== null) totals.set(id, (totals.get(id) ?? 0) + n); };
  for (const s of scores) add(s.organizationId ?? s.subjectUserId, s.points);
  for (const a of adjustments) add(a.organizationId ?? a.subjectUserId, a.delta);
  return (id) => Math.min(100, Math.max(0, totals.get(id) ?? 0));
}

interface Who { organizationId: number | null; personId: number | null; userId: number | null; name: string; unit: string | null }
interface Facts { post: PersonPay['post']; postLabel: string; combined: boolean; employed: boolean; daysInPost: number }

/** The people paid in the period among these subjects, each with their pay and the items behind it. */
export async function peopleOf(db: DbOrTx, tenantId: number, period: periods.PeriodRow, subjects: Subject[]): Promise<PersonPay[]> {
  const month = period.period;
  const { first, last, days } = monthBounds(month);
  const table = payTableFromSettings(await settingValues(db, tenantId, PAY_SETTING_KEYS));
  const scoreOf = await scoresOf(db, period.id);
  const items = await payRepo.payItemsOf(db, period.id);
  const person = (subjectId: number, who: Who, facts: Facts): PersonPay => {
    const own = items.filter((i) => (who.userId !== null ? i.subjectUserId === who.userId : i.personId === who.personId && i.organizationId === who.organizationId));
    const score = scoreOf(subjectId);
    const pay = computePay({
      month, post: facts.post, combined: facts.combined, employed: facts.employed, daysInPost: facts.daysInPost, score,
      rewards: own.filter((i) => i.kind === 'reward').map((i) => i.item as RewardItem),
      deductions: own.filter((i) => i.kind === 'deduction').map((i) => i.item as PayDeduction),
    }, table);
    const key = who.userId !== null ? `u-${who.userId}` : `c-${who.organizationId}-${who.personId}`;
    return {
      key, ...who, ...facts, monthDays: days, score, grade: table.monthlyMode === 'grade' ? gradeOfScore(Math.round(score * 10), table) : null, pay,
      items: own.map((i) => ({ id: i.id, kind: i.kind, item: i.item as PayItem['item'], by: i.by, at: i.at.toISOString() })),
    };
  };
  if (period.audience === 'town_staff') {
    // The staff have no term dates on the platform: each staff subject is paid the whole month.
    return subjects.map((s) => person(s.id, { organizationId: null, personId: null, userId: s.id, name: s.name, unit: null },
      { post: 'town_staff', postLabel: '镇机关工作人员', combined: false, employed: false, daysInPost: days }));
  }
  const holdings = await payRepo.holdingsInMonth(db, subjects.map((s) => s.id), first, last);
  const unitOf = new Map(subjects.map((s) => [s.id, villageName(s.name)]));
  return payeesOf(month, holdings as Holding[]).map((p) => person(p.organizationId,
    { organizationId: p.organizationId, personId: p.personId, userId: null, name: p.name, unit: unitOf.get(p.organizationId) ?? null },
    { post: p.post, postLabel: p.postLabel, combined: p.combined, employed: p.employed, daysInPost: p.daysInPost }));
}

/** The period's pay as the caller may see it (no audit: the callers below decide). */
async function payView(db: DbOrTx, user: AuthUser, id: number): Promise<PeriodPay> {
  const period = await loadPeriod(db, user, id);
  requireMonth(period);
  const subjects = await paySubjects(db, user, period);
  if (!subjects.length) throw notFound('考核期');
  const people = await peopleOf(db, user.tenantId, period, subjects);
  const locked = period.status === 'locked';
  const manage = can(user, 'assessment.manage');
  return {
    periodId: period.id, period: period.period, schemeName: period.schemeName, audience: period.audience, status: period.status,
    people, totalFen: people.reduce((n, p) => n + p.pay.totalFen, 0),
    can: { editItems: manage && !locked, payroll: locked && (manage || period.audience === 'village_cadre'), townPayroll: locked && manage },
  };
}

/** GET the period's pay: a full read of the people's pay, audited with how many and which villages. */
export async function getPeriodPay(db: Db, caller: Caller, id: number): Promise<PeriodPay> {
  requirePayReader(caller.user);
  const view = await payView(db, caller.user, id);
  const organizationIds = [...new Set(view.people.map((p) => p.organizationId).filter((o) => o !== null))];
  await audit(db, caller, { action: 'assessment.pay.read', objectType: 'assessment_period', objectId: id, detail: { count: view.people.length, organizationIds } });
  return view;
}

const sameRef = (p: PersonPay, ref: PayPersonRef) =>
  ('userId' in ref ? p.userId === ref.userId : p.organizationId === ref.organizationId && p.personId === ref.personId);

/** 录入奖励绩效 or 扣减 for a person paid in the period, while it is not locked. */
export async function addPayItem(db: Db, caller: Caller, id: number, body: AddPayItem): Promise<PeriodPay> {
  const { user } = caller;
  requirePermission(user, 'assessment.manage', '奖励绩效和扣减由镇党委录入');
  const input = AddPayItemSchema.parse(body);
  return db.transaction(async (tx) => {
    const period = await loadPeriod(tx, user, id, true);
    requireMonth(period);
    if (period.status === 'locked') throw refused(LOCKED_ITEMS);
    const people = await peopleOf(tx, user.tenantId, period, await paySubjects(tx, user, period));
    const who = people.find((p) => sameRef(p, input.person));
    if (!who) throw notFound('报酬对象');
    const ref = { organizationId: who.organizationId, personId: who.personId, subjectUserId: who.userId };
    if (await payRepo.countPayItems(tx, id, input.kind, ref) >= PAY_LIMITS.maxItems) {
      throw invalid('item', `每人每期最多录入${PAY_LIMITS.maxItems}项${input.kind === 'reward' ? '奖励绩效' : '扣减'}`);
    }
    const itemId = await payRepo.insertPayItem(tx, { tenantId: user.tenantId, periodId: id, ...ref, kind: input.kind, item: input.item, createdBy: user.id });
    await audit(tx, caller, {
      action: 'assessment.pay.item.add', objectType: 'assessment_period', objectId: id,
      detail: { itemId, kind: input.kind, organizationId: who.organizationId, personId: who.personId, userId: who.userId, item: input.item },
    });
    return payView(tx, user, id);
  });
}

/** 删除 an item entered by mistake, while the period is not locked (the audit keeps what it was). */
export async function removePayItem(db: Db, caller: Caller, id: number, itemId: number): Promise<PeriodPay> {
  const { user } = caller;
  requirePermission(user, 'assessment.manage', '奖励绩效和扣减由镇党委录入');
  return db.transaction(async (tx) => {
    const period = await loadPeriod(tx, user, id, true);
    requireMonth(period);
    const item = await payRepo.findPayItem(tx, id, itemId);
    if (!item) throw notFound('奖励绩效或扣减');
    if (period.status === 'locked') throw refused(LOCKED_ITEMS);
    await payRepo.deletePayItem(tx, itemId);
    await audit(tx, caller, {
      action: 'assessment.pay.item.remove', objectType: 'assessment_period', objectId: id,
      detail: { itemId, kind: item.kind, organizationId: item.organizationId, personId: item.personId, userId: item.subjectUserId, item: item.item },
    });
    return payView(tx, user, id);
  });
}
