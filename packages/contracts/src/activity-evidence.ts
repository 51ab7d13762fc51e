import { z } from 'zod';
import { ACTIVITY_REVIEW_STATUSES, ATTENDANCE_STATES, ActivityKindSchema } from './activity-kinds.js';
import { DateSchema } from './members.js';

/** What in a record satisfies a checklist item: a file of a category, the supervisor, the upload record, or a hand check. */
export const CHECKLIST_SATISFIED_BY = ['plan', 'material', 'supervisor', 'photo', 'upload', 'confirm'] as const;
export const CHECKLIST_SATISFIED_BY_LABELS: Record<(typeof CHECKLIST_SATISFIED_BY)[number], string> = {
  plan: '上传活动方案', material: '上传学习资料', supervisor: '指定督导干部', photo: '上传现场照片', upload: '登记灯塔上传', confirm: '书记确认',
};
export const ChecklistItemDefSchema = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,32}$/, '条目代码只能用小写字母、数字和下划线').meta({ label: '条目代码' }),
  label: z.string().trim().min(1).max(60).meta({ label: '条目' }),
  satisfiedBy: z.enum(CHECKLIST_SATISFIED_BY).meta({ label: '确认方式' }),
}).strict();
export const SaveChecklistTemplateSchema = z.object({
  name: z.string().trim().min(1).max(40).meta({ label: '名称' }),
  kinds: z.array(ActivityKindSchema).min(1, '至少选择一种组织生活类型').meta({ label: '组织生活类型' }),
  items: z.array(ChecklistItemDefSchema).min(1, '至少一个条目').max(20).meta({ label: '条目' }),
  source: z.string().trim().max(200).nullable().optional().meta({ label: '来源说明' }),
  active: z.boolean().optional().meta({ label: '启用' }),
}).strict();
export type SaveChecklistTemplate = z.infer<typeof SaveChecklistTemplateSchema>;
export const ChecklistTemplateSchema = SaveChecklistTemplateSchema.extend({ id: z.number(), source: z.string().nullable(), active: z.boolean() });
export type ChecklistTemplate = z.infer<typeof ChecklistTemplateSchema>;
export const ChecklistTemplateListSchema = z.object({ items: z.array(ChecklistTemplateSchema) });

export const FILE_CATEGORIES = ['photo', 'plan', 'material', 'attachment'] as const;
export const FILE_CATEGORY_LABELS: Record<(typeof FILE_CATEGORIES)[number], string> = {
  photo: '现场照片', plan: '活动方案', material: '学习资料', attachment: '其他附件',
};
export const ActivityFileSchema = z.object({
  id: z.number(),
  category: z.enum(FILE_CATEGORIES),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  /** From the photo's EXIF; null when the camera did not record it. */
  capturedAt: z.string().nullable(),
  /** The upload carried a location, which was removed before storage. */
  hadLocation: z.boolean(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  /** Other activities that already used a visually identical photo (flagged, never rejected). */
  reusedIn: z.array(z.object({ activityId: z.number().nullable(), label: z.string() })),
});
export type ActivityFile = z.infer<typeof ActivityFileSchema>;

export const ChecklistStatusSchema = z.object({
  templateId: z.number(),
  name: z.string(),
  items: z.array(z.object({
    key: z.string(), label: z.string(), satisfiedBy: z.enum(CHECKLIST_SATISFIED_BY), done: z.boolean(),
    /** The file, person or record that satisfies it, in words. */
    evidence: z.string().nullable(),
    fileIds: z.array(z.number()),
  })),
});
export type ChecklistStatus = z.infer<typeof ChecklistStatusSchema>;
export const CheckItemSchema = z.object({
  templateId: z.number().int().positive(), itemKey: z.string().max(32), done: z.boolean(), note: z.string().trim().max(200).nullable().optional(),
}).strict();

export const REVIEW_ACTIONS = ['comment', 'submit', 'sign_off', 'return'] as const;
export const REVIEW_STATUS_LABELS = { none: '未提交', submitted: '待督导签认', signed_off: '已签认', returned: '已退回' } as const;
export const ReviewBodySchema = z.object({ action: z.enum(REVIEW_ACTIONS), text: z.string().trim().max(1000).nullable().optional().meta({ label: '意见' }) }).strict();
export type ReviewBody = z.infer<typeof ReviewBodySchema>;
export const ReviewSchema = z.object({ id: z.number(), action: z.enum(REVIEW_ACTIONS), text: z.string().nullable(), userName: z.string(), createdAt: z.string() });

export const SupervisorBodySchema = z.object({ userId: z.number().int().positive().nullable() }).strict();
/** A member's answer to an activity notice: coming, or asking for leave. */
export const ACTIVITY_RESPONSES = ['confirm', 'leave'] as const;
export const ResponseBodySchema = z.object({
  response: z.enum(ACTIVITY_RESPONSES), reason: z.string().trim().max(200).nullable().optional().meta({ label: '请假原因' }),
}).strict();
export const ResponseSchema = z.object({ memberId: z.number(), name: z.string(), response: z.enum(ACTIVITY_RESPONSES), reason: z.string().nullable(), respondedAt: z.string() });

export const QuorumSchema = z.object({
  fullMembers: z.number(), probationaryMembers: z.number(), presentFull: z.number(), presentProbationary: z.number(),
  required: z.number(), met: z.boolean(), message: z.string(), source: z.string(),
});
export const VoteBodySchema = z.object({
  subject: z.string().trim().min(1).max(200).meta({ label: '表决事项' }),
  writtenOpinions: z.number().int().min(0).optional().meta({ label: '书面意见' }),
  inFavour: z.number().int().min(0).meta({ label: '赞成' }),
  against: z.number().int().min(0).meta({ label: '反对' }),
  abstain: z.number().int().min(0).meta({ label: '弃权' }),
}).strict();
export type VoteBody = z.infer<typeof VoteBodySchema>;
export const VoteSchema = VoteBodySchema.extend({
  id: z.number(), votingMembers: z.number(), presentFull: z.number(), presentProbationary: z.number(), writtenOpinions: z.number(),
  passed: z.boolean(), recordedAt: z.string(),
});

export const UploadBodySchema = z.object({
  uploadedOn: DateSchema.meta({ label: '上传日期' }),
  uploadedBy: z.string().trim().min(1).max(40).meta({ label: '上传人' }),
  reference: z.string().trim().min(1).max(100).meta({ label: '灯塔记录编号' }),
}).strict();
export const UploadSchema = UploadBodySchema.extend({ recordedAt: z.string() });

export const APPRAISAL_GRADE_VALUES = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
export const APPRAISAL_GRADE_TEXT: Record<(typeof APPRAISAL_GRADE_VALUES)[number], string> = {
  excellent: '优秀', qualified: '合格', basically_qualified: '基本合格', unqualified: '不合格',
};
export const AppraisalBodySchema = z.object({
  grades: z.array(z.object({ memberId: z.number().int().positive(), grade: z.enum(APPRAISAL_GRADE_VALUES).nullable() }).strict()).max(2000),
  /** The 支委会 may exceed the usual one-third of 优秀 ("一般不超过"): saving then needs this confirmation. */
  confirmExcellentOverLimit: z.boolean().optional(),
}).strict();
export type AppraisalBody = z.infer<typeof AppraisalBodySchema>;
export const AppraisalSchema = z.object({
  members: z.array(z.object({
    memberId: z.number(), name: z.string(), standing: z.string(), grade: z.enum(APPRAISAL_GRADE_VALUES).nullable(),
  })),
  /** 正式党员 graded: the base of the one-third ceiling. */
  graded: z.number(),
  excellentLimit: z.number(),
  warnings: z.array(z.string()),
  sources: z.array(z.string()),
});

export const ActivityEvidenceSchema = z.object({
  agendaParts: z.array(z.object({ kind: ActivityKindSchema, text: z.string() })),
  guests: z.array(z.object({ name: z.string(), note: z.string().nullable() })),
  supervisor: z.object({ userId: z.number(), name: z.string() }).nullable(),
  reviewStatus: z.enum(ACTIVITY_REVIEW_STATUSES),
  reviews: z.array(ReviewSchema),
  responses: z.array(ResponseSchema),
  files: z.array(ActivityFileSchema),
  checklists: z.array(ChecklistStatusSchema),
  /** Shown before a vote is recorded, for activities that count as a 支部党员大会. */
  quorum: QuorumSchema.nullable(),
  votes: z.array(VoteSchema),
  upload: UploadSchema.nullable(),
  /** For activities that count as 民主评议党员. */
  appraisal: AppraisalSchema.nullable(),
});

export const ASSIGNMENT_ROLES = ['supervisor'] as const;
export const SupervisorAssignmentsSchema = z.object({
  supervisors: z.array(z.object({ userId: z.number(), name: z.string() })),
  branches: z.array(z.object({ organizationId: z.number(), organizationName: z.string(), supervisorIds: z.array(z.number()) })),
});
export const PutAssignmentsSchema = z.object({ organizationId: z.number().int().positive(), userIds: z.array(z.number().int().positive()).max(10) }).strict();

export const SupervisionQueueSchema = z.object({
  /** Plans ahead of the day, to read and comment on. */
  plans: z.array(z.object({ id: z.number(), organizationName: z.string(), kind: ActivityKindSchema, heldOn: z.string(), topic: z.string(), comments: z.number() })),
  /**
   * Records submitted for sign-off, overdue first, then by the day the sign-off is due (submitted + the town's
   * supervision.signOffDays setting). The branch meanwhile reads 已开展·待签认, never 逾期.
   */
  toSignOff: z.array(z.object({
    id: z.number(), organizationName: z.string(), kind: ActivityKindSchema, heldOn: z.string(), topic: z.string(), submittedAt: z.string(),
    signOffDueOn: z.string(), overdue: z.boolean(),
  })),
});

export const LEDGER_FORMATS = ['docx', 'pdf'] as const;
export const LedgerQuerySchema = z.object({
  orgId: z.coerce.number().int().positive(),
  /** YYYY for the yearly ledger, YYYY-MM for the monthly one. */
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, '期间应为 YYYY 或 YYYY-MM'),
  format: z.enum(LEDGER_FORMATS).default('pdf'),
});
export const ACTIVITY_DOCUMENTS = ['minutes.docx', 'minutes.pdf', 'signin.docx', 'signin.pdf', 'dengta.zip'] as const;
export const ActivityDocParamSchema = z.object({ id: z.coerce.number().int().positive(), doc: z.enum(ACTIVITY_DOCUMENTS) });
export const FileParamSchema = z.object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() });

export const MyActivitySchema = z.object({
  id: z.number(), kind: ActivityKindSchema, heldOn: z.string(), place: z.string(), topic: z.string(), organizationName: z.string(),
  myResponse: z.enum(ACTIVITY_RESPONSES).nullable(), myAttendance: z.enum(ATTENDANCE_STATES).nullable(),
  /** Already held: its day has passed, or the secretary has recorded who came (a meeting earlier today). */
  held: z.boolean(),
  /** Asked for 参加/请假: not held yet and the member is expected at it (a 党小组会 of another group is not theirs). */
  canRespond: z.boolean(),
});
export const MyActivityListSchema = z.object({ items: z.array(MyActivitySchema) });
