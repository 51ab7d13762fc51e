import { z } from 'zod';
import { PastDateSchema } from './dates.js';
import { GENDERS } from './members.js';
import { NewCadrePersonSchema } from './cadres.js';

/**
 * 人才 (issue 15 point 6): the town's talent registry of the 人才"十百千"工程. Each entry is a person (a party member or
 * not) of one village, of a kind, in a programme tier selected in a year, working in a field, leading a cooperative,
 * enterprise or product, with the support given to them. Tiers' targets per year are the town's own data.
 */
export const TALENT_KINDS = ['rural_star', 'development_leader', 'new_farmer', 'local_talent', 'returnee'] as const;
export type TalentKind = (typeof TALENT_KINDS)[number];
export const TALENT_KIND_LABELS: Record<TalentKind, string> = {
  rural_star: '乡村之星', development_leader: '农村发展带头人', new_farmer: '新型职业农民', local_talent: '本土人才', returnee: '回流人员',
};

/** The programme's three tiers: 十 (the fewest, highest level), 百, 千. Which level each is (市/区/镇) the town defines. */
export const TALENT_TIERS = ['ten', 'hundred', 'thousand'] as const;
export type TalentTier = (typeof TALENT_TIERS)[number];
export const TALENT_TIER_LABELS: Record<TalentTier, string> = { ten: '"十"层次', hundred: '"百"层次', thousand: '"千"层次' };
/** The level a tier stands for until the town says otherwise (talent_targets.level). */
export const TALENT_TIER_DEFAULT_LEVELS: Record<TalentTier, string> = { ten: '市级', hundred: '区级', thousand: '镇级' };
/** The settings holding each tier's default yearly target (apps/api settings registry). */
export const TALENT_TIER_SETTING = { ten: 'talent.targetTen', hundred: 'talent.targetHundred', thousand: 'talent.targetThousand' } as const satisfies Record<TalentTier, string>;

export const TALENT_FIELDS = ['planting', 'breeding', 'processing', 'ecommerce', 'skills', 'other'] as const;
export type TalentField = (typeof TALENT_FIELDS)[number];
export const TALENT_FIELD_LABELS: Record<TalentField, string> = {
  planting: '种植', breeding: '养殖', processing: '加工', ecommerce: '电商', skills: '技能', other: '其他',
};

export const TALENT_LEAD_KINDS = ['cooperative', 'enterprise', 'family_farm', 'product'] as const;
export type TalentLeadKind = (typeof TALENT_LEAD_KINDS)[number];
export const TALENT_LEAD_KIND_LABELS: Record<TalentLeadKind, string> = { cooperative: '合作社', enterprise: '企业', family_farm: '家庭农场', product: '产品' };

/** Limits of the registry's inputs, shared by the form, the import and the API. */
export const TALENT_LIMITS = { leads: 5, leadName: 60, note: 300, supportWhat: 100, supportBy: 60, supportMaxFen: 10_000_000_000, firstYear: 2000, lastYear: 2100 } as const;

const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过${max}个字`).nullable().optional().transform((v) => v || null).meta({ label });

export const TalentLeadSchema = z.object({
  kind: z.enum(TALENT_LEAD_KINDS, { message: '请选择领办类型' }).meta({ label: '领办类型' }),
  name: z.string().trim().min(2, '领办名称至少2个字').max(TALENT_LIMITS.leadName, `领办名称不能超过${TALENT_LIMITS.leadName}个字`).meta({ label: '领办名称' }),
}).strict();
export type TalentLead = z.infer<typeof TalentLeadSchema>;

const YearSchema = z.number().int().min(TALENT_LIMITS.firstYear, '年度不正确').max(TALENT_LIMITS.lastYear, '年度不正确');

const talentFields = {
  kind: z.enum(TALENT_KINDS, { message: '请选择人才类别' }).meta({ label: '人才类别' }),
  tier: z.enum(TALENT_TIERS, { message: '请选择层次' }).nullable().optional().transform((v) => v ?? null).meta({ label: '层次' }),
  selectedYear: YearSchema.nullable().optional().transform((v) => v ?? null).meta({ label: '入选年度' }),
  field: z.enum(TALENT_FIELDS, { message: '请选择从事领域' }).meta({ label: '从事领域' }),
  fieldNote: text(60, '领域说明'),
  leads: z.array(TalentLeadSchema).max(TALENT_LIMITS.leads, `领办项目最多${TALENT_LIMITS.leads}项`).default([]).meta({ label: '领办项目' }),
  note: text(TALENT_LIMITS.note, '备注'),
};
const tierNeedsYear = (t: { tier?: TalentTier | null; selectedYear?: number | null }, ctx: z.RefinementCtx) => {
  if (t.tier && !t.selectedYear) ctx.addIssue({ code: 'custom', path: ['selectedYear'], message: '已入选层次的,请填写入选年度' });
  if (!t.tier && t.selectedYear) ctx.addIssue({ code: 'custom', path: ['tier'], message: '填写了入选年度,请选择入选层次' });
};

/** A new registry entry: an existing person of the village, or a new one sealed like a member's profile. */
export const CreateTalentSchema = z.object({
  organizationId: z.number().int().positive().meta({ label: '所在村' }),
  personId: z.number().int().positive().optional().meta({ label: '人员' }),
  newPerson: NewCadrePersonSchema.optional(),
  ...talentFields,
}).strict().superRefine((t, ctx) => {
  if (!t.personId === !t.newPerson) ctx.addIssue({ code: 'custom', path: ['personId'], message: '请选择人员,或登记一位新人员' });
  tierNeedsYear(t, ctx);
});
export type CreateTalent = z.input<typeof CreateTalentSchema>;

export const UpdateTalentSchema = z.object(talentFields).strict().superRefine(tierNeedsYear);
export type UpdateTalent = z.input<typeof UpdateTalentSchema>;

export const TalentSupportInputSchema = z.object({
  givenOn: PastDateSchema.meta({ label: '扶持日期' }),
  what: z.string().trim().min(2, '请填写扶持内容(至少2个字)').max(TALENT_LIMITS.supportWhat, `扶持内容不能超过${TALENT_LIMITS.supportWhat}个字`).meta({ label: '扶持内容' }),
  amountFen: z.number().int().min(0, '金额不能为负').max(TALENT_LIMITS.supportMaxFen, '金额过大').nullable().optional().transform((v) => v ?? null).meta({ label: '金额(分)' }),
  givenBy: z.string().trim().min(2, '请填写扶持单位(至少2个字)').max(TALENT_LIMITS.supportBy, `扶持单位不能超过${TALENT_LIMITS.supportBy}个字`).meta({ label: '扶持单位' }),
}).strict();
export type TalentSupportInput = z.input<typeof TalentSupportInputSchema>;

export const TalentSupportSchema = z.object({ id: z.number(), givenOn: z.string(), what: z.string(), amountFen: z.number().nullable(), givenBy: z.string() });
export type TalentSupport = z.infer<typeof TalentSupportSchema>;

/** The registry's filters (all optional; a village secretary's list is their own village whatever orgId says). */
export const TalentListQuerySchema = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  kind: z.enum(TALENT_KINDS).optional(),
  tier: z.enum(TALENT_TIERS).optional(),
  field: z.enum(TALENT_FIELDS).optional(),
  year: z.coerce.number().int().min(TALENT_LIMITS.firstYear).max(TALENT_LIMITS.lastYear).optional(),
  q: z.string().trim().max(20).optional(),
});
export type TalentListQuery = z.infer<typeof TalentListQuerySchema>;

export const TalentRowSchema = z.object({
  id: z.number(), organizationId: z.number(), organizationName: z.string(), villageName: z.string().nullable(),
  personId: z.number(), name: z.string(), gender: z.enum(GENDERS), birthDate: z.string(), isMember: z.boolean(),
  idNumberMasked: z.string(), phoneMasked: z.string().nullable(),
  kind: z.enum(TALENT_KINDS), tier: z.enum(TALENT_TIERS).nullable(), selectedYear: z.number().nullable(),
  field: z.enum(TALENT_FIELDS), fieldNote: z.string().nullable(), leads: z.array(TalentLeadSchema), note: z.string().nullable(),
  supportCount: z.number(), supportFen: z.number(),
});
export type TalentRow = z.infer<typeof TalentRowSchema>;

export const TalentDetailSchema = TalentRowSchema.extend({
  support: z.array(TalentSupportSchema),
  can: z.object({ edit: z.boolean(), reveal: z.boolean() }),
});
export type TalentDetail = z.infer<typeof TalentDetailSchema>;

/** One tier's progress in a year: selected that year (counted by the database) against the town's target. */
export const TalentTierProgressSchema = z.object({
  tier: z.enum(TALENT_TIERS), level: z.string(), target: z.number(), selected: z.number(),
  /** 'town' when the town entered the year's target, 'setting' when it is the setting's default. */
  source: z.enum(['town', 'setting']),
});
export const TalentProgressSchema = z.object({
  year: z.number(),
  tiers: z.array(TalentTierProgressSchema),
  /** Entries by kind in the caller's scope: all, and those selected in the year. */
  kinds: z.array(z.object({ kind: z.enum(TALENT_KINDS), total: z.number(), selected: z.number() })),
  total: z.number(),
  /** Whether the caller may edit the year's targets (the town). */
  can: z.object({ editTargets: z.boolean() }),
});
export type TalentProgress = z.infer<typeof TalentProgressSchema>;

export const TalentListSchema = z.object({
  rows: z.array(TalentRowSchema),
  /** The villages the caller may file a talent under (editors only), and may filter by. */
  villages: z.array(z.object({ organizationId: z.number(), name: z.string() })),
  can: z.object({ create: z.boolean(), import: z.boolean() }),
});
export type TalentList = z.infer<typeof TalentListSchema>;

export const TalentProgressQuerySchema = z.object({ year: z.coerce.number().int().min(TALENT_LIMITS.firstYear).max(TALENT_LIMITS.lastYear).optional() });
export const TalentYearParamSchema = z.object({ year: z.coerce.number().int().min(TALENT_LIMITS.firstYear).max(TALENT_LIMITS.lastYear) });

export const TalentTargetsInputSchema = z.object({
  targets: z.array(z.object({
    tier: z.enum(TALENT_TIERS),
    target: z.number().int().min(0, '目标人数不能为负').max(10_000, '目标人数过大').meta({ label: '目标人数' }),
    level: z.string().trim().min(1, '请填写层次级别').max(20, '层次级别不能超过20个字').meta({ label: '层次级别' }),
  }).strict()).min(1).max(TALENT_TIERS.length),
}).strict().refine((t) => new Set(t.targets.map((x) => x.tier)).size === t.targets.length, { message: '同一层次只能填写一次', path: ['targets'] });
export type TalentTargetsInput = z.input<typeof TalentTargetsInputSchema>;

export const TALENT_ROSTER_FORMATS = ['xlsx', 'docx', 'pdf'] as const;
export type TalentRosterFormat = (typeof TALENT_ROSTER_FORMATS)[number];
export const TalentRosterQuerySchema = TalentListQuerySchema.extend({ format: z.enum(TALENT_ROSTER_FORMATS).default('xlsx') });

/** POST /api/talent/import's query: into which village (or a town-wide file naming each row's village), dry run unless told. */
export const TalentImportQuerySchema = z.object({
  orgId: z.coerce.number().int().positive(),
  dryRun: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});
