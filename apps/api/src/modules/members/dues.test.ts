import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMembers, createTown, createUser, type Town } from '../../../test/factories.js';
import { monthFromIndex, monthIndex, todayInShanghai } from '@dj/contracts';

let ctx: TestContext;
let town: Town;
let secretary: Session;
/** Two members of the secretary's branch, joined long ago, with no dues recorded yet. */
let id: number;
let other: number;
const current = todayInShanghai().slice(0, 7);
const monthsAgo = (n: number) => monthFromIndex(monthIndex(current) - n);
beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  const branch = await createBranch(town);
  secretary = (await createUser(town, 'branch_secretary', [branch.id])).session;
  [id, other] = await createMembers(town, branch.id, { full: 2 });
});
afterAll(async () => { await ctx.close(); });

describe('党费 (中组发〔2008〕3号)', () => {
  it('computes the monthly due from the basis: 8,000 元 after tax → 1.5% of the whole base = 120.00 元', async () => {
    const res = await secretary.request('PUT', `/api/members/${id}/dues/basis`, { effectiveFrom: monthsAgo(9), category: 'salaried', baseFen: 800_000 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ monthlyFen: 12_000 });
    expect(res.json().rule).toMatch(/1.5%/);
    expect(res.json().unpaidMonths).toHaveLength(10);
  });

  it('records payments for several months, including by someone else (代缴)', async () => {
    const res = await secretary.post(`/api/members/${id}/dues/payments`, { months: [monthsAgo(1), monthsAgo(2)], paidOn: todayInShanghai(), paidBy: '家属代缴' });
    expect(res.statusCode, res.body).toBe(200);
    const paid = res.json().months.filter((m: { status: string }) => m.status === 'paid');
    expect(paid.every((m: { paidFen: number; paidBy: string }) => m.paidFen === 12_000 && m.paidBy === '家属代缴')).toBe(true);
    expect((await secretary.post(`/api/members/${id}/dues/payments`, { months: [monthsAgo(1)], paidOn: todayInShanghai() })).statusCode).toBe(409);
  });

  it('第十二条: back-payment reaches at most 6 months; no paying ahead', async () => {
    const old = await secretary.post(`/api/members/${id}/dues/payments`, { months: [monthsAgo(8)], paidOn: todayInShanghai() });
    expect(old.statusCode).toBe(400);
    expect(old.json()).toMatchObject({ fields: [{ path: 'months' }] });
    const ahead = await secretary.post(`/api/members/${id}/dues/payments`, { months: [monthFromIndex(monthIndex(current) + 1)], paidOn: todayInShanghai() });
    expect(ahead.statusCode).toBe(400);
  });

  it('党章: 6 consecutive unpaid months raise a review warning and put the member on the branch list, with no ranking', async () => {
    await secretary.request('PUT', `/api/members/${other}/dues/basis`, { effectiveFrom: monthsAgo(7), category: 'farmer' });
    const dues = (await secretary.get(`/api/members/${other}/dues`)).json();
    expect(dues.monthlyFen).toBe(20);
    expect(dues.consecutiveUnpaid).toBe(7);
    expect(dues.warning.code).toBe('DUES_UNPAID_6_MONTHS');
    const branch = (await secretary.get('/api/dues')).json();
    const review = branch.review.map((r: { memberId: number }) => r.memberId);
    expect(review).toContain(other);
    expect(review).not.toContain(id); // paid last month: the run of unpaid months is broken
    expect(Object.keys(branch)).not.toContain('rank');
  });

  it('the farmer amount follows the town setting; reductions need the approval noted', async () => {
    await town.admin.patch('/api/settings/dues.farmerFen', { value: 100 });
    expect((await secretary.get(`/api/members/${other}/dues`)).json().monthlyFen).toBe(100);
    const noNote = await secretary.request('PUT', `/api/members/${other}/dues/basis`, { effectiveFrom: current, category: 'farmer', reduction: { kind: 'exempt' } });
    expect(noNote.json()).toMatchObject({ fields: [{ path: 'approvalNote' }] });
    const exempt = await secretary.request('PUT', `/api/members/${other}/dues/basis`, { effectiveFrom: current, category: 'farmer', reduction: { kind: 'exempt' }, approvalNote: '镇党委〔2026〕5号批准' });
    expect(exempt.json().monthlyFen).toBe(0);
  });

  it('a salaried basis without a base names the field', async () => {
    const res = await secretary.request('PUT', `/api/members/${id}/dues/basis`, { effectiveFrom: current, category: 'salaried' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('baseFen');
  });
});
