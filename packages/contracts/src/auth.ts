import { z } from 'zod';

export const ROLES = ['town_admin', 'supervisor', 'inspector', 'branch_secretary', 'member'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  town_admin: '镇党委管理员',
  supervisor: '包村干部',
  inspector: '纪委/民政检查员',
  branch_secretary: '支部书记',
  member: '党员',
};

export const LoginBodySchema = z.object({
  username: z.string().trim().min(1, '请填写用户名').max(64, '用户名不能超过64个字符').meta({ label: '用户名' }),
  password: z.string().min(1, '请填写密码').max(128, '密码不能超过128个字符').meta({ label: '密码' }),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

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
  }),
  scope: z.array(ScopeRootSchema),
  /** Send back in the x-csrf-token header on every POST/PATCH/PUT/DELETE. */
  csrfToken: z.string(),
});
export type Me = z.infer<typeof MeSchema>;
