/**
 * The columns of a talent roster as towns and villages keep it: our header, the other names people give the same
 * column, whether it must be filled, and how a cell becomes a value. Clean-up (full-width digits, spaces, dates as
 * text or serials) is the member roster importer's (members/index.ts); the rules of the values are the contracts'.
 */
import {
  TALENT_FIELD_LABELS, TALENT_FIELDS, TALENT_KIND_LABELS, TALENT_KINDS, TALENT_LEAD_KIND_LABELS, TALENT_LEAD_KINDS, TALENT_LIMITS,
  TALENT_TIER_DEFAULT_LEVELS, TALENT_TIER_LABELS, TALENT_TIERS, type TalentField, type TalentKind, type TalentLead, type TalentTier,
} from '@dj/contracts';
import { cleanText, compactNumberText, compactText, headerKey, parseDate, type CellInput, type Normalised } from '../../members/index.js';

export interface TalentImportValues {
  name: string; gender: 'male' | 'female' | null; birthDate: string | null; idNumber: string; phone: string | null;
  village: string | null; kind: TalentKind | null; tier: TalentTier | null; selectedYear: number | null;
  field: TalentField | null; leads: TalentLead[]; note: string | null;
}
export type TalentImportField = keyof TalentImportValues;
export interface ImportContext { date1904: boolean }

interface ColumnDef<F extends TalentImportField> {
  field: F; header: string; aliases: readonly string[]; required: boolean;
  normalise(input: CellInput, header: string, ctx: ImportContext): Normalised<TalentImportValues[F]>;
}
export type TalentColumn = { [F in TalentImportField]: ColumnDef<F> }[TalentImportField];

const ok = <T>(value: T): Normalised<T> => ({ ok: true, value });
const bad = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** An enum column: the label, its common spellings, and a message naming the allowed labels when nothing matches. */
function enumColumn<T extends string>(codes: readonly T[], labels: Record<T, string>, variants: Record<T, readonly string[]>, blank: readonly string[] = []) {
  const lookup = new Map<string, T>();
  for (const code of codes) for (const v of [labels[code], ...variants[code]]) lookup.set(headerKey(v).replace(/["“”]/g, ''), code);
  const allowed = codes.map((c) => labels[c]).join('、');
  return (input: CellInput, header: string): Normalised<T | null> => {
    const s = cleanText(input);
    if (!s || blank.includes(s)) return ok(null);
    const code = lookup.get(headerKey(s).replace(/["“”]/g, ''));
    return code ? ok(code) : bad(`无法识别“${s}”,${header}应填写:${allowed}`);
  };
}

const kind = enumColumn(TALENT_KINDS, TALENT_KIND_LABELS, {
  rural_star: ['乡村之星人才'],
  development_leader: ['发展带头人', '致富带头人', '农村致富带头人', '带头人', '农村发展带头人才'],
  new_farmer: ['职业农民', '新型农民', '高素质农民', '新型职业农民(高素质农民)'],
  local_talent: ['乡土人才', '本地人才', '本土能人', '乡村能人', '乡村本土人才'],
  returnee: ['回流', '回流人才', '返乡人员', '返乡创业', '返乡创业人员', '返乡人才', '本土人才回流', '乡村本土人才回流'],
});
const field = enumColumn(TALENT_FIELDS, TALENT_FIELD_LABELS, {
  planting: ['种植业', '农业种植', '种植类'], breeding: ['养殖业', '畜牧', '畜牧养殖', '水产养殖', '养殖类'],
  processing: ['加工业', '农产品加工', '食品加工', '加工类'], ecommerce: ['电子商务', '网店', '直播带货', '电商类'],
  skills: ['技能人才', '手工技艺', '传统技艺', '技能类', '工匠'], other: ['其它', '服务业'],
});
/** 十/百/千 as written, or the level the tier stands for by default (市级/区级/镇级); 无 or 未入选 is none. */
const tier = enumColumn(TALENT_TIERS, TALENT_TIER_LABELS, {
  ten: ['十', '十层次', '十人', TALENT_TIER_DEFAULT_LEVELS.ten], hundred: ['百', '百层次', '百人', TALENT_TIER_DEFAULT_LEVELS.hundred, '县级'],
  thousand: ['千', '千层次', '千人', TALENT_TIER_DEFAULT_LEVELS.thousand, '乡镇级'],
}, ['无', '未入选', '-', '—', '/']);

/** 男/女, 男性/女性, or the national code 1/2 (GB/T 2261.1). */
const gender = (input: CellInput, header: string): Normalised<'male' | 'female' | null> => {
  const s = cleanText(input).toLowerCase();
  if (!s) return ok(null);
  if (['男', '男性', '1', 'm', 'male'].includes(s)) return ok('male');
  if (['女', '女性', '2', 'f', 'female'].includes(s)) return ok('female');
  return bad(`无法识别“${s}”,${header}应填写:男、女(或代码1、2)`);
};

/** A year as 2023, "2023年", a date in any of the roster's shapes, or an Excel serial. */
function year(input: CellInput, header: string, ctx: ImportContext): Normalised<number | null> {
  if (input === null || cleanText(input) === '') return ok(null);
  const s = cleanText(input).replace(/年度?$/, '');
  const n = /^\d{4}$/.test(s) ? Number(s) : undefined;
  const asDate = n === undefined ? parseDate(input, ctx.date1904) : null;
  const y = n ?? (asDate?.ok ? Number(asDate.value.slice(0, 4)) : asDate && 'partialDate' in asDate && asDate.partialDate ? asDate.partialDate.year : undefined);
  if (y === undefined) return bad(`无法识别“${cleanText(input)}”,${header}应填写年份,如 2024`);
  if (y < TALENT_LIMITS.firstYear || y > TALENT_LIMITS.lastYear) return bad(`${header}“${y}”不在${TALENT_LIMITS.firstYear}—${TALENT_LIMITS.lastYear}年之间`);
  return ok(y);
}

const LEAD_LABEL = new Map(TALENT_LEAD_KINDS.map((k) => [TALENT_LEAD_KIND_LABELS[k], k]));
/** "合作社:绿源合作社;企业:某公司" or just names: a name's ending says what it is (合作社, 公司/厂, 家庭农场), else a product. */
function leads(input: CellInput, header: string): Normalised<TalentLead[]> {
  const tokens = cleanText(input).split(/[;；、\n]+/).map((t) => t.trim()).filter((t) => t && !/^(无|-+|—+|\/)$/.test(t));
  const out: TalentLead[] = [];
  for (const t of tokens) {
    const [label, ...rest] = t.split(/[:：]/);
    const named = rest.length ? LEAD_LABEL.get(label.trim() as never) : undefined;
    if (rest.length && !named) return bad(`无法识别领办类型“${label}”,${header}应写作“合作社:名称”“企业:名称”“家庭农场:名称”或“产品:名称”`);
    const name = (named ? rest.join(':') : t).trim();
    const guessed = /合作社$/.test(name) ? 'cooperative' : /家庭农场$/.test(name) ? 'family_farm' : /(公司|厂|企业|商行)$/.test(name) ? 'enterprise' : 'product';
    if (name.length < 2 || name.length > TALENT_LIMITS.leadName) return bad(`${header}中的名称“${name}”应为2至${TALENT_LIMITS.leadName}个字`);
    out.push({ kind: named ?? guessed, name });
  }
  if (out.length > TALENT_LIMITS.leads) return bad(`${header}最多填写${TALENT_LIMITS.leads}项`);
  return ok(out);
}

const text = (max: number) => (input: CellInput, header: string): Normalised<string | null> => {
  const s = cleanText(input);
  return s.length > max ? bad(`${header}不能超过${max}个字`) : ok(s || null);
};

export const TALENT_COLUMNS: readonly TalentColumn[] = [
  { field: 'name', header: '姓名', aliases: ['人才姓名', '人员姓名'], required: true, normalise: (i) => ok(compactText(i)) },
  { field: 'gender', header: '性别', aliases: ['性别代码'], required: false, normalise: gender },
  { field: 'birthDate', header: '出生日期', aliases: ['出生年月', '出生年月日'], required: false, normalise: (i, _h, c) => { const r = parseDate(i, c.date1904); return r === null ? ok(null) : r.ok ? r : 'partialDate' in r && r.partialDate ? ok(null) : r; } },
  { field: 'idNumber', header: '身份证号', aliases: ['身份证号码', '公民身份号码', '身份证', '公民身份证号码'], required: true, normalise: (i) => (typeof i === 'number' && !(Number.isInteger(i) && i < 1e15) ? bad('身份证号被Excel存成了数字,末几位已丢失:请把该列设为“文本”格式后重新填写') : ok(compactNumberText(i))) },
  { field: 'phone', header: '联系电话', aliases: ['手机号', '手机号码', '电话', '电话号码', '手机', '联系方式'], required: false, normalise: (i) => ok(compactNumberText(i) || null) },
  { field: 'village', header: '所在村', aliases: ['村', '村名', '村庄', '所在村庄', '所属村', '村别', '村居', '所在党支部', '所在村(居)'], required: false, normalise: (i) => ok(compactText(i) || null) },
  { field: 'kind', header: '人才类别', aliases: ['类别', '人才类型', '类型', '人才分类'], required: true, normalise: kind },
  { field: 'tier', header: '层次', aliases: ['入选层次', '人才层次', '十百千层次', '"十百千"层次', '级别'], required: false, normalise: tier },
  { field: 'selectedYear', header: '入选年度', aliases: ['入选年份', '入选时间', '年度', '入选日期'], required: false, normalise: year },
  { field: 'field', header: '从事领域', aliases: ['领域', '产业', '从事行业', '行业', '从事产业', '专业领域'], required: true, normalise: field },
  { field: 'leads', header: '领办项目', aliases: ['领办合作社/企业', '领办实体', '领办企业', '领办合作社', '主要产品', '领办项目(合作社、企业、产品)'], required: false, normalise: leads },
  { field: 'note', header: '备注', aliases: ['主要事迹', '简要事迹'], required: false, normalise: text(TALENT_LIMITS.note) },
];

const IGNORED = ['序号', '编号', '年龄', '文化程度', '学历', '政治面貌', '扶持', '扶持情况', '联系电话(脱敏)', '身份证号(脱敏)', '党员'];
const LOOKUP = new Map<string, TalentColumn | 'ignored'>();
for (const spec of TALENT_COLUMNS) for (const name of [spec.header, ...spec.aliases]) LOOKUP.set(headerKey(name).replace(/["“”]/g, ''), spec);
for (const name of IGNORED) if (!LOOKUP.has(headerKey(name))) LOOKUP.set(headerKey(name), 'ignored');

/** The column a header cell names, 'ignored' for known columns we skip, or null. */
export function matchTalentHeader(text: string): TalentColumn | 'ignored' | null {
  return LOOKUP.get(headerKey(text).replace(/["“”]/g, '')) ?? null;
}
