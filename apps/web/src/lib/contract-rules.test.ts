import { describe, expect, it } from 'vitest';
import type { FormRule } from 'antd';
import { z } from 'zod';
import { CloseOrganizationSchema, LoginBodySchema } from '@dj/contracts';
import { elementRulesFor, listRulesFor, maxLengthOf, numberPropsOf, rulesFor } from './contract-rules';

const Sample = z.object({
  title: z.string().trim().min(2).max(10).meta({ label: '标题' }),
  branchId: z.number().int().positive().meta({ label: '党支部' }),
  note: z.string().max(5).optional().meta({ label: '备注' }),
  amountFen: z.number().int().max(1000).meta({ label: '金额' }),
  villageIds: z.array(z.number().int().positive()).meta({ label: '检查村' }),
  rows: z.array(z.object({ text: z.string().min(1) })).min(1, '至少一个条目').max(2).meta({ label: '条目' }),
  steps: z.array(z.string().trim().min(1).max(5).meta({ label: '步骤' })).min(2),
});

type Validator = (rule: unknown, value: unknown) => Promise<void>;
const validatorOf = (rules: FormRule[]): Validator => {
  const rule = rules.find((r) => typeof r === 'object' && 'validator' in r);
  if (!rule || typeof rule !== 'object' || !rule.validator) throw new Error('no validator rule');
  return rule.validator as Validator;
};
const requiredOf = (rules: FormRule[]) => rules.find((r) => typeof r === 'object' && 'required' in r);

describe('rulesFor', () => {
  it('requires what the contract requires, with 填写 for typed and 选择 for picked fields', () => {
    expect(requiredOf(rulesFor(Sample, 'title'))).toEqual({ required: true, whitespace: true, message: '请填写标题' });
    expect(requiredOf(rulesFor(Sample, 'branchId'))).toEqual({ required: true, message: '请选择党支部' });
    expect(requiredOf(rulesFor(Sample, 'villageIds'))).toEqual({ required: true, type: 'array', message: '请选择检查村' });
    expect(requiredOf(rulesFor(Sample, 'rows'))).toEqual({ required: true, type: 'array', message: '至少一个条目' });
    expect(requiredOf(rulesFor(Sample, 'note'))).toBeUndefined();
    expect(requiredOf(rulesFor(Sample, 'note', { required: true, requiredMessage: '写点什么' }))).toMatchObject({ message: '写点什么' });
  });

  it("validates with the contract's check and leaves empty values to the required rule", async () => {
    const check = validatorOf(rulesFor(Sample, 'title'));
    await expect(check(null, ' 标题 ')).resolves.toBeUndefined();
    await expect(check(null, '')).resolves.toBeUndefined();
    await expect(check(null, '一')).rejects.toThrow('标题至少2个字');
    await expect(check(null, '一二三四五六七八九十一')).rejects.toThrow('标题不能超过10个字');
    await expect(validatorOf(rulesFor(Sample, 'note'))(null, '123456')).rejects.toThrow('备注不能超过5个字');
  });

  it("validates with the contract schema and its own Chinese message (what contractRule did)", async () => {
    const check = validatorOf(rulesFor(CloseOrganizationSchema, 'reason'));
    await expect(check(null, ' 合并 ')).resolves.toBeUndefined();
    await expect(check(null, ' 撤 ')).rejects.toThrow('请填写撤销原因(至少2个字)');
  });

  it('asks for non-blank text only where the contract trims it', () => {
    expect(requiredOf(rulesFor(LoginBodySchema, 'username'))).toEqual({ required: true, whitespace: true, message: '请填写用户名' });
    expect(requiredOf(rulesFor(LoginBodySchema, 'password'))).toEqual({ required: true, message: '请填写密码' });
  });

  it('checks the value the request will carry', async () => {
    const check = validatorOf(rulesFor(Sample, 'amountFen', { toContract: (yuan: number) => Math.round(yuan * 100) }));
    await expect(check(null, 10)).resolves.toBeUndefined();
    await expect(check(null, 10.01)).rejects.toThrow('金额不能大于1000');
  });

  it("checks a Form.List's own length against the contract, leaving its rows to their inputs", async () => {
    const [rule] = listRulesFor(Sample, 'rows');
    await expect(rule.validator(null, undefined)).rejects.toThrow('至少一个条目');
    await expect(rule.validator(null, [{ text: '' }])).resolves.toBeUndefined();
    await expect(rule.validator(null, [{ text: 'a' }, { text: 'b' }, { text: 'c' }])).rejects.toThrow('条目不能超过2项');
  });

  it('gives the rows of a list of plain values their own rules', async () => {
    const rules = elementRulesFor(Sample, 'steps');
    expect(requiredOf(rules)).toEqual({ required: true, whitespace: true, message: '请填写步骤' });
    await expect(validatorOf(rules)(null, '一二三四五六')).rejects.toThrow('步骤不能超过5个字');
  });

  it("gives the input the contract's longest text", () => {
    expect(maxLengthOf(Sample, 'title')).toBe(10);
    expect(maxLengthOf(Sample, 'branchId')).toBeUndefined();
  });

  it("gives a number input the contract's bounds and whole-number precision", () => {
    expect(numberPropsOf(Sample, 'amountFen')).toEqual({ min: undefined, max: 1000, precision: 0 });
    // positive() is 'more than 0': the input stops at 0 and the contract's check refuses it
    expect(numberPropsOf(Sample, 'branchId')).toEqual({ min: 0, max: undefined, precision: 0 });
  });
});
