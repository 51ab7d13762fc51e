import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './index.js'; // zod's Chinese messages, as every importer of the contracts gets them
import { formField } from './form-fields.js';
import { CreateActivitySchema } from './activities.js';
import { DateSchema, MemberProfileSchema } from './members.js';
import { NUL_BYTE_MESSAGE, nulBytePaths, refuseNulBytes } from './request-input.js';

describe('point 5 · the shared refinements every request schema gets', () => {
  it('DateSchema refuses a day the month does not have, in Chinese, and keeps real dates and leap days', () => {
    for (const bad of ['2026-02-31', '2026-04-31', '2025-02-29', '2026-13-01', '2026-00-10']) {
      const result = DateSchema.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues.map((i) => i.message), bad).toEqual(['日期不存在(该月没有这一天),请检查年月日']);
    }
    for (const good of ['2024-02-29', '2026-02-28', '2026-12-31']) expect(DateSchema.safeParse(good).success, good).toBe(true);
    expect(DateSchema.safeParse('2026-2-1').error?.issues.map((i) => i.message)).toEqual(['日期格式应为 YYYY-MM-DD']);
  });

  it('a form names the date field when the day does not exist', () => {
    expect(formField(MemberProfileSchema, 'birthDate').check('2026-02-31')).toBe('出生日期:日期不存在(该月没有这一天),请检查年月日');
    expect(formField(CreateActivitySchema, 'heldOn').check('2026-02-31')).toContain('活动日期');
  });

  it('refuseNulBytes finds a NUL in any string or key, nested in objects and lists, with its path', () => {
    const schema = refuseNulBytes(z.object({ name: z.string(), rows: z.array(z.object({ note: z.string() })) }));
    const result = schema.safeParse({ name: '张\u0000三', rows: [{ note: 'ok' }, { note: '\u0000' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message]).sort()).toEqual([['name', NUL_BYTE_MESSAGE], ['rows.1.note', NUL_BYTE_MESSAGE]]);
    expect(nulBytePaths({ ['a\u0000']: 1 })).toEqual([['a\u0000']]);
    expect(schema.safeParse({ name: '张三', rows: [] }).success).toBe(true);
  });

  it('refuseNulBytes leaves the schema its own answers, and walks deep nesting without recursion', () => {
    const schema = refuseNulBytes(z.object({ count: z.number() }));
    expect(schema.safeParse({ count: 'x' }).success).toBe(false);
    expect(schema.safeParse({ count: 3 }).data).toEqual({ count: 3 });
    let deep: unknown = '\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(nulBytePaths(deep)).toHaveLength(1);
  });
});
