import { randomInt } from 'node:crypto';
import { PASSWORD_MAX_LENGTH, type PasswordPolicy } from '@dj/contracts';

/**
 * The one password policy (issue 12 point 2; 安全测试清单第12项): every place a password is set — the self-service
 * change, the forced change after a one-time password, an administrator's new account or reset, `tenant:create` —
 * checks it with these rules (`../password-policy.ts` reads the town's settings into a PasswordPolicy). The rules are the town's settings password.*:
 * - at least password.minLength characters (default 10; ASVS 6.2.1) and at most PASSWORD_MAX_LENGTH;
 * - not a common password: the list of @zxcvbn-ts/language-common (49,233 passwords, MIT), compared case-blind;
 * - not the user name;
 * - in 等保 mode (password.dengbaoMode, GB/T 22239-2019 8.1.4.1a, off by default because ASVS 6.2.5 forbids
 *   composition rules) at least password.complexityClasses kinds of characters, and a new password every
 *   password.maxAgeDays days.
 */

let common: Promise<Set<string>> | undefined;
/**
 * Loaded on first use: the package decompresses its list when imported (about 0.2 s, 49k strings), which a server
 * start or a CLI command that sets no password need not pay.
 */
export async function isCommonPassword(password: string): Promise<boolean> {
  common ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) => new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));
  return (await common).has(password.toLowerCase());
}

const CLASSES: [RegExp, string][] = [[/[A-Z]/, '大写字母'], [/[a-z]/, '小写字母'], [/[0-9]/, '数字'], [/[^A-Za-z0-9]/, '符号']];

export interface PasswordCheckOptions {
  /** The account's user name: the password may not be it. */
  username?: string;
  /**
   * A password the server generated (a one-time password): random, so the common list is skipped; it must still
   * meet the length and, in 等保 mode, the complexity rule.
   */
  generated?: boolean;
}

/** The rule the password breaks, in Chinese and naming the rule, or null when it meets the policy. */
export async function passwordProblem(password: string, policy: PasswordPolicy, options: PasswordCheckOptions = {}): Promise<string | null> {
  const length = [...password].length;
  if (length < policy.minLength) return `密码至少${policy.minLength}位(本镇密码规则:最短长度),当前${length}位`;
  if (length > PASSWORD_MAX_LENGTH) return `密码不能超过${PASSWORD_MAX_LENGTH}个字符`;
  if (!options.generated && (await isCommonPassword(password))) return '该密码是常见密码,容易被猜中,请换一个(本镇密码规则:不得使用常见密码)';
  if (options.username && password.toLowerCase() === options.username.toLowerCase()) return '密码不能与用户名相同';
  if (policy.complexityClasses) {
    const has = CLASSES.filter(([re]) => re.test(password)).length;
    if (has < policy.complexityClasses) {
      return `等保模式下密码须包含大写字母、小写字母、数字、符号中至少${policy.complexityClasses}类,当前${has}类`;
    }
  }
  return null;
}

/** Whether a password set at `changedAt` is past its age in 等保 mode (never outside it). */
export function isPasswordExpired(changedAt: Date, policy: PasswordPolicy, now = new Date()): boolean {
  return policy.maxAgeDays !== null && now.getTime() - changedAt.getTime() > policy.maxAgeDays * 86_400_000;
}

// No 0/O, 1/l/I: a one-time password is read off paper and typed by hand.
const ALPHABET = { upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ', lower: 'abcdefghijkmnopqrstuvwxyz', digit: '23456789', symbol: '#%+=@' };

/**
 * A one-time password for a new account or a reset: 14 characters or the town's minimum if longer (above the
 * default 10, so it meets the policy even in 等保 mode), one of each kind first, shuffled with the CSPRNG.
 */
export function generateOneTimePassword(policy: PasswordPolicy): string {
  const length = Math.max(14, policy.minLength);
  const all = Object.values(ALPHABET).join('');
  const pick = (chars: string) => chars[randomInt(chars.length)];
  const chars = [...Object.values(ALPHABET).map(pick), ...Array.from({ length: length - 4 }, () => pick(all))];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
