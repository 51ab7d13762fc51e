import { z } from 'zod';
import { DateSchema, GENDERS, MemberProfileSchema } from './members.js';
import { PastDateSchema } from './dates.js';

/**
 * 发展党员: one recruitment per person through the steps of 《中国共产党发展党员工作细则》(2014). The steps are data
 * (a tenant may add its province's steps); the central rules that can refuse a step live in the API's rule module.
 */

export const RECRUITMENT_STAGES = [1, 2, 3, 4, 5] as const;
export const RECRUITMENT_STAGE_LABELS: Record<number, string> = {
  1: '申请入党', 2: '入党积极分子的确定和培养教育', 3: '发展对象的确定和考察', 4: '预备党员的接收', 5: '预备党员的教育考察和转正',
};

/** Who acts at a step. party_committee steps are recorded by the town (镇党委), the others by the branch. */
export const STEP_ACTORS = ['applicant', 'branch', 'branch_committee', 'branch_meeting', 'party_committee'] as const;
export type StepActor = (typeof STEP_ACTORS)[number];
export const STEP_ACTOR_LABELS: Record<StepActor, string> = {
  applicant: '申请人', branch: '党支部', branch_committee: '支部委员会', branch_meeting: '支部大会', party_committee: '上级党委(镇党委)',
};

/** The body that decided, recorded on each step. */
export const DECIDING_BODIES = ['branch', 'branch_committee', 'branch_meeting', 'party_committee'] as const;
export const DECIDING_BODY_LABELS: Record<(typeof DECIDING_BODIES)[number], string> = {
  branch: '党支部', branch_committee: '支委会', branch_meeting: '支部大会', party_committee: '上级党委',
};

export const StepDefinitionSchema = z.object({
  code: z.string(),
  name: z.string(),
  stage: z.number(),
  position: z.number(),
  actor: z.enum(STEP_ACTORS),
  requiredDocuments: z.array(z.string()),
  /** Optional steps (a province's additions, usually) may be passed over. */
  required: z.boolean(),
  /** May be recorded more than once (考察 every half year). */
  repeatable: z.boolean(),
  isCentral: z.boolean(),
  /** The rule shown on the form before the user submits. */
  guidance: z.string(),
});
export type StepDefinition = z.infer<typeof StepDefinitionSchema>;

export const CreateStepSchema = z.object({
  name: z.string().trim().min(2, '步骤名称至少2个字').max(40, '步骤名称不能超过40个字'),
  afterCode: z.string().min(1, '请选择插入在哪一步之后'),
  actor: z.enum(STEP_ACTORS),
  requiredDocuments: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
  required: z.boolean().default(false),
  guidance: z.string().trim().max(300).default(''),
}).strict();

export const RuleMessageSchema = z.object({
  rule: z.string(),
  message: z.string(),
  /** Article or setting the rule comes from. */
  source: z.string(),
});
export type RuleMessage = z.infer<typeof RuleMessageSchema>;

export const MeetingVoteSchema = z.object({
  /** 应到会有表决权的正式党员 */
  eligible: z.number().int().min(1, '应到会有表决权人数至少1人').max(2000).meta({ label: '应到会有表决权人数' }),
  present: z.number().int().min(0).max(2000).meta({ label: '实到会有表决权人数' }),
  yes: z.number().int().min(0).max(2000).meta({ label: '赞成' }),
  no: z.number().int().min(0).max(2000).default(0).meta({ label: '反对' }),
  abstain: z.number().int().min(0).max(2000).default(0).meta({ label: '弃权' }),
});

/** Step-specific facts; which ones a step needs is checked by the rules, with the field named in the message. */
export const StepDetailsSchema = z.object({
  /** talk / committee_talk */
  talker: z.string().trim().max(40).optional().meta({ label: '谈话人' }),
  summary: z.string().trim().max(2000).optional().meta({ label: '谈话情况' }),
  /** mentors (1–2) and sponsors (2): full members */
  memberIds: z.array(z.number().int().positive()).max(4).optional().meta({ label: '培养联系人或入党介绍人' }),
  /** political_review */
  conclusion: z.enum(['pass', 'fail']).optional().meta({ label: '政治审查结论' }),
  /** training */
  trainingDays: z.number().min(0).max(60).optional().meta({ label: '培训天数' }),
  trainingHours: z.number().min(0).max(500).optional().meta({ label: '培训学时' }),
  certificateNo: z.string().trim().max(40).optional().meta({ label: '结业证书编号' }),
  /** training: the 发展对象培训 session (education module); its days and the person's credited hours replace the typed ones. */
  trainingSessionId: z.number().int().positive().optional().meta({ label: '发展对象培训' }),
  /** pre_review: a date the person will leave the unit, if known (3-month rule) */
  leavingOn: DateSchema.optional().meta({ label: '预计离开工作、学习单位的日期' }),
  /** admission_meeting / confirmation_meeting */
  vote: MeetingVoteSchema.optional().meta({ label: '表决结果' }),
  /** confirmation_meeting */
  decision: z.enum(['confirm', 'extend', 'cancel']).optional().meta({ label: '支部大会决定' }),
  extensionMonths: z.number().int().min(1).max(24).optional().meta({ label: '延长预备期月数' }),
  /** admission_approval / confirmation_approval */
  approved: z.boolean().optional().meta({ label: '审批结果' }),
  /** approval past 3 months: the special circumstance */
  delayReason: z.string().trim().max(200).optional().meta({ label: '超过三个月审批的特殊情况' }),
  /** placement */
  groupId: z.number().int().positive().nullable().optional().meta({ label: '编入党小组' }),
}).strict();
export type StepDetails = z.infer<typeof StepDetailsSchema>;

export const RecordStepSchema = z.object({
  stepCode: z.string().min(1),
  occurredOn: PastDateSchema.meta({ label: '日期' }),
  decidedBy: z.enum(DECIDING_BODIES).optional().meta({ label: '决定机构' }),
  note: z.string().trim().max(500).optional().meta({ label: '备注' }),
  details: StepDetailsSchema.default({}),
}).strict();
export type RecordStep = z.input<typeof RecordStepSchema>;

export const StepCheckSchema = z.object({
  blocks: z.array(RuleMessageSchema),
  warnings: z.array(RuleMessageSchema),
  guidance: z.string(),
});
export type StepCheck = z.infer<typeof StepCheckSchema>;

export const RecordOutcomeSchema = z.object({
  /** 未通过 */
  label: z.string(),
  message: z.string(),
  /** The article the result follows from. */
  source: z.string(),
  /** What the branch may do next. */
  next: z.string(),
});

export const StepRecordSchema = z.object({
  id: z.number(),
  stepCode: z.string(),
  stepName: z.string(),
  stage: z.number(),
  occurredOn: z.string(),
  decidedBy: z.enum(DECIDING_BODIES).nullable(),
  note: z.string().nullable(),
  details: StepDetailsSchema,
  /** Advisory rules the step was recorded against: kept, never hidden. */
  warnings: z.array(RuleMessageSchema),
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
  files: z.array(z.object({ id: z.number(), name: z.string(), size: z.number() })),
  /** The caller may void this record now: only the latest one, and only when no roster entry hangs on it. */
  voidable: z.boolean(),
  /** A 支部大会 vote that did not pass: recorded as 未通过, with the rule and what may follow. Null otherwise. */
  outcome: RecordOutcomeSchema.nullable(),
});
export type StepRecord = z.infer<typeof StepRecordSchema>;

/** A record voided by mistake: kept and shown (never lose a record) but no rule, phase or document reads it. */
export const VoidedRecordSchema = z.object({
  id: z.number(),
  stepCode: z.string(),
  stepName: z.string(),
  occurredOn: z.string(),
  recordedByName: z.string().nullable(),
  voidedAt: z.string(),
  voidedByName: z.string().nullable(),
  reason: z.string(),
  /** Its attachments stay downloadable. */
  files: z.array(z.object({ id: z.number(), name: z.string(), size: z.number() })),
});
export type VoidedRecord = z.infer<typeof VoidedRecordSchema>;

export const VoidRecordSchema = z.object({
  reason: z.string().trim().min(2, '请填写作废原因(至少2个字)').max(200, '作废原因不能超过200个字').meta({ label: '作废原因' }),
}).strict();
export type VoidRecord = z.input<typeof VoidRecordSchema>;

export const RECRUITMENT_STATUSES = ['active', 'probationary', 'confirmed', 'stopped'] as const;
export const RECRUITMENT_STATUS_LABELS: Record<(typeof RECRUITMENT_STATUSES)[number], string> = {
  active: '培养中', probationary: '预备党员', confirmed: '已转正', stopped: '已终止',
};

/** Where a person stands in the pipeline (the board's columns). */
export const PIPELINE_PHASES = ['applicant', 'activist', 'candidate', 'probationary'] as const;
export type PipelinePhase = (typeof PIPELINE_PHASES)[number];
export const PIPELINE_PHASE_LABELS: Record<PipelinePhase, string> = {
  applicant: '入党申请人', activist: '入党积极分子', candidate: '发展对象', probationary: '预备党员',
};

export const DeadlineSchema = z.object({
  label: z.string(),
  date: z.string(),
  status: z.enum(['due', 'due_soon', 'late']),
  /** A central rule (blocks when missed) or a local setting (warns). */
  binding: z.boolean(),
  source: z.string(),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

export const NextStepSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** Not before this date (e.g. one year as 积极分子). */
  earliest: z.string().nullable(),
  /** By this date (e.g. approval within 3 months). */
  dueBy: z.string().nullable(),
});

export const RELATION_KINDS = ['mentor', 'sponsor', 'contact'] as const;
export const RELATION_KIND_LABELS: Record<(typeof RELATION_KINDS)[number], string> = {
  mentor: '培养联系人', sponsor: '入党介绍人', contact: '镇党委委员联系',
};
export const RelationSchema = z.object({
  id: z.number(),
  kind: z.enum(RELATION_KINDS),
  memberId: z.number(),
  memberName: z.string(),
  since: z.string(),
  until: z.string().nullable(),
});
export const CreateRelationSchema = z.object({
  kind: z.enum(RELATION_KINDS).meta({ label: '类别' }),
  memberId: z.number().int().positive().meta({ label: '党员' }),
  since: PastDateSchema.meta({ label: '起始日期' }),
}).strict();
export const EndRelationSchema = z.object({ until: PastDateSchema.meta({ label: '结束日期' }) }).strict();

export const PUBLIC_NOTICE_STAGES = ['activist', 'candidate', 'admission', 'confirmation'] as const;
export const PUBLIC_NOTICE_STAGE_LABELS: Record<(typeof PUBLIC_NOTICE_STAGES)[number], string> = {
  activist: '确定入党积极分子', candidate: '确定发展对象', admission: '拟接收预备党员', confirmation: '预备党员拟转正',
};
export const PUBLIC_NOTICE_OUTCOMES = ['no_objection', 'objection_dismissed', 'objection_upheld'] as const;
export const PUBLIC_NOTICE_OUTCOME_LABELS: Record<(typeof PUBLIC_NOTICE_OUTCOMES)[number], string> = {
  no_objection: '无异议', objection_dismissed: '有反映,经核实不影响', objection_upheld: '有反映,经核实暂缓',
};
export const PublicNoticeSchema = z.object({
  id: z.number(),
  stage: z.enum(PUBLIC_NOTICE_STAGES),
  startsOn: z.string(),
  endsOn: z.string(),
  content: z.string(),
  outcome: z.enum(PUBLIC_NOTICE_OUTCOMES).nullable(),
  outcomeNote: z.string().nullable(),
  /** May appear on the village's public page once the disclosure module exists. */
  publishable: z.boolean(),
  warnings: z.array(RuleMessageSchema),
});
export type PublicNotice = z.infer<typeof PublicNoticeSchema>;
export const CreatePublicNoticeSchema = z.object({
  stage: z.enum(PUBLIC_NOTICE_STAGES).meta({ label: '公示事项' }),
  startsOn: DateSchema.meta({ label: '开始日期' }),
  endsOn: DateSchema.meta({ label: '结束日期' }),
  content: z.string().trim().max(2000).optional().meta({ label: '公示内容' }),
  publishable: z.boolean().default(false).meta({ label: '可在村务公开页面公布' }),
}).strict();
export const PublicNoticeOutcomeSchema = z.object({
  outcome: z.enum(PUBLIC_NOTICE_OUTCOMES).meta({ label: '公示结果' }),
  outcomeNote: z.string().trim().max(500).optional().meta({ label: '说明' }),
}).strict();

/** The applicant's facts: the same fields, limits and labels as a member's profile, which approval writes them into. */
export const ApplicantSchema = MemberProfileSchema.pick({
  name: true, gender: true, ethnicity: true, birthDate: true, idNumber: true, phone: true, education: true, occupation: true, workUnit: true, address: true,
});
export const CreateRecruitmentSchema = ApplicantSchema.extend({
  organizationId: z.number().int().positive().meta({ label: '所在党支部' }),
  /** Date the written application (入党申请书) was received: step 1. */
  appliedOn: PastDateSchema.meta({ label: '收到入党申请书的日期' }),
  note: z.string().trim().max(500).optional().meta({ label: '备注' }),
}).strict();
export type CreateRecruitment = z.input<typeof CreateRecruitmentSchema>;

export const RecruitmentSummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.enum(GENDERS),
  birthDate: z.string(),
  organizationId: z.number(),
  organizationName: z.string(),
  status: z.enum(RECRUITMENT_STATUSES),
  phase: z.enum(PIPELINE_PHASES).nullable(),
  stage: z.number(),
  lastStepName: z.string(),
  lastStepOn: z.string(),
  next: NextStepSchema.nullable(),
  /** The most pressing deadline, if any. */
  deadline: DeadlineSchema.nullable(),
  memberId: z.number().nullable(),
  isDemo: z.boolean(),
});
export type RecruitmentSummary = z.infer<typeof RecruitmentSummarySchema>;

export const RecruitmentListQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  phase: z.enum(PIPELINE_PHASES).optional(),
  status: z.enum(RECRUITMENT_STATUSES).optional(),
  q: z.string().trim().max(20).optional(),
});
export const RecruitmentListSchema = z.object({ items: z.array(RecruitmentSummarySchema) });

export const RecruitmentSchema = RecruitmentSummarySchema.extend({
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  education: z.string().nullable(),
  occupation: z.string().nullable(),
  stoppedReason: z.string().nullable(),
  steps: z.array(StepDefinitionSchema.extend({ recorded: z.boolean() })),
  records: z.array(StepRecordSchema),
  voidedRecords: z.array(VoidedRecordSchema),
  nextSteps: z.array(NextStepSchema),
  deadlines: z.array(DeadlineSchema),
  relations: z.array(RelationSchema),
  notices: z.array(PublicNoticeSchema),
  can: z.object({ record: z.boolean(), recordCommitteeSteps: z.boolean(), stop: z.boolean() }),
});
export type Recruitment = z.infer<typeof RecruitmentSchema>;

export const StopRecruitmentSchema = z.object({
  reason: z.string().trim().min(2, '请填写终止原因').max(200).meta({ label: '终止原因' }),
  stoppedOn: PastDateSchema.meta({ label: '终止日期' }),
}).strict();

export const RecruitmentStepParamsSchema = z.object({ id: z.coerce.number().int().positive(), recordId: z.coerce.number().int().positive() });
export const RecruitmentFileParamsSchema = z.object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() });
export const RecruitmentRelationParamsSchema = z.object({ id: z.coerce.number().int().positive(), relationId: z.coerce.number().int().positive() });
export const RecruitmentPublicNoticeParamsSchema = z.object({ id: z.coerce.number().int().positive(), noticeId: z.coerce.number().int().positive() });

export const BoardQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  orgId: z.coerce.number().int().positive().optional(),
});
export const BoardSchema = z.object({
  year: z.number(),
  branches: z.array(z.object({
    organizationId: z.number(),
    organizationName: z.string(),
    quota: z.number().nullable(),
    counts: z.record(z.enum(PIPELINE_PHASES), z.number()),
    /** Approved as 预备党员 this year (counts against the quota). */
    admittedThisYear: z.number(),
    dueSoon: z.number(),
    late: z.number(),
  })),
  due: z.array(z.object({ recruitmentId: z.number(), name: z.string(), organizationName: z.string(), deadline: DeadlineSchema })),
});
export type Board = z.infer<typeof BoardSchema>;

export const PlanQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const PlanSchema = z.object({
  year: z.number(),
  items: z.array(z.object({ organizationId: z.number(), organizationName: z.string(), quota: z.number().nullable(), note: z.string().nullable() })),
});
export type Plan = z.infer<typeof PlanSchema>;
export const SavePlanSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  items: z.array(z.object({
    organizationId: z.number().int().positive(),
    quota: z.number().int().min(0, '名额不能为负数').max(200, '名额不能超过200'),
    note: z.string().trim().max(200).nullable().optional(),
  })).max(500),
}).strict();

export const MentoringSchema = z.object({
  items: z.array(z.object({
    recruitmentId: z.number(),
    name: z.string(),
    organizationName: z.string(),
    kind: z.enum(RELATION_KINDS),
    since: z.string(),
    phase: z.enum(PIPELINE_PHASES).nullable(),
    next: NextStepSchema.nullable(),
  })),
});
export type Mentoring = z.infer<typeof MentoringSchema>;

/** Documents generated from the recruitments alone. */
export const RECRUITMENT_DOCUMENTS = ['record', 'talk', 'notice'] as const;
export const RECRUITMENT_DOCUMENT_LABELS: Record<(typeof RECRUITMENT_DOCUMENTS)[number], string> = {
  record: '发展党员全程纪实表', talk: '入党谈话记录', notice: '发展党员公示',
};
export const REGISTER_DOCUMENTS = ['activists', 'candidates', 'probationary'] as const;
export const REGISTER_DOCUMENT_LABELS: Record<(typeof REGISTER_DOCUMENTS)[number], string> = {
  activists: '入党积极分子名册', candidates: '发展对象名单', probationary: '预备党员名册',
};
export const RecruitmentDocumentParamsSchema = z.object({
  id: z.coerce.number().int().positive(),
  kind: z.enum(RECRUITMENT_DOCUMENTS),
  format: z.enum(['docx', 'pdf']),
});
export const RegisterParamsSchema = z.object({ kind: z.enum(REGISTER_DOCUMENTS), format: z.enum(['docx', 'pdf']) });
export const RegisterQuerySchema = z.object({ orgId: z.coerce.number().int().positive().optional() });
export const StepListSchema = z.object({ items: z.array(StepDefinitionSchema) });
