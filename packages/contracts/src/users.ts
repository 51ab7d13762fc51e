import { z } from 'zod';
import { RoleSchema, TownRoleSchema } from './auth.js';

/*
 * Accounts a town runs itself (issue 12 points 1 and 4; /settings/users, /api/users). An account signs a person in;
 * what it may do is the list of its role grants, each bound to one organisation (the role × permission table decides
 * what a role may do, the grant's organisation where). A change takes effect on the very next request of every session.
 */

/** A user name: lower-case letters, digits, `.`, `_` and `-`, 3 to 32 characters (stored lower-case; pinyin of the name is usual). */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;
export const USERNAME_MAX = 32;
export const DISPLAY_NAME_MAX = 32;
/** More grants than this on one account is a data-entry slip, not a job (a 包村干部 has a few villages). */
export const GRANTS_MAX = 30;

export const UsernameSchema = z.string().trim().toLowerCase()
  .regex(USERNAME_PATTERN, '用户名应为3至32位小写字母、数字或 . _ -,以字母或数字开头')
  .meta({ label: '用户名' });

/** A role at an organisation: town_admin and inspector at the town committee, a secretary at a branch, a supervisor at each village they cover. */
export const RoleGrantSchema = z.object({
  // A town's own roles only: 区委组织部 belongs to a district tenant and is created by the command line.
  role: TownRoleSchema.meta({ label: '角色' }),
  organizationId: z.number().int().positive().meta({ label: '所属组织' }),
}).strict();
export type RoleGrant = z.infer<typeof RoleGrantSchema>;

export const RoleGrantViewSchema = RoleGrantSchema.extend({ role: RoleSchema, organizationName: z.string() });
export type RoleGrantView = z.infer<typeof RoleGrantViewSchema>;

const GrantsSchema = z.array(RoleGrantSchema).min(1, '至少授予一个角色').max(GRANTS_MAX, `一个账号最多${GRANTS_MAX}项授权`).meta({ label: '角色' });

/**
 * The person an account signs in: a member on the roster (`member`), or someone who is not a party member of a branch
 * here (a cadre, a 纪委 inspector) entered with name and 身份证号 (`other`; gender and birth date follow from the number).
 */
export const AccountPersonSchema = z.discriminatedUnion('kind', [
  /** The roster entry (a member's id, as the member list gives it), not the person behind it. */
  z.object({ kind: z.literal('member'), memberId: z.number().int().positive().meta({ label: '党员' }) }).strict(),
  z.object({
    kind: z.literal('other'),
    name: z.string().trim().min(1, '请填写姓名').max(DISPLAY_NAME_MAX, `姓名不能超过${DISPLAY_NAME_MAX}个字符`).meta({ label: '姓名' }),
    idNumber: z.string().trim().min(15, '身份证号应为18位').max(40).meta({ label: '身份证号' }),
    phone: z.string().trim().max(20).nullable().optional().meta({ label: '联系电话' }),
  }).strict(),
]);
export type AccountPerson = z.input<typeof AccountPersonSchema>;

export const CreateUserBodySchema = z.object({
  username: UsernameSchema,
  displayName: z.string().trim().min(1, '请填写显示名称').max(DISPLAY_NAME_MAX, `显示名称不能超过${DISPLAY_NAME_MAX}个字符`).meta({ label: '显示名称' }),
  person: AccountPersonSchema,
  grants: GrantsSchema,
}).strict();
export type CreateUserBody = z.input<typeof CreateUserBodySchema>;

/** Changing roles replaces the whole list (the form edits the list and sends it back). */
export const UpdateUserBodySchema = z.object({
  displayName: z.string().trim().min(1, '请填写显示名称').max(DISPLAY_NAME_MAX, `显示名称不能超过${DISPLAY_NAME_MAX}个字符`).meta({ label: '显示名称' }).optional(),
  grants: GrantsSchema.optional(),
}).strict();
export type UpdateUserBody = z.input<typeof UpdateUserBodySchema>;

export const USER_STATUSES = ['active', 'disabled', 'locked'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export const USER_STATUS_LABELS: Record<UserStatus, string> = { active: '正常', disabled: '已停用', locked: '已锁定' };

export const UserSummarySchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  /** The person's name and, when on the roster, their branch; never their numbers. */
  person: z.object({ id: z.number().int(), name: z.string(), branchName: z.string().nullable() }).nullable(),
  grants: z.array(RoleGrantViewSchema),
  disabled: z.boolean(),
  /** A password lock in force (account-wide or from any address); a town admin may lift it. */
  locked: z.boolean(),
  /** A one-time password has not been changed yet. */
  mustChangePassword: z.boolean(),
  twoFactorEnrolled: z.boolean(),
  lastSeenAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserSummary = z.infer<typeof UserSummarySchema>;

export const UserListQuerySchema = z.object({
  q: z.string().trim().max(32).optional().meta({ label: '搜索' }),
  role: RoleSchema.optional().meta({ label: '角色' }),
  status: z.enum(USER_STATUSES).optional().meta({ label: '状态' }),
});
export type UserListQuery = z.infer<typeof UserListQuerySchema>;
export const UserListSchema = z.object({ items: z.array(UserSummarySchema) });
export type UserList = z.infer<typeof UserListSchema>;

/** A one-time password is shown once, in this answer only; it is stored hashed and must be changed at first sign-in. */
export const CredentialSchema = z.object({
  userId: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  /** Where the account works (the first grant's organisation), printed on the hand-out sheet. */
  organizationName: z.string(),
  oneTimePassword: z.string(),
});
export type Credential = z.infer<typeof CredentialSchema>;
/** The answer of a password reset: the new one-time password, shown once. A new account's answer adds the account. */
export const ResetPasswordResultSchema = z.object({ credential: CredentialSchema });
export type ResetPasswordResult = z.infer<typeof ResetPasswordResultSchema>;
export const CreateUserResultSchema = ResetPasswordResultSchema.extend({ user: UserSummarySchema });
export type CreateUserResult = z.infer<typeof CreateUserResultSchema>;

/**
 * Bulk accounts (issue 12 point 4): the branch secretaries of the town from the organisation tree (each active 党支部)
 * and the roster (the member of the branch whose 党内职务 includes 书记). One row per branch; a branch with no
 * secretary recorded, whose secretary already has an account, or whose user name someone else holds, is listed
 * with the reason and skipped. POST creates every account the preview says it can, in one transaction.
 */
export const BULK_SKIP_REASONS = ['no_secretary', 'has_account', 'username_taken'] as const;
export type BulkSkipReason = (typeof BULK_SKIP_REASONS)[number];
export const BULK_SKIP_REASON_LABELS: Record<BulkSkipReason, string> = {
  no_secretary: '未登记支部书记', has_account: '已有账号', username_taken: '用户名已被他人使用',
};
/** A branch secretary's user name: `sj` and the branch's number, unique and the same every time. */
export const bulkSecretaryUsername = (organizationId: number) => `sj${organizationId}`;
export const BulkSecretaryRowSchema = z.object({
  organizationId: z.number().int(),
  organizationName: z.string(),
  personId: z.number().int().nullable(),
  personName: z.string().nullable(),
  /** The user name the account would get (a stable pattern from the branch; the admin may rename it later). */
  username: z.string().nullable(),
  skip: z.enum(BULK_SKIP_REASONS).nullable(),
  existingUserId: z.number().int().nullable(),
});
export type BulkSecretaryRow = z.infer<typeof BulkSecretaryRowSchema>;
export const BulkSecretariesPreviewSchema = z.object({ items: z.array(BulkSecretaryRowSchema) });
export type BulkSecretariesPreview = z.infer<typeof BulkSecretariesPreviewSchema>;
/** POST takes no choice: it creates every account the preview marks creatable (an empty object, for the CSRF-checked JSON body). */
export const BulkSecretariesBodySchema = z.object({}).strict();
export const BulkSecretariesResultSchema = z.object({ credentials: z.array(CredentialSchema), skipped: z.array(BulkSecretaryRowSchema) });
export type BulkSecretariesResult = z.infer<typeof BulkSecretariesResultSchema>;

/**
 * The A4 hand-out sheet (PDF) of user names and one-time passwords: rendered from the credentials the browser just
 * received and never stored, because the server keeps only hashes. Used for bulk creation and for a single reset.
 */
export const CredentialSheetBodySchema = z.object({ credentials: z.array(CredentialSchema).min(1).max(500) }).strict();
export type CredentialSheetBody = z.input<typeof CredentialSheetBodySchema>;

export const UserSessionParamsSchema = z.object({ id: z.coerce.number().int().positive(), sessionId: z.coerce.number().int().positive() });
export type UserSessionParams = z.infer<typeof UserSessionParamsSchema>;
