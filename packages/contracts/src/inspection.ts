// contract-ready: GET /api/inspection/checklist, GET /api/inspections, POST /api/inspections, GET /api/inspections/:id, POST /api/inspections/:id/results, POST /api/inspections/:id/results/:resultId/photos (multipart `file`), POST /api/inspections/:id/close, GET /api/inspections/:id/report/:format (docx|pdf), GET /api/inspection-files/:fileId, GET /api/rectifications, GET /api/rectifications/:id, POST /api/rectifications/:id/evidence (JSON {note} or multipart: field `note` + optional `file`), POST /api/rectifications/:id/accept, POST /api/rectifications/:id/reopen, GET /api/inspections/:id/rectifications/ledger/:format (docx|pdf)
import { z } from 'zod';
import { DateSchema } from './members.js';

/**
 * 联督联查 (joint_inspection): the town sends a team from 纪委, 组织办 and 民政办 round the villages with a checklist;
 * every item at every village is ok or a finding, and each finding becomes a rectification (整改) task that the
 * village answers with evidence and the inspector accepts or reopens. No central rule names this procedure
 * (domain-rules §2.5: "NOT FOUND as a named procedure"), so it is modelled as inspection tasks with rectification.
 */

export const INSPECTION_DEPARTMENTS = ['discipline', 'organization_dept', 'civil_affairs', 'other'] as const;
export type InspectionDepartment = (typeof INSPECTION_DEPARTMENTS)[number];
export const INSPECTION_DEPARTMENT_LABELS: Record<InspectionDepartment, string> = {
  discipline: '纪委', organization_dept: '组织办', civil_affairs: '民政办', other: '其他',
};
/** A joint round needs someone from each of these (the issue: "a team from 纪委, 组织办 and 民政办"). */
export const REQUIRED_INSPECTION_DEPARTMENTS = ['discipline', 'organization_dept', 'civil_affairs'] as const;

export const INSPECTION_OUTCOMES = ['ok', 'finding'] as const;
export type InspectionOutcome = (typeof INSPECTION_OUTCOMES)[number];
export const INSPECTION_OUTCOME_LABELS: Record<InspectionOutcome, string> = { ok: '合格', finding: '发现问题' };

export const INSPECTION_ROUND_STATUSES = ['open', 'closed'] as const;
export const INSPECTION_ROUND_STATUS_LABELS: Record<(typeof INSPECTION_ROUND_STATUSES)[number], string> = { open: '进行中', closed: '已结束' };

export const RECTIFICATION_STATUSES = ['open', 'submitted', 'accepted', 'reopened'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  open: '待整改', submitted: '已提交整改材料', accepted: '已验收', reopened: '退回重新整改',
};

export const RECTIFICATION_EVENT_KINDS = ['evidence', 'accepted', 'reopened'] as const;
export const RECTIFICATION_EVENT_LABELS: Record<(typeof RECTIFICATION_EVENT_KINDS)[number], string> = {
  evidence: '提交整改材料', accepted: '验收通过', reopened: '退回',
};

/** A checklist item: the four defaults (disclosure, micro_power, duty_roster, cleanliness) or one the town added to a round. */
export const InspectionItemSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** What the inspector looks at (shown on the phone form). */
  lookAt: z.string(),
  isDefault: z.boolean(),
});
export type InspectionItem = z.infer<typeof InspectionItemSchema>;
export const InspectionChecklistSchema = z.object({ items: z.array(InspectionItemSchema) });

export const InspectionTeamMemberSchema = z.object({
  name: z.string().trim().min(2, '检查组成员姓名至少2个字').max(20, '检查组成员姓名不能超过20个字').meta({ label: '姓名' }),
  department: z.enum(INSPECTION_DEPARTMENTS, { message: '部门应为纪委、组织办、民政办或其他' }).meta({ label: '部门' }),
});
/** An item the town adds to the four defaults for one round (copied into the round). */
export const InspectionExtraItemSchema = z.object({
  label: z.string().trim().min(2, '检查事项名称至少2个字').max(30, '检查事项名称不能超过30个字').meta({ label: '检查事项' }),
  lookAt: z.string().trim().max(200, '检查要点不能超过200个字').default('').meta({ label: '检查要点' }),
}).strict();

export const CreateInspectionRoundSchema = z.object({
  title: z.string().trim().min(4, '检查名称至少4个字').max(60, '检查名称不能超过60个字').meta({ label: '检查名称' }),
  startsOn: DateSchema.meta({ label: '开始日期' }),
  endsOn: DateSchema.meta({ label: '结束日期' }),
  team: z.array(InspectionTeamMemberSchema).max(20, '检查组成员不超过20人').meta({ label: '检查组成员' }),
  /** Branch ids of the villages to visit (non-empty). */
  organizationIds: z.array(z.number().int().positive()).max(100).meta({ label: '检查村' }),
  extraItems: z.array(InspectionExtraItemSchema).max(20, '增加的检查事项不超过20项').default([]).meta({ label: '增加的检查事项' }),
}).strict();
export type CreateInspectionRound = z.infer<typeof CreateInspectionRoundSchema>;

export const InspectionProgressSchema = z.object({
  villages: z.number(),
  /** villages × items */
  expected: z.number(),
  recorded: z.number(),
  findings: z.number(),
  /** Rectifications not yet accepted. */
  openRectifications: z.number(),
  escalated: z.number(),
});

export const InspectionRoundSummarySchema = z.object({
  id: z.number(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(INSPECTION_ROUND_STATUSES),
  // The input's length rules stay on the input: a stored round is shown as it is.
  team: z.array(z.object({ name: z.string(), department: z.enum(INSPECTION_DEPARTMENTS) })),
  /** Counts over the villages the caller may see. */
  progress: InspectionProgressSchema,
});
export type InspectionRoundSummary = z.infer<typeof InspectionRoundSummarySchema>;
export const InspectionRoundListSchema = z.object({ items: z.array(InspectionRoundSummarySchema) });

export const InspectionFileSchema = z.object({ id: z.number(), name: z.string(), mime: z.string(), size: z.number(), uploadedAt: z.string() });

export const InspectionResultSchema = z.object({
  id: z.number(),
  itemKey: z.string(),
  outcome: z.enum(INSPECTION_OUTCOMES),
  note: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
  photos: z.array(InspectionFileSchema),
  rectificationId: z.number().nullable(),
  rectificationStatus: z.enum(RECTIFICATION_STATUSES).nullable(),
});
export type InspectionResult = z.infer<typeof InspectionResultSchema>;

export const InspectionRoundDetailSchema = InspectionRoundSummarySchema.extend({
  items: z.array(InspectionItemSchema),
  closedAt: z.string().nullable(),
  /** Only the villages inside the caller's scope (a village sees its own results, never a neighbour's). */
  villages: z.array(z.object({
    organizationId: z.number(),
    organizationName: z.string(),
    results: z.array(InspectionResultSchema),
  })),
  can: z.object({ record: z.boolean(), close: z.boolean() }),
});
export type InspectionRoundDetail = z.infer<typeof InspectionRoundDetailSchema>;

/**
 * Upsert of one item at one village. A finding needs note, ownerName and requiredEvidence; dueOn defaults to
 * today + setting rectification.defaultDays. finding → ok is refused while the finding's rectification is not accepted.
 */
export const RecordInspectionResultSchema = z.object({
  organizationId: z.number().int().positive(),
  itemKey: z.string().min(1).max(40),
  outcome: z.enum(INSPECTION_OUTCOMES, { message: '检查结果应为合格或发现问题' }),
  note: z.string().trim().max(500, '情况说明不能超过500个字').optional().meta({ label: '发现的问题' }),
  ownerName: z.string().trim().max(20, '整改责任人姓名不能超过20个字').optional().meta({ label: '整改责任人' }),
  dueOn: DateSchema.optional().meta({ label: '整改期限' }),
  requiredEvidence: z.string().trim().max(300, '整改佐证要求不能超过300个字').optional().meta({ label: '整改佐证要求' }),
}).strict();
export type RecordInspectionResult = z.infer<typeof RecordInspectionResultSchema>;

export const InspectionResultParamsSchema = z.object({ id: z.coerce.number().int().positive(), resultId: z.coerce.number().int().positive() });
export const InspectionFileParamsSchema = z.object({ fileId: z.coerce.number().int().positive() });
export const InspectionReportParamsSchema = z.object({ id: z.coerce.number().int().positive(), format: z.enum(['docx', 'pdf']) });
/** 整改台账 of a round: the same params as the round's report. */
export const RectificationLedgerParamsSchema = InspectionReportParamsSchema;

export const RectificationEventSchema = z.object({
  id: z.number(),
  kind: z.enum(RECTIFICATION_EVENT_KINDS),
  note: z.string().nullable(),
  byName: z.string().nullable(),
  at: z.string(),
  files: z.array(InspectionFileSchema),
});

export const RectificationSummarySchema = z.object({
  id: z.number(),
  roundId: z.number(),
  roundTitle: z.string(),
  resultId: z.number(),
  organizationId: z.number(),
  organizationName: z.string(),
  itemKey: z.string(),
  itemLabel: z.string(),
  description: z.string(),
  ownerName: z.string(),
  dueOn: z.string(),
  requiredEvidence: z.string(),
  status: z.enum(RECTIFICATION_STATUSES),
  acceptedOn: z.string().nullable(),
  /** dueOn < today and not accepted. */
  late: z.boolean(),
  /** Overdue and so raised to the town board (computed, never stored). */
  escalated: z.boolean(),
  daysOverdue: z.number(),
});
export type RectificationSummary = z.infer<typeof RectificationSummarySchema>;
export const RectificationListSchema = z.object({ items: z.array(RectificationSummarySchema) });

export const RectificationDetailSchema = RectificationSummarySchema.extend({
  resultPhotos: z.array(InspectionFileSchema),
  events: z.array(RectificationEventSchema),
  can: z.object({ submitEvidence: z.boolean(), review: z.boolean() }),
});
export type RectificationDetail = z.infer<typeof RectificationDetailSchema>;

export const RectificationListQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  roundId: z.coerce.number().int().positive().optional(),
  status: z.enum(RECTIFICATION_STATUSES).optional(),
  escalated: z.enum(['true', 'false']).optional(),
});

/** Evidence as JSON; the multipart form carries the same `note` as a field plus an optional `file` (photo or document). */
export const RectificationEvidenceSchema = z.object({
  note: z.string().trim().min(2, '请说明整改情况(至少2个字)').max(1000, '整改情况说明不能超过1000个字').meta({ label: '整改情况' }),
}).strict();
export const ReopenRectificationSchema = z.object({
  reason: z.string().trim().min(2, '退回须写明原因(至少2个字)').max(500, '退回原因不能超过500个字').meta({ label: '退回原因' }),
}).strict();
export const AcceptRectificationSchema = z.object({ note: z.string().trim().max(500, '验收意见不能超过500个字').optional() }).strict();
