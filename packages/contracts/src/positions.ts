// contract-ready: GET /api/service-centers, GET /api/service-centers/:id, PUT /api/service-centers/by-org/:orgId, POST /api/service-centers/:id/photos, GET /api/service-centers/:id/photos/:photoId, POST /api/service-centers/:id/projects, PATCH /api/service-centers/:id/projects/:projectId, GET /api/duty-shifts, POST /api/duty-shifts, POST /api/duty-shifts/:id/swap, POST /api/duty-shifts/:id/presence, DELETE /api/duty-shifts/:id, GET /api/micro-power/items, POST /api/micro-power/items, PATCH /api/micro-power/items/:id, PUT /api/micro-power/adoptions/by-org/:orgId, GET /api/micro-power/uses, POST /api/micro-power/uses, POST /api/micro-power/uses/:id/steps, PATCH /api/micro-power/uses/:id, GET /api/four-two, POST /api/four-two, GET /api/four-two/:id, POST /api/four-two/:id/stages, POST /api/four-two/:id/stages/:stageId/file, GET /api/four-two/:id/stages/:stageId/file, GET /api/micro-power/ledger/:format (docx|pdf, ?orgId&year), GET /api/four-two/:id/document/:format (docx|pdf)
import { z } from 'zod';
import { DateSchema } from './members.js';

/**
 * Positions (阵地): 党群服务中心 (service_center), 坐班值班 (duty_roster), 小微权力清单 (micro_power) and
 * 四议两公开 (four_two_procedure). Every record belongs to a village party branch; out-of-scope ids answer 404.
 */

const id = z.coerce.number().int().positive();
const text = (max: number, label: string) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`).meta({ label });
const optionalText = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过${max}个字`).nullable().optional().meta({ label });
const Can = z.object({ edit: z.boolean() });

// ---------- 党群服务中心 ----------

/** The "四室一厅" of a village 党群服务中心 (domain-rules §2.5: 西王庄镇 民主村), offered as the default room list. */
export const DEFAULT_SERVICE_CENTER_ROOMS: ReadonlyArray<{ name: string; purpose: string }> = [
  { name: '党员教育室', purpose: '党员学习教育、远程教育' },
  { name: '党建活动室', purpose: '主题党日、组织生活' },
  { name: '组织议事室', purpose: '村"两委"会议、四议两公开商议' },
  { name: '村民说事室', purpose: '村民说事、矛盾调解' },
  { name: '便民服务大厅', purpose: '代办、便民服务(GB/T 38699-2020 村级综合服务设施)' },
];

export const SERVICE_CENTER_STANDARDS = ['high', 'basic'] as const;
export const SERVICE_CENTER_STANDARD_LABELS: Record<(typeof SERVICE_CENTER_STANDARDS)[number], string> = { high: '高标准', basic: '一般' };

export const ServiceCenterRoomSchema = z.object({
  name: text(30, '房间名称'),
  purpose: optionalText(100, '房间用途').transform((v) => v || null),
  /** Square metres; may be a decimal. */
  area: z.number({ error: '房间面积应为数字' }).min(0, '房间面积不能小于0').max(100_000, '房间面积过大').nullable().optional().transform((v) => v ?? null),
}).strict();
export type ServiceCenterRoom = z.output<typeof ServiceCenterRoomSchema>;

export const SaveServiceCenterSchema = z.object({
  name: text(60, '名称'),
  address: text(120, '地址'),
  /** 建筑面积 in whole square metres. */
  floorArea: z.number().int('建筑面积应为整数平方米').min(0, '建筑面积不能小于0').max(1_000_000, '建筑面积过大').nullable().optional(),
  rooms: z.array(ServiceCenterRoomSchema).max(40, '房间不能超过40个').default([]),
  openingHours: optionalText(100, '开放时间'),
  standard: z.enum(SERVICE_CENTER_STANDARDS).default('basic'),
  builtOn: DateSchema.nullable().optional(),
  note: optionalText(500, '备注'),
}).strict();
export type SaveServiceCenter = z.input<typeof SaveServiceCenterSchema>;

export const ServiceCenterPhotoSchema = z.object({ id: z.number(), caption: z.string().nullable(), size: z.number(), uploadedAt: z.string() });

export const ServiceCenterProjectSchema = z.object({
  id: z.number(),
  name: z.string(),
  budgetFen: z.number(),
  progress: z.number(),
  startedOn: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export type ServiceCenterProject = z.infer<typeof ServiceCenterProjectSchema>;

export const ServiceCenterProjectSummarySchema = z.object({
  count: z.number(), budgetFen: z.number(), accepted: z.number(), inProgress: z.number(),
});

export const ServiceCenterSchema = z.object({
  id: z.number(),
  organizationId: z.number(),
  organizationName: z.string(),
  villageId: z.number().nullable(),
  name: z.string(),
  address: z.string(),
  floorArea: z.number().nullable(),
  rooms: z.array(z.object({ name: z.string(), purpose: z.string().nullable(), area: z.number().nullable() })),
  openingHours: z.string().nullable(),
  standard: z.enum(SERVICE_CENTER_STANDARDS),
  builtOn: z.string().nullable(),
  note: z.string().nullable(),
  isDemo: z.boolean(),
  updatedAt: z.string(),
  photoIds: z.array(z.number()),
  projectSummary: ServiceCenterProjectSummarySchema,
  can: Can,
});
export type ServiceCenter = z.infer<typeof ServiceCenterSchema>;

export const ServiceCenterDetailSchema = ServiceCenterSchema.extend({
  photos: z.array(ServiceCenterPhotoSchema),
  projects: z.array(ServiceCenterProjectSchema),
});
export type ServiceCenterDetail = z.infer<typeof ServiceCenterDetailSchema>;

export const ServiceCenterListSchema = z.object({
  items: z.array(ServiceCenterSchema),
  /** Village branches in scope that have no centre recorded yet. */
  missing: z.array(z.object({ organizationId: z.number(), organizationName: z.string() })),
});

export const PositionsOrgParamSchema = z.object({ orgId: id });
export const ServiceCenterPhotoParamsSchema = z.object({ id, photoId: id });
export const ServiceCenterProjectParamsSchema = z.object({ id, projectId: id });
export const ServiceCenterPhotoQuerySchema = z.object({ caption: z.string().trim().max(60, '照片说明不能超过60个字').optional() });

const progress = z.number().int('进度应为整数').min(0, '进度应在0–100之间').max(100, '进度应在0–100之间');
const budgetFen = z.number().int('预算以分为单位,应为整数').min(0, '预算不能小于0').max(10_000_000_000, '预算过大').meta({ label: '预算' });

export const CreateServiceCenterProjectSchema = z.object({
  name: text(60, '项目名称'),
  budgetFen,
  progress: progress.default(0),
  startedOn: DateSchema.nullable().optional(),
  /** 验收日期: only with progress 100. */
  acceptedOn: DateSchema.nullable().optional(),
  note: optionalText(500, '备注'),
}).strict();

export const UpdateServiceCenterProjectSchema = z.object({
  name: text(60, '项目名称').optional(),
  budgetFen: budgetFen.optional(),
  progress: progress.optional(),
  startedOn: DateSchema.nullable().optional(),
  acceptedOn: DateSchema.nullable().optional(),
  note: optionalText(500, '备注'),
}).strict();

// ---------- 坐班值班 ----------

export const DUTY_SLOTS = ['am', 'pm', 'day'] as const;
export type DutySlot = (typeof DUTY_SLOTS)[number];
export const DUTY_SLOT_LABELS: Record<DutySlot, string> = { am: '上午', pm: '下午', day: '全天' };

/** Entered by the village after the fact: no GPS, no device data, no forced check-in. */
export const DUTY_PRESENCES = ['present', 'absent', 'excused'] as const;
export type DutyPresence = (typeof DUTY_PRESENCES)[number];
export const DUTY_PRESENCE_LABELS: Record<DutyPresence, string> = { present: '在岗', absent: '缺岗', excused: '请假' };

export const DutyMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

export const DutyListQuerySchema = z.object({ orgId: id.optional(), month: DutyMonthSchema.optional() });

export const DutyShiftSchema = z.object({
  id: z.number(),
  organizationId: z.number(),
  organizationName: z.string(),
  onDate: z.string(),
  slot: z.enum(DUTY_SLOTS),
  personName: z.string(),
  memberId: z.number().nullable(),
  swappedWithName: z.string().nullable(),
  swapReason: z.string().nullable(),
  /** Who actually sits the shift: the swap partner when there is one. */
  onDutyName: z.string(),
  presence: z.enum(DUTY_PRESENCES).nullable(),
  presenceNote: z.string().nullable(),
  recordedAt: z.string().nullable(),
  isDemo: z.boolean(),
  can: z.object({ edit: z.boolean(), recordPresence: z.boolean(), delete: z.boolean() }),
});
export type DutyShift = z.infer<typeof DutyShiftSchema>;

export const DutySummarySchema = z.object({
  scheduled: z.number(), present: z.number(), absent: z.number(), excused: z.number(),
  /** Shifts on or before today without a presence record. */
  unrecorded: z.number(),
});
export type DutySummary = z.infer<typeof DutySummarySchema>;

export const DutyListSchema = z.object({
  month: z.string(),
  items: z.array(DutyShiftSchema),
  summary: DutySummarySchema,
  byOrganization: z.array(DutySummarySchema.extend({ organizationId: z.number(), organizationName: z.string() })),
});

/** One planned shift of a batch. */
export const PlannedDutyShiftSchema = z.object({
  onDate: DateSchema.meta({ label: '日期' }),
  slot: z.enum(DUTY_SLOTS).meta({ label: '时段' }),
  personName: text(20, '值班人'),
  memberId: id.nullable().optional(),
}).strict();
export const CreateDutyShiftsSchema = z.object({
  organizationId: id,
  shifts: z.array(PlannedDutyShiftSchema).min(1, '请至少排一个班').max(200, '一次最多排200个班'),
}).strict();
export type CreateDutyShifts = z.input<typeof CreateDutyShiftsSchema>;

/** The shifts a batch created. */
export const DutyShiftBatchSchema = z.object({ items: z.array(DutyShiftSchema) });

export const SwapDutySchema = z.object({ swappedWithName: text(20, '替班人'), reason: text(200, '换班原因') }).strict();
export const DutyPresenceSchema = z.object({ presence: z.enum(DUTY_PRESENCES).meta({ label: '在岗情况' }), note: optionalText(200, '说明') }).strict();

// ---------- 小微权力清单 ----------

export const MicroPowerItemSchema = z.object({
  id: z.number(),
  area: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  /** The procedure as a flow, in order. */
  steps: z.array(z.string()),
  sortOrder: z.number(),
  active: z.boolean(),
  updatedAt: z.string(),
});
export type MicroPowerItem = z.infer<typeof MicroPowerItemSchema>;

export const MicroPowerAdoptionSchema = z.object({
  organizationId: z.number(),
  organizationName: z.string(),
  items: z.array(z.object({ itemId: z.number(), adoptedOn: z.string() })),
});
export type MicroPowerAdoption = z.infer<typeof MicroPowerAdoptionSchema>;

export const MicroPowerItemListSchema = z.object({
  items: z.array(MicroPowerItemSchema),
  /** Adoptions of the village branches in scope (with ?orgId: that branch only). */
  adoptions: z.array(MicroPowerAdoptionSchema),
  can: z.object({ editItems: z.boolean() }),
});
export const MicroPowerItemQuerySchema = z.object({ orgId: id.optional() });

const steps = z.array(text(60, '步骤')).min(2, '流程至少2步').max(15, '流程不能超过15步');
export const CreateMicroPowerItemSchema = z.object({
  area: text(30, '类别'),
  name: text(60, '事项名称'),
  legalBasis: text(500, '法律依据'),
  steps,
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().default(true),
}).strict();
export const UpdateMicroPowerItemSchema = z.object({
  area: text(30, '类别').optional(),
  name: text(60, '事项名称').optional(),
  legalBasis: text(500, '法律依据').optional(),
  steps: steps.optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
}).strict();

export const SaveAdoptionsSchema = z.object({
  itemIds: z.array(id).max(200, '事项过多'),
  /** Date for newly adopted items; defaults to today. */
  adoptedOn: DateSchema.optional(),
}).strict();

export const MicroPowerUseQuerySchema = z.object({ orgId: id.optional() });

export const MicroPowerUseSchema = z.object({
  id: z.number(),
  organizationId: z.number(),
  organizationName: z.string(),
  itemId: z.number(),
  itemName: z.string(),
  area: z.string(),
  subject: z.string(),
  startedOn: z.string(),
  /** The item's procedure steps by name. */
  stepNames: z.array(z.string()),
  done: z.array(z.object({ index: z.number(), name: z.string(), doneOn: z.string(), by: z.string(), note: z.string().nullable() })),
  /** Index of the step to record next; null when every step is done. */
  nextStepIndex: z.number().nullable(),
  status: z.enum(['in_progress', 'done']),
  publishable: z.boolean(),
  isDemo: z.boolean(),
  can: Can,
});
export type MicroPowerUse = z.infer<typeof MicroPowerUseSchema>;
export const MicroPowerUseListSchema = z.object({ items: z.array(MicroPowerUseSchema) });

export const CreateMicroPowerUseSchema = z.object({
  organizationId: id.meta({ label: '村' }),
  itemId: id.meta({ label: '事项' }),
  subject: text(100, '事由'),
  startedOn: DateSchema.meta({ label: '开始日期' }),
}).strict();
export const RecordUseStepSchema = z.object({
  /** Must be the next step: steps are recorded in order. */
  index: z.number().int().min(0),
  doneOn: DateSchema.meta({ label: '办理日期' }),
  by: text(40, '经办人'),
  note: optionalText(300, '说明'),
}).strict();
export const UpdateMicroPowerUseSchema = z.object({ publishable: z.boolean() }).strict();

// ---------- 四议两公开 ----------

export const FOUR_TWO_STAGES = ['proposal', 'consultation', 'review', 'resolution', 'resolution_disclosure', 'result_disclosure'] as const;
export type FourTwoStage = (typeof FOUR_TWO_STAGES)[number];
export const FOUR_TWO_STAGE_LABELS: Record<FourTwoStage, string> = {
  proposal: '村党组织提议', consultation: '村"两委"会议商议', review: '党员大会审议',
  resolution: '村民会议或村民代表会议决议', resolution_disclosure: '决议公开', result_disclosure: '实施结果公开',
};

/** Typical matters (domain-rules §2.5); 'other' for anything else a village decides this way. */
export const FOUR_TWO_CATEGORIES = ['village_rules', 'land_assets', 'collective_project', 'public_welfare', 'other'] as const;
export const FOUR_TWO_CATEGORY_LABELS: Record<(typeof FOUR_TWO_CATEGORIES)[number], string> = {
  village_rules: '村规民约', land_assets: '集体土地/资产承包租赁流转', collective_project: '集体经济项目',
  public_welfare: '公益事业筹资筹劳', other: '其他重大事项',
};

export const FOUR_TWO_STATUSES = ['open', 'rejected', 'done'] as const;
export const FOUR_TWO_STATUS_LABELS: Record<(typeof FOUR_TWO_STATUSES)[number], string> = { open: '进行中', rejected: '未通过', done: '已完成' };

export const RESOLUTION_BODIES = ['villagers_meeting', 'representatives_meeting'] as const;
export const RESOLUTION_BODY_LABELS: Record<(typeof RESOLUTION_BODIES)[number], string> = {
  villagers_meeting: '村民会议', representatives_meeting: '村民代表会议',
};

const count = (label: string) => z.number({ error: `${label}应为数字` }).int(`${label}应为整数`).min(0, `${label}不能小于0`).max(100_000, `${label}过大`).meta({ label });
export const FourTwoVoteSchema = z.object({
  /** 应到: members (review) or 18+ villagers / households / representatives (resolution). */
  eligible: count('应到人数').min(1, '应到人数至少为1'),
  present: count('实到人数'),
  yes: count('赞成票'),
  no: count('反对票'),
  abstain: count('弃权票'),
}).strict();
export type FourTwoVote = z.infer<typeof FourTwoVoteSchema>;

export const CreateFourTwoSchema = z.object({
  organizationId: id,
  title: text(100, '事项名称'),
  category: z.enum(FOUR_TWO_CATEGORIES).meta({ label: '类别' }),
}).strict();

export const AddFourTwoStageSchema = z.object({
  stage: z.enum(FOUR_TWO_STAGES),
  heldOn: DateSchema.meta({ label: '日期' }),
  /** Resolution only: which body decided. */
  body: z.enum(RESOLUTION_BODIES).nullable().optional().meta({ label: '决议机构' }),
  /** Review and resolution only. */
  vote: FourTwoVoteSchema.nullable().optional(),
  note: optionalText(1000, '说明'),
}).strict();

export const FourTwoStageRecordSchema = z.object({
  id: z.number(),
  stage: z.enum(FOUR_TWO_STAGES),
  heldOn: z.string(),
  body: z.enum(RESOLUTION_BODIES).nullable(),
  vote: FourTwoVoteSchema.nullable(),
  passed: z.boolean().nullable(),
  note: z.string().nullable(),
  file: z.object({ name: z.string(), mime: z.string() }).nullable(),
  recordedAt: z.string(),
});

export const FourTwoProcedureSchema = z.object({
  id: z.number(),
  organizationId: z.number(),
  organizationName: z.string(),
  title: z.string(),
  category: z.enum(FOUR_TWO_CATEGORIES),
  status: z.enum(FOUR_TWO_STATUSES),
  stages: z.array(FourTwoStageRecordSchema),
  /** The stage to record next; null once the procedure has ended. */
  nextStage: z.enum(FOUR_TWO_STAGES).nullable(),
  /** The town's settings the review is judged by. */
  thresholds: z.object({ reviewQuorumPercent: z.number(), reviewApprovePercent: z.number() }),
  isDemo: z.boolean(),
  createdAt: z.string(),
  can: Can,
});
export type FourTwoProcedure = z.infer<typeof FourTwoProcedureSchema>;
export const FourTwoListSchema = z.object({ items: z.array(FourTwoProcedureSchema) });
export const FourTwoQuerySchema = z.object({ orgId: id.optional() });
export const FourTwoStageParamsSchema = z.object({ id, stageId: id });

// ---------- 台账 (generated documents) ----------

export const POSITIONS_DOC_FORMATS = ['docx', 'pdf'] as const;
export type PositionsDocFormat = (typeof POSITIONS_DOC_FORMATS)[number];
export const MicroPowerLedgerParamsSchema = z.object({ format: z.enum(POSITIONS_DOC_FORMATS) });
/** 小微权力运行台账 of one village branch and one year (default: this year in Asia/Shanghai). */
export const MicroPowerLedgerQuerySchema = z.object({
  orgId: id,
  year: z.coerce.number().int('年份应为整数').min(2000, '年份不能早于2000年').max(2100, '年份不能晚于2100年').optional(),
});
export const FourTwoDocumentParamsSchema = z.object({ id, format: z.enum(POSITIONS_DOC_FORMATS) });
