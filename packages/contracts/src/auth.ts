import { z } from 'zod';

/** The roles a town grants its own accounts (users administration offers these). */
export const TOWN_ROLES = ['town_admin', 'supervisor', 'inspector', 'branch_secretary', 'member'] as const;
export type TownRole = (typeof TOWN_ROLES)[number];
/**
 * Every role: the town's, and 区委组织部 (district_viewer, issue 17 point 5), held only by an account of a district
 * tenant at the district's root organisation. No town grants it; `npm run tenant:create -- --kind district` creates it.
 */
export const ROLES = [...TOWN_ROLES, 'district_viewer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;
export const TownRoleSchema = z.enum(TOWN_ROLES);

export const ROLE_LABELS: Record<Role, string> = {
  town_admin: '镇党委管理员',
  supervisor: '包村干部',
  inspector: '纪委/民政检查员',
  branch_secretary: '支部书记',
  member: '党员',
  district_viewer: '区委组织部',
};

export const LoginBodySchema = z.object({
  username: z.string().trim().min(1, '请填写用户名').max(64, '用户名不能超过64个字符').meta({ label: '用户名' }),
  password: z.string().min(1, '请填写密码').max(128, '密码不能超过128个字符').meta({ label: '密码' }),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

/**
 * Why the app sent a user to sign in again, told on the sign-in page (`/login?ended=…`): the session ended idle, or
 * reached SESSION_ABSOLUTE_MS since sign-in.
 */
export const SIGN_IN_ENDED_REASONS = ['idle', 'absolute'] as const;
export type SignInEndedReason = (typeof SIGN_IN_ENDED_REASONS)[number];

/**
 * Where the sign-in page sends a user after signing in (`/login?next=…`, set by the app when a session ended): only
 * same-app paths, never the sign-in pages themselves; null for anything else and for the bare '/', so the user lands
 * on their role's page. The server (already signed in) and the page (just signed in) both ask this.
 */
export function safeSignInNext(next: unknown): string | null {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next === '/' || next === '/login' || next.startsWith('/login/') || next.startsWith('/login?')) return null;
  return next;
}

/**
 * Step-up (安全测试清单第26项): the signed-in user re-enters their password before a full 身份证号 or phone
 * leaves the platform (查看完整号码, 导出完整名册); the session may then do so for security.stepUpMinutes.
 */
export const StepUpBodySchema = z.object({
  password: z.string().min(1, '请填写登录密码').max(128, '密码不能超过128个字符').meta({ label: '登录密码' }),
}).strict();
export type StepUpBody = z.infer<typeof StepUpBodySchema>;

export const StepUpResultSchema = z.object({
  /** ISO time until which this session may see and export full numbers without asking again. */
  steppedUpUntil: z.string(),
});
export type StepUpResult = z.infer<typeof StepUpResultSchema>;

/** The error code of a request that needs a step-up first (403): the web asks for the password and retries. */
export const STEP_UP_REQUIRED = 'STEP_UP_REQUIRED';

export const ScopeRootSchema = z.object({ organizationId: z.number(), name: z.string(), path: z.string() });
export type ScopeRoot = z.infer<typeof ScopeRootSchema>;

export const MeSchema = z.object({
  user: z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(RoleSchema),
    tenantId: z.number(),
    tenantName: z.string(),
    /** True when the tenant is the generated demo town: the UI shows a banner. */
    isDemo: z.boolean(),
    /** 适老化 (issue 21 point 3): large text and larger controls, the user's own choice; absent is off. */
    elderMode: z.boolean().optional(),
  }),
  scope: z.array(ScopeRootSchema),
  /**
   * Why this user must change the password before anything else (issue 12 point 2), or null: `one_time` after an
   * account was created or its password reset (a one-time password), `expired` in 等保 mode past password.maxAgeDays.
   * Until then every other route answers 403 PASSWORD_CHANGE_REQUIRED.
   */
  passwordChange: z.enum(['one_time', 'expired']).nullable(),
  /** Send back in the x-csrf-token header on every POST/PATCH/PUT/DELETE. */
  csrfToken: z.string(),
});
export type Me = z.infer<typeof MeSchema>;

/**
 * Session lifetimes (issue 2; 等保 session rules), enforced by the API and read by the web: a session ends after
 * SESSION_IDLE_MS without a request and SESSION_ABSOLUTE_MS after sign-in. The server records a request at most once
 * per SESSION_TOUCH_MS, so the idle end it will apply may come up to that much before the last request + idle: the
 * web's warning before the idle end (WCAG 2.2.1, issue 21 point 3) counts from the earliest of those.
 */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;
export const SESSION_TOUCH_MS = 60_000;
/**
 * Sent (value "1") on requests the page makes by itself, not the user: the reminder bell's poll every minute. The
 * server still checks the session but does not count the request as activity, so an open tab nobody uses still ends
 * after SESSION_IDLE_MS (before issue 21 point 3, the poll kept every visible tab signed in for the 12 hours).
 */
export const BACKGROUND_REQUEST_HEADER = 'x-background-request';

/** The user's own display preferences (issue 21 point 3), changed from the header's 适老化 switch. */
export const PreferencesSchema = z.object({ elderMode: z.boolean().meta({ label: '适老化模式' }) }).strict();
export type Preferences = z.infer<typeof PreferencesSchema>;

/** The error code of every route but the password change, sign-out and "who am I" while a password change is due (403). */
export const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED';

/**
 * The shortest a password may ever be (the lower bound of the town setting password.minLength, ASVS 6.2.1) and the
 * longest accepted (ASVS 6.2.9 asks for at least 64). The town's own minimum is checked by the API and shown by the form.
 */
export const PASSWORD_MIN_LENGTH_FLOOR = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Self-service password change (issue 12 point 2): the current password first; the user's other sessions end. */
export const ChangePasswordBodySchema = z.object({
  currentPassword: z.string().min(1, '请填写当前密码').max(PASSWORD_MAX_LENGTH, `当前密码不能超过${PASSWORD_MAX_LENGTH}个字符`).meta({ label: '当前密码' }),
  newPassword: z.string()
    .min(PASSWORD_MIN_LENGTH_FLOOR, `新密码至少${PASSWORD_MIN_LENGTH_FLOOR}位`)
    .max(PASSWORD_MAX_LENGTH, `新密码不能超过${PASSWORD_MAX_LENGTH}个字符`)
    .meta({ label: '新密码' }),
}).strict();
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;

export const ChangePasswordResultSchema = z.object({
  ok: z.literal(true),
  /** How many other sessions of the user were ended. */
  endedSessions: z.number().int(),
});
export type ChangePasswordResult = z.infer<typeof ChangePasswordResultSchema>;

/** The town's password rules in force (settings password.*), for the change-password form's hints. */
export const PasswordPolicySchema = z.object({
  minLength: z.number().int(),
  /** 等保 mode: complexity and rotation (GB/T 22239-2019 8.1.4.1a). */
  dengbaoMode: z.boolean(),
  /** In 等保 mode, how many of upper case, lower case, digits and symbols a password needs; null otherwise. */
  complexityClasses: z.number().int().nullable(),
  /** In 等保 mode, how many days a password lasts; null otherwise. */
  maxAgeDays: z.number().int().nullable(),
});
export type PasswordPolicy = z.infer<typeof PasswordPolicySchema>;

/** One signed-in device of the user (登录设备): never the token or its hash, only a number to end it by. */
export const SessionInfoSchema = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  /** The address it signed in from. */
  ip: z.string().nullable(),
  /** The session this request came from. */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;
export const SessionListSchema = z.object({ items: z.array(SessionInfoSchema) });
export type SessionList = z.infer<typeof SessionListSchema>;
