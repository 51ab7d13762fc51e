import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReserveBoard, VillageReserves } from '@dj/contracts';
import { createTestContext, orgIds, type Session, type TestContext } from '../../test/context.js';
import { APPLICANT_RESERVE_VILLAGES, BELOW_TARGET_VILLAGES } from './demo-reserves.js';

let ctx: TestContext;
let admin: Session;
let ids: Record<string, number>;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.signIn('admin');
  ids = await orgIds(ctx.pool);
});
afterAll(async () => { await ctx.close(); });

describe('demo 后备人才 of 西王庄镇', () => {
  it('has reserves in all 18 villages, two of them below the target, with moves and evaluations', async () => {
    const board = (await admin.get('/api/reserves/board')).json() as ReserveBoard;
    expect(board.villages).toHaveLength(18);
    expect(board.villages.every((v) => v.active >= 1)).toBe(true);
    expect(board.target).toBe(2);
    expect(board.villages.filter((v) => v.shortBy > 0).map((v) => v.name.replace('党支部', '')).sort()).toEqual([...BELOW_TARGET_VILLAGES].sort());
    expect(board.totals.training + board.totals.practice + board.totals.ready).toBeGreaterThan(0);
    const { rows: [n] } = await ctx.pool.query(`select (select count(*)::int from reserve_evaluations) as evaluations,
      (select count(*)::int from reserve_moves where kind = 'back' and length(reason) >= 2) as backs,
      (select count(*)::int from reserve_candidates where status <> 'active') as left`);
    expect(n.evaluations).toBeGreaterThan(5);
    expect(n.backs).toBeGreaterThan(0);
    expect(n.left).toBe(2);
  });

  it('links an applicant reserve of 营子村 to the 发展党员 record, and its secretary reads their own village only', async () => {
    expect(APPLICANT_RESERVE_VILLAGES).toContain('营子村');
    const yingzi = await ctx.signIn('yingzi');
    const v = (await yingzi.get(`/api/reserves/villages/${ids['营子村党支部']}`)).json() as VillageReserves;
    expect(v.reserves.some((r) => !r.isMember && r.recruitment)).toBe(true);
    expect(v.reserves.some((r) => r.mentorName)).toBe(true);
    expect((await yingzi.get(`/api/reserves/villages/${ids['西花沟村党支部']}`)).statusCode).toBe(404);
  });
});
