import { z } from 'zod';
import { DateSchema } from './dates.js';

/**
 * 党建示范点 (issue 20 point 5): a branch's site or brand (a village's 营子村“党建引领乡村治理”, a 非公 branch's too) with
 * its theme, the town's criteria (data, kept by the town), yearly evaluations criterion by criterion with evidence, photos
 * (stored without their location), the practices written up and the visits hosted. The figures on a showcase's page
 * come from the records (组织生活, 集体经济, 党员), never typed again. No score and no ranking: each criterion is 达到 or not.
 */
export const SHOWCASE_STATUSES = ['building', 'named', 'withdrawn'] as const;
export type ShowcaseStatus = (typeof SHOWCASE_STATUSES)[number];
export const SHOWCASE_STATUS_LABELS: Record<ShowcaseStatus, string> = { building: '培育中', named: '已命名', withdrawn: '已撤销' };
export const CRITERION_RESULTS = ['met', 'partly', 'unmet'] as const;
export type CriterionResult = (typeof CRITERION_RESULTS)[number];
export const CRITERION_RESULT_LABELS: Record<CriterionResult, string> = { met: '达到', partly: '基本达到', unmet: '未达到' };
export const EVALUATION_CONCLUSIONS = ['keep', 'improve', 'withdraw'] as const;
export type EvaluationConclusion = (typeof EVALUATION_CONCLUSIONS)[number];
export const EVALUATION_CONCLUSION_LABELS: Record<EvaluationConclusion, string> = { keep: '保留示范点', improve: '限期整改', withdraw: '撤销示范点' };

export const SHOWCASE_LIMITS = {
  name: 40, theme: 60, summary: 200, practices: 5000, criterionName: 40, criterionDescription: 200, criteria: 20,
  evidence: 300, evaluationNote: 500, visitors: 60, visitNote: 200, caption: 60, visitPeople: 10000,
} as const;
const L = SHOWCASE_LIMITS;

const required = (min: number, max: number, label: string) =>
  z.string().trim().min(min, `${label}至少${min}个字`).max(max, `${label}不能超过${max}个字`).meta({ label });
const optional = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过${max}个字`).nullable().optional().transform((v) => v || null).meta({ label });
const year = z.number().int().min(2000, '年度不正确').max(2100, '年度不正确').meta({ label: '年度' });

export const ShowcaseInputSchema = z.object({
  name: required(2, L.name, '示范点名称'),
  theme: required(2, L.theme, '创建主题'),
  status: z.enum(SHOWCASE_STATUSES, { message: '请选择状态' }).meta({ label: '状态' }),
  sinceYear: year.nullable().optional().transform((v) => v ?? null),
  summary: optional(L.summary, '简介'),
  practices: optional(L.practices, '经验做法'),
}).strict();
export type ShowcaseInput = z.input<typeof ShowcaseInputSchema>;
export const CreateShowcaseSchema = ShowcaseInputSchema.extend({ organizationId: z.number().int().positive().meta({ label: '党组织' }) }).strict();
export type CreateShowcase = z.input<typeof CreateShowcaseSchema>;
/** What the branch's secretary keeps up themselves: the practices written up (the town names and withdraws). */
export const ShowcasePracticesSchema = z.object({ summary: optional(L.summary, '简介'), practices: optional(L.practices, '经验做法') }).strict();
export type ShowcasePractices = z.input<typeof ShowcasePracticesSchema>;

export const CriterionInputSchema = z.object({
  id: z.number().int().positive().optional(),
  name: required(2, L.criterionName, '标准名称'),
  description: optional(L.criterionDescription, '标准说明'),
}).strict();
export const CriteriaInputSchema = z.object({ items: z.array(CriterionInputSchema).min(1, '至少一条标准').max(L.criteria, `标准最多${L.criteria}条`) }).strict();
export type CriteriaInput = z.input<typeof CriteriaInputSchema>;
export const CriterionSchema = z.object({ id: z.number(), name: z.string(), description: z.string().nullable(), active: z.boolean() });
export type Criterion = z.infer<typeof CriterionSchema>;
export const CriteriaSchema = z.object({ items: z.array(CriterionSchema), canEdit: z.boolean() });

export const EvaluationItemSchema = z.object({
  criterionId: z.number().int().positive(),
  result: z.enum(CRITERION_RESULTS, { message: '请选择达标情况' }).meta({ label: '达标情况' }),
  evidence: optional(L.evidence, '佐证材料'),
}).strict();
export const EvaluationInputSchema = z.object({
  evaluatedOn: DateSchema.meta({ label: '评估日期' }),
  items: z.array(EvaluationItemSchema).min(1, '请逐条评估').max(L.criteria),
  conclusion: z.enum(EVALUATION_CONCLUSIONS, { message: '请选择评估结论' }).meta({ label: '评估结论' }),
  note: optional(L.evaluationNote, '评估意见'),
}).strict();
export type EvaluationInput = z.input<typeof EvaluationInputSchema>;
export const EvaluationParamSchema = z.object({ id: z.coerce.number().int().positive(), year: z.coerce.number().int().min(2000).max(2100) });

export const VisitInputSchema = z.object({
  visitedOn: DateSchema.meta({ label: '来访日期' }),
  visitors: required(2, L.visitors, '来访单位'),
  people: z.number().int().min(1, '人数至少1人').max(L.visitPeople, `人数不能超过${L.visitPeople}`).meta({ label: '人数' }),
  note: optional(L.visitNote, '交流内容'),
}).strict();
export type VisitInput = z.input<typeof VisitInputSchema>;
export const ShowcaseChildParamSchema = z.object({ id: z.coerce.number().int().positive(), childId: z.coerce.number().int().positive() });
export const ShowcasePhotoQuerySchema = z.object({ caption: z.string().trim().max(L.caption, `照片说明不能超过${L.caption}个字`).optional().meta({ label: '照片说明' }) });

/** The live figures of the showcase's branch, counted from the records when the page is read. */
export const ShowcaseFiguresSchema = z.object({
  year: z.number(),
  activitiesHeld: z.number(),
  members: z.number(),
  /** A village branch's latest approved year of collective income (null for a 非公 branch or none approved). */
  income: z.object({ year: z.number(), totalFen: z.number() }).nullable(),
});
export type ShowcaseFigures = z.infer<typeof ShowcaseFiguresSchema>;

export const EvaluationSchema = z.object({
  year: z.number(), evaluatedOn: z.string(), conclusion: z.enum(EVALUATION_CONCLUSIONS), note: z.string().nullable(),
  items: z.array(z.object({ criterionId: z.number(), criterionName: z.string(), result: z.enum(CRITERION_RESULTS), evidence: z.string().nullable() })),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;
export const VisitSchema = z.object({ id: z.number(), visitedOn: z.string(), visitors: z.string(), people: z.number(), note: z.string().nullable() });
export const ShowcasePhotoSchema = z.object({ id: z.number(), caption: z.string().nullable(), size: z.number(), uploadedAt: z.string() });

export const ShowcaseSummarySchema = z.object({
  id: z.number(), organizationId: z.number(), organizationName: z.string(), isVillage: z.boolean(), name: z.string(), theme: z.string(),
  status: z.enum(SHOWCASE_STATUSES), sinceYear: z.number().nullable(), summary: z.string().nullable(), published: z.boolean(),
  lastEvaluation: z.object({ year: z.number(), conclusion: z.enum(EVALUATION_CONCLUSIONS) }).nullable(),
});
export type ShowcaseSummary = z.infer<typeof ShowcaseSummarySchema>;
export const ShowcaseListSchema = z.object({ items: z.array(ShowcaseSummarySchema), canCreate: z.boolean() });
export type ShowcaseList = z.infer<typeof ShowcaseListSchema>;
export const ShowcaseSchema = ShowcaseSummarySchema.extend({
  practices: z.string().nullable(), publishedAt: z.string().nullable(), figures: ShowcaseFiguresSchema,
  evaluations: z.array(EvaluationSchema), visits: z.array(VisitSchema), photos: z.array(ShowcasePhotoSchema),
  can: z.object({ manage: z.boolean(), update: z.boolean() }),
});
export type Showcase = z.infer<typeof ShowcaseSchema>;

/** A showcase's report (issue 20 point 7): Word or A4 PDF from one model. */
export const ShowcaseReportParamSchema = z.object({ id: z.coerce.number().int().positive(), format: z.enum(['pdf', 'docx'], { message: '格式应为 pdf 或 docx' }) });
