import { z } from 'zod';
import { DateSchema } from './members.js';
import { ActivityEvidenceSchema } from './activity-evidence.js';
import { ACTIVITY_KINDS, ACTIVITY_REVIEW_STATUSES, ATTENDANCE_STATES, ActivityKindSchema } from './activity-kinds.js';

export { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, ACTIVITY_REVIEW_STATUSES, ATTENDANCE_STATES, ActivityKindSchema, type ActivityKind } from './activity-kinds.js';

const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** One typed agenda of a 三日合一, per day it combines. */
export const AgendaPartSchema = z.object({ kind: ActivityKindSchema.meta({ label: '活动类型' }), text: z.string().trim().max(5000).meta({ label: '议程' }) }).strict();
/** A 群众 attending (not on the roster). */
export const ActivityGuestSchema = z.object({ name: text(40).meta({ label: '姓名' }), note: optionalText(100).meta({ label: '备注' }) }).strict();

export const CreateActivitySchema = z.object({
  organizationId: z.number().int().positive().meta({ label: '党支部' }),
  groupId: z.number().int().positive().nullable().optional().meta({ label: '党小组' }),
  kind: ActivityKindSchema.meta({ label: '活动类型' }),
  /** Further kinds this activity counts for; checked against the allowed combinations on the server. */
  countsFor: z.array(z.string()).max(ACTIVITY_KINDS.length).optional().meta({ label: '同时计为' }),
  heldOn: DateSchema.meta({ label: '活动日期' }),
  place: text(100).meta({ label: '地点' }),
  topic: text(200).meta({ label: '主题' }),
  host: optionalText(40).meta({ label: '主持人' }),
  recorder: optionalText(40).meta({ label: '记录人' }),
  lecturer: optionalText(40).meta({ label: '授课人' }),
  agenda: optionalText(5000).meta({ label: '议程' }),
  minutes: optionalText(20000).meta({ label: '会议记录' }),
  resolutions: optionalText(5000).meta({ label: '决议事项' }),
  /** 三日合一: one typed agenda for each day it combines. */
  agendaParts: z.array(AgendaPartSchema).max(3).optional().meta({ label: '分日议程' }),
  /** 群众 attending (not on the roster). */
  guests: z.array(ActivityGuestSchema).max(200).optional().meta({ label: '列席群众' }),
}).strict();
export type CreateActivity = z.infer<typeof CreateActivitySchema>;

export const UpdateActivitySchema = CreateActivitySchema.omit({ organizationId: true }).partial().strict();
export type UpdateActivity = z.infer<typeof UpdateActivitySchema>;

export const AttendanceSummarySchema = z.object({ present: z.number(), excused: z.number(), absent: z.number() });

export const ActivitySchema = z.object({
  id: z.number(),
  organizationId: z.number(),
  organizationName: z.string(),
  groupId: z.number().nullable(),
  groupName: z.string().nullable(),
  kind: ActivityKindSchema,
  countsFor: z.array(ActivityKindSchema),
  /** Every requirement this activity counts for (its own kind, 三日合一's three, and allowed countsFor). */
  countedAs: z.array(ActivityKindSchema),
  heldOn: z.string(),
  place: z.string(),
  topic: z.string(),
  host: z.string().nullable(),
  recorder: z.string().nullable(),
  lecturer: z.string().nullable(),
  status: z.string(),
  isDemo: z.boolean(),
  attendance: AttendanceSummarySchema,
  reviewStatus: z.enum(ACTIVITY_REVIEW_STATUSES),
  supervisorUserId: z.number().nullable(),
});
export type Activity = z.infer<typeof ActivitySchema>;
export const ActivityListSchema = z.object({ items: z.array(ActivitySchema) });

export const ActivityListQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional().meta({ label: '党组织' }),
  from: DateSchema.optional().meta({ label: '开始日期' }),
  to: DateSchema.optional().meta({ label: '结束日期' }),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuerySchema>;

export const AttendanceRecordSchema = z.object({
  memberId: z.number().int().positive().meta({ label: '党员' }),
  state: z.enum(ATTENDANCE_STATES).meta({ label: '出席情况' }),
  reason: optionalText(200).meta({ label: '原因' }),
  makeupOn: DateSchema.nullable().optional().meta({ label: '补学日期' }),
}).strict();
export const AttendanceBodySchema = z.object({ records: z.array(AttendanceRecordSchema).max(2000).meta({ label: '出席名单' }) }).strict();
export type AttendanceBody = z.infer<typeof AttendanceBodySchema>;

export const ActivityDetailSchema = ActivitySchema.extend({
  agenda: z.string().nullable(),
  minutes: z.string().nullable(),
  resolutions: z.string().nullable(),
  attendances: z.array(z.object({
    memberId: z.number(), name: z.string(), state: z.enum(ATTENDANCE_STATES), reason: z.string().nullable(), makeupOn: z.string().nullable(),
  })),
  /** Members expected: the branch's active members (the group's, for a 党小组会). */
  expected: z.array(z.object({ memberId: z.number(), name: z.string() })),
  can: z.object({ edit: z.boolean(), review: z.boolean(), assignSupervisor: z.boolean() }),
}).extend(ActivityEvidenceSchema.shape);
export type ActivityDetail = z.infer<typeof ActivityDetailSchema>;

export const ComplianceQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  period: MonthSchema.optional(),
});
export type ComplianceQuery = z.infer<typeof ComplianceQuerySchema>;

/**
 * awaiting_sign_off: held in time, guided by a supervisor and not yet signed off (已开展·待签认). Never 'late' for the
 * branch: an overdue sign-off is the supervisor's (SupervisionQueue.toSignOff[].overdue).
 */
export const COMPLIANCE_STATUSES = ['done', 'awaiting_sign_off', 'due', 'due_soon', 'late'] as const;
export const ComplianceRowSchema = z.object({
  ruleKey: z.string(),
  kind: ActivityKindSchema,
  label: z.string(),
  groupId: z.number().nullable(),
  periodLabel: z.string(),
  deadline: z.string(),
  expected: z.number(),
  done: z.number(),
  unit: z.enum(['times', 'members']),
  status: z.enum(COMPLIANCE_STATUSES),
  /** Held and guided by a supervisor, waiting for the sign-off before it counts as done. */
  awaitingSignOff: z.number(),
  source: z.string(),
});
export const ComplianceSchema = z.object({
  period: z.string(),
  branches: z.array(z.object({
    organizationId: z.number(),
    organizationName: z.string(),
    rows: z.array(ComplianceRowSchema),
    summary: z.object({ total: z.number(), done: z.number(), awaitingSignOff: z.number(), due: z.number(), dueSoon: z.number(), late: z.number() }),
  })),
});
export type Compliance = z.infer<typeof ComplianceSchema>;

/** Who would be expected at an activity not recorded yet: the form lists them before the first save. */
export const ExpectedQuerySchema = z.object({
  orgId: z.coerce.number().int().positive(),
  kind: ActivityKindSchema,
  heldOn: DateSchema,
  groupId: z.coerce.number().int().positive().optional(),
});
export const ExpectedListSchema = z.object({ items: z.array(z.object({ memberId: z.number(), name: z.string() })) });
