// contract-ready: GET /api/disclosure/rules, GET|POST /api/disclosures, GET|PATCH /api/disclosures/:id, POST /api/disclosures/:id/files (multipart file), GET|DELETE /api/disclosures/:id/files/:fileId, POST /api/disclosures/:id/table (multipart xlsx), POST /api/disclosures/:id/{submit,review,approve,publish,return}, GET /api/disclosures/board, GET /api/public/villages/:code/disclosures, GET /api/public/villages/:code/disclosures/:id, GET /api/public/files/:fileId, HTML GET /public/villages/:code and /public/villages/:code/disclosures/:id
import { z } from 'zod';

/**
 * 三务公开 (党务、村务、财务): a village branch's disclosure for one period goes 提出 → 审核(含保密审查) → 审批 → 公开
 * (《中国共产党党务公开条例(试行)》第十五条). Frequencies are data (《村民委员会组织法》第三十条), see GET /api/disclosure/rules.
 * Published disclosures are never edited: a correction is a new draft with supersedesId.
 */

export const DISCLOSURE_CATEGORIES = ['party', 'village', 'finance'] as const;
export type DisclosureCategory = (typeof DISCLOSURE_CATEGORIES)[number];
export const DISCLOSURE_CATEGORY_LABELS: Record<DisclosureCategory, string> = { party: '党务公开', village: '村务公开', finance: '财务公开' };

export const DISCLOSURE_STATUSES = ['draft', 'submitted', 'reviewed', 'approved', 'published', 'returned'] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];
export const DISCLOSURE_STATUS_LABELS: Record<DisclosureStatus, string> = {
  draft: '草稿', submitted: '已提出(待审核)', reviewed: '已审核(待审批)', approved: '已审批(待公开)', published: '已公开', returned: '已退回',
};
/** Shown instead of 已公开 when a later correction of it has been published. */
export const DISCLOSURE_CORRECTED_LABEL = '已更正';

export const DISCLOSURE_EVENT_KINDS = ['submitted', 'reviewed', 'approved', 'published', 'returned'] as const;
export const DISCLOSURE_EVENT_LABELS: Record<(typeof DISCLOSURE_EVENT_KINDS)[number], string> = {
  submitted: '提出', reviewed: '审核(保密审查)', approved: '审批', published: '公开', returned: '退回',
};

/** Keys of the frequency rules (the rules themselves, with sources, come from GET /api/disclosure/rules). */
export const DISCLOSURE_RULE_KEYS = [
  'finance_monthly', 'village_quarterly', 'party_quarterly', 'party_yearly', 'village_yearly', 'village_major', 'party_recruitment',
] as const;
export type DisclosureRuleKey = (typeof DISCLOSURE_RULE_KEYS)[number];
export const DISCLOSURE_SCHEDULES = ['monthly', 'quarterly', 'yearly', 'immediate'] as const;
export const DISCLOSURE_SCHEDULE_LABELS: Record<(typeof DISCLOSURE_SCHEDULES)[number], string> = {
  monthly: '每月', quarterly: '每季度', yearly: '每年', immediate: '随时(即时公开)',
};

export const DisclosureRuleSchema = z.object({
  key: z.enum(DISCLOSURE_RULE_KEYS),
  category: z.enum(DISCLOSURE_CATEGORIES),
  label: z.string(),
  schedule: z.enum(DISCLOSURE_SCHEDULES),
  /** What is disclosed under the rule. */
  items: z.string(),
  source: z.string(),
  /** Example period for the form: 2026-09, 2026-Q3, 2026 or a date. */
  periodExample: z.string(),
});
export const DisclosureRuleListSchema = z.object({ items: z.array(DisclosureRuleSchema), dueDay: z.number(), dueSoonDays: z.number() });
export type DisclosureRule = z.infer<typeof DisclosureRuleSchema>;

/** A table imported from xlsx (收支明细、补贴发放表 …): header row and rows of text cells. */
export const DisclosureTableSchema = z.object({
  header: z.array(z.string().max(200)).min(1).max(30),
  rows: z.array(z.array(z.string().max(1000)).max(30)).max(500),
});
export type DisclosureTable = z.infer<typeof DisclosureTableSchema>;

/** 2026-09 (month), 2026-Q3 (quarter), 2026 (year) or 2026-09-15 (an immediate item). */
export const DISCLOSURE_PERIOD_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?|-Q[1-4])?$/;
const PeriodSchema = z.string().trim().regex(DISCLOSURE_PERIOD_PATTERN, '公开期间应写作 2026-09(月)、2026-Q3(季度)、2026(年度)或 2026-09-15(即时公开的日期)');
const TitleSchema = z.string().trim().min(2, '标题至少2个字').max(100, '标题不能超过100个字');
const ContentSchema = z.string().max(20000, '公开内容不能超过20000字');

export const CreateDisclosureSchema = z.object({
  organizationId: z.number().int().positive().meta({ label: '村党支部' }),
  category: z.enum(DISCLOSURE_CATEGORIES).meta({ label: '类别' }),
  ruleKey: z.enum(DISCLOSURE_RULE_KEYS).nullable().optional().meta({ label: '公开事项' }),
  period: PeriodSchema.meta({ label: '公开期间' }),
  title: TitleSchema.meta({ label: '标题' }),
  content: ContentSchema.default('').meta({ label: '公开内容' }),
  /** Correcting a published disclosure: its id (same branch); the new one replaces it once published. */
  supersedesId: z.number().int().positive().optional(),
}).strict();
export type CreateDisclosure = z.input<typeof CreateDisclosureSchema>;

/** Only while draft or returned. `table: null` removes the imported table. */
export const UpdateDisclosureSchema = z.object({
  category: z.enum(DISCLOSURE_CATEGORIES).optional(),
  ruleKey: z.enum(DISCLOSURE_RULE_KEYS).nullable().optional(),
  period: PeriodSchema.optional(),
  title: TitleSchema.optional(),
  content: ContentSchema.optional(),
  table: DisclosureTableSchema.nullable().optional(),
}).strict();
export type UpdateDisclosure = z.input<typeof UpdateDisclosureSchema>;

export const ReturnDisclosureSchema = z.object({ reason: z.string().trim().min(2, '退回原因至少2个字').max(500, '退回原因不能超过500字').meta({ label: '退回原因' }) }).strict();
/** 提出/审核/审批/公开: an optional note; the body itself may be left out. */
export const DisclosureStepSchema = z.object({ note: z.string().trim().max(500).optional() }).strict().optional();

/** A personal number found by the 保密审查 scan; `where` names the place (标题、正文、表格第2行第3列、附件“x.txt”第4行). */
export const PiiFindingSchema = z.object({
  kind: z.enum(['id_number', 'mobile']),
  where: z.string(),
  /** Masked (370402********1234, 138****5678): the message itself never repeats the number. */
  masked: z.string(),
  message: z.string(),
});
export const ScanWarningSchema = z.object({ where: z.string(), message: z.string() });
export const PiiScanSchema = z.object({ ok: z.boolean(), findings: z.array(PiiFindingSchema), warnings: z.array(ScanWarningSchema) });
export type PiiScan = z.infer<typeof PiiScanSchema>;

export const DisclosureFileSchema = z.object({ id: z.number(), name: z.string(), mime: z.string(), size: z.number(), uploadedAt: z.string() });

export const DisclosureSummarySchema = z.object({
  id: z.number(),
  organizationId: z.number(),
  organizationName: z.string(),
  category: z.enum(DISCLOSURE_CATEGORIES),
  ruleKey: z.enum(DISCLOSURE_RULE_KEYS).nullable(),
  period: z.string(),
  title: z.string(),
  status: z.enum(DISCLOSURE_STATUSES),
  /** Published, and a later correction of it is published too (shown as 已更正). */
  corrected: z.boolean(),
  supersedesId: z.number().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  isDemo: z.boolean(),
});
export type DisclosureSummary = z.infer<typeof DisclosureSummarySchema>;
export const DisclosureListSchema = z.object({ items: z.array(DisclosureSummarySchema) });
export const DisclosureListQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  category: z.enum(DISCLOSURE_CATEGORIES).optional(),
  status: z.enum(DISCLOSURE_STATUSES).optional(),
  period: z.string().trim().max(10).optional(),
});

export const DisclosureSchema = DisclosureSummarySchema.extend({
  content: z.string(),
  table: DisclosureTableSchema.nullable(),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  supersededById: z.number().nullable(),
  files: z.array(DisclosureFileSchema),
  events: z.array(z.object({ kind: z.enum(DISCLOSURE_EVENT_KINDS), note: z.string().nullable(), byName: z.string().nullable(), at: z.string() })),
  /** The 保密审查 scan of the current text, table and attachments: publishing is refused while findings remain. */
  scan: PiiScanSchema,
  can: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean(), approve: z.boolean(), publish: z.boolean(), return: z.boolean(), correct: z.boolean() }),
});
export type Disclosure = z.infer<typeof DisclosureSchema>;

export const DisclosureFileParamsSchema = z.object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() });

export const DISCLOSURE_DUE_STATUSES = ['done', 'due', 'due_soon', 'late'] as const;
export const DISCLOSURE_DUE_STATUS_LABELS: Record<(typeof DISCLOSURE_DUE_STATUSES)[number], string> = {
  done: '已公开', due: '待公开', due_soon: '即将到期', late: '逾期未公开',
};
export const DisclosureBoardQuerySchema = z.object({ orgId: z.coerce.number().int().positive().optional() });
export const DisclosureBoardSchema = z.object({
  today: z.string(),
  branches: z.array(z.object({
    organizationId: z.number(),
    organizationName: z.string(),
    villageName: z.string().nullable(),
    items: z.array(z.object({
      ruleKey: z.enum(DISCLOSURE_RULE_KEYS),
      label: z.string(),
      category: z.enum(DISCLOSURE_CATEGORIES),
      /** The latest period that has ended, its due date and status. */
      period: z.string(),
      dueOn: z.string(),
      status: z.enum(DISCLOSURE_DUE_STATUSES),
      disclosureId: z.number().nullable(),
      /** Earlier periods of the last 12 months still not published (each one late). */
      missed: z.array(z.object({ period: z.string(), dueOn: z.string() })),
    })),
    late: z.number(),
    dueSoon: z.number(),
  })),
});
export type DisclosureBoard = z.infer<typeof DisclosureBoardSchema>;

// ---- Public pages (no sign-in): only published disclosures, an allow-listed shape, no personal numbers. ----

export const PublicVillageParamsSchema = z.object({ code: z.string().regex(/^\d{6,15}$/, '村代码应为数字') });
// Bounded to int4, so a huge id answers 404 like any other unknown id.
export const PublicDisclosureParamsSchema = PublicVillageParamsSchema.extend({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const PublicFileParamsSchema = z.object({ fileId: z.coerce.number().int().positive().max(2_147_483_647) });

export const PublicDisclosureSchema = z.object({
  id: z.number(),
  category: z.enum(DISCLOSURE_CATEGORIES),
  period: z.string(),
  title: z.string(),
  content: z.string(),
  table: DisclosureTableSchema.nullable(),
  publishedAt: z.string(),
  corrected: z.boolean(),
  attachments: z.array(z.object({ id: z.number(), name: z.string() })),
});
export const PublicMicroPowerSchema = z.object({ area: z.string(), name: z.string(), legalBasis: z.string(), steps: z.array(z.string()) });
/** A use of a micro-power item the village marked publishable: which steps were done and when. */
export const PublicMicroPowerUseSchema = z.object({
  itemName: z.string(), subject: z.string(), startedOn: z.string(),
  steps: z.array(z.object({ name: z.string(), doneOn: z.string().nullable() })),
});
export const PublicVillageNoticeSchema = z.object({
  stage: z.enum(['activist', 'candidate', 'admission', 'confirmation']), stageLabel: z.string(), startsOn: z.string(), endsOn: z.string(), content: z.string(),
});
export const PublicVillageDisclosuresSchema = z.object({
  village: z.object({ code: z.string(), name: z.string() }),
  disclosures: z.array(PublicDisclosureSchema),
  microPower: z.array(PublicMicroPowerSchema),
  microPowerUses: z.array(PublicMicroPowerUseSchema),
  notices: z.array(PublicVillageNoticeSchema),
});
export type PublicVillageDisclosures = z.infer<typeof PublicVillageDisclosuresSchema>;
export type PublicDisclosure = z.infer<typeof PublicDisclosureSchema>;
