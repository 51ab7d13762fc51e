import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '@dj/contracts';
import { createTestContext, type TestContext } from '../../test/context.js';
import { createBranch, createTown, INSPECTION_TEAM, testIdNumber, type Town } from '../../test/factories.js';

/**
 * Issue 12 point 5: a NUL byte in any text field and a date that is no calendar day (2026-02-31) answer 400 with a
 * Chinese message naming the field, never 500. PostgreSQL refuses both (a NUL in text, a date out of range), so a
 * request that got past validation with one of them failed at the database as an internal error.
 */
let ctx: TestContext;
let town: Town;
let branchId: number;
beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  branchId = (await createBranch(town)).id;
});
afterAll(async () => { await ctx.close(); });

const member = (overrides: Record<string, unknown>) => ({
  name: '测试党员', gender: 'male', birthDate: '1980-01-01', idNumber: testIdNumber(), joinedAt: '2005-07-01', confirmedAt: '2006-07-01',
  organizationId: branchId, ...overrides,
});
const activity = (overrides: Record<string, unknown>) => ({
  organizationId: branchId, kind: 'theme_day', heldOn: addDays(todayInShanghai(), -3), place: '村党群服务中心', topic: '主题党日', ...overrides,
});
const round = (overrides: Record<string, unknown>) => ({
  title: '联督联查', startsOn: todayInShanghai(), endsOn: addDays(todayInShanghai(), 10), team: INSPECTION_TEAM, organizationIds: [branchId], ...overrides,
});

interface Case { name: string; method: 'GET' | 'POST'; url: string | (() => string); body?: () => unknown; label: string }
const CASES: Case[] = [
  { name: 'member create, NUL in the name', method: 'POST', url: '/api/members', body: () => member({ name: '张\u0000三' }), label: '姓名' },
  { name: 'member create, NUL in the native place', method: 'POST', url: '/api/members', body: () => member({ nativePlace: '河北\u0000' }), label: '籍贯' },
  { name: 'member create, 2026-02-31 as the birth date', method: 'POST', url: '/api/members', body: () => member({ birthDate: '2026-02-31' }), label: '出生日期' },
  { name: 'activity create, NUL in the topic', method: 'POST', url: '/api/activities', body: () => activity({ topic: '学习\u0000党章' }), label: '主题' },
  { name: 'activity create, 2026-02-31 as the date held', method: 'POST', url: '/api/activities', body: () => activity({ heldOn: '2026-02-31' }), label: '活动日期' },
  { name: 'organization create, NUL in the name', method: 'POST', url: '/api/organizations', body: () => ({ parentId: town.committeeId, name: '第\u0000支部', kind: 'branch' }), label: '组织名称' },
  { name: 'inspection round, 2026-02-31 as the end', method: 'POST', url: '/api/inspections', body: () => round({ endsOn: '2026-02-31' }), label: '结束日期' },
  { name: 'activity list, 2026-02-31 as a query parameter', method: 'GET', url: '/api/activities?from=2026-02-31', label: '开始日期' },
  { name: 'activity list, 2026-04-31 as a query parameter', method: 'GET', url: '/api/activities?to=2026-04-31', label: '结束日期' },
  { name: 'member list, NUL in the search query parameter', method: 'GET', url: '/api/members?q=%E5%BC%A0%00', label: 'q' },
];

describe('point 5 · NUL bytes and impossible dates answer 400 in Chinese naming the field, never 500', () => {
  it.each(CASES)('$name', async ({ method, url, body, label }) => {
    const res = await town.admin.request(method, typeof url === 'string' ? url : url(), body?.());
    expect(res.statusCode, res.body).toBe(400);
    const answer = res.json();
    expect(answer.code).toBe('VALIDATION');
    expect(answer.message).toMatch(/[\u4e00-\u9fff]/);
    expect(answer.message).toContain(label);
    expect(answer.message).not.toMatch(/invalid|expected|byte sequence|out of range/i);
  });
});
