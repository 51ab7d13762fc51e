import type { z } from 'zod';
import type { BranchDuesSchema, DuesBasis, DuesPaymentSchema, MemberDues } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError, forbidden, invalid } from '../../lib/errors.js';
import { can, requirePermission, audit, optionalOrganizationInScope, type AuthUser, type Caller } from '../../lib/access/index.js';
import { settingValue } from '../settings/index.js';
import * as repo from './repository.js';
import { insertPayments, loadDues, upsertBasis, type DuesBasisRow, type DuesPaymentRow } from './dues-repository.js';
import { backPaymentAllowed, monthFromIndex, monthIndex, todayInShanghai } from '@dj/contracts';
import { computeMonthlyDues, consecutiveUnpaidUpTo, duesReviewWarning, monthsBetween, type DuesCategory } from './rules/dues.js';
import { loadMember } from './service.js';

type Basis = DuesBasisRow;
type Payment = DuesPaymentRow;

/** Rows keyed by member, keeping their order (Node 20 has no Map.groupBy). */
function byMember<T extends { memberId: number }>(rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.memberId);
    if (list) list.push(r);
    else out.set(r.memberId, [r]);
  }
  return out;
}

const basisFor = (bases: Basis[], month: string) => bases.filter((b) => b.effectiveFrom <= month).at(-1);

function dueFor(basis: Basis | undefined, farmerFen: number) {
  if (!basis) return null;
  const reduction = basis.reductionKind === 'exempt' ? { kind: 'exempt' as const }
    : basis.reductionKind === 'reduced' ? { kind: 'reduced' as const, amountFen: basis.reductionFen ?? 0 } : undefined;
  return computeMonthlyDues({ category: basis.category as DuesCategory, baseFen: basis.baseFen ?? undefined, farmerFen, reduction });
}

/** Every month from joining (预备党员 pay from the 支部大会 date) to this month, with what was due and paid. */
export function duesLedger(joinedAt: string, bases: Basis[], payments: Payment[], farmerFen: number, today: string) {
  const current = today.slice(0, 7);
  const start = [joinedAt.slice(0, 7), bases[0]?.effectiveFrom ?? current].sort()[1];
  const paidBy = new Map(payments.map((p) => [p.month, p]));
  const months = start <= current ? monthsBetween(start, current) : [];
  const ledger = months.map((month) => {
    const due = dueFor(basisFor(bases, month), farmerFen);
    const paid = paidBy.get(month);
    const dueFen = due?.amountFen ?? 0;
    return { month, dueFen, paidFen: paid?.amountFen ?? null, paidOn: paid?.paidOn ?? null, paidBy: paid?.paidBy ?? null,
      status: paid ? 'paid' as const : dueFen > 0 ? 'unpaid' as const : 'not_due' as const };
  });
  const dueMonths = ledger.filter((m) => m.dueFen > 0).map((m) => m.month);
  const unpaid = ledger.filter((m) => m.status === 'unpaid').map((m) => m.month);
  // The current month is still open: the run of unpaid months is counted up to last month.
  const lastMonth = monthFromIndex(monthIndex(current) - 1);
  const consecutive = consecutiveUnpaidUpTo(dueMonths, ledger.filter((m) => m.status === 'paid').map((m) => m.month), lastMonth);
  return { ledger, unpaid, consecutive, arrearsFen: ledger.filter((m) => m.status === 'unpaid' && m.month < current).reduce((s, m) => s + m.dueFen, 0) };
}

export async function getMemberDues(db: DbOrTx, user: AuthUser, id: number, year?: number): Promise<MemberDues> {
  const row = await loadMember(db, user, id);
  const today = todayInShanghai();
  const farmerFen = await settingValue(db, user.tenantId, 'dues.farmerFen');
  const { bases, payments } = await loadDues(db, [id]);
  const { ledger, unpaid, consecutive, arrearsFen } = duesLedger(row.joinedAt, bases, payments, farmerFen, today);
  const current = dueFor(basisFor(bases, today.slice(0, 7)), farmerFen);
  const latest = bases.at(-1);
  const shownYear = String(year ?? Number(today.slice(0, 4)));
  return {
    monthlyFen: current?.amountFen ?? null,
    rule: current?.rule ?? null,
    basis: latest ? {
      effectiveFrom: latest.effectiveFrom, category: latest.category as DuesBasis['category'], baseFen: latest.baseFen, approvalNote: latest.approvalNote,
      reduction: latest.reductionKind === 'exempt' ? { kind: 'exempt' } : latest.reductionKind === 'reduced' ? { kind: 'reduced', amountFen: latest.reductionFen ?? 0 } : null,
      recordedAt: latest.recordedAt.toISOString(),
    } : null,
    months: ledger.filter((m) => m.month.startsWith(shownYear)),
    arrearsFen, unpaidMonths: unpaid, consecutiveUnpaid: consecutive, warning: duesReviewWarning(consecutive),
  };
}

export async function setDuesBasis(db: Db, { user, ip }: Caller, id: number, input: DuesBasis): Promise<MemberDues> {
  return db.transaction(async (tx) => {
    const row = await loadMember(tx, user, id);
    if (!can(user, 'members.manage', row.organizationPath)) throw forbidden('只有镇党委管理员和本支部书记可以设置党费标准');
    if (input.reduction && !input.approvalNote) throw invalid('approvalNote', '少交或免交党费须经上一级党委批准,请填写批准文件或说明');
    try {
      computeMonthlyDues({ category: input.category, baseFen: input.baseFen ?? undefined, farmerFen: 20, reduction: input.reduction ?? undefined });
    } catch (err) {
      throw invalid('baseFen', err instanceof Error ? err.message : '缺少计算基数');
    }
    const values = {
      tenantId: user.tenantId, memberId: id, effectiveFrom: input.effectiveFrom, category: input.category, baseFen: input.baseFen ?? null,
      reductionKind: input.reduction?.kind ?? null, reductionFen: input.reduction?.kind === 'reduced' ? input.reduction.amountFen : null,
      approvalNote: input.approvalNote ?? null, recordedBy: user.id, recordedAt: new Date(),
    };
    await upsertBasis(tx, values);
    // Amounts are personal income data: the audit keeps what changed, not the figures.
    await audit(tx, { user, ip }, { action: 'dues.basis', objectType: 'member', objectId: id, detail: { effectiveFrom: input.effectiveFrom, category: input.category, reduction: input.reduction?.kind ?? null } });
    return getMemberDues(tx, user, id);
  });
}

export async function recordPayment(db: Db, { user, ip }: Caller, id: number, input: z.infer<typeof DuesPaymentSchema>): Promise<MemberDues> {
  return db.transaction(async (tx) => {
    const row = await loadMember(tx, user, id);
    if (!can(user, 'members.manage', row.organizationPath)) throw forbidden('只有镇党委管理员和本支部书记可以登记党费');
    const today = todayInShanghai();
    const current = today.slice(0, 7);
    if (input.paidOn > today) throw invalid('paidOn', '交纳日期不能晚于今天');
    const farmerFen = await settingValue(tx, user.tenantId, 'dues.farmerFen');
    const { bases, payments } = await loadDues(tx, [id]);
    const { ledger } = duesLedger(row.joinedAt, bases, payments, farmerFen, today);
    const byMonth = new Map(ledger.map((m) => [m.month, m]));
    for (const month of input.months) {
      if (month > current) throw invalid('months', `${month}尚未到期,不能预交`);
      if (!backPaymentAllowed(month, current)) throw invalid('months', `${month}已超过6个月,补交党费一般不超过6个月(中组发〔2008〕3号)`);
      const entry = byMonth.get(month);
      if (!entry || entry.dueFen === 0) throw invalid('months', `${month}没有应交党费(尚未设置党费标准、未入党或已免交)`);
      if (entry.status === 'paid') throw new AppError('CONFLICT', `${month}的党费已登记`, [{ path: 'months', message: '重复登记' }]);
    }
    await insertPayments(tx, input.months.map((month) => ({
      tenantId: user.tenantId, memberId: id, month, amountFen: (byMonth.get(month) as { dueFen: number }).dueFen,
      paidOn: input.paidOn, paidBy: input.paidBy ?? null, recordedBy: user.id,
    })));
    await audit(tx, { user, ip }, { action: 'dues.payment', objectType: 'member', objectId: id, detail: { months: input.months, proxy: !!input.paidBy } });
    return getMemberDues(tx, user, id);
  });
}

/** One month for a branch or the town: totals and who needs looking into. No ranking of branches or people. */
export async function branchDues(db: Db, user: AuthUser, orgId?: number, month?: string): Promise<z.infer<typeof BranchDuesSchema>> {
  const under = await optionalOrganizationInScope(db, user, orgId);
  requirePermission(user, 'branch.browse', '党员本人请在个人页面查看党费');
  const today = todayInShanghai();
  const shown = month ?? today.slice(0, 7);
  const farmerFen = await settingValue(db, user.tenantId, 'dues.farmerFen');
  const people = await repo.listAll(db, user.scope, { under, range: 'subtree', filter: 'all', today }, 20_000);
  const { bases, payments } = await loadDues(db, people.map((p) => p.id));
  // Grouped once: filtering the whole town's rows for every member was quadratic (thousands × thousands).
  const basesOf = byMember(bases);
  const paymentsOf = byMember(payments);
  const out = { month: shown, dueFen: 0, paidFen: 0, paidCount: 0, unpaidCount: 0, noBasisCount: 0, review: [] as z.infer<typeof BranchDuesSchema>['review'] };
  for (const p of people) {
    const mine = basesOf.get(p.id) ?? [];
    if (!mine.length) { out.noBasisCount++; continue; }
    const { ledger, consecutive } = duesLedger(p.joinedAt, mine, paymentsOf.get(p.id) ?? [], farmerFen, today);
    const entry = ledger.find((m) => m.month === shown);
    if (entry && entry.dueFen > 0) {
      out.dueFen += entry.dueFen;
      if (entry.status === 'paid') { out.paidCount++; out.paidFen += entry.paidFen ?? 0; } else out.unpaidCount++;
    }
    if (duesReviewWarning(consecutive)) out.review.push({ memberId: p.id, name: p.name, organizationName: p.organizationName, consecutiveUnpaid: consecutive });
  }
  return out;
}

