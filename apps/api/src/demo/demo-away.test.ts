import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwayList, AwayLiaisonList, AwayTalentDetail } from '@dj/contracts';
import { createTestContext, orgIds, type Session, type TestContext } from '../../test/context.js';
import { DEMO_AWAY_TOTAL, DEMO_RETURNEES } from './demo-away.js';

let ctx: TestContext;
let admin: Session;
let ids: Record<string, number>;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.signIn('admin');
  ids = await orgIds(ctx.pool);
});
afterAll(async () => { await ctx.close(); });

describe('demo 在外人才 of 西王庄镇', () => {
  it('has 60 people away across the 18 villages, party members linked to their 流动党员 entry, some overdue, a few returnees', async () => {
    const all = (await admin.get('/api/talent/away?status=all&pageSize=200')).json() as AwayList;
    expect(all.total).toBe(DEMO_AWAY_TOTAL);
    expect(new Set(all.items.map((i) => i.organizationId)).size).toBe(18);
    expect(all.counts).toMatchObject({ away: DEMO_AWAY_TOTAL - DEMO_RETURNEES, returned: DEMO_RETURNEES });
    expect(all.counts.overdue).toBeGreaterThan(0);
    const members = all.items.filter((i) => i.isMember);
    expect(members.length).toBeGreaterThan(0);
    expect(members.every((m) => m.flow !== null)).toBe(true);
    expect(all.items.filter((i) => i.handedOn)).toHaveLength(2);
    const tasks = (await admin.get('/api/tasks?kind=AWAY_CONTACT_DUE&pageSize=200')).json();
    expect(tasks.items.filter((t: { overdue: boolean }) => t.overdue)).toHaveLength(all.counts.overdue);
    const detail = (await admin.get(`/api/talent/away/${all.items.find((i) => !i.isMember && i.status === 'away')!.id}`)).json() as AwayTalentDetail;
    expect(detail.contacts.length).toBeGreaterThan(0);
    expect(detail.liaisons.map((l) => l.kind)).toContain('labour');
    const liaisons = (await admin.get('/api/talent/away-liaisons')).json() as AwayLiaisonList;
    expect(liaisons.items.map((l) => l.kind).sort()).toEqual(['labour', 'other', 'outside_branch', 'outside_branch']);
  });

  it('shows the secretary of 营子村 their own village only, with the village liaison', async () => {
    const yingzi = await ctx.signIn('yingzi');
    const mine = (await yingzi.get('/api/talent/away?status=all')).json() as AwayList;
    expect(mine.items.length).toBeGreaterThan(0);
    expect(new Set(mine.items.map((i) => i.organizationId))).toEqual(new Set([ids['营子村党支部']]));
    expect((await yingzi.get('/api/talent/away-liaisons')).json().items.map((l: { name: string }) => l.name)).toEqual(['营子村在外人才联络群']);
  });
});
