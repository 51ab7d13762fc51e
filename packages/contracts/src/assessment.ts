import { z } from 'zod';
import { VILLAGE_CADRE_POSTS, type VillageCadrePost } from './cadres.js';

/**
 * 考核方案 (issue 16 point 1): a town's assessment scheme as data — who it assesses (镇机关工作人员, or 村干部 of some
 * posts), over what period, an indicator tree with 分值 (each indicator's share of the 100 points, the children of an
 * indicator sharing its points), who scores each leaf (a scorer, or a measure read from the platform's own records),
 * the evidence it needs, and the grade bands (等次). A scheme is never edited in place: each change is the next
 * version, in force from a later month.
 */
export const ASSESSMENT_AUDIENCES = ['town_staff', 'village_cadre'] as const;
export type AssessmentAudience = (typeof ASSESSMENT_AUDIENCES)[number];
export const ASSESSMENT_AUDIENCE_LABELS: Record<AssessmentAudience, string> = { town_staff: '镇机关工作人员', village_cadre: '村干部' };

export const ASSESSMENT_PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type AssessmentPeriodKind = (typeof ASSESSMENT_PERIOD_KINDS)[number];
export const ASSESSMENT_PERIOD_KIND_LABELS: Record<AssessmentPeriodKind, string> = { month: '月度', quarter: '季度', year: '年度' };

/** 评分主体: who enters an indicator's score, or `measure` — computed from other modules' records. */
export const ASSESSMENT_SCORERS = ['town_office', 'supervisor', 'inspection_team', 'villager_appraisal', 'measure'] as const;
export type AssessmentScorer = (typeof ASSESSMENT_SCORERS)[number];
export const ASSESSMENT_SCORER_LABELS: Record<AssessmentScorer, string> = {
  town_office: '镇党委(办公室)', supervisor: '包村干部/督导', inspection_team: '联督联查组', villager_appraisal: '村民评议', measure: '平台记录自动计算',
};

/** Measures read from the records of other modules (issue 16 point 2); each is shown with its source. */
export const ASSESSMENT_MEASURES = [
  'organization_life_on_time', 'disclosure_on_time', 'rectification_on_time', 'recruitment_on_time', 'collective_income_growth', 'matters_resolved',
] as const;
export type AssessmentMeasure = (typeof ASSESSMENT_MEASURES)[number];
export const ASSESSMENT_MEASURE_LABELS: Record<AssessmentMeasure, string> = {
  organization_life_on_time: '组织生活按期', disclosure_on_time: '三务公开按期', rectification_on_time: '整改按期',
  recruitment_on_time: '发展党员按期', collective_income_growth: '集体增收', matters_resolved: '村民说事办结',
};
/** Where each measure's figure comes from (the score page links the figure to these records). */
export const ASSESSMENT_MEASURE_SOURCES: Record<AssessmentMeasure, string> = {
  organization_life_on_time: '组织生活合规日历', disclosure_on_time: '三务公开记录', rectification_on_time: '联督联查整改记录',
  recruitment_on_time: '发展党员程序记录', collective_income_growth: '村集体经济台账', matters_resolved: '村民说事记录',
};
/**
 * Measures whose records the platform does not hold yet: a scheme may not use them (nothing could compute the score),
 * and the editor says why. Removed from here when the module exists.
 */
export const ASSESSMENT_MEASURES_UNAVAILABLE: Partial<Record<AssessmentMeasure, string>> = {
  matters_resolved: '村民说事办结需村民说事模块上线后才能使用,目前请由镇党委(办公室)评分',
};

/** Limits of a scheme's inputs, shared by the editor and the API. */
export const ASSESSMENT_LIMITS = {
  name: 40, indicatorName: 40, key: 40, evidence: 200, note: 300, bandLabel: 10,
  /** Indicators in the whole tree, at every level. */
  indicators: 60,
  /** Levels of the tree: 一级, 二级, 三级指标. */
  depth: 3,
  bands: 6,
  /** The top level's 分值 add up to this (百分制). */
  total: 100,
} as const;

/**
 * Forbidden as measures (issue 16 point 2): 《关于整治形式主义为基层减负若干规定》(2024) and the 2026 rules on
 * government apps (政务应用程序) forbid assessing by online time, log-in counts, check-ins, study minutes or points
 * rankings. An indicator whose name or evidence asks for one of these words is refused with this reason.
 * (签到 and 学时 are not listed: a meeting's 签到表 and a training's 学时 are ordinary records of the work itself.)
 */
export const FORBIDDEN_MEASURE_WORDS = ['在线时长', '在线时间', '登录次数', '登录频次', '登录天数', '打卡', '学习时长', '积分', '排名', '排行'] as const;
export const FORBIDDEN_MEASURE_REASON = '根据整治形式主义为基层减负有关规定,不得以在线时长、登录次数、打卡、学习时长或积分排名作为考核指标';

/** The forbidden words a text contains (none: an empty list). */
export const forbiddenWordsIn = (text: string | null | undefined): string[] => FORBIDDEN_MEASURE_WORDS.filter((w) => text?.includes(w));

const L = ASSESSMENT_LIMITS;

const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

/** One indicator as stored and sent; `children` is empty on a leaf. */
export interface AssessmentIndicator {
  key: string;
  name: string;
  /** 分值: points of the 100 (top level), or of the parent's points. */
  weight: number;
  /** Who scores a leaf; null on an indicator with children (its score is theirs summed). */
  scorer: AssessmentScorer | null;
  /** The measure, when scorer = measure. */
  measure: AssessmentMeasure | null;
  /** 评分依据/佐证材料: what the scorer needs to see. */
  evidence: string | null;
  children: AssessmentIndicator[];
}

const indicatorFields = {
  key: z.string().trim().regex(/^[a-z][a-z0-9_]*$/, '指标代码只能用小写字母、数字和下划线,以字母开头').max(L.key, `指标代码不能超过${L.key}个字`).meta({ label: '指标代码' }),
  name: z.string().trim().min(2, '指标名称至少2个字').max(L.indicatorName, `指标名称不能超过${L.indicatorName}个字`).meta({ label: '指标名称' }),
  weight: z.number().int('分值应为整数').min(1, '分值至少为1').max(L.total, `分值不能超过${L.total}`).meta({ label: '分值' }),
  scorer: z.enum(ASSESSMENT_SCORERS, { message: '请选择评分主体' }).nullable().default(null).meta({ label: '评分主体' }),
  measure: z.enum(ASSESSMENT_MEASURES, { message: '请选择记录指标' }).nullable().default(null).meta({ label: '记录指标' }),
  evidence: z.string().trim().max(L.evidence, `评分依据不能超过${L.evidence}个字`).nullable().default(null).transform((v) => v || null).meta({ label: '评分依据' }),
};
/** The tree is three levels at most: the third level's `children` must be empty (said in Chinese, not "unknown key"). */
const level3 = z.object({
  ...indicatorFields,
  children: z.array(z.unknown()).max(0, `指标最多${L.depth}级,三级指标下不能再设下级指标`).default([]).meta({ label: '下级指标' }),
}).strict();
const level2 = z.object({ ...indicatorFields, children: z.array(level3).default([]).meta({ label: '下级指标' }) }).strict();
export const AssessmentIndicatorSchema = z.object({ ...indicatorFields, children: z.array(level2).default([]).meta({ label: '下级指标' }) }).strict();

export const GradeBandSchema = z.object({
  label: z.string().trim().min(1, '请填写等次名称').max(L.bandLabel, `等次名称不能超过${L.bandLabel}个字`).meta({ label: '等次名称' }),
  min: z.number().int('等次最低分应为整数').min(0, '等次最低分不能小于0').max(L.total, `等次最低分不能大于${L.total}`).meta({ label: '最低分' }),
}).strict();
export type GradeBand = z.infer<typeof GradeBandSchema>;

/** The content a version holds: the posts it applies to (village cadres), the tree, the bands and a note. */
const contentFields = {
  posts: z.array(z.enum(VILLAGE_CADRE_POSTS, { message: '请选择职务' })).max(VILLAGE_CADRE_POSTS.length).default([])
    .refine((posts) => new Set(posts).size === posts.length, '适用职务不能重复').meta({ label: '适用职务' }),
  effectiveFrom: MonthSchema.meta({ label: '生效月份' }),
  indicators: z.array(AssessmentIndicatorSchema).min(1, '请至少设置一个指标').meta({ label: '考核指标' }),
  bands: z.array(GradeBandSchema).min(1, '请至少设置一个等次').max(L.bands, `等次最多${L.bands}个`).meta({ label: '等次' }),
  note: z.string().trim().max(L.note, `说明不能超过${L.note}个字`).nullable().optional().transform((v) => v || null).meta({ label: '说明' }),
};

type Issue = (path: (string | number)[], message: string) => void;
type TreeNode = z.infer<typeof AssessmentIndicatorSchema> | z.infer<typeof level2> | z.infer<typeof level3>;

/** One indicator's own rules: scorer on leaves only, measure with scorer = measure, available measures, no forbidden words. */
function checkIndicator(node: TreeNode, path: (string | number)[], issue: Issue) {
  const named = `指标“${node.name}”`;
  const words = [...forbiddenWordsIn(node.name), ...forbiddenWordsIn(node.evidence)];
  if (words.length) issue([...path, forbiddenWordsIn(node.name).length ? 'name' : 'evidence'], `${named}含有“${words[0]}”:${FORBIDDEN_MEASURE_REASON}`);
  const leaf = node.children.length === 0;
  if (leaf && !node.scorer) issue([...path, 'scorer'], `${named}没有下级指标,请选择评分主体`);
  if (!leaf && node.scorer) issue([...path, 'scorer'], `${named}有下级指标,得分为下级指标之和,不另设评分主体`);
  if (node.scorer === 'measure' && !node.measure) issue([...path, 'measure'], `${named}由平台记录自动计算,请选择记录指标`);
  if (node.scorer !== 'measure' && node.measure) issue([...path, 'measure'], `${named}的评分主体不是平台记录,不能选择记录指标`);
  const unavailable = node.measure ? ASSESSMENT_MEASURES_UNAVAILABLE[node.measure] : undefined;
  if (unavailable) issue([...path, 'measure'], `${named}:${unavailable}`);
}

/** Siblings' 分值 add up to their parent's (the top level to 100); keys unique; size and depth within the limits. */
function checkTree(indicators: TreeNode[], issue: Issue) {
  const keys = new Set<string>();
  let count = 0;
  const walk = (nodes: TreeNode[], path: (string | number)[], parent: TreeNode | null) => {
    const sum = nodes.reduce((n, x) => n + x.weight, 0);
    const want = parent ? parent.weight : L.total;
    if (nodes.length && sum !== want) {
      issue([...path, 'weight'], parent
        ? `指标“${parent.name}”的下级指标分值合计应为${want},现为${sum}`
        : `一级指标分值合计应为${want},现为${sum}`);
    }
    nodes.forEach((node, i) => {
      count++;
      const at = [...path, i];
      if (keys.has(node.key)) issue([...at, 'key'], `指标代码“${node.key}”重复`);
      keys.add(node.key);
      checkIndicator(node, at, issue);
      walk(node.children as TreeNode[], [...at, 'children'], node);
    });
  };
  walk(indicators, ['indicators'], null);
  if (count > L.indicators) issue(['indicators'], `考核指标最多${L.indicators}项(含各级),现为${count}项`);
}

/** Bands' minimums strictly descending (优秀 above 良好 above …), labels distinct. */
function checkBands(bands: GradeBand[], issue: Issue) {
  bands.forEach((band, i) => {
    if (i > 0 && band.min >= bands[i - 1].min) issue(['bands', i, 'min'], `等次“${band.label}”的最低分应低于“${bands[i - 1].label}”的${bands[i - 1].min}分`);
    if (bands.findIndex((b) => b.label === band.label) !== i) issue(['bands', i, 'label'], `等次名称“${band.label}”重复`);
  });
}

function checkContent(content: { indicators: TreeNode[]; bands: GradeBand[] }, ctx: z.RefinementCtx) {
  const issue: Issue = (path, message) => ctx.addIssue({ code: 'custom', path, message });
  checkTree(content.indicators, issue);
  checkBands(content.bands, issue);
}

/** Posts belong to village-cadre schemes: at least one there, none for the town's staff. */
export function postsProblem(audience: AssessmentAudience, posts: readonly VillageCadrePost[]): string | null {
  if (audience === 'village_cadre' && posts.length === 0) return '村干部考核方案请至少选择一个适用职务';
  if (audience === 'town_staff' && posts.length > 0) return '镇机关工作人员考核方案不选择村干部职务';
  return null;
}

/**
 * The records behind a measure are a village branch's (组织生活, 三务公开, 整改, 发展党员): a 镇机关 staff member has none,
 * so a staff scheme's measure leaf could never be scored. Null when the tree fits the audience.
 */
export function measureAudienceProblem(audience: AssessmentAudience, indicators: readonly { name: string; scorer?: AssessmentScorer | null; children?: readonly unknown[] }[]): string | null {
  if (audience !== 'town_staff') return null;
  type Node = { name: string; scorer?: AssessmentScorer | null; children?: readonly unknown[] };
  const measured = (nodes: readonly Node[]): Node | undefined => nodes.reduce<Node | undefined>((found, n) => found
    ?? (n.children?.length ? measured(n.children as Node[]) : n.scorer === 'measure' ? n : undefined), undefined);
  const leaf = measured(indicators);
  return leaf ? `指标“${leaf.name}”:平台记录按村党组织计算,镇机关工作人员考核方案不能使用,请改由镇党委(办公室)等评分` : null;
}

export const CreateAssessmentSchemeSchema = z.object({
  name: z.string().trim().min(2, '方案名称至少2个字').max(L.name, `方案名称不能超过${L.name}个字`).meta({ label: '方案名称' }),
  audience: z.enum(ASSESSMENT_AUDIENCES, { message: '请选择考核对象' }).meta({ label: '考核对象' }),
  periodKind: z.enum(ASSESSMENT_PERIOD_KINDS, { message: '请选择考核周期' }).meta({ label: '考核周期' }),
  ...contentFields,
}).strict().superRefine((s, ctx) => {
  const problem = postsProblem(s.audience, s.posts);
  if (problem) ctx.addIssue({ code: 'custom', path: ['posts'], message: problem });
  const measures = measureAudienceProblem(s.audience, s.indicators);
  if (measures) ctx.addIssue({ code: 'custom', path: ['indicators'], message: measures });
  checkContent(s, ctx);
});
export type CreateAssessmentScheme = z.input<typeof CreateAssessmentSchemeSchema>;

/** The next version of a scheme: the whole content again (the audience and period stay the scheme's). */
export const NewAssessmentVersionSchema = z.object(contentFields).strict().superRefine(checkContent);
export type NewAssessmentVersion = z.input<typeof NewAssessmentVersionSchema>;

/** An indicator as the API answers it (no defaults or transforms: responses are serialised, not parsed). */
const indicatorOut = {
  key: z.string(), name: z.string(), weight: z.number(), scorer: z.enum(ASSESSMENT_SCORERS).nullable(),
  measure: z.enum(ASSESSMENT_MEASURES).nullable(), evidence: z.string().nullable(),
};
const IndicatorOut3 = z.object({ ...indicatorOut, children: z.array(z.never()) });
const IndicatorOut2 = z.object({ ...indicatorOut, children: z.array(IndicatorOut3) });
const IndicatorOutSchema = z.object({ ...indicatorOut, children: z.array(IndicatorOut2) });
const GradeBandOutSchema = z.object({ label: z.string(), min: z.number() });

export const AssessmentVersionSchema = z.object({
  id: z.number(), version: z.number(), effectiveFrom: z.string(), posts: z.array(z.enum(VILLAGE_CADRE_POSTS)),
  indicators: z.array(IndicatorOutSchema), bands: z.array(GradeBandOutSchema), note: z.string().nullable(),
  createdBy: z.string(), createdAt: z.string(),
});
export type AssessmentVersion = z.infer<typeof AssessmentVersionSchema>;

const schemeFields = {
  id: z.number(), name: z.string(), audience: z.enum(ASSESSMENT_AUDIENCES), periodKind: z.enum(ASSESSMENT_PERIOD_KINDS),
  isExample: z.boolean(), createdAt: z.string(), updatedAt: z.string(),
};

/** A list row: the version in force this month (or the first, when none is yet), and how many there are. */
export const AssessmentSchemeRowSchema = z.object({
  ...schemeFields,
  current: z.object({ version: z.number(), effectiveFrom: z.string(), posts: z.array(z.enum(VILLAGE_CADRE_POSTS)), indicatorCount: z.number(), bands: z.array(GradeBandOutSchema) }),
  versionCount: z.number(),
  /** A later version already set to take over, if any. */
  nextEffectiveFrom: z.string().nullable(),
});
export type AssessmentSchemeRow = z.infer<typeof AssessmentSchemeRowSchema>;

export const AssessmentSchemeListSchema = z.object({ rows: z.array(AssessmentSchemeRowSchema), can: z.object({ manage: z.boolean() }) });
export type AssessmentSchemeList = z.infer<typeof AssessmentSchemeListSchema>;

export const AssessmentSchemeDetailSchema = z.object({
  ...schemeFields,
  /** Every version, oldest first; `currentVersion` is the one in force this month (null before the first starts). */
  versions: z.array(AssessmentVersionSchema),
  currentVersion: z.number().nullable(),
  can: z.object({ manage: z.boolean() }),
});
export type AssessmentSchemeDetail = z.infer<typeof AssessmentSchemeDetailSchema>;
