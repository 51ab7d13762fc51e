/**
 * The roster columns: our template header, the other names secretaries give the same column, whether it
 * must be filled, and how its text becomes a profile value. The template, the 填写说明 sheet and the parser
 * all read this one table so they cannot drift apart.
 */
import {
  EDUCATION_LABELS, EDUCATIONS, GENDER_LABELS, GENDERS, OCCUPATION_LABELS, OCCUPATIONS, PARTY_POST_LABELS, PARTY_POSTS,
} from '@dj/contracts';
import {
  cleanText, compactNumberText, compactText, headerKey, parseDate, parseYesNo, unquoteExported, type CellInput, type Normalised,
} from './normalise.js';

export type Gender = (typeof GENDERS)[number];
export type Education = (typeof EDUCATIONS)[number];
export type Occupation = (typeof OCCUPATIONS)[number];
export type PartyPost = (typeof PARTY_POSTS)[number];

/**
 * One roster row in MemberProfile terms, except that the branch and 党小组 are still names: the service
 * resolves them to ids within the importing secretary's scope. Fields of a row that has errors may be
 * '' or null where the cell could not be read, so only rows without errors are fit for saving.
 */
export interface RosterValues {
  name: string;
  gender: Gender | null;
  ethnicity: string;
  birthDate: string;
  idNumber: string;
  nativePlace: string | null;
  education: Education | null;
  joinedAt: string;
  confirmedAt: string | null;
  organizationName: string;
  groupName: string | null;
  partyPosts: PartyPost[];
  occupation: Occupation | null;
  workUnit: string | null;
  phone: string | null;
  address: string | null;
  hamlet: string | null;
  isVillageCadre: boolean;
  isHardship: boolean;
  /**
   * 人员类别 of the national system's export (全国党员管理信息系统): 正式党员 or 预备党员. Not a profile field (the
   * standing follows from 入党/转正 dates); read only to check that the dates agree with it. Not in our template.
   */
  standing: Standing | null;
}
export type Standing = 'full' | 'probationary';
export type RosterField = keyof RosterValues;

export interface ParseContext { date1904: boolean }

interface ColumnDef<F extends RosterField> {
  field: F;
  /** As written in our template. */
  header: string;
  aliases: readonly string[];
  required: boolean;
  /** Template column width in characters. */
  width: number;
  /** One line for the 填写说明 sheet. */
  hint: string;
  /** `header` is the column's name as written in the file, for messages the secretary can act on. */
  normalise(input: CellInput, header: string, ctx: ParseContext): Normalised<RosterValues[F]>;
}
export type ColumnSpec = { [F in RosterField]: ColumnDef<F> }[RosterField];

const ok = <T>(value: T): Normalised<T> => ({ ok: true, value });

function optionalText(input: CellInput): Normalised<string | null> {
  return ok(unquoteExported(cleanText(input)) || null);
}
function optionalCompact(input: CellInput): Normalised<string | null> {
  return ok(compactText(input) || null);
}

function dateColumn(input: CellInput, _header: string, ctx: ParseContext): Normalised<string> {
  return parseDate(input, ctx.date1904) ?? ok('');
}

/** An enum column: our label, its common variants, and a message listing the labels when nothing matches. */
function enumColumn<T extends string>(codes: readonly T[], labels: Record<T, string>, variants: Record<T, readonly string[]>) {
  const lookup = new Map<string, T>();
  for (const code of codes) for (const v of [labels[code], ...variants[code]]) lookup.set(headerKey(v), code);
  const allowed = codes.map((c) => labels[c]).join('、');
  return (input: CellInput, header: string): Normalised<T | null> => {
    const s = unquoteExported(cleanText(input));
    if (!s) return ok(null);
    const key = headerKey(s);
    // "初中毕业", "高中文化", "退休人员": the suffix says nothing about the category.
    const code = lookup.get(key) ?? lookup.get(key.replace(/(毕业|肄业|在读|文化|学历|程度|人员)$/, ''));
    return code ? ok(code) : { ok: false, message: `无法识别“${s}”,${header}应填写:${allowed}` };
  };
}

const gender = enumColumn(GENDERS, GENDER_LABELS, { male: ['男性', 'm', 'male'], female: ['女性', 'f', 'female'] });
const education = enumColumn(EDUCATIONS, EDUCATION_LABELS, {
  postgraduate: ['研究生及以上', '硕士', '博士', '硕士研究生', '博士研究生'],
  undergraduate: ['本科', '大学', '学士'],
  college: ['大专', '专科', '高职', '高等专科'],
  technical_secondary: ['中技', '技校', '中等专科', '职高', '职业高中', '中等职业'],
  high_school: ['普通高中', '高级中学'],
  middle_school: ['初级中学'],
  primary: [],
  none: ['文盲', '半文盲', '不识字', '无'],
});
const occupation = enumColumn(OCCUPATIONS, OCCUPATION_LABELS, {
  farmer: ['务农', '农业', '农牧渔民', '农林牧渔', '种植', '养殖', '种地'],
  migrant_worker: ['打工', '务工', '外出打工', '农民工', '进城务工'],
  employee: ['职工', '工人', '企业职工', '事业单位职工', '专业技术', '工勤技能', '企业管理', '公司职员', '职员', '教师', '医生'],
  civil_servant: ['公务员', '机关干部', '党政机关工作人员'],
  self_employed: ['个体', '个体户', '个体工商户', '经商', '自营'],
  retired: ['退休', '离休', '离退休干部', '退休干部', '退休职工'],
  student: ['在校学生', '在读学生'],
  unemployed: ['无业', '失业', '待业'],
  other: ['其它', '其他职业'],
});

const POST_LOOKUP = new Map<string, PartyPost>([
  ...PARTY_POSTS.map((p) => [PARTY_POST_LABELS[p], p] as const),
  ['支部书记', 'secretary'], ['党支部书记', 'secretary'], ['党总支书记', 'secretary'],
  ['支部副书记', 'deputy_secretary'], ['党支部副书记', 'deputy_secretary'],
  ['纪律检查委员', 'discipline_officer'], ['纪委委员', 'discipline_officer'],
  ['党小组长', 'group_leader'], ['小组长', 'group_leader'], ['党小组组长', 'group_leader'],
]);
const POSTS_ALLOWED = PARTY_POSTS.map((p) => PARTY_POST_LABELS[p]).join('、');

/** "副书记、组织委员": several posts in one cell, in any of the separators people type. */
function partyPosts(input: CellInput, header: string): Normalised<PartyPost[]> {
  const tokens = unquoteExported(cleanText(input)).split(/[、,，/;；\s]+/).filter((t) => t && !/^(无|-+|—+)$/.test(t));
  const posts: PartyPost[] = [];
  for (const t of tokens) {
    const post = POST_LOOKUP.get(t);
    // "委员" or "支委" alone does not say which committee seat; guessing would put a wrong post on record.
    if (!post) return { ok: false, message: `无法识别“${t}”,${header}应填写:${POSTS_ALLOWED}(多个职务用顿号分隔)` };
    if (!posts.includes(post)) posts.push(post);
  }
  return ok(posts);
}

/** An 18-digit ID typed into a General cell is stored as a float and loses its last digits. */
function idNumber(input: CellInput): Normalised<string> {
  if (typeof input === 'number' && !(Number.isInteger(input) && input < 1e15)) {
    return { ok: false, message: '身份证号被Excel存成了数字,末几位已丢失:请把该列设为“文本”格式后重新填写' };
  }
  return ok(compactNumberText(input));
}

function ethnicity(input: CellInput): Normalised<string> {
  const s = compactText(input);
  // The schema's default; "汉" and "回" are how the column is often filled in.
  if (!s) return ok('汉族');
  return ok(s.length <= 3 && !s.endsWith('族') ? `${s}族` : s);
}

const yesNo = (input: CellInput, header: string): Normalised<boolean> => {
  const r = parseYesNo(input);
  return r.ok ? r : { ok: false, message: `${r.message},${header}应填写“是”或“否”` };
};

export const COLUMNS: readonly ColumnSpec[] = [
  { field: 'name', header: '姓名', aliases: ['党员姓名'], required: true, width: 10, hint: '与身份证一致', normalise: (i) => ok(compactText(i)) },
  { field: 'gender', header: '性别', aliases: [], required: true, width: 6, hint: '男 或 女', normalise: gender },
  { field: 'ethnicity', header: '民族', aliases: [], required: false, width: 8, hint: '如 汉族、回族;不填视为汉族', normalise: ethnicity },
  { field: 'birthDate', header: '出生日期', aliases: ['出生年月', '出生年月日'], required: true, width: 12, hint: '如 1985-03-02;只填年月时按身份证号补全', normalise: dateColumn },
  { field: 'idNumber', header: '身份证号', aliases: ['身份证号码', '公民身份号码', '身份证', '公民身份证号码'], required: true, width: 21, hint: '18位,末位可为X;请将该列设为文本格式', normalise: idNumber },
  { field: 'nativePlace', header: '籍贯', aliases: [], required: false, width: 12, hint: '如 山东青岛', normalise: optionalText },
  { field: 'education', header: '学历', aliases: ['文化程度'], required: false, width: 10, hint: `从下拉列表选择:${EDUCATIONS.map((e) => EDUCATION_LABELS[e]).join('、')}`, normalise: education },
  { field: 'joinedAt', header: '入党日期', aliases: ['入党时间', '入党年月日'], required: true, width: 12, hint: '支部大会通过接收为预备党员的日期,须填写到日', normalise: dateColumn },
  { field: 'confirmedAt', header: '转正日期', aliases: ['转正时间'], required: false, width: 12, hint: '预备党员不填', normalise: (i, h, c) => { const r = dateColumn(i, h, c); return r.ok ? ok(r.value || null) : r; } },
  { field: 'organizationName', header: '所在党支部', aliases: ['所在党组织', '党支部', '所属党支部', '所在支部', '党组织名称'], required: true, width: 18, hint: '须与系统中的党组织名称一致', normalise: (i) => ok(compactText(i)) },
  { field: 'groupName', header: '党小组', aliases: ['所在党小组'], required: false, width: 12, hint: '须与系统中的党小组名称一致', normalise: optionalCompact },
  { field: 'partyPosts', header: '党内职务', aliases: [], required: false, width: 14, hint: `${POSTS_ALLOWED};多个用顿号分隔`, normalise: partyPosts },
  { field: 'occupation', header: '职业', aliases: ['工作岗位'], required: false, width: 14, hint: `从下拉列表选择:${OCCUPATIONS.map((o) => OCCUPATION_LABELS[o]).join('、')}`, normalise: occupation },
  { field: 'workUnit', header: '工作单位', aliases: ['单位'], required: false, width: 18, hint: '务农可不填', normalise: optionalText },
  { field: 'phone', header: '联系电话', aliases: ['手机号', '手机号码', '电话', '电话号码', '手机'], required: false, width: 14, hint: '11位手机号或带区号的固定电话', normalise: (i) => ok(compactNumberText(i) || null) },
  { field: 'address', header: '家庭住址', aliases: ['住址', '现住址', '家庭地址'], required: false, width: 24, hint: '', normalise: optionalText },
  { field: 'hamlet', header: '村民小组', aliases: ['所在村民小组', '组别'], required: false, width: 10, hint: '如 一组', normalise: optionalCompact },
  { field: 'isVillageCadre', header: '是否村干部', aliases: [], required: false, width: 10, hint: '是 或 否;不填视为否', normalise: yesNo },
  { field: 'isHardship', header: '是否困难党员', aliases: [], required: false, width: 12, hint: '是 或 否;不填视为否', normalise: yesNo },
];

const STANDING_LABELS: Record<Standing, string> = { full: '正式党员', probationary: '预备党员' };
const standing = enumColumn<Standing>(['full', 'probationary'], STANDING_LABELS, { full: ['正式'], probationary: ['预备'] });

/**
 * Columns read from other layouts but not offered in our template. In the national system's export 人员类别
 * is 正式党员/预备党员 (occupation is its 工作岗位 column), so it is read as the standing, never as 职业.
 */
export const EXTRA_COLUMNS: readonly ColumnSpec[] = [
  { field: 'standing', header: '人员类别', aliases: [], required: false, width: 10, hint: '正式党员 或 预备党员', normalise: standing },
];

/** Columns we know and deliberately skip: counters and values the system computes itself. */
const IGNORED_HEADERS = ['序号', '编号', '年龄', '党龄', '备注', '党员类别', '党籍状态'];
export const SERIAL_HEADER = '序号';

const LOOKUP = new Map<string, ColumnSpec | 'ignored'>();
for (const spec of [...COLUMNS, ...EXTRA_COLUMNS]) {
  for (const name of [spec.header, ...spec.aliases]) {
    const key = headerKey(name);
    // A name claimed by two columns would silently route values to the wrong field.
    if (LOOKUP.has(key)) throw new Error(`列名重复定义:${name}`);
    LOOKUP.set(key, spec);
  }
}
for (const name of IGNORED_HEADERS) LOOKUP.set(headerKey(name), 'ignored');

/** The column a header cell names, 'ignored' for known columns we skip, or null for anything else. */
export function matchHeader(text: string): ColumnSpec | 'ignored' | null {
  return LOOKUP.get(headerKey(text)) ?? null;
}
