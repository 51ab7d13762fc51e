import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewScore, todayInShanghai, type SchemePreviewSources } from '@dj/contracts';
import { type Json, leaf } from '../../../test/assessment-fixtures.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { createBranch, createTown, createUser, type Town } from '../../../test/factories.js';

/**
 * Issue 16 point 6, the scheme editor's live preview of a village's score: the server gives a village's month (its
 * entries with the 分值 they were scored against, the record figures), the editor recomputes under the edited tree.
 */
let ctx: TestContext;
let town: Town;
let other: Town;
let village: number;
let bare: number;

const month = () => todayInShanghai().slice(0, 7);
const INDICATORS = [leaf('life', '组织生活', 20, 'measure', { measure: 'organization_life_on_time' }), leaf('work', '中心工作', 80, 'town_office')];
const BANDS = [{ label: '合格', min: 60 }, { label: '不合格', min: 0 }];
const sources = (orgId: number, period = month(), t = town) => t.admin.get(`/api/assessment/scheme-preview?orgId=${orgId}&period=${period}`);

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  other = await createTown(ctx, { villages: 1 });
  village = (await createBranch(town, { villageId: town.villages[0].id })).id;
  bare = (await createBranch(town, { villageId: town.villages[1].id })).id;
  const scheme = (await town.admin.post('/api/assessment/schemes', {
    name: '预览测试方案', audience: 'village_cadre', periodKind: 'month', posts: ['secretary'], effectiveFrom: month(), indicators: INDICATORS, bands: BANDS,
  })).json();
  const period = (await town.admin.post('/api/assessment/periods', { schemeId: scheme.id, period: month() })).json();
  const entered = await town.admin.request('PUT', `/api/assessment/periods/${period.id}/scores`, { subjectId: village, indicatorKey: 'work', points: 60, evidence: '中心工作台账' });
  expect(entered.statusCode, entered.body).toBe(200);
});
afterAll(async () => { await ctx.close(); });

describe('16.6 预览某村得分', () => {
  it('gives the village\'s entries with the 分值 they were scored against, and every available record figure', async () => {
    const res = await sources(village);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as SchemePreviewSources;
    expect(body.entries).toEqual([{ indicatorKey: 'work', name: '中心工作', points: 60, weight: 80 }]);
    expect(body.measures.map((m) => m.measure)).toContain('organization_life_on_time');
    // Under an edited tree: 中心工作 now 40 of the 100 (60/80 → 30/40), a new 产业发展 40 without a score this month.
    const preview = previewScore([
      { key: 'life', name: '组织生活', weight: 20, scorer: 'measure', measure: 'organization_life_on_time', children: [] },
      { key: 'work', name: '中心工作', weight: 40, scorer: 'town_office', measure: null, children: [] },
      { key: 'industry', name: '产业发展', weight: 40, scorer: 'town_office', measure: null, children: [] },
    ], BANDS, body);
    expect(preview.leaves.map((l) => l.points)).toEqual([expect.any(Number), 30, null]);
    expect(preview.unscored).toBe(1);
  });

  it('has no entries for a village not scored, or a month without a period, and still the figures', async () => {
    expect((await sources(bare)).json()).toMatchObject({ entries: [], periodId: expect.any(Number) });
    expect((await sources(village, '2020-01')).json()).toMatchObject({ entries: [], periodId: null, periodStatus: null });
  });

  it('is the town editor\'s: a secretary is refused, another town\'s village and a committee answer 404', async () => {
    const { session: secretary } = await createUser(town, 'branch_secretary', [village]);
    expect((await secretary.get(`/api/assessment/scheme-preview?orgId=${village}&period=${month()}`)).statusCode).toBe(403);
    const foreign = (await createBranch(other, { villageId: other.villages[0].id })).id;
    expect((await sources(foreign)).statusCode).toBe(404);
    expect((await sources(town.committeeId)).statusCode).toBe(404);
    expect((await sources(village, '2026-13')).statusCode).toBe(400);
  });
});
