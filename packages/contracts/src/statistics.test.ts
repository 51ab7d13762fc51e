import { describe, expect, it } from 'vitest';
import { PARTY_ERA_BANDS, STAT_AGE_BANDS, STAT_DIMENSIONS, STAT_TABLE_KEYS, defaultStatisticsDay } from './statistics.js';

describe('党内统计 bands', () => {
  it('age bands rise and end open, so every age falls in exactly one', () => {
    const maxes = STAT_AGE_BANDS.map((b) => b.max);
    expect(maxes.at(-1)).toBeNull();
    const closed = maxes.slice(0, -1) as number[];
    expect(closed).toEqual([...closed].sort((a, b) => a - b));
    expect(new Set(closed).size).toBe(closed.length);
  });

  it('入党时间 eras start open and then rise by date', () => {
    expect(PARTY_ERA_BANDS[0].from).toBeNull();
    const froms = PARTY_ERA_BANDS.slice(1).map((b) => b.from as string);
    expect(froms).toEqual([...froms].sort());
  });

  it('table and column keys are unique; the default day is 31 December of last year', () => {
    expect(new Set(STAT_TABLE_KEYS).size).toBe(STAT_TABLE_KEYS.length);
    for (const d of Object.values(STAT_DIMENSIONS)) expect(new Set(d.columns.map((c) => c.key)).size).toBe(d.columns.length);
    expect(defaultStatisticsDay('2026-01-01')).toBe('2025-12-31');
  });
});
