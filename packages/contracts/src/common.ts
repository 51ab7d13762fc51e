import { z } from 'zod';

/** Every error body the API sends: a stable code, a Chinese message, and the fields at fault. */
export const ErrorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const IdParamSchema = z.object({ id: z.coerce.number().int().positive() });
export type IdParam = z.infer<typeof IdParamSchema>;

/** How an audited action ended (sign-in lockout included). */
export const AUDIT_RESULTS = ['ok', 'denied', 'failed', 'locked'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

export const OkSchema = z.object({ ok: z.literal(true) });

/** Chinese names of request fields, so that a validation error names the field the user sees. */
export const FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  password: '密码',
  name: '组织名称',
  parentId: '上级组织',
  kind: '组织类型',
  sector: '所属领域',
  isJoint: '联合党支部',
  villageId: '对应行政村',
  reason: '原因',
  rootId: '起始组织',
  range: '范围',
  includeClosed: '显示已撤销',
  id: '编号',
  heldOn: '活动日期',
  place: '地点',
  topic: '主题',
  countsFor: '同时计为',
  host: '主持人',
  recorder: '记录人',
  lecturer: '授课人',
  agenda: '议程',
  minutes: '会议记录',
  resolutions: '决议事项',
  records: '出席名单',
  makeupOn: '补学日期',
};
