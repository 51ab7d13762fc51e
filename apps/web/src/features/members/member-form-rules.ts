import type { FormInstance, FormRule as Rule } from 'antd';
import { anniversary } from '../../lib/dates';
import { MemberProfileSchema, normalizePhone, validateIdNumber } from '@dj/contracts';
import { rulesFor } from '../../lib/contract-rules';
import type { MemberFormValues } from './member-form-values';

/** Client-side checks that mirror the server's, so the form answers before a round trip. */
export function idNumberRule(required: boolean): Rule {
  return ({ getFieldValue }) => ({
    validator: (_rule, value: string | undefined) => {
      if (!value?.trim()) return required ? Promise.reject(new Error('请填写身份证号')) : Promise.resolve();
      const result = validateIdNumber(value, { birthDate: getFieldValue('birthDate'), gender: getFieldValue('gender') });
      return result.ok ? Promise.resolve() : Promise.reject(new Error(result.message));
    },
  });
}

export const phoneRule: Rule = {
  validator: (_rule, value: string | undefined) => {
    if (!value?.trim()) return Promise.resolve();
    const result = normalizePhone(value);
    return result.ok ? Promise.resolve() : Promise.reject(new Error(result.message));
  },
};

export function dateRules(today: string): Record<'birthDate' | 'joinedAt' | 'confirmedAt', Rule[]> {
  const reject = (text: string) => Promise.reject(new Error(text));
  return {
    birthDate: [
      ...rulesFor(MemberProfileSchema, 'birthDate'),
      { validator: (_r, v: string | null) => (v && v > today ? reject('出生日期不能晚于今天') : Promise.resolve()) },
    ],
    joinedAt: [
      ...rulesFor(MemberProfileSchema, 'joinedAt'),
      ({ getFieldValue }) => ({
        validator: (_r, v: string | null) => {
          const birthDate: string | null = getFieldValue('birthDate');
          if (v && v > today) return reject('入党日期不能晚于今天');
          if (v && birthDate && v < anniversary(birthDate, 18)) return reject('入党日期早于年满18周岁的日期(党章第一条)');
          return Promise.resolve();
        },
      }),
    ],
    confirmedAt: [
      ...rulesFor(MemberProfileSchema, 'confirmedAt'),
      ({ getFieldValue }) => ({
        validator: (_r, v: string | null) => {
          const joinedAt: string | null = getFieldValue('joinedAt');
          if (v && v > today) return reject('转正日期不能晚于今天');
          if (v && joinedAt && v <= joinedAt) return reject('转正日期应晚于入党日期');
          return Promise.resolve();
        },
      }),
    ],
  };
}

/** Typing a valid ID number fills in the birth date and gender it encodes. */
export function deriveFromIdNumber(form: FormInstance<MemberFormValues>, idNumber: string): void {
  const result = validateIdNumber(idNumber);
  if (!result.ok) return;
  form.setFieldsValue({ birthDate: result.birthDate, gender: result.gender });
  void form.validateFields(['birthDate', 'gender']).catch(() => undefined);
}
