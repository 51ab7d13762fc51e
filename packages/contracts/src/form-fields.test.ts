import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './index.js'; // zod's Chinese messages, as every importer of the contracts gets them
import { formField } from './form-fields.js';
import { MemberProfileSchema } from './members.js';
import { CloseOrganizationSchema } from './organizations.js';

const Sample = z.object({
  title: z.string().trim().min(1).max(10).meta({ label: '标题' }),
  code: z.string().regex(/^\d{6}$/).optional().meta({ label: '邮编' }),
  count: z.number().int().min(1).max(99).meta({ label: '人数' }),
  kind: z.enum(['a', 'b']).meta({ label: '类型' }),
  branchId: z.number().int().positive().meta({ label: '党支部' }),
  note: z.string().max(5).nullable().meta({ label: '备注' }),
  unlabelled: z.string().default('x'),
}).strict().superRefine(() => undefined);

describe('formField', () => {
  it('is required unless the contract lets the field be left out, null or defaulted', () => {
    expect(formField(Sample, 'title').required).toBe(true);
    expect(formField(Sample, 'code').required).toBe(false);
    expect(formField(Sample, 'note').required).toBe(false);
    expect(formField(Sample, 'unlabelled').required).toBe(false);
    expect(formField(MemberProfileSchema, 'ethnicity').required).toBe(false);
    expect(formField(MemberProfileSchema, 'name').required).toBe(true);
  });

  it('reads the label from the contract and falls back to the key', () => {
    expect(formField(Sample, 'title').label).toBe('标题');
    expect(formField(Sample, 'unlabelled').label).toBe('unlabelled');
  });

  it('tells picked fields (enums, ids) from typed ones, and reads the longest text', () => {
    expect([formField(Sample, 'kind').picked, formField(Sample, 'branchId').picked, formField(Sample, 'count').picked]).toEqual([true, true, false]);
    expect(formField(MemberProfileSchema, 'birthDate').picked).toBe(true);
    expect(formField(Sample, 'title').picked).toBe(false);
    expect(formField(Sample, 'title').maxLength).toBe(10);
    expect(formField(MemberProfileSchema, 'name').maxLength).toBe(20);
    expect(formField(Sample, 'count').maxLength).toBeUndefined();
    expect(formField(Sample, 'count')).toMatchObject({ min: 1, max: 99, integer: true });
    expect(formField(Sample, 'title')).toMatchObject({ min: undefined, max: undefined, integer: false });
  });

  it('checks with the contract and words zod defaults in Chinese with the label', () => {
    expect(formField(Sample, 'title').check(' 一 ')).toBeUndefined();
    expect(formField(Sample, 'title').check('一二三四五六七八九十一')).toBe('标题不能超过10个字');
    expect(formField(Sample, 'title').check('  ')).toBe('请填写标题');
    expect(formField(Sample, 'code').check('12345')).toBe('邮编格式不正确');
    expect(formField(Sample, 'count').check(0)).toBe('人数不能小于1');
    expect(formField(Sample, 'count').check(100)).toBe('人数不能大于99');
    expect(formField(Sample, 'count').check(1.5)).toBe('人数应为整数');
    expect(formField(Sample, 'kind').check('c')).toBe('类型格式不正确');
  });

  it("keeps the contract's own messages, with the label in front when they do not name the field", () => {
    expect(formField(CloseOrganizationSchema, 'reason').check('撤')).toBe('请填写撤销原因(至少2个字)');
    expect(formField(MemberProfileSchema, 'birthDate').check('2020/01/01')).toBe('出生日期:日期格式应为 YYYY-MM-DD');
  });

  it('refuses a field the contract does not have', () => {
    expect(() => formField(Sample, 'missing' as 'title')).toThrow('the contract has no field "missing"');
  });
});
