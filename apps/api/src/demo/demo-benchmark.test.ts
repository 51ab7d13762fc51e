import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai, type BenchmarkBoard } from '@dj/contracts';
import { createTestContext, type TestContext } from '../../test/context.js';

let ctx: TestContext;
let board: BenchmarkBoard;
beforeAll(async () => {
  ctx = await createTestContext();
  const admin = await ctx.signIn('admin');
  const res = await admin.get('/api/benchmark');
  expect(res.statusCode, res.body).toBe(200);
  board = res.json() as BenchmarkBoard;
});
afterAll(async () => { await ctx.close(); });

describe('demo 对标 of 西王庄镇 (issue 17 point 4)', () => {
  it('benchmarks against 周庄镇 in the four areas and collective income, three years, each benchmark value labelled demo data', () => {
    expect(board.town?.name).toBe('周庄镇');
    const thisYear = Number(todayInShanghai().slice(0, 4));
    expect(board.years).toEqual([thisYear - 2, thisYear - 1, thisYear]);
    expect(new Set(board.indicators.map((i) => i.group))).toEqual(new Set(['party_building', 'beautiful_village', 'governance', 'innovation']));
    expect(board.indicators.map((i) => i.name)).toContain('村均集体经济收入');
    for (const i of board.indicators) {
      for (const c of i.cells) {
        expect(c.source, `${i.name} ${c.year}`).toContain('演示数据');
        expect(c.benchmark).not.toBeNull();
      }
    }
  });

  it('computes the records\' indicators and shows the hand-entered ones with their source', () => {
    const recruited = board.indicators.find((i) => i.catalogueKey === 'recruited')!;
    expect(recruited.computed).toBe(true);
    expect(recruited.cells.every((c) => c.own !== null && c.gap !== null)).toBe(true);
    const income = board.indicators.find((i) => i.catalogueKey === 'collective_income_per_village')!;
    expect(income.computed).toBe(false);
    expect(income.cells[0]).toMatchObject({ own: 18, benchmark: 260, gap: -242, ahead: false });
    expect(income.cells[0].ownSource).toContain('演示数据');
  });
});
