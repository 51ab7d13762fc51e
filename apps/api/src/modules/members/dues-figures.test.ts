import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, monthFromIndex, monthIndex, todayInShanghai } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMembers, createTown, createUser, type Town } from '../../../test/factories.js';
import type { Json } from '../../../test/assessment-fixtures.js';

/**
 * The 驾驶舱's 党费 figures are counted by the database (dues-repository duesFigures); each member's ledger is
 * computed in JavaScript (duesLedger). The two must agree member by member: this test builds members in every case
 * the rule knows and checks the tile against the sum of the members' own ledgers. The 流动党员 tile counts the
 * roster's own filters (外出流动, 失联).
 */
let ctx: TestContext;
let town: Town;
let secretary: Session;
let branchId: number;
let ids: number[];
const today = todayInShanghai();
const current = today.slice(0, 7);
const monthsAgo = (n: number) => monthFromIndex(monthIndex(current) - n);

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  branchId = (await createBranch(town)).id;
  secretary = (await createUser(town, 'branch_secretary', [branchId])).session;
  ids = await createMembers(town, branchId, { full: 11 });
  const basis = (id: number, body: Json) => secretary.request('PUT', `/api/members/${id}/dues/basis`, body);
  const pay = (id: number, months: string[]) => secretary.post(`/api/members/${id}/dues/payments`, { months, paidOn: today });
  const [paidRecently, farmerUnpaid, exempt, , upToDate, smallBase, backOnTrack, acrossBases, exemptLately, paidLastOnly, paidNowOwesLast] = ids;
  await basis(paidRecently, { effectiveFrom: monthsAgo(9), category: 'salaried', baseFen: 800_000 });
  await pay(paidRecently, [monthsAgo(1), monthsAgo(2)]);
  await basis(farmerUnpaid, { effectiveFrom: monthsAgo(7), category: 'farmer' });
  await basis(exempt, { effectiveFrom: monthsAgo(3), category: 'farmer', reduction: { kind: 'exempt' }, approvalNote: '镇党委批复' });
  // ids[3] has no basis (未设置党费标准).
  await basis(upToDate, { effectiveFrom: monthsAgo(2), category: 'student' });
  await pay(upToDate, [monthsAgo(2), monthsAgo(1), current]);
  // 0.5 % of 0.80 元 rounds to nothing: no month is owed.
  await basis(smallBase, { effectiveFrom: monthsAgo(8), category: 'retired', baseFen: 80 });
  // Seven months owed, then a 免交 month breaks the run: in arrears, but not 6 in a row up to last month.
  await basis(backOnTrack, { effectiveFrom: monthsAgo(10), category: 'farmer' });
  await basis(backOnTrack, { effectiveFrom: monthsAgo(3), category: 'farmer', reduction: { kind: 'reduced', amountFen: 0 }, approvalNote: '镇党委批复' });
  await basis(backOnTrack, { effectiveFrom: monthsAgo(2), category: 'farmer' });
  // The database counts runs of months under one basis: a run of unpaid months goes on across a change of basis,
  // a 免交 basis up to now ends it, and a paid last month ends it whatever came before.
  await basis(acrossBases, { effectiveFrom: monthsAgo(9), category: 'farmer' });
  await basis(acrossBases, { effectiveFrom: monthsAgo(4), category: 'salaried', baseFen: 800_000 });
  await basis(exemptLately, { effectiveFrom: monthsAgo(8), category: 'farmer' });
  await basis(exemptLately, { effectiveFrom: monthsAgo(1), category: 'farmer', reduction: { kind: 'exempt' }, approvalNote: '镇党委批复' });
  await basis(paidLastOnly, { effectiveFrom: monthsAgo(10), category: 'farmer' });
  await pay(paidLastOnly, [monthsAgo(1)]);
  // This month paid does not settle last month.
  await basis(paidNowOwesLast, { effectiveFrom: monthsAgo(1), category: 'farmer' });
  await pay(paidNowOwesLast, [current]);
});
afterAll(async () => { await ctx.close(); });

/** What the members' own ledgers (the JavaScript rule) add up to. */
async function fromLedgers() {
  const out = { members: 0, noBasis: 0, dueNow: 0, paidNow: 0, inArrears: 0, review: 0 };
  for (const id of ids) {
    const dues = (await secretary.get(`/api/members/${id}/dues`)).json() as Json;
    out.members++;
    if (!dues.basis) { out.noBasis++; continue; }
    const now = (dues.months as Json[]).find((m) => m.month === current);
    if (now && now.status !== 'not_due') out.dueNow++;
    if (now?.status === 'paid') out.paidNow++;
    if ((dues.unpaidMonths as string[]).some((m) => m < current)) out.inArrears++;
    if (dues.consecutiveUnpaid >= 6) out.review++;
  }
  return out;
}

describe('党费 figures counted by the database', () => {
  it('agree with the members\' own ledgers in every case (免交, 少交 to nothing, too small a base, paid ahead of the run)', async () => {
    const card = (await secretary.get(`/api/dashboard/villages/${branchId}`)).json() as Json;
    const tile = (card.tiles as Json[]).find((t) => t.key === 'dues')!;
    const value = (label: string) => (tile.figures as Json[]).find((f) => f.label === label)!.value;
    const expected = await fromLedgers();
    expect(expected).toEqual({ members: 11, noBasis: 1, dueNow: 7, paidNow: 2, inArrears: 7, review: 2 });
    expect({
      noBasis: value('未设置党费标准'), paidNow: value('本月已交'), unpaidNow: value('本月未交'),
      inArrears: value('欠交往月党费'), review: value('连续6个月及以上未交'),
    }).toEqual({
      noBasis: expected.noBasis, paidNow: expected.paidNow, unpaidNow: expected.dueNow - expected.paidNow,
      inArrears: expected.inArrears, review: expected.review,
    });
    expect(tile.link).toBe(`/dues?orgId=${branchId}`);
  });
});

describe('流动党员 figures', () => {
  it('count the open outflows and those not contacted within flow.unreachableMonths (default 6), as the roster\'s filters do', async () => {
    const away = (id: number, startedOn: string) => secretary.post(`/api/members/${id}/flows`, { direction: 'outflow', startedOn, destination: '江苏省苏州市' });
    expect((await away(ids[0], addDays(addMonths(today, -6), -1))).statusCode).toBe(200);
    const recent = (await away(ids[1], addDays(today, -20))).json() as Json;
    await secretary.post(`/api/members/${ids[1]}/flows/${recent.id}/contacts`, { contactedOn: addDays(today, -2), method: 'wechat', note: '电话联系' });
    const card = (await secretary.get(`/api/dashboard/villages/${branchId}`)).json() as Json;
    const tile = (card.tiles as Json[]).find((t) => t.key === 'mobile')!;
    const value = (label: string) => (tile.figures as Json[]).find((f) => f.label === label)!.value;
    const roster = async (filter: string) => ((await secretary.get(`/api/members?orgId=${branchId}&filter=${filter}`)).json() as Json).total;
    expect({ away: value('外出流动'), unreachable: value('逾期未联系') }).toEqual({ away: 2, unreachable: 1 });
    expect({ away: await roster('mobile'), unreachable: await roster('unreachable') }).toEqual({ away: 2, unreachable: 1 });
  });
});
