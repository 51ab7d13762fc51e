import { z } from 'zod';

/**
 * 对标 (issue 17 point 4): the town picks indicators, sees its own value of each calendar year, enters the benchmark
 * town's value with its source, and reads the gap year over year. An indicator of the catalogue whose own value the
 * platform's records answer is computed by the database; every other one (美丽乡村, 村集体经济收入 until the economy
 * module exists, a 自定义 one) is entered by hand for the own town too, with its source.
 */
export const BENCHMARK_GROUPS = ['party_building', 'beautiful_village', 'governance', 'innovation'] as const;
export type BenchmarkGroup = (typeof BENCHMARK_GROUPS)[number];
/** The four areas the article's town learned from its benchmark town (基层党建、美丽乡村、基层治理、创新发展). */
export const BENCHMARK_GROUP_LABELS: Record<BenchmarkGroup, string> = {
  party_building: '基层党建', beautiful_village: '美丽乡村', governance: '基层治理', innovation: '创新发展',
};

/** Catalogue indicators whose own value the records answer; the service names the module that computes each. */
export const BENCHMARK_COMPUTED_KEYS = [
  'organization_life_on_time', 'disclosure_on_time', 'rectification_on_time', 'recruited', 'reserves_per_village', 'cadre_college_share',
] as const;
export type BenchmarkComputedKey = (typeof BENCHMARK_COMPUTED_KEYS)[number];
/** Catalogue indicators the records cannot answer yet: the own value is entered by hand with its source. */
export const BENCHMARK_MANUAL_KEYS = ['collective_income_per_village', 'beautiful_village_demos', 'matters_resolved_rate', 'innovation_projects'] as const;
export const BENCHMARK_CATALOGUE_KEYS = [...BENCHMARK_COMPUTED_KEYS, ...BENCHMARK_MANUAL_KEYS] as const;
export type BenchmarkCatalogueKey = (typeof BENCHMARK_CATALOGUE_KEYS)[number];

export interface BenchmarkCatalogueEntry {
  name: string; unit: string; group: BenchmarkGroup; higherIsBetter: boolean;
  /** Where the own value comes from: the records (named) or 手工录入. */
  source: string;
  /** A percentage: the gap is in 百分点 and no ratio is shown (a ratio of two rates says little). */
  percent: boolean;
}

export const BENCHMARK_CATALOGUE: Record<BenchmarkCatalogueKey, BenchmarkCatalogueEntry> = {
  organization_life_on_time: { name: '组织生活按期完成率', unit: '%', group: 'party_building', higherIsBetter: true, percent: true, source: '组织生活记录(当年各月应开展事项中按期完成的比例;平台有记录以前的月份不计)' },
  disclosure_on_time: { name: '三务公开按期公开率', unit: '%', group: 'governance', higherIsBetter: true, percent: true, source: '三务公开记录(当年到期事项中按期公开的比例;平台有记录以前到期的不计)' },
  rectification_on_time: { name: '整改按期完成率', unit: '%', group: 'governance', higherIsBetter: true, percent: true, source: '联督联查整改记录(当年到期整改中按期提交整改材料的比例)' },
  recruited: { name: '当年发展党员数', unit: '人', group: 'party_building', higherIsBetter: true, percent: false, source: '党员名册(当年接收为预备党员的人数)' },
  reserves_per_village: { name: '每村后备人才数', unit: '人/村', group: 'party_building', higherIsBetter: true, percent: false, source: '后备人才库(年末或今日在培养人数÷村数)' },
  cadre_college_share: { name: '村"两委"大专及以上学历占比', unit: '%', group: 'party_building', higherIsBetter: true, percent: true, source: '村干部任职记录(年末或今日在任成员)' },
  collective_income_per_village: { name: '村均集体经济收入', unit: '万元', group: 'innovation', higherIsBetter: true, percent: false, source: '手工录入' },
  beautiful_village_demos: { name: '美丽乡村示范村数', unit: '个', group: 'beautiful_village', higherIsBetter: true, percent: false, source: '手工录入' },
  matters_resolved_rate: { name: '村民说事事项办结率', unit: '%', group: 'governance', higherIsBetter: true, percent: true, source: '手工录入' },
  innovation_projects: { name: '创新发展项目数', unit: '个', group: 'innovation', higherIsBetter: true, percent: false, source: '手工录入' },
};

export const isComputedKey = (key: string | null): key is BenchmarkComputedKey => (BENCHMARK_COMPUTED_KEYS as readonly string[]).includes(key ?? '');

export const BENCHMARK_LIMITS = { townName: 30, note: 200, indicatorName: 30, unit: 10, source: 200, years: 10, maxValue: 1e11 } as const;
const L = BENCHMARK_LIMITS;
/** How many years the table shows by default (this year and the two before). */
export const BENCHMARK_DEFAULT_YEARS = 3;

const note = z.string().trim().max(L.note, `说明不能超过${L.note}个字`).nullable().optional().transform((v) => v || null).meta({ label: '说明' });

export const BenchmarkTownInputSchema = z.object({
  name: z.string().trim().min(2, '对标镇名称至少2个字').max(L.townName, `对标镇名称不能超过${L.townName}个字`).meta({ label: '对标镇' }),
  note,
});
export type BenchmarkTownInput = z.input<typeof BenchmarkTownInputSchema>;

const indicatorName = z.string().trim().min(2, '指标名称至少2个字').max(L.indicatorName, `指标名称不能超过${L.indicatorName}个字`).meta({ label: '指标名称' });
const unit = z.string().trim().min(1, '请填写单位').max(L.unit, `单位不能超过${L.unit}个字`).meta({ label: '单位' });
const group = z.enum(BENCHMARK_GROUPS, { message: '请选择指标类别' }).meta({ label: '类别' });

/** An indicator from the catalogue (name, unit and direction are the catalogue's) or a 自定义 one. */
export const CatalogueBenchmarkIndicatorSchema = z.object({
  catalogueKey: z.enum(BENCHMARK_CATALOGUE_KEYS, { message: '请选择目录中的指标' }).meta({ label: '目录指标' }),
}).strict();
export const CustomBenchmarkIndicatorSchema = z.object({
  name: indicatorName, unit, group, higherIsBetter: z.boolean({ message: '请选择方向' }).meta({ label: '方向' }),
}).strict();
export const CreateBenchmarkIndicatorSchema = z.union([CatalogueBenchmarkIndicatorSchema, CustomBenchmarkIndicatorSchema]);
export type CreateBenchmarkIndicator = z.input<typeof CreateBenchmarkIndicatorSchema>;

/** A 自定义 indicator's name, unit, group and direction; a catalogue one keeps the catalogue's name, unit and direction. */
export const UpdateBenchmarkIndicatorSchema = z.object({
  name: indicatorName.optional(), unit: unit.optional(), group: group.optional(), higherIsBetter: z.boolean().optional(),
});
export type UpdateBenchmarkIndicator = z.input<typeof UpdateBenchmarkIndicatorSchema>;

const value = (label: string) => z.number({ message: `请填写${label}` }).finite(`${label}应为数字`)
  .min(-L.maxValue, `${label}超出范围`).max(L.maxValue, `${label}超出范围`).meta({ label });
const source = (label: string) => z.string({ message: `请填写${label}` }).trim().min(2, `请填写${label}(至少2个字)`)
  .max(L.source, `${label}不能超过${L.source}个字`).meta({ label });

/**
 * One year's values of an indicator: the benchmark town's value with its source (required), and, for an indicator the
 * records cannot answer, the own town's value with its source (both or neither).
 */
export const PutBenchmarkValueSchema = z.object({
  benchmarkValue: value('对标镇数值'),
  source: source('对标镇数值来源'),
  ownValue: value('本镇数值').nullable().optional().transform((v) => v ?? null),
  ownSource: source('本镇数值来源').nullable().optional().transform((v) => v || null),
}).superRefine((v, ctx) => {
  if (v.ownValue !== null && !v.ownSource) ctx.addIssue({ code: 'custom', path: ['ownSource'], message: '填写本镇数值时请注明本镇数值来源' });
});
export type PutBenchmarkValue = z.input<typeof PutBenchmarkValueSchema>;

export const BenchmarkValueParamSchema = z.object({
  id: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(2000, '年份不能早于2000年').max(2100, '年份不能晚于2100年'),
});
export const BenchmarkQuerySchema = z.object({
  years: z.coerce.number().int().min(1, '至少显示1年').max(L.years, `最多显示${L.years}年`).default(BENCHMARK_DEFAULT_YEARS),
});

/** One year of one indicator: the own value (computed, hand-entered or none), the benchmark value and the gap. */
export const BenchmarkCellSchema = z.object({
  year: z.number().int(),
  own: z.number().nullable(),
  /** Where the own value comes from: the records (the catalogue's source) or the hand-entered source. */
  ownSource: z.string().nullable(),
  benchmark: z.number().nullable(),
  source: z.string().nullable(),
  /** own − benchmark (百分点 for a percentage); null while either is missing. */
  gap: z.number().nullable(),
  /** own ÷ benchmark, for counts and amounts with a positive benchmark; null for percentages. */
  ratio: z.number().nullable(),
  /** Whether the gap is in the town's favour, by the indicator's direction; null without a gap. */
  ahead: z.boolean().nullable(),
  enteredBy: z.string().nullable(),
  enteredAt: z.string().nullable(),
});
export type BenchmarkCell = z.infer<typeof BenchmarkCellSchema>;

export const BenchmarkIndicatorSchema = z.object({
  id: z.number().int(),
  catalogueKey: z.enum(BENCHMARK_CATALOGUE_KEYS).nullable(),
  name: z.string(), unit: z.string(), group: z.enum(BENCHMARK_GROUPS), higherIsBetter: z.boolean(),
  /** True: the own value is computed from the records; false: 来源:手工录入. */
  computed: z.boolean(),
  percent: z.boolean(),
  cells: z.array(BenchmarkCellSchema),
});
export type BenchmarkIndicator = z.infer<typeof BenchmarkIndicatorSchema>;

export const BenchmarkTownSchema = z.object({ id: z.number().int(), name: z.string(), note: z.string().nullable() });

export const BenchmarkBoardSchema = z.object({
  town: BenchmarkTownSchema.nullable(),
  years: z.array(z.number().int()),
  indicators: z.array(BenchmarkIndicatorSchema),
  can: z.object({ manage: z.boolean() }),
});
export type BenchmarkBoard = z.infer<typeof BenchmarkBoardSchema>;

/** What a create or save answers: the row's id. */
export const BenchmarkSavedSchema = z.object({ id: z.number().int() });
