import { z } from 'zod';
import { DateSchema } from './dates.js';
import { EDUCATIONS, EDUCATION_LABELS, GENDERS, GENDER_LABELS, OCCUPATIONS, OCCUPATION_LABELS, STANDINGS, STANDING_LABELS } from './members.js';
import { ORGANIZATION_KIND_LABELS, SECTORS, SECTOR_LABELS } from './organizations.js';

/**
 * 党内统计 (issue 17 point 3): the yearly tables a town reports, computed from the roster's dated records as of a day
 * (31 December by default). The bands below are data so that a change of the reporting form is a change here only.
 */

/**
 * 年龄段 as the 中共中央组织部《中国共产党党内统计公报》 groups members (30岁及以下, 31至35岁 … 61岁及以上). Ages are whole
 * years on the statistics day; 发展党员 are banded by their age on the day they were admitted. `max` is inclusive.
 */
export const STAT_AGE_BANDS = [
  { key: 'upTo30', label: '30岁及以下', max: 30 },
  { key: 'from31To35', label: '31—35岁', max: 35 },
  { key: 'from36To40', label: '36—40岁', max: 40 },
  { key: 'from41To45', label: '41—45岁', max: 45 },
  { key: 'from46To50', label: '46—50岁', max: 50 },
  { key: 'from51To55', label: '51—55岁', max: 55 },
  { key: 'from56To60', label: '56—60岁', max: 60 },
  { key: 'over60', label: '61岁及以上', max: null },
] as const;

/**
 * 入党时间 by era, as the 党内统计公报 reports it (新中国成立前 / 成立后至十一届三中全会前 / 三中全会后至十八大前 / 十八大以来).
 * `from` is the first day of the era. Uncertain: the 公报 does not print the boundary days; these are the founding of
 * the PRC (1949-10-01), the opening of the 十一届三中全会 (1978-12-18) and of the 十八大 (2012-11-08). Change them here.
 */
export const PARTY_ERA_BANDS = [
  { key: 'before1949', label: '新中国成立前', from: null },
  { key: 'from1949', label: '新中国成立后至党的十一届三中全会前', from: '1949-10-01' },
  { key: 'from1978', label: '党的十一届三中全会后至党的十八大前', from: '1978-12-18' },
  { key: 'from2012', label: '党的十八大以来', from: '2012-11-08' },
] as const;

/** 民族: the roster keeps the 民族 as written; the report splits 汉族 and 少数民族. */
export const STAT_ETHNICITY_GROUPS = ['han', 'minority'] as const;
export const STAT_ETHNICITY_LABELS: Record<(typeof STAT_ETHNICITY_GROUPS)[number], string> = { han: '汉族', minority: '少数民族' };

/**
 * 党员增减 of the period (1 January to the statistics day). 镇内转入/转出 are transfers between branches of this deployment
 * (they cancel out in the total row); 出党 includes 取消预备党员资格. 年初数 + 发展 + 转入 − 出党 − 转出 − 死亡 = 期末数.
 */
export const STAT_FLOW_COLUMNS = ['start', 'joined', 'inExternal', 'inTown', 'left', 'outExternal', 'outTown', 'died', 'end'] as const;
export type StatFlowColumn = (typeof STAT_FLOW_COLUMNS)[number];
export const STAT_FLOW_LABELS: Record<StatFlowColumn, string> = {
  start: '年初数', joined: '发展党员', inExternal: '从镇外转入', inTown: '镇内转入', left: '出党', outExternal: '转往镇外',
  outTown: '镇内转出', died: '死亡', end: '期末数',
};

export const STAT_UNKNOWN = 'unknown';
const UNKNOWN_LABEL = '未登记';

const cols = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((key) => ({ key: key as string, label: labels[key] }));
const withUnknown = (c: { key: string; label: string }[]) => [...c, { key: STAT_UNKNOWN, label: UNKNOWN_LABEL }];

/** The member dimensions: the same for 党员 (as of the day) and 发展党员 (of the period). */
export const STAT_DIMENSIONS = {
  gender: { title: '性别', columns: cols(GENDERS, GENDER_LABELS) },
  ethnicity: { title: '民族', columns: cols(STAT_ETHNICITY_GROUPS, STAT_ETHNICITY_LABELS) },
  age: { title: '年龄', columns: STAT_AGE_BANDS.map(({ key, label }) => ({ key, label })) },
  education: { title: '学历', columns: withUnknown(cols(EDUCATIONS, EDUCATION_LABELS)) },
  occupation: { title: '工作岗位', columns: withUnknown(cols(OCCUPATIONS, OCCUPATION_LABELS)) },
  partyEra: { title: '入党时间', columns: PARTY_ERA_BANDS.map(({ key, label }) => ({ key, label })) },
  standing: { title: '正式/预备', columns: cols(STANDINGS, STANDING_LABELS) },
} as const;
export type StatDimension = keyof typeof STAT_DIMENSIONS;
/** 发展党员 are all 预备党员 admitted in the period: 入党时间 and 正式/预备 would say nothing. */
export const RECRUIT_DIMENSIONS = ['gender', 'ethnicity', 'age', 'education', 'occupation'] as const satisfies readonly StatDimension[];

/** Every table's key: member_<dim>, recruit_<dim>, flows, mobile, organizations. */
export const STAT_TABLE_KEYS = [
  ...Object.keys(STAT_DIMENSIONS).map((d) => `member_${d}`), ...RECRUIT_DIMENSIONS.map((d) => `recruit_${d}`), 'flows', 'mobile', 'organizations',
] as const;

export const STAT_MOBILE_COLUMNS = [{ key: 'outflow', label: '流出党员' }, { key: 'inflow', label: '流入党员' }];
/** 基层党组织 rows: 党委, 党总支, 党支部 (of which 联合党支部); 党小组 are not 基层党组织. Columns: the sectors. */
export const STAT_ORG_ROWS = [
  { key: 'committee', label: ORGANIZATION_KIND_LABELS.committee },
  { key: 'general_branch', label: ORGANIZATION_KIND_LABELS.general_branch },
  { key: 'branch', label: ORGANIZATION_KIND_LABELS.branch },
  { key: 'joint_branch', label: '其中:联合党支部' },
];
export const STAT_ORG_COLUMNS = withUnknown(cols(SECTORS, SECTOR_LABELS));

export const STAT_TOTAL_ROW = 'total';
export const STATISTICS_TITLE = '党内统计';

export const StatisticsQuerySchema = z.object({
  asOf: DateSchema.optional().meta({ label: '统计日期' }),
  orgId: z.coerce.number().int().positive().optional().meta({ label: '党组织' }),
});
export type StatisticsQuery = z.infer<typeof StatisticsQuerySchema>;

export const StatisticsFileParamsSchema = z.object({ format: z.enum(['xlsx', 'pdf']) });

const StatRowSchema = z.object({
  /** The branch's id as text, STAT_TOTAL_ROW for the total, or the organisation kind in the 基层党组织 table. */
  key: z.string(), label: z.string(), cells: z.array(z.number().int()),
  /** The row's sum; null for the flow table, whose columns are not parts of one whole. */
  total: z.number().int().nullable(),
});
export const StatTableSchema = z.object({
  key: z.string(), title: z.string(), group: z.enum(['members', 'recruits', 'flows', 'mobile', 'organizations']),
  /** Cells open to the members behind them (not the 基层党组织 table). */
  drillable: z.boolean(),
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  rows: z.array(StatRowSchema),
});
export type StatTable = z.infer<typeof StatTableSchema>;

export const PartyStatisticsSchema = z.object({
  asOf: z.string(), periodStart: z.string(), unitName: z.string(), tables: z.array(StatTableSchema),
});
export type PartyStatistics = z.infer<typeof PartyStatisticsSchema>;

export const StatisticsMembersQuerySchema = StatisticsQuerySchema.extend({
  table: z.enum(STAT_TABLE_KEYS as unknown as [string, ...string[]]).meta({ label: '统计表' }),
  row: z.string().regex(/^(total|\d{1,9})$/).meta({ label: '行' }),
  column: z.string().regex(/^[a-zA-Z0-9_]{1,40}$/).meta({ label: '列' }),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type StatisticsMembersQuery = z.infer<typeof StatisticsMembersQuerySchema>;

/** One member behind a cell: name and branch only (no ID number, no phone); occurredOn for a flow. */
export const StatisticsMembersSchema = z.object({
  items: z.array(z.object({ memberId: z.number().int(), name: z.string(), organizationName: z.string(), occurredOn: z.string().nullable() })),
  total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
});
export type StatisticsMembers = z.infer<typeof StatisticsMembersSchema>;

/** The default statistics day: 31 December of the year before `today`. */
export const defaultStatisticsDay = (today: string) => `${Number(today.slice(0, 4)) - 1}-12-31`;
