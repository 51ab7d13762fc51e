import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addYears, FUTURE_DATE_MESSAGE, idNumberCheckDigit, NOT_YET_HELD_MESSAGE, todayInShanghai } from '@dj/contracts';
import { createTestContext, type TestContext } from './context.js';
import { createActivity, createBranch, createMember, createTown, type Branch, type Town } from './factories.js';

// Issue 13 point 9, no silent truncation: over-long text is refused with the contract's message naming the field and
// its limit (the web shows a counter and refuses the same), and a date after today for something that has happened
// is refused with a message rather than accepted.
let ctx: TestContext;
let town: Town;
let branch: Branch;
beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  branch = await createBranch(town, { groups: 1 });
});
afterAll(async () => { await ctx.close(); });

const member = (overrides: Record<string, unknown> = {}) => ({
  name: '孙立新', gender: 'male', birthDate: '1985-03-02', idNumber: '37040219850302061' + idNumberCheckDigit('37040219850302061'),
  joinedAt: '2010-07-01', confirmedAt: '2011-07-01', organizationId: branch.id, ...overrides,
});

function fieldMessages(body: { fields?: { path: string; message: string }[] }): Record<string, string> {
  return Object.fromEntries((body.fields ?? []).map((f) => [f.path, f.message]));
}

describe('13.9 no silent truncation: over-long input is refused with the limit named', () => {
  it('13.9 a member name of 21 characters is refused as 姓名不能超过20个字, not cut to 20', async () => {
    const res = await town.admin.post('/api/members', member({ name: '欧'.repeat(21) }));
    expect(res.statusCode).toBe(400);
    expect(fieldMessages(res.json())).toEqual({ name: '姓名不能超过20个字' });
  });

  it('13.9 a limit the contract left to zod is named with the field and the number (籍贯, 60)', async () => {
    const res = await town.admin.post('/api/members', member({ nativePlace: '山'.repeat(61) }));
    expect(res.statusCode).toBe(400);
    const message = fieldMessages(res.json()).nativePlace ?? '';
    expect(message).toContain('籍贯');
    expect(message).toContain('60');
  });

  it('13.9 an organization (党小组) name of 61 characters is refused as 组织名称不能超过60个字', async () => {
    const res = await town.admin.post('/api/organizations', { parentId: branch.id, name: '组'.repeat(61), kind: 'group' });
    expect(res.statusCode).toBe(400);
    expect(fieldMessages(res.json())).toEqual({ name: '组织名称不能超过60个字' });
  });
});

describe('13.9 future dates for past events are refused with a message', () => {
  it('13.9 入党日期 next year is refused naming the field', async () => {
    const res = await town.admin.post('/api/members', member({ joinedAt: addYears(todayInShanghai(), 1), confirmedAt: null }));
    expect(res.statusCode).toBe(400);
    expect(fieldMessages(res.json())).toEqual({ joinedAt: `入党日期:${FUTURE_DATE_MESSAGE}` });
  });

  it('13.9 attendance for a meeting dated next year (not held yet) is refused with NOT_YET_HELD_MESSAGE', async () => {
    const memberId = await createMember(town, branch.id);
    const plan = await createActivity(town.admin, branch.id, { heldOn: addYears(todayInShanghai(), 1) });
    const res = await town.admin.request('PUT', `/api/activities/${plan.id}/attendance`, { records: [{ memberId, state: 'present' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(NOT_YET_HELD_MESSAGE);
    // Held today: recorded.
    const held = await createActivity(town.admin, branch.id, { heldOn: addDays(todayInShanghai(), 0) });
    const ok = await town.admin.request('PUT', `/api/activities/${held.id}/attendance`, { records: [{ memberId, state: 'present' }] });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
