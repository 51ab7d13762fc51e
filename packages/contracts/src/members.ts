import { z } from 'zod';
import { RangeSchema } from './organizations.js';
import { DateSchema, PastDateSchema } from './dates.js';

export const GENDERS = ['male', 'female'] as const;
export const GENDER_LABELS: Record<(typeof GENDERS)[number], string> = { male: '男', female: '女' };

/** 学历, as on the national member information form. */
export const EDUCATIONS = ['postgraduate', 'undergraduate', 'college', 'technical_secondary', 'high_school', 'middle_school', 'primary', 'none'] as const;
export const EDUCATION_LABELS: Record<(typeof EDUCATIONS)[number], string> = {
  postgraduate: '研究生', undergraduate: '大学本科', college: '大学专科', technical_secondary: '中专',
  high_school: '高中', middle_school: '初中', primary: '小学', none: '未上学',
};

/** 工作岗位 / 职业: what decides the dues rule and the mobile-member checks. */
export const OCCUPATIONS = ['farmer', 'migrant_worker', 'employee', 'civil_servant', 'self_employed', 'retired', 'student', 'unemployed', 'other'] as const;
export const OCCUPATION_LABELS: Record<(typeof OCCUPATIONS)[number], string> = {
  farmer: '农民', migrant_worker: '外出务工', employee: '企事业单位职工', civil_servant: '机关工作人员',
  self_employed: '个体经营', retired: '离退休', student: '学生', unemployed: '无业/失业', other: '其他',
};

export const PARTY_POSTS = ['secretary', 'deputy_secretary', 'organization_officer', 'publicity_officer', 'discipline_officer', 'group_leader'] as const;
export const PARTY_POST_LABELS: Record<(typeof PARTY_POSTS)[number], string> = {
  secretary: '书记', deputy_secretary: '副书记', organization_officer: '组织委员', publicity_officer: '宣传委员',
  discipline_officer: '纪检委员', group_leader: '党小组组长',
};
/**
 * The seats of the 支部委员会 (书记, 副书记, 委员): who is expected at a 支委会. A 党小组组长 leads a group and does not
 * sit on the committee by that post (《中国共产党支部工作条例（试行）》第十九条).
 */
export const BRANCH_COMMITTEE_POSTS: readonly (typeof PARTY_POSTS)[number][] = ['secretary', 'deputy_secretary', 'organization_officer', 'publicity_officer', 'discipline_officer'];

export const STANDINGS = ['full', 'probationary'] as const;
export const STANDING_LABELS: Record<(typeof STANDINGS)[number], string> = { full: '正式党员', probationary: '预备党员' };
export const MEMBERSHIP_STATUSES = ['active', 'suspended', 'left'] as const;
export const MEMBERSHIP_STATUS_LABELS: Record<(typeof MEMBERSHIP_STATUSES)[number], string> = { active: '正常', suspended: '停止党籍', left: '已出党' };

/** Dated 党籍 events; a member's standing and status on any date are derived from them. */
export const MEMBERSHIP_EVENT_KINDS = [
  'admitted', 'confirmed', 'probation_extended', 'probation_cancelled', 'transferred_in', 'transferred_out',
  'flowed_out', 'flowed_in', 'flow_ended', 'suspended', 'restored', 'left', 'died',
] as const;
export const MEMBERSHIP_EVENT_LABELS: Record<(typeof MEMBERSHIP_EVENT_KINDS)[number], string> = {
  admitted: '接收为预备党员', confirmed: '转为正式党员', probation_extended: '延长预备期', probation_cancelled: '取消预备党员资格',
  transferred_in: '组织关系转入', transferred_out: '组织关系转出', flowed_out: '外出流动', flowed_in: '流入本支部',
  flow_ended: '结束流动', suspended: '停止党籍', restored: '恢复党籍', left: '出党', died: '去世',
};
export const MembershipEventKindSchema = z.enum(MEMBERSHIP_EVENT_KINDS);

export { DateSchema } from './dates.js';

/** The profile fields a secretary enters (form or Excel). Personal numbers arrive in full and leave masked. */
export const MemberProfileSchema = z.object({
  name: z.string().trim().min(2, '姓名至少2个字').max(20, '姓名不能超过20个字').meta({ label: '姓名' }),
  gender: z.enum(GENDERS).meta({ label: '性别' }),
  ethnicity: z.string().trim().min(1).max(20).default('汉族').meta({ label: '民族' }),
  birthDate: PastDateSchema.meta({ label: '出生日期' }),
  idNumber: z.string().trim().min(15, '身份证号应为18位').max(40).meta({ label: '身份证号' }),
  nativePlace: z.string().trim().max(60).nullable().optional().meta({ label: '籍贯' }),
  education: z.enum(EDUCATIONS).nullable().optional().meta({ label: '学历' }),
  joinedAt: PastDateSchema.meta({ label: '入党日期' }),
  confirmedAt: PastDateSchema.nullable().optional().meta({ label: '转正日期' }),
  /** A 正式党员 whose 转正日期 the roster does not give (old members): entered as such, 补录 later from the 党员档案. */
  confirmedDateUnknown: z.boolean().default(false).meta({ label: '转正日期不详' }),
  organizationId: z.number().int().positive().meta({ label: '所在党支部' }),
  groupId: z.number().int().positive().nullable().optional().meta({ label: '所在党小组' }),
  partyPosts: z.array(z.enum(PARTY_POSTS)).max(6).default([]).meta({ label: '党内职务' }),
  occupation: z.enum(OCCUPATIONS).nullable().optional().meta({ label: '工作岗位' }),
  workUnit: z.string().trim().max(100).nullable().optional().meta({ label: '工作单位' }),
  phone: z.string().trim().max(20).nullable().optional().meta({ label: '联系电话' }),
  address: z.string().trim().max(120).nullable().optional().meta({ label: '家庭住址' }),
  hamlet: z.string().trim().max(40).nullable().optional().meta({ label: '村民小组' }),
  isVillageCadre: z.boolean().default(false).meta({ label: '村干部' }),
  isHardship: z.boolean().default(false).meta({ label: '困难党员' }),
});
export type MemberProfile = z.infer<typeof MemberProfileSchema>;
export type MemberProfileInput = z.input<typeof MemberProfileSchema>;

export const CreateMemberSchema = MemberProfileSchema.strict();
export const UpdateMemberSchema = MemberProfileSchema.omit({ joinedAt: true, confirmedAt: true, confirmedDateUnknown: true, organizationId: true }).partial().strict();
export type UpdateMember = z.infer<typeof UpdateMemberSchema>;

export const MemberSchema = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.enum(GENDERS),
  ethnicity: z.string(),
  birthDate: z.string(),
  /** Always masked: 370402********123X. */
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  nativePlace: z.string().nullable(),
  education: z.enum(EDUCATIONS).nullable(),
  joinedAt: z.string(),
  confirmedAt: z.string().nullable(),
  /** A 正式党员 whose 转正日期 is not known yet: shown as 不详, 党龄 不详, until it is recorded. */
  confirmedDateUnknown: z.boolean(),
  /** 党龄 in whole years, counted from 转正 (null while probationary or while the 转正日期 is unknown). */
  partyYears: z.number().nullable(),
  standing: z.enum(STANDINGS),
  membershipStatus: z.enum(MEMBERSHIP_STATUSES),
  isMobile: z.boolean(),
  organizationId: z.number(),
  organizationName: z.string(),
  groupId: z.number().nullable(),
  groupName: z.string().nullable(),
  partyPosts: z.array(z.enum(PARTY_POSTS)),
  occupation: z.enum(OCCUPATIONS).nullable(),
  workUnit: z.string().nullable(),
  address: z.string().nullable(),
  hamlet: z.string().nullable(),
  isVillageCadre: z.boolean(),
  isHardship: z.boolean(),
  /** Share of profile fields filled in, 0–100. */
  completeness: z.number(),
  isDemo: z.boolean(),
});
export type Member = z.infer<typeof MemberSchema>;

export const MemberEventSchema = z.object({
  id: z.number(),
  kind: MembershipEventKindSchema,
  occurredOn: z.string(),
  reason: z.string().nullable(),
  fromOrganizationName: z.string().nullable(),
  toOrganizationName: z.string().nullable(),
  recordedBy: z.string().nullable(),
});
export type MemberEvent = z.infer<typeof MemberEventSchema>;

export const MemberDetailSchema = MemberSchema.extend({
  events: z.array(MemberEventSchema),
  missingFields: z.array(z.string()),
  can: z.object({ edit: z.boolean(), reveal: z.boolean(), recordEvent: z.boolean() }),
});
export type MemberDetail = z.infer<typeof MemberDetailSchema>;

export const MEMBER_FILTERS = ['all', 'probationary', 'mobile', 'unreachable', 'confirmation_due', 'suspended', 'left'] as const;
export const MEMBER_FILTER_LABELS: Record<(typeof MEMBER_FILTERS)[number], string> = {
  all: '全部在册党员', probationary: '预备党员', mobile: '流动党员', unreachable: '流动党员6个月未联系',
  confirmation_due: '30天内预备期满', suspended: '停止党籍', left: '已出党',
};

export const MemberListQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  range: RangeSchema.default('subtree'),
  /** Name substring, or the last digits of an ID number (at least 4). */
  q: z.string().trim().max(40).optional(),
  filter: z.enum(MEMBER_FILTERS).default('all'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100, '每页最多100条').default(20),
});
export type MemberListQuery = z.input<typeof MemberListQuerySchema>;
export const MemberListSchema = z.object({
  items: z.array(MemberSchema), total: z.number(),
  /** True past 10,000 rows in scope: total is the database's estimate, shown as 约 N (issue 14). */
  totalIsEstimate: z.boolean().default(false),
  page: z.number(), pageSize: z.number(),
});
export type MemberList = z.infer<typeof MemberListSchema>;

export const RevealBodySchema = z.object({
  field: z.enum(['idNumber', 'phone']).meta({ label: '查看内容' }),
  reason: z.string().trim().min(2, '请填写查看原因(至少2个字)').max(200).meta({ label: '查看原因' }),
}).strict();
export const RevealResultSchema = z.object({ field: z.enum(['idNumber', 'phone']), value: z.string().nullable() });

export const RecordEventSchema = z.object({
  kind: MembershipEventKindSchema.meta({ label: '变动类型' }),
  occurredOn: PastDateSchema.meta({ label: '发生日期' }),
  reason: z.string().trim().max(200).nullable().optional().meta({ label: '原因' }),
  /** transferred_out inside the deployment: the receiving branch. */
  toOrganizationId: z.number().int().positive().nullable().optional().meta({ label: '转入本镇党支部' }),
}).strict();
export type RecordEvent = z.infer<typeof RecordEventSchema>;

export const ImportRowReportSchema = z.object({
  /** The worksheet of the row: a town's roster often has one sheet per branch. */
  sheet: z.string(),
  row: z.number(),
  status: z.enum(['create', 'update', 'unchanged', 'invalid', 'duplicate']),
  name: z.string().nullable(),
  errors: z.array(z.object({ column: z.string(), message: z.string() })),
  /** What the row will be imported as, when that needs saying (e.g. 转正日期不详). */
  notes: z.array(z.string()).optional(),
});
export const ImportReportSchema = z.object({
  total: z.number(), valid: z.number(), invalid: z.number(), created: z.number(), updated: z.number(),
  dryRun: z.boolean(),
  rows: z.array(ImportRowReportSchema),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;
/** POST /api/members/import's query (the file is the multipart body): into which branch, and a dry run unless told otherwise. */
export const MemberImportQuerySchema = z.object({
  orgId: z.coerce.number().int().positive(),
  dryRun: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});

/** After a transfer the member may have left the caller's scope: then `member` is null. */
export const RecordEventResultSchema = z.object({ member: MemberDetailSchema.nullable() });

export const FLOW_CONTACT_METHODS = ['phone', 'wechat', 'visit', 'other'] as const;
export const FLOW_CONTACT_METHOD_LABELS: Record<(typeof FLOW_CONTACT_METHODS)[number], string> = { phone: '电话', wechat: '微信', visit: '走访', other: '其他' };

export const FLOW_DIRECTIONS = ['outflow', 'inflow'] as const;

export const CreateFlowSchema = z.object({
  direction: z.enum(FLOW_DIRECTIONS).meta({ label: '流动类型' }),
  startedOn: DateSchema.meta({ label: '流动日期' }),
  destination: z.string().trim().min(2, '请填写流向地(至少2个字)').max(100).meta({ label: '流向地' }),
  workUnit: z.string().trim().max(100).nullable().optional().meta({ label: '工作单位' }),
  hasFixedPlace: z.boolean().default(false).meta({ label: '有相对固定的处所' }),
  activityCardNo: z.string().trim().max(40).nullable().optional().meta({ label: '《流动党员活动证》编号' }),
  hostBranch: z.string().trim().max(100).nullable().optional().meta({ label: '参加组织生活的党组织' }),
}).strict();
export const FlowContactSchema = z.object({
  contactedOn: DateSchema.meta({ label: '联系日期' }),
  method: z.enum(FLOW_CONTACT_METHODS).meta({ label: '联系方式' }),
  note: z.string().trim().max(200).nullable().optional().meta({ label: '联系情况' }),
}).strict();
export const EndFlowSchema = z.object({ endedOn: DateSchema.meta({ label: '结束日期' }) }).strict();
export const FlowParamsSchema = z.object({ id: z.coerce.number().int().positive(), flowId: z.coerce.number().int().positive() });

export const CreateLetterSchema = z.object({
  letterNo: z.string().trim().min(1, '请填写介绍信编号').max(40).meta({ label: '介绍信编号' }),
  destination: z.string().trim().min(2, '请填写转往的党组织').max(100).meta({ label: '转往的党组织' }),
  issuedOn: DateSchema.meta({ label: '开具日期' }),
  validDays: z.number().int().min(1).max(365).optional().meta({ label: '有效期天数' }),
}).strict();
export const LetterReceiptSchema = z.object({ receiptReturnedOn: DateSchema.meta({ label: '回执退回日期' }) }).strict();
export const LetterParamsSchema = z.object({ id: z.coerce.number().int().positive(), letterId: z.coerce.number().int().positive() });

export const WarningSchema = z.object({ code: z.string(), message: z.string(), rule: z.string().optional() });

export const MemberFlowSchema = z.object({
  id: z.number(), direction: z.enum(FLOW_DIRECTIONS), startedOn: z.string(), endedOn: z.string().nullable(),
  destination: z.string(), workUnit: z.string().nullable(), hasFixedPlace: z.boolean(), activityCardNo: z.string().nullable(),
  hostBranch: z.string().nullable(), lastContactOn: z.string().nullable(),
  contacts: z.array(z.object({ id: z.number(), contactedOn: z.string(), method: z.enum(FLOW_CONTACT_METHODS), note: z.string().nullable(), recordedBy: z.string().nullable() })),
  warnings: z.array(WarningSchema),
});
export const TransferLetterSchema = z.object({
  id: z.number(), letterNo: z.string(), destination: z.string(), issuedOn: z.string(), validDays: z.number(),
  receiptReturnedOn: z.string().nullable(), warnings: z.array(WarningSchema),
});
export const MemberMobilitySchema = z.object({ flows: z.array(MemberFlowSchema), letters: z.array(TransferLetterSchema) });
export type MemberMobility = z.infer<typeof MemberMobilitySchema>;

/** The branch's to-do list: what is due or late, derived from the records (never a score). */
export const TASK_KINDS = [
  'TRANSFER_DUE', 'UNREACHABLE', 'RECEIPT_OVERDUE', 'CONFIRMATION_DUE', 'CONFIRMATION_LATE', 'DISCLOSURE_DUE', 'DISCLOSURE_LATE',
  'RECTIFICATION_DUE', 'RECTIFICATION_LATE', 'RECRUITMENT_DUE', 'RECRUITMENT_LATE', 'ASSIGNMENT_ENDING', 'SERVICE_TEAM_ENDING',
  'AWAY_CONTACT_DUE', 'RESERVES_BELOW_TARGET', 'RESERVE_EVALUATION_DUE', 'PARTNERSHIP_ENDING', 'STUDY_HOURS_DUE', 'SECRETARY_TRAINING_DUE',
  // 对标学习's follow-up actions, on their owner's 待办 (modules/education/trips-tasks.ts).
  'TRIP_ACTION_DUE',
  // 村民说事 near or past its 办结期限 (overdue: escalated to the town; modules/matters).
  'MATTER_DUE', 'MATTER_LATE',
  // 党员联户: a member's households not visited within households.visitIntervalDays (modules/households).
  'HOUSEHOLD_VISIT_DUE',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TaskSchema = z.object({
  kind: z.enum(TASK_KINDS),
  /**
   * null for DISCLOSURE_*, RECTIFICATION_* (a branch's business, no member) and RECRUITMENT_* (not a member yet):
   * memberName then names the disclosure, the finding or the person.
   */
  memberId: z.number().nullable(), memberName: z.string(), organizationName: z.string(), message: z.string(), rule: z.string().nullable(),
  /** Where the work is done: a path of the web app (the member, the disclosures, the rectification, the recruitment). */
  link: z.string(),
  /** The day it was or is due (YYYY-MM-DD): the list is sorted by it. */
  dueOn: z.string().nullable(),
  /** Past its deadline: 待办 shows these under 已逾期, apart from what is only coming due. */
  overdue: z.boolean(),
});
export type Task = z.infer<typeof TaskSchema>;
/** A city's to-do list ran to 11,157 items (4.6 MB) in one answer: it is paged, with the counts per kind beside the page (issue 14). */
export const TASK_PAGE_SIZE_MAX = 200;
export const TaskListSchema = z.object({
  items: z.array(TaskSchema),
  /** Items of the list (of `kind` when given), and how many of them are past their deadline. */
  total: z.number(), overdue: z.number(),
  page: z.number(), pageSize: z.number(),
  /** Per kind, over the whole scope (whatever `kind` is asked): what the page's headings and filters show. */
  counts: z.record(z.enum(TASK_KINDS), z.number()),
});
export type TaskList = z.infer<typeof TaskListSchema>;
export const TaskQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  kind: z.enum(TASK_KINDS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(TASK_PAGE_SIZE_MAX, `每页最多${TASK_PAGE_SIZE_MAX}条`).default(50),
});

/** Record completeness per branch: how much of the roster's optional information is filled in. */
export const BranchCompletenessSchema = z.object({
  items: z.array(z.object({
    organizationId: z.number(), organizationName: z.string(), members: z.number(), averagePercent: z.number(), incomplete: z.number(),
    /** The fields most often missing, for the secretary to chase. */
    mostMissing: z.array(z.object({ field: z.string(), count: z.number() })),
  })),
});
export const CompletenessQuerySchema = z.object({ orgId: z.coerce.number().int().positive().optional() });

// ── 名册导出管控 (安全测试清单第27项) ─────────────────────────────────────────────────────────────

/** The roster export: the list query, plus masked=true for masked numbers (allowed without approval). */
export const MemberExportQuerySchema = MemberListQuerySchema.extend({
  masked: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
export type MemberExportQuery = z.input<typeof MemberExportQuerySchema>;

/** What an export would contain, so the web can decide before downloading. */
export const MemberExportPreviewSchema = z.object({
  rows: z.number().int(),
  /** The file would carry full ID numbers and phones. */
  fullNumbers: z.boolean(),
  /** Full numbers of more than `threshold` members: a second town admin must approve. */
  needsApproval: z.boolean(),
  /** Roster exports the caller has left today (Asia/Shanghai). */
  quotaLeft: z.number().int(),
  threshold: z.number().int(),
});
export type MemberExportPreview = z.infer<typeof MemberExportPreviewSchema>;

/** The part of the list query an export request stores (no paging). */
export const MemberExportFilterSchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  range: RangeSchema.optional(),
  q: z.string().trim().max(40).optional(),
  filter: z.enum(MEMBER_FILTERS).optional(),
}).strict();
export type MemberExportFilter = z.infer<typeof MemberExportFilterSchema>;

export const CreateMemberExportRequestSchema = z.object({
  query: MemberExportFilterSchema,
  reason: z.string().trim().min(2, '请填写导出原因(至少2个字)').max(200, '导出原因最多200字').meta({ label: '导出原因' }),
}).strict();
export type CreateMemberExportRequest = z.infer<typeof CreateMemberExportRequestSchema>;

export const MemberExportDecisionSchema = z.object({
  note: z.string().trim().max(200, '审批意见最多200字').nullable().optional().meta({ label: '审批意见' }),
}).strict();
export type MemberExportDecision = z.infer<typeof MemberExportDecisionSchema>;

export const MEMBER_EXPORT_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const MEMBER_EXPORT_REQUEST_STATUS_LABELS: Record<(typeof MEMBER_EXPORT_REQUEST_STATUSES)[number], string> = {
  pending: '待审批', approved: '已同意', rejected: '不同意',
};

export const MemberExportRequestSchema = z.object({
  id: z.number().int(),
  query: MemberExportFilterSchema,
  /** The organisation the query names (or the requester's scope), for display. */
  scopeName: z.string(),
  reason: z.string(),
  rows: z.number().int(),
  status: z.enum(MEMBER_EXPORT_REQUEST_STATUSES),
  requestedBy: z.number().int(),
  requestedByName: z.string(),
  createdAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  approvedUntil: z.string().nullable(),
  downloadedAt: z.string().nullable(),
  /** Approved, but the 24 hours have passed. */
  expired: z.boolean(),
  can: z.object({ decide: z.boolean(), download: z.boolean() }),
});
export type MemberExportRequest = z.infer<typeof MemberExportRequestSchema>;
export const MemberExportRequestListSchema = z.object({ items: z.array(MemberExportRequestSchema) });
export type MemberExportRequestList = z.infer<typeof MemberExportRequestListSchema>;
