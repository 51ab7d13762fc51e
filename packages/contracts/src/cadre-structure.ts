import { z } from 'zod';
import { DateSchema, PastDateSchema } from './dates.js';
import { EDUCATIONS, type EDUCATION_LABELS } from './members.js';
import type { VillageCadrePost } from './cadres.js';

/**
 * 班子结构 (issue 15 point 3): the figures a 换届 review reads of a village's 村"两委" and of the town, each with its
 * definition; 聘用制 and 事业编待遇 (point 5); the 乡村振兴服务队 (point 2). No ranking: a village's figures are set
 * against the town's own targets (settings), never against each other.
 */

/** 大专及以上: what the 换届 review counts as 大专及以上学历. */
export const COLLEGE_EDUCATIONS: readonly (keyof typeof EDUCATION_LABELS)[] = ['college', 'undergraduate', 'postgraduate'];
/** Age bands as 换届 reviews read them (age in whole years on the day the figures are taken). */
export const AGE_BANDS = ['upTo35', 'from36To45', 'from46To55', 'over55'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS: Record<AgeBand, string> = { upTo35: '35岁及以下', from36To45: '36—45岁', from46To55: '46—55岁', over55: '55岁以上' };

export const STRUCTURE_FIGURES = ['cadres', 'avgAge', 'ageBands', 'collegeSharePct', 'women', 'combinedSharePct', 'committeePartySharePct', 'localTalentSharePct'] as const;
export type StructureFigure = (typeof STRUCTURE_FIGURES)[number];
/** Every figure's label and definition, shown next to it (the page never shows a number without saying what it counts). */
export const STRUCTURE_FIGURE_DEFINITIONS: Record<StructureFigure, { label: string; definition: string }> = {
  cadres: { label: '"两委"成员', definition: '今天在任的村党支部委员会和村民委员会成员(书记、副书记、委员、主任、委员,含选派的书记),按人计,一人兼任多职只计一次;计生专职、报账员、妇女主任和第一书记不计入。全镇为各村之和。' },
  avgAge: { label: '平均年龄', definition: '"两委"成员按出生日期计算的今天的周岁年龄的平均数,保留1位小数。' },
  ageBands: { label: '年龄结构', definition: '"两委"成员按周岁分为35岁及以下、36—45岁、46—55岁、55岁以上四段的人数。' },
  collegeSharePct: { label: '大专及以上学历占比', definition: '学历为大学专科、大学本科或研究生的"两委"成员占"两委"成员的百分比;学历未登记的计入分母、不计入分子,未登记人数另行列出。' },
  women: { label: '女性成员', definition: '"两委"成员中女性的人数(《村民委员会组织法》第六条:村民委员会成员中应当有妇女成员)。' },
  combinedSharePct: { label: '一肩挑比例', definition: '村党支部书记和村委会主任由同一人担任的村,占有在任书记的村数的百分比;一个村的数字为“是”或“否”。' },
  committeePartySharePct: { label: '村委会成员中党员比例', definition: '今天在任的村委会主任和委员中,组织关系在册、状态正常的党员所占百分比(按人计)。' },
  localTalentSharePct: { label: '本土人才占比', definition: '"两委"成员中登记为本土人才(本村或本镇成长、在本地创业就业的致富带头人、返乡人员等)的人数所占百分比。' },
};

export const StructureFiguresSchema = z.object({
  cadres: z.number(),
  avgAge: z.number().nullable(),
  ageBands: z.object({ upTo35: z.number(), from36To45: z.number(), from46To55: z.number(), over55: z.number() }),
  college: z.number(), educationUnknown: z.number(), collegeSharePct: z.number().nullable(),
  women: z.number(),
  /** Villages with a secretary today, and those where the secretary is also the director. */
  villagesWithSecretary: z.number(), combined: z.number(), combinedSharePct: z.number().nullable(),
  committeeMembers: z.number(), committeePartyMembers: z.number(), committeePartySharePct: z.number().nullable(),
  localTalent: z.number(), localTalentSharePct: z.number().nullable(),
});
export type StructureFigures = z.infer<typeof StructureFiguresSchema>;

/** The town's own 换届 targets (settings cadres.target*), with where they come from. */
export const StructureTargetsSchema = z.object({
  avgAgeMax: z.number(), collegeSharePct: z.number(), womenMin: z.number(), combinedSharePct: z.number(), source: z.string(),
});
export type StructureTargets = z.infer<typeof StructureTargetsSchema>;
/** met: the figure reaches the target; short: it does not; none: nothing to measure (no cadres, no secretary). */
export const TARGET_CHECKS = ['met', 'short', 'none'] as const;
export type TargetCheck = (typeof TARGET_CHECKS)[number];
export const TARGET_CHECK_LABELS: Record<TargetCheck, string> = { met: '达到目标', short: '未达目标', none: '无数据' };
export const TargetChecksSchema = z.object({
  avgAge: z.enum(TARGET_CHECKS), collegeShare: z.enum(TARGET_CHECKS), women: z.enum(TARGET_CHECKS), combined: z.enum(TARGET_CHECKS),
});
export type TargetChecks = z.infer<typeof TargetChecksSchema>;

export const VillageStructureSchema = z.object({ organizationId: z.number(), name: z.string(), figures: StructureFiguresSchema, checks: TargetChecksSchema });
export type VillageStructure = z.infer<typeof VillageStructureSchema>;
/** One village's structure as its 干部 page shows it. */
export const StructureViewSchema = z.object({ asOf: z.string(), targets: StructureTargetsSchema, figures: StructureFiguresSchema, checks: TargetChecksSchema });
export type StructureView = z.infer<typeof StructureViewSchema>;
/** The town's structure: the town's figures and each village's, in the organisation order (never ranked). */
export const TownStructureSchema = StructureViewSchema.extend({ villages: z.array(VillageStructureSchema) });
export type TownStructure = z.infer<typeof TownStructureSchema>;

/** What the structure needs of a cadre that the roster may not hold: 学历 and 本土人才. */
export const CadreProfileInputSchema = z.object({
  education: z.enum(EDUCATIONS, { message: '请选择学历' }).nullable().meta({ label: '学历' }),
  localTalent: z.boolean().meta({ label: '本土人才' }),
}).strict();
export type CadreProfileInput = z.input<typeof CadreProfileInputSchema>;
export const CadrePersonParamSchema = z.object({ orgId: z.coerce.number().int().positive(), personId: z.coerce.number().int().positive() });
export const CadreHoldingParamSchema = z.object({ orgId: z.coerce.number().int().positive(), id: z.coerce.number().int().positive() });

/** 聘用制 (point 5): the posts the town's employment rule covers. */
export const EMPLOYABLE_POSTS: readonly VillageCadrePost[] = ['secretary', 'director', 'family_planning'];
export const EMPLOYMENT_REVIEW_RESULTS = ['excellent', 'competent', 'basically_competent', 'incompetent'] as const;
export type EmploymentReviewResult = (typeof EMPLOYMENT_REVIEW_RESULTS)[number];
export const EMPLOYMENT_REVIEW_RESULT_LABELS: Record<EmploymentReviewResult, string> = {
  excellent: '优秀', competent: '称职', basically_competent: '基本称职', incompetent: '不称职',
};

/** The rule as the town adopted it: its text, or its document's title and number (文号). */
const rule = z.string().trim().min(2, '请填写聘用制度的内容或文件名称(至少2个字)').max(4000, '聘用制度内容不能超过4000个字').meta({ label: '聘用制度' });
export const CadreEmploymentInputSchema = z.object({
  since: PastDateSchema.meta({ label: '聘用日期' }),
  ruleText: rule,
  careerTreatment: z.boolean().meta({ label: '享受事业编待遇' }),
}).strict();
export type CadreEmploymentInput = z.input<typeof CadreEmploymentInputSchema>;

export const EmploymentReviewInputSchema = z.object({
  year: z.number().int().min(2000, '考核年度不正确').max(2100, '考核年度不正确').meta({ label: '考核年度' }),
  result: z.enum(EMPLOYMENT_REVIEW_RESULTS, { message: '请选择考核结果' }).meta({ label: '考核结果' }),
  note: z.string().trim().max(200, '说明不能超过200个字').nullable().optional().transform((v) => v || null).meta({ label: '说明' }),
}).strict();
export type EmploymentReviewInput = z.input<typeof EmploymentReviewInputSchema>;

export const CadreEmploymentSchema = z.object({
  id: z.number(), cadrePostId: z.number(), since: z.string(), ruleText: z.string(), careerTreatment: z.boolean(),
  reviews: z.array(z.object({ year: z.number(), result: z.enum(EMPLOYMENT_REVIEW_RESULTS), note: z.string().nullable() })),
});
export type CadreEmployment = z.infer<typeof CadreEmploymentSchema>;
/** The town's count: holdings in post today under the rule, by post, and how many with 事业编待遇. */
export const EmploymentTotalsSchema = z.object({
  employed: z.number(), careerTreatment: z.number(), secretaries: z.number(), directors: z.number(), familyPlanning: z.number(),
});
export type EmploymentTotals = z.infer<typeof EmploymentTotalsSchema>;

/** 乡村振兴服务队 (point 2): members sent to serve villages for a period. */
const name = z.string().trim().min(2, '姓名至少2个字').max(20, '姓名不能超过20个字').meta({ label: '姓名' });
export const ServiceTeamMemberInputSchema = z.object({
  name,
  unit: z.string().trim().min(2, '请填写派出单位').max(60, '派出单位不能超过60个字').meta({ label: '派出单位' }),
  teamName: z.string().trim().min(2, '请填写服务队名称').max(60, '服务队名称不能超过60个字').meta({ label: '服务队' }),
  startedOn: PastDateSchema.meta({ label: '服务开始日期' }),
  endsOn: DateSchema.meta({ label: '服务期满日期' }),
  /** Set when the member leaves (期满离队 or 召回). */
  endedOn: PastDateSchema.nullable().optional().meta({ label: '离队日期' }),
  organizationIds: z.array(z.number().int().positive()).min(1, '请选择服务的村').max(20, '服务的村不能超过20个').meta({ label: '服务的村' }),
}).strict().superRefine((m, ctx) => {
  if (m.endsOn <= m.startedOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '服务期满日期应晚于开始日期' });
  if (m.endedOn && m.endedOn < m.startedOn) ctx.addIssue({ code: 'custom', path: ['endedOn'], message: '离队日期不能早于开始日期' });
});
export type ServiceTeamMemberInput = z.input<typeof ServiceTeamMemberInputSchema>;

export const ServiceTeamMemberSchema = z.object({
  id: z.number(), name: z.string(), unit: z.string(), teamName: z.string(), startedOn: z.string(), endsOn: z.string(), endedOn: z.string().nullable(),
  daysLeft: z.number().nullable(),
  villages: z.array(z.object({ organizationId: z.number(), name: z.string() })),
});
export type ServiceTeamMember = z.infer<typeof ServiceTeamMemberSchema>;
