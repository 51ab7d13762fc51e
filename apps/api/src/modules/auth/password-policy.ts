import type { PasswordPolicy } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { invalid } from '../../lib/errors.js';
import { settingDefault, settingValues } from '../settings/index.js';
import { passwordProblem, type PasswordCheckOptions } from './rules/password.js';

export { generateOneTimePassword, isCommonPassword, isPasswordExpired, passwordProblem } from './rules/password.js';

/** The town's password policy (settings password.*); the rules themselves are in rules/password.ts. */
const POLICY_KEYS = ['password.minLength', 'password.dengbaoMode', 'password.complexityClasses', 'password.maxAgeDays'] as const;

export async function passwordPolicyOf(db: DbOrTx, tenantId: number): Promise<PasswordPolicy> {
  const v = await settingValues(db, tenantId, POLICY_KEYS);
  const dengbaoMode = v['password.dengbaoMode'] === 1;
  return {
    minLength: v['password.minLength'],
    dengbaoMode,
    complexityClasses: dengbaoMode ? v['password.complexityClasses'] : null,
    maxAgeDays: dengbaoMode ? v['password.maxAgeDays'] : null,
  };
}

/** The registry's defaults, for a password set before any town exists (`tenant:create`'s first admin). */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: settingDefault('password.minLength'), dengbaoMode: settingDefault('password.dengbaoMode') === 1,
  complexityClasses: null, maxAgeDays: null,
};

/** Throws a 400 naming `field` when the password breaks the policy. */
export async function checkPassword(field: string, password: string, policy: PasswordPolicy, options: PasswordCheckOptions = {}): Promise<void> {
  const problem = await passwordProblem(password, policy, options);
  if (problem) throw invalid(field, problem);
}
