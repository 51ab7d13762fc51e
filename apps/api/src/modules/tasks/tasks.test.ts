// 13.3 Honest deadlines on 待办: overdue items apart from those only coming due, each by date, read on a fixed clock
// (1 December 2026, Beijing) so that "a 预备期 that ended in September" is September whatever day the suite runs.
// The clock is set after the sessions are made and lies before the real day, so no session looks expired.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Task } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMember, createTown, createUser, type Town } from '../../../test/factories.js';

let ctx: TestContext;
let town: Town;
let secretary: Session;
let lateId: number;
let dueId: number;
let letterMemberId: number;
const NOW = new Date('2026-12-01T02:00:00Z'); // 10:00 in Beijing

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  const branch = await createBranch(town);
  secretary = (await createUser(town, 'branch_secretary', [branch.id])).session;
  // 预备党员: one admitted 2025-09-10 (预备期 ended in September 2026), one admitted 2025-12-20 (ends on the 20th).
  lateId = await createMember(town, branch.id, { joinedAt: '2025-09-10', confirmedAt: null });
  dueId = await createMember(town, branch.id, { joinedAt: '2025-12-20', confirmedAt: null });
  // A letter issued in June whose 回执 never came back (valid 90 days: late since the end of August).
  letterMemberId = await createMember(town, branch.id);
  const letter = await secretary.post(`/api/members/${letterMemberId}/letters`, { letterNo: '测组〔2026〕1号', destination: '某街道党工委', issuedOn: '2026-06-01' });
  expect(letter.statusCode, letter.body).toBe(200);
});
afterEach(() => { vi.useRealTimers(); });
afterAll(async () => { await ctx.close(); });

async function tasksAt(now: Date): Promise<Task[]> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
  const res = await secretary.get('/api/tasks');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

describe('13.3 待办: 已逾期 apart from 即将到期', () => {
  it('13.3 a 预备期 that ended in September is overdue in December, not "将满"', async () => {
    const items = await tasksAt(NOW);
    const late = items.find((t) => t.memberId === lateId)!;
    expect(late).toMatchObject({ kind: 'CONFIRMATION_LATE', overdue: true, dueOn: '2026-09-10' });
    expect(late.message).toContain('已于2026-09-10届满');
    expect(late.message).toContain('已逾期82天');
    expect(late.message).not.toContain('将于');
    expect(items.find((t) => t.memberId === dueId)).toMatchObject({ kind: 'CONFIRMATION_DUE', overdue: false, dueOn: '2026-12-20' });
  });

  it('13.3 overdue items come first, then those coming due, each sorted by date', async () => {
    const items = await tasksAt(NOW);
    // The branch's village also owes its 三务公开: every source joins the one order.
    const firstDue = items.findIndex((t) => !t.overdue);
    expect(firstDue).toBeGreaterThan(0);
    expect(items.slice(firstDue).every((t) => !t.overdue)).toBe(true);
    for (const part of [items.slice(0, firstDue), items.slice(firstDue)]) {
      const days = part.map((t) => t.dueOn ?? '9999-12-31');
      expect(days).toEqual([...days].sort());
    }
    expect(items.filter((t) => t.memberId !== null).map((t) => [t.kind, t.dueOn, t.overdue])).toEqual([
      ['RECEIPT_OVERDUE', '2026-08-30', true],
      ['CONFIRMATION_LATE', '2026-09-10', true],
      ['CONFIRMATION_DUE', '2026-12-20', false],
    ]);
  });

  it('13.3 on the day the 预备期 ends it is still due, the day after it is late', async () => {
    const onTheDay = (await tasksAt(new Date('2026-09-10T02:00:00Z'))).find((t) => t.memberId === lateId);
    expect(onTheDay).toMatchObject({ kind: 'CONFIRMATION_DUE', overdue: false });
    vi.useRealTimers();
    const dayAfter = (await tasksAt(new Date('2026-09-11T02:00:00Z'))).find((t) => t.memberId === lateId);
    expect(dayAfter).toMatchObject({ kind: 'CONFIRMATION_LATE', overdue: true, message: expect.stringContaining('已逾期1天') });
  });
});

describe('14.2 待办 is paged, with the counts per kind beside the page', () => {
  it('14.2 pages keep the one order, the counts cover the whole scope, a kind narrows the list but not the counts', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const all = (await secretary.get('/api/tasks?pageSize=200')).json();
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThan(3);
    expect(Object.values(all.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(all.total);
    expect(all.counts).toMatchObject({ CONFIRMATION_LATE: 1, CONFIRMATION_DUE: 1, RECEIPT_OVERDUE: 1, TRANSFER_DUE: 0 });
    expect(all.overdue).toBe(all.items.filter((t: Task) => t.overdue).length);

    const first = (await secretary.get('/api/tasks?pageSize=2')).json();
    const second = (await secretary.get('/api/tasks?pageSize=2&page=2')).json();
    expect(first).toMatchObject({ total: all.total, page: 1, pageSize: 2, counts: all.counts });
    expect([...first.items, ...second.items]).toEqual(all.items.slice(0, 4));

    const late = (await secretary.get('/api/tasks?kind=CONFIRMATION_LATE')).json();
    expect(late.items.map((t: Task) => t.memberId)).toEqual([lateId]);
    expect(late).toMatchObject({ total: 1, overdue: 1, counts: all.counts });
    expect((await secretary.get('/api/tasks?pageSize=500')).statusCode).toBe(400);
  });
});

describe('the to-do list kept as built (docs/decisions/014)', () => {
  it('serves the caller\'s last build of a query while nothing of the town is written, and builds again after a write', async () => {
    const first = (await secretary.get('/api/tasks')).json();
    const marked = JSON.stringify({ ...first, total: -1 });
    await ctx.pool.query('update town_reads set body = $2 where tenant_id = $1', [town.tenantId, marked]);
    expect((await secretary.get('/api/tasks')).json().total).toBe(-1);
    // Another query, or another user of the same grants, has a build of its own.
    expect((await secretary.get('/api/tasks?pageSize=5')).json().total).toBe(first.total);
    expect((await town.admin.get('/api/tasks')).json().total).not.toBe(-1);
    await createMember(town, (await createBranch(town)).id, { joinedAt: '2025-09-10', confirmedAt: null });
    expect((await secretary.get('/api/tasks')).json().total).toBe(first.total);
  });
});
