import { z } from 'zod';
import { DateSchema, PastDateSchema } from './dates.js';
import { normalizePhone } from './personal-numbers.js';

/**
 * 村民说事 (issue 20 point 1): a villager's matter through 说事 → 议事 → 办事 → 评事. Raised at a 村民说事日, to a member
 * who visits, at the office or through the village's public form; discussed at a meeting (an activities record) or in the
 * 两委 with an owner and a deadline; handled with dated steps and photos, escalated to the town when the village cannot
 * (or, derived, when the deadline has passed); rated by the villager, and a 不满意 reopens it once.
 */
export const MATTER_CATEGORIES = ['dispute', 'livelihood', 'development', 'supervision', 'other'] as const;
export type MatterCategory = (typeof MATTER_CATEGORIES)[number];
export const MATTER_CATEGORY_LABELS: Record<MatterCategory, string> = {
  dispute: '矛盾纠纷', livelihood: '民生诉求', development: '发展建议', supervision: '村务监督', other: '其他',
};

export const MATTER_SOURCES = ['say_day', 'visit', 'public_form', 'walk_in'] as const;
export type MatterSource = (typeof MATTER_SOURCES)[number];
export const MATTER_SOURCE_LABELS: Record<MatterSource, string> = {
  say_day: '村民说事日', visit: '党员走访', public_form: '公开表单(扫码)', walk_in: '来访来电',
};

/** raised: 说事 recorded, waits for 议事; discussed: 议事 done, being handled (办事); handled: waits for 评事; rated: 评事 done, the case closed. */
export const MATTER_STAGES = ['raised', 'discussed', 'handled', 'rated'] as const;
export type MatterStage = (typeof MATTER_STAGES)[number];
export const MATTER_STAGE_LABELS: Record<MatterStage, string> = { raised: '待议事', discussed: '办理中', handled: '待评议', rated: '已办结' };
/** The four steps as the article names them, for the timeline. */
export const MATTER_STEP_TITLES = ['说事', '议事', '办事', '评事'] as const;

export const MATTER_FORUMS = ['say_day', 'deliberation_day', 'committee'] as const;
export type MatterForum = (typeof MATTER_FORUMS)[number];
export const MATTER_FORUM_LABELS: Record<MatterForum, string> = { say_day: '村民说事日', deliberation_day: '党群议事日', committee: '村"两委"会议' };

export const MATTER_RATINGS = ['satisfied', 'basically', 'dissatisfied'] as const;
export type MatterRating = (typeof MATTER_RATINGS)[number];
export const MATTER_RATING_LABELS: Record<MatterRating, string> = { satisfied: '满意', basically: '基本满意', dissatisfied: '不满意' };

export const MATTER_EVENT_KINDS = ['raised', 'discussed', 'step', 'handled', 'escalated', 'rated', 'reopened'] as const;
export type MatterEventKind = (typeof MATTER_EVENT_KINDS)[number];
export const MATTER_EVENT_LABELS: Record<MatterEventKind, string> = {
  raised: '说事', discussed: '议事', step: '办理进展', handled: '办结', escalated: '上报镇党委', rated: '评事', reopened: '不满意,重新办理',
};

export const MATTER_LIMITS = {
  title: 40, content: 1000, place: 60, name: 20, visitNote: 60, discussion: 1000, owner: 20, step: 300, result: 1000, reply: 300,
  reason: 200, caption: 60, pageSize: 100,
  /** The public form's whole body (bytes): the fields' limits with room for the encoding, nothing more. */
  publicBodyBytes: 16_384,
} as const;
const L = MATTER_LIMITS;

const required = (max: number, label: string, min = 2) =>
  z.string().trim().min(min, `${label}至少${min}个字`).max(max, `${label}不能超过${max}个字`).meta({ label });
const optional = (max: number, label: string) =>
  z.string().trim().max(max, `${label}不能超过${max}个字`).nullable().optional().transform((v) => v || null).meta({ label });
const optionalId = (label: string) => z.number().int().positive().nullable().optional().transform((v) => v ?? null).meta({ label });
/** A phone is optional; given, it must be a phone number (stored encrypted, shown masked). */
const phone = z.string().trim().max(20, '联系电话不能超过20位').nullable().optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const r = normalizePhone(v);
    if (!r.ok) { ctx.addIssue({ code: 'custom', message: r.message }); return z.NEVER; }
    return r.value;
  }).meta({ label: '联系电话' });

export const CreateMatterSchema = z.object({
  organizationId: z.number().int().positive().meta({ label: '村' }),
  source: z.enum(MATTER_SOURCES, { message: '请选择来源' }).meta({ label: '来源' }),
  category: z.enum(MATTER_CATEGORIES, { message: '请选择类别' }).meta({ label: '类别' }),
  title: required(L.title, '事项'),
  content: required(L.content, '具体内容', 5),
  place: optional(L.place, '地点'),
  raiserName: optional(L.name, '说事人'),
  raiserPhone: phone,
  raisedOn: PastDateSchema.meta({ label: '说事日期' }),
  /** The 村民说事日 (or 三日合一) where it was raised. */
  raisedActivityId: optionalId('说事会议'),
  /** 党员走访: who visited (a plain field until the 联户 link). */
  visitNote: optional(L.visitNote, '走访党员'),
}).strict();
export type CreateMatter = z.input<typeof CreateMatterSchema>;

export const DiscussMatterSchema = z.object({
  discussedOn: PastDateSchema.meta({ label: '议事日期' }),
  forum: z.enum(MATTER_FORUMS, { message: '请选择议事形式' }).meta({ label: '议事形式' }),
  activityId: optionalId('议事会议'),
  discussion: required(L.discussion, '议事意见'),
  ownerName: required(L.owner, '责任人', 1),
  dueOn: DateSchema.meta({ label: '办结期限' }),
  fourTwoId: optionalId('四议两公开'),
  reply: optional(L.reply, '答复群众'),
}).strict();
export type DiscussMatter = z.input<typeof DiscussMatterSchema>;

export const MatterStepSchema = z.object({ on: PastDateSchema.meta({ label: '日期' }), text: required(L.step, '办理进展') }).strict();
export type MatterStepInput = z.input<typeof MatterStepSchema>;

export const HandleMatterSchema = z.object({
  handledOn: PastDateSchema.meta({ label: '办结日期' }),
  result: required(L.result, '办理结果'),
  reply: optional(L.reply, '答复群众'),
}).strict();
export type HandleMatter = z.input<typeof HandleMatterSchema>;

export const EscalateMatterSchema = z.object({ reason: required(L.reason, '上报原因') }).strict();
export type EscalateMatter = z.input<typeof EscalateMatterSchema>;

export const RateMatterSchema = z.object({
  ratedOn: PastDateSchema.meta({ label: '评议日期' }),
  rating: z.enum(MATTER_RATINGS, { message: '请选择评议结果' }).meta({ label: '评议结果' }),
  reason: optional(L.reason, '理由'),
}).strict().refine((v) => v.rating !== 'dissatisfied' || !!v.reason, { path: ['reason'], message: '不满意时请填写理由' });
export type RateMatter = z.input<typeof RateMatterSchema>;

export const MatterPhotoQuerySchema = z.object({ caption: z.string().trim().max(L.caption, `照片说明不能超过${L.caption}个字`).optional().meta({ label: '照片说明' }) });
export const MatterPhotoParamSchema = z.object({ id: z.coerce.number().int().positive(), photoId: z.coerce.number().int().positive() });

export const MATTER_DUE_FILTERS = ['overdue', 'escalated', 'open'] as const;
export const MATTER_DUE_FILTER_LABELS: Record<(typeof MATTER_DUE_FILTERS)[number], string> = { open: '未办结', overdue: '已逾期', escalated: '已上报镇党委' };
export const MatterListQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  stage: z.enum(MATTER_STAGES).optional(),
  due: z.enum(MATTER_DUE_FILTERS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(L.pageSize, `每页最多${L.pageSize}条`).default(20),
});
export type MatterListQuery = z.infer<typeof MatterListQuerySchema>;

const Ref = z.object({ id: z.number(), title: z.string() });
const MeetingRef = z.object({ id: z.number(), kind: z.string(), title: z.string(), heldOn: z.string() });

export const MatterSummarySchema = z.object({
  id: z.number(), receipt: z.string(), organizationId: z.number(), villageName: z.string(), source: z.enum(MATTER_SOURCES),
  category: z.enum(MATTER_CATEGORIES), title: z.string(), raisedOn: z.string(), stage: z.enum(MATTER_STAGES),
  ownerName: z.string().nullable(), dueOn: z.string().nullable(), rating: z.enum(MATTER_RATINGS).nullable(), reopened: z.boolean(),
  /** Past its deadline and not handled: escalated to the town (derived on read, as 整改), or escalated by the village. */
  late: z.boolean(), escalated: z.boolean(), daysOverdue: z.number(), isDemo: z.boolean(),
});
export type MatterSummary = z.infer<typeof MatterSummarySchema>;

export const MatterEventSchema = z.object({
  id: z.number(), kind: z.enum(MATTER_EVENT_KINDS), on: z.string(), text: z.string().nullable(), rating: z.enum(MATTER_RATINGS).nullable(), by: z.string().nullable(),
});
export const MatterSchema = MatterSummarySchema.extend({
  content: z.string(), place: z.string().nullable(), raiserName: z.string().nullable(), raiserPhoneMasked: z.string().nullable(),
  visitNote: z.string().nullable(), raisedActivity: MeetingRef.nullable(),
  /** 党员联户: the visit the case was made from (转为村民说事), the household and the day; null otherwise. */
  visit: z.object({ householdId: z.number(), headName: z.string(), visitedOn: z.string() }).nullable(),
  forum: z.enum(MATTER_FORUMS).nullable(), discussedOn: z.string().nullable(), discussion: z.string().nullable(), discussionActivity: MeetingRef.nullable(),
  fourTwo: Ref.nullable(), handledOn: z.string().nullable(), result: z.string().nullable(), reply: z.string().nullable(),
  ratingReason: z.string().nullable(), ratedOn: z.string().nullable(), escalatedOn: z.string().nullable(), escalationReason: z.string().nullable(),
  events: z.array(MatterEventSchema),
  photos: z.array(z.object({ id: z.number(), caption: z.string().nullable(), size: z.number() })),
  can: z.object({ handle: z.boolean() }),
});
export type Matter = z.infer<typeof MatterSchema>;

export const MatterListSchema = z.object({
  villages: z.array(z.object({ organizationId: z.number(), villageName: z.string(), code: z.string(), canEdit: z.boolean() })),
  items: z.array(MatterSummarySchema), total: z.number(), page: z.number(), pageSize: z.number(),
  /** Over the whole list's scope and year (whatever the filters): the headings' counts. */
  counts: z.object({ raised: z.number(), discussed: z.number(), handled: z.number(), rated: z.number(), overdue: z.number(), escalated: z.number() }),
});
export type MatterList = z.infer<typeof MatterListSchema>;

/** What a village's meetings and 四议两公开 may be linked (the form's pickers). */
export const MatterLinkOptionsSchema = z.object({ meetings: z.array(MeetingRef), fourTwo: z.array(Ref) });
export type MatterLinkOptions = z.infer<typeof MatterLinkOptionsSchema>;

/** 三日合一 (point 4): the day's three agendas and the matters raised and discussed at it. */
export const MeetingMattersSchema = z.object({
  activity: MeetingRef.extend({ parts: z.array(z.object({ kind: z.string(), text: z.string() })) }),
  raised: z.array(MatterSummarySchema), discussed: z.array(MatterSummarySchema),
});
export type MeetingMatters = z.infer<typeof MeetingMattersSchema>;

export const MATTER_DOCUMENT_FORMATS = ['pdf', 'docx'] as const;
export type MatterDocumentFormat = (typeof MATTER_DOCUMENT_FORMATS)[number];
export const MatterLedgerParamsSchema = z.object({ orgId: z.coerce.number().int().positive(), format: z.enum(MATTER_DOCUMENT_FORMATS) });
/** A month (YYYY-MM) or a year (YYYY). */
export const MatterLedgerQuerySchema = z.object({ period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, '期间应为 YYYY 或 YYYY-MM').meta({ label: '期间' }) });

/** The public form (point 2): name and phone optional; `website` is the honeypot a person never sees. */
export const PublicMatterSchema = z.object({
  category: z.enum(MATTER_CATEGORIES, { message: '请选择类别' }).meta({ label: '类别' }),
  content: required(L.content, '想说的事', 5),
  place: optional(L.place, '地点'),
  name: optional(L.name, '姓名'),
  phone,
  consent: z.literal('yes', { message: '请阅读并同意信息使用说明' }).meta({ label: '同意' }),
  website: z.string().max(200).optional(),
});
export type PublicMatter = z.input<typeof PublicMatterSchema>;

/** A receipt number: 12 letters and digits without 0/O/1/I/L (random, never sequential). */
export const RECEIPT_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const RECEIPT_PATTERN = /^[A-HJKMNP-Z2-9]{12}$/;

export interface MatterFigures { open: number; overdue: number; escalated: number; closed: number; satisfied: number; basically: number; dissatisfied: number }

/** The town's public site (issue 20 point 6): a year's matters per village, counts only — never a name or a text. */
export interface MatterPublicStats {
  villageName: string; raised: number; handled: number; satisfied: number; basically: number; dissatisfied: number;
}
