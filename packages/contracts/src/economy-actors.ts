import { z } from 'zod';

/**
 * 一村一品 and the economic actors (issue 18 point 4): each village's signature product and the 合作社, 家庭农场,
 * 龙头企业 and 特色基地 that carry its economy, with the support they received and the 致富带头人 who leads them.
 * Money is integer 分 as everywhere (shown in 万元); areas in 亩 to one decimal.
 */
export const PRODUCT_CATEGORIES = ['fungi', 'seed', 'orchard', 'vegetable', 'nursery', 'herbal', 'livestock', 'handicraft', 'tourism', 'other'] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];
export const PRODUCT_CATEGORY_LABELS: Record<ProductCategory, string> = {
  fungi: '食用菌', seed: '良种', orchard: '林果', vegetable: '蔬菜', nursery: '苗木花卉', herbal: '中药材',
  livestock: '养殖', handicraft: '手工', tourism: '乡村旅游', other: '其他',
};

export const ACTOR_KINDS = ['cooperative', 'family_farm', 'leading_enterprise', 'special_base'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
export const ACTOR_KIND_LABELS: Record<ActorKind, string> = {
  cooperative: '农民专业合作社', family_farm: '家庭农场', leading_enterprise: '龙头企业', special_base: '特色基地',
};

export const SUPPORT_KINDS = ['funds', 'land', 'training', 'other'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export const SUPPORT_KIND_LABELS: Record<SupportKind, string> = { funds: '资金', land: '土地', training: '培训', other: '其他' };

/** Limits shared by the forms and the API. One figure at most 10 亿元, an area at most 10 万亩 (a town is far below). */
export const ACTOR_LIMITS = {
  name: 60, naturalVillage: 30, unit: 10, brand: 100, person: 30, business: 200, note: 300, supportText: 100, source: 60,
  maxFen: 100_000_000_000, maxArea: 100_000, maxOutput: 100_000_000, maxPeople: 100_000, firstYear: 2000, lastYear: 2100,
} as const;

const L = ACTOR_LIMITS;
const name = (label: string) => z.string().trim().min(2, `${label}至少2个字`).max(L.name, `${label}不能超过${L.name}个字`).meta({ label });
const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过${max}个字`).nullable().optional().transform((v) => v || null).meta({ label });
const count = (label: string) => z.number({ message: `${label}须为数字` }).int(`${label}须为整数`).min(0, `${label}不能为负`).max(L.maxPeople, `${label}过大`).nullable().optional().transform((v) => v ?? null).meta({ label });
export const fenField = (label: string) => z.number({ message: `${label}须为数字` }).int(`${label}须精确到分`).min(0, `${label}不能为负`).max(L.maxFen, `${label}过大`).meta({ label });
export const ActorYearSchema = z.number({ message: '年度须为数字' }).int('年度不正确').min(L.firstYear, '年度不正确').max(L.lastYear, '年度不正确');
const decimal = (max: number, label: string) => z.number({ message: `${label}须为数字` }).min(0, `${label}不能为负`).max(max, `${label}过大`)
  .refine((v) => Math.round(v * 10) === v * 10, `${label}最多一位小数`).nullable().optional().transform((v) => v ?? null).meta({ label });
const id = (label: string) => z.number().int().positive().nullable().optional().transform((v) => v ?? null).meta({ label });

// —— 一村一品 ——

export const ProductInputSchema = z.object({
  name: name('产品名称'),
  category: z.enum(PRODUCT_CATEGORIES, { message: '请选择产品类别' }).meta({ label: '产品类别' }),
  /** The 自然村 (or place) inside the 行政村 where it grows, as written locally: 赵庄, 于官庄 …. */
  naturalVillage: text(L.naturalVillage, '所在自然村'),
  areaMu: decimal(L.maxArea, '面积(亩)'),
  outputAmount: decimal(L.maxOutput, '年产量'),
  outputUnit: text(L.unit, '产量单位'),
  valueFen: fenField('年产值').nullable().optional().transform((v) => v ?? null),
  /** The year the area, output and value figures are of. */
  figuresYear: ActorYearSchema.nullable().optional().transform((v) => v ?? null).meta({ label: '数据年度' }),
  households: count('带动农户(户)'),
  brand: text(L.brand, '品牌或认证'),
  note: text(L.note, '备注'),
}).strict();
export type ProductInput = z.input<typeof ProductInputSchema>;
export const CreateProductSchema = ProductInputSchema.extend({ organizationId: z.number().int().positive().meta({ label: '村' }) }).strict();
export type CreateProduct = z.input<typeof CreateProductSchema>;

/** The public fields of a product: what the village's public page shows (point 6). */
export const PublicProductSchema = z.object({
  id: z.number(), name: z.string(), category: z.enum(PRODUCT_CATEGORIES), naturalVillage: z.string().nullable(),
  areaMu: z.number().nullable(), outputAmount: z.number().nullable(), outputUnit: z.string().nullable(), valueFen: z.number().nullable(),
  figuresYear: z.number().nullable(), households: z.number().nullable(), brand: z.string().nullable(),
});
export type PublicProduct = z.infer<typeof PublicProductSchema>;

export const ProductSchema = PublicProductSchema.extend({
  organizationId: z.number(), villageName: z.string(), note: z.string().nullable(), isDemo: z.boolean(), updatedAt: z.string(),
  can: z.object({ edit: z.boolean() }),
});
export type Product = z.infer<typeof ProductSchema>;

/** A village branch the caller sees, and whether they may add records to it: the lists' groups (tree order). */
export const EconomyVillageRefSchema = z.object({ organizationId: z.number(), villageName: z.string(), canEdit: z.boolean() });
export type EconomyVillageRef = z.infer<typeof EconomyVillageRefSchema>;

export const EconomyListQuerySchema = z.object({ orgId: z.coerce.number().int().positive().optional() });
export type EconomyListQuery = z.infer<typeof EconomyListQuerySchema>;

export const ProductListSchema = z.object({ villages: z.array(EconomyVillageRefSchema), items: z.array(ProductSchema) });
export type ProductList = z.infer<typeof ProductListSchema>;

// —— 经营主体 ——

export const SupportInputSchema = z.object({
  kind: z.enum(SUPPORT_KINDS, { message: '请选择扶持类型' }).meta({ label: '扶持类型' }),
  year: ActorYearSchema.meta({ label: '年度' }),
  /** Money given (资金), or what a non-money support was worth when known. */
  amountFen: fenField('金额').nullable().optional().transform((v) => v ?? null),
  description: text(L.supportText, '扶持内容'),
  source: z.string().trim().min(2, '扶持来源至少2个字').max(L.source, `扶持来源不能超过${L.source}个字`).meta({ label: '扶持来源' }),
}).strict().superRefine((s, ctx) => {
  // A row says what was given: an amount, or words (土地 in 亩, a training's name).
  if (s.amountFen === null && !s.description) ctx.addIssue({ code: 'custom', path: ['description'], message: '请填写金额或扶持内容' });
});
export type SupportInput = z.input<typeof SupportInputSchema>;

export const SupportSchema = z.object({
  id: z.number(), kind: z.enum(SUPPORT_KINDS), year: z.number(), amountFen: z.number().nullable(), description: z.string().nullable(), source: z.string(),
});
export type Support = z.infer<typeof SupportSchema>;

export const ActorInputSchema = z.object({
  kind: z.enum(ACTOR_KINDS, { message: '请选择主体类型' }).meta({ label: '主体类型' }),
  name: name('主体名称'),
  /** 法定代表人 or 负责人 as registered. */
  representative: text(L.person, '法定代表人/负责人'),
  /** The 致富带头人 from the talent registry (the village's), or a name typed when they are not in it. */
  leaderTalentId: id('致富带头人'),
  leaderName: text(L.person, '致富带头人姓名'),
  members: count('成员(户)'),
  households: count('带动农户(户)'),
  business: text(L.business, '主营业务'),
  note: text(L.note, '备注'),
}).strict();
export type ActorInput = z.input<typeof ActorInputSchema>;
export const CreateActorSchema = ActorInputSchema.extend({ organizationId: z.number().int().positive().meta({ label: '村' }) }).strict();
export type CreateActor = z.input<typeof CreateActorSchema>;

export const ActorSchema = z.object({
  id: z.number(), organizationId: z.number(), villageName: z.string(), kind: z.enum(ACTOR_KINDS), name: z.string(),
  representative: z.string().nullable(), leaderTalentId: z.number().nullable(),
  /** The talent's name when linked (from the registry), else the typed name. */
  leaderName: z.string().nullable(),
  members: z.number().nullable(), households: z.number().nullable(), business: z.string().nullable(), note: z.string().nullable(),
  support: z.array(SupportSchema), supportFen: z.number(), isDemo: z.boolean(), updatedAt: z.string(),
  can: z.object({ edit: z.boolean() }),
});
export type Actor = z.infer<typeof ActorSchema>;

export const ActorListSchema = z.object({ villages: z.array(EconomyVillageRefSchema), items: z.array(ActorSchema) });
export type ActorList = z.infer<typeof ActorListSchema>;

export const ActorSupportParamSchema = z.object({ id: z.coerce.number().int().positive(), supportId: z.coerce.number().int().positive() });

/** What a village's records may link to: its talents, its 四议两公开 procedures, its published 三务公开 (the pickers). */
export const EconomyLinkOptionsSchema = z.object({
  talents: z.array(z.object({ id: z.number(), name: z.string() })),
  fourTwo: z.array(z.object({ id: z.number(), title: z.string(), status: z.string() })),
  disclosures: z.array(z.object({ id: z.number(), title: z.string(), period: z.string() })),
});
export type EconomyLinkOptions = z.infer<typeof EconomyLinkOptionsSchema>;
export const EconomyVillageParamSchema = z.object({ orgId: z.coerce.number().int().positive() });
