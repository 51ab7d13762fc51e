import { describe, expect, it } from 'vitest';
import type { PasswordPolicy } from '@dj/contracts';
import { generateOneTimePassword, isCommonPassword, isPasswordExpired, passwordProblem } from './password.js';

/** 安全测试清单第12项 (password policy) and issue 12 point 2: the rules every place a password is set applies. */
const POLICY: PasswordPolicy = { minLength: 10, dengbaoMode: false, complexityClasses: null, maxAgeDays: null };
const DENGBAO: PasswordPolicy = { minLength: 10, dengbaoMode: true, complexityClasses: 3, maxAgeDays: 90 };

describe('password rules', () => {
  it('refuses a password shorter than the town minimum, naming the rule and the length', async () => {
    expect(await passwordProblem('Zq7#kd9x', POLICY)).toBe('密码至少10位(本镇密码规则:最短长度),当前8位');
    expect(await passwordProblem('Zq7#kd9xwp', POLICY)).toBeNull();
    expect(await passwordProblem('Zq7#kd9xwp', { ...POLICY, minLength: 12 })).toMatch(/^密码至少12位/);
    // Characters, not UTF-16 units: ten Chinese characters are ten.
    expect(await passwordProblem('党建引领乡村振兴平台', POLICY)).toBeNull();
  });

  it('accepts 64 characters and more (ASVS 6.2.9), up to the contract maximum', async () => {
    expect(await passwordProblem('x7'.repeat(32), POLICY)).toBeNull();
    expect(await passwordProblem('x7'.repeat(65), POLICY)).toBe('密码不能超过128个字符');
  });

  it('refuses the common-password list case-blind, and says it is a common password', async () => {
    for (const common of ['1qaz2wsx3edc', 'qwertyuiop', 'password123', '1234567890', 'Aa123456789']) {
      expect(await isCommonPassword(common), common).toBe(true);
      expect(await passwordProblem(common, POLICY), common).toBe('该密码是常见密码,容易被猜中,请换一个(本镇密码规则:不得使用常见密码)');
    }
    expect(await passwordProblem('PASSWORD123', POLICY)).toMatch(/常见密码/);
    expect(await isCommonPassword('营子村支部2026红旗渠')).toBe(false);
  });

  it('refuses the user name as the password', async () => {
    expect(await passwordProblem('zhangsan_01', POLICY, { username: 'Zhangsan_01' })).toBe('密码不能与用户名相同');
  });

  it('asks for kinds of characters only in 等保 mode, naming how many', async () => {
    expect(await passwordProblem('zqkdxwpmtr', POLICY)).toBeNull();
    expect(await passwordProblem('zqkdxwpmt7', DENGBAO)).toBe('等保模式下密码须包含大写字母、小写字母、数字、符号中至少3类,当前2类');
    expect(await passwordProblem('Zqkdxwpmt7', DENGBAO)).toBeNull();
    expect(await passwordProblem('Zqkdxwpm#7', { ...DENGBAO, complexityClasses: 4 })).toBeNull();
  });

  it('a password expires only in 等保 mode, after maxAgeDays', () => {
    const now = new Date('2026-12-05T08:00:00Z');
    const old = new Date('2026-09-05T07:00:00Z');
    expect(isPasswordExpired(old, POLICY, now)).toBe(false);
    expect(isPasswordExpired(old, DENGBAO, now)).toBe(true);
    expect(isPasswordExpired(new Date('2026-09-07T08:00:00Z'), DENGBAO, now)).toBe(false);
  });

  it('one-time passwords are long, random, pass the 等保 rules and skip only the common list', async () => {
    const made = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const otp = generateOneTimePassword(DENGBAO);
      expect(otp).toMatch(/^[A-HJ-NP-Za-km-z2-9#%+=@]{14}$/);
      expect(await passwordProblem(otp, { ...DENGBAO, complexityClasses: 4 }, { generated: true })).toBeNull();
      made.add(otp);
    }
    expect(made.size).toBe(50);
    expect(generateOneTimePassword({ ...POLICY, minLength: 20 })).toHaveLength(20);
  });
});
