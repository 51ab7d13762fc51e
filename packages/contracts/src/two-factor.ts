import { z } from 'zod';
import { MeSchema } from './auth.js';

/**
 * Second factor (issue 12 point 3; 等保2.0 身份鉴别: two kinds of authentication): a time-based code from an
 * authenticator app on the user's phone (TOTP, RFC 6238: 6 digits, a new one every 30 seconds), or, when the
 * phone is lost, one of 10 single-use recovery codes.
 */
export const TOTP_DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;
/** A recovery code as shown: two groups of five base32 letters and digits, e.g. "k7m2p-x4q9r". */
export const RECOVERY_CODE_PATTERN = /^[a-z2-7]{5}-?[a-z2-7]{5}$/i;
const TOTP_PATTERN = /^\d{6}$/;

/** A code from the phone (during enrolment only this one counts). */
export const TotpCodeBodySchema = z.object({
  code: z.string().trim().regex(TOTP_PATTERN, '验证码应为手机验证器上显示的6位数字').meta({ label: '验证码' }),
}).strict();
export type TotpCodeBody = z.infer<typeof TotpCodeBodySchema>;

/** The second step of sign-in: a code from the phone or a recovery code. */
export const SecondFactorCodeBodySchema = z.object({
  code: z.string().trim().max(16, '验证码不能超过16个字符')
    .refine((v) => TOTP_PATTERN.test(v) || RECOVERY_CODE_PATTERN.test(v), '验证码应为6位数字,或10位恢复码(如 k7m2p-x4q9r)')
    .meta({ label: '验证码' }),
}).strict();
export type SecondFactorCodeBody = z.infer<typeof SecondFactorCodeBodySchema>;

export const SECOND_FACTOR_STEPS = ['verify', 'enrol'] as const;
export type SecondFactorStep = (typeof SECOND_FACTOR_STEPS)[number];

/**
 * The answer to a right password when a second factor is needed: no session yet, only a short-lived pending
 * sign-in (its cookie is sent only to /api/two-factor/sign-in). `verify`: give a code; `enrol`: the town requires a
 * second factor of this role and the user has none yet, so they set one up now.
 */
export const SecondFactorPendingSchema = z.object({
  secondFactor: z.object({
    step: z.enum(SECOND_FACTOR_STEPS),
    /** ISO time after which the password must be given again. */
    expiresAt: z.string(),
    /** Send back in the x-csrf-token header on the sign-in step's requests. */
    csrfToken: z.string(),
  }),
});
export type SecondFactorPending = z.infer<typeof SecondFactorPendingSchema>;

/** POST /api/auth/login: signed in (Me), or a second step is pending. */
export const LoginResultSchema = z.union([MeSchema, SecondFactorPendingSchema]);
export type LoginResult = z.infer<typeof LoginResultSchema>;
export const isSecondFactorPending = (r: LoginResult): r is SecondFactorPending => 'secondFactor' in r;

/** A new secret to scan: the QR code is drawn on the server (no outside service), the key is for typing in by hand. */
export const EnrolmentSchema = z.object({
  /** Base32 key in groups of four, for apps that cannot scan. */
  secret: z.string(),
  /** otpauth:// URI the QR code holds. */
  otpauthUri: z.string(),
  /** data:image/svg+xml;base64 of the QR code. */
  qrCode: z.string(),
});
export type Enrolment = z.infer<typeof EnrolmentSchema>;

/** Shown once: only keyed hashes are kept. */
export const RecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodesSchema>;

/** Enrolment finished during sign-in: the session is open and the recovery codes are shown once. */
export const SignInEnrolledSchema = RecoveryCodesSchema.extend({ me: MeSchema });
export type SignInEnrolled = z.infer<typeof SignInEnrolledSchema>;

export const TwoFactorStatusSchema = z.object({
  enabled: z.boolean(),
  /** The town requires a second factor of this user's role (security.twoFactorRequired). */
  required: z.boolean(),
  /** ISO time the factor was confirmed. */
  enabledAt: z.string().nullable(),
  recoveryCodesLeft: z.number(),
});
export type TwoFactorStatus = z.infer<typeof TwoFactorStatusSchema>;
