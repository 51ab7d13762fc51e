import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TALENT_KINDS, type TalentDetail, type TalentList, type TalentProgress } from '@dj/contracts';
import { createTestContext, orgIds, type Session, type TestContext } from '../../test/context.js';
import { DEMO_TALENT_KINDS, DEMO_TALENTS } from './demo-talent.js';

let ctx: TestContext;
let admin: Session;
let ids: Record<string, number>;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.signIn('admin');
  ids = await orgIds(ctx.pool);
});
afterAll(async () => { await ctx.close(); });

describe('demo 人才 of 西王庄镇', () => {
  it('has 40 talents of every kind the article names, across the villages, with support and selected tiers', async () => {
    const list = (await admin.get('/api/talent')).json() as TalentList;
    expect(list.rows).toHaveLength(DEMO_TALENTS);
    for (const kind of TALENT_KINDS) expect(list.rows.filter((r) => r.kind === kind), kind).toHaveLength(DEMO_TALENT_KINDS[kind]);
    expect(new Set(list.rows.map((r) => r.organizationId)).size).toBe(18);
    expect(list.rows.some((r) => r.isMember) && list.rows.some((r) => !r.isMember)).toBe(true);
    expect(list.rows.filter((r) => r.tier === 'ten').length).toBeGreaterThan(0);
    expect(list.rows.filter((r) => r.supportCount > 0).length).toBeGreaterThanOrEqual(20);
    const withSupport = list.rows.find((r) => r.supportFen > 0)!;
    const detail = (await admin.get(`/api/talent/${withSupport.id}`)).json() as TalentDetail;
    expect(detail.support.reduce((n, s) => n + (s.amountFen ?? 0), 0)).toBe(withSupport.supportFen);
    const progress = (await admin.get('/api/talent/progress')).json() as TalentProgress;
    expect(progress.total).toBe(DEMO_TALENTS);
  });

  it('shows the secretary of 营子村 their own village\'s talents only', async () => {
    const yingzi = await ctx.signIn('yingzi');
    const list = (await yingzi.get('/api/talent')).json() as TalentList;
    expect(list.rows.length).toBeGreaterThan(0);
    expect(list.rows.every((r) => r.organizationId === ids['营子村党支部'])).toBe(true);
  });
});
