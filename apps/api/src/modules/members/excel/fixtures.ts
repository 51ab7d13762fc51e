/**
 * A deterministic messy 党员花名册 for tests, the bench and the browser flows: the same options always give
 * byte-for-byte the same rows. It carries every kind of mess the parser must survive: two title rows (one
 * merged), alias headers with markers in another order, 所在党组织 merged down over blocks, dates as Date
 * cells, serial numbers and six kinds of text, full-width digits, padded names, a blank row inside a
 * merged block, and 合计/填表人 footer rows. With `withErrors`, six bad rows follow (see BadRows below).
 */
import ExcelJS from 'exceljs';
import { EDUCATION_LABELS, EDUCATIONS } from '@dj/contracts';
import type { Education, Occupation, PartyPost, RosterValues } from './columns.js';
import { mulberry32 } from '../../../lib/prng.js';

export interface MessyRosterOptions { count: number; organizationNames: string[]; seed?: number; withErrors?: boolean }
export interface MessyRoster {
  file: Buffer;
  /** Rows parseRoster returns without errors: `count`, plus the two bad rows only the service can catch. */
  expectedValid: number;
  /** Rows parseRoster must flag: 0, or 4 with `withErrors`. */
  expectedInvalid: number;
  /** The first (up to) five distinct names, for searching in the UI. */
  sampleNames: string[];
  /** Valid for the parser, but their branch '未登记党支部…' is unknown: the service must reject them. */
  unknownOrganizationRows: number[];
  /** Valid for the parser, but the ID check digit is wrong: the service's validator must reject them. */
  badCheckDigitRows: number[];
  /** The single error of each row the parser must flag. */
  expectedErrors: { row: number; column: string; message: string }[];
  /** What the parser must return for every valid row. */
  expectedRows: { row: number; values: RosterValues }[];
  headerRow: number;
}

const prng = mulberry32;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** ISO 7064 MOD 11-2 check character of a 居民身份证号 (GB 11643-1999), kept here so fixtures do not trust the code under test. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return '10X98765432'[sum % 11];
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹易常武乔贺赖龚文';
const MALE = '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林洋峰建国志成海东庆春德福';
const FEMALE = '芳娜敏静丽艳娟霞秀英兰玉萍红梅琴云莲桂珍凤洁琳雪慧燕倩婷颖玲';
const HAMLETS = '一二三四五六七八';
const DAY = 86_400_000;
const FW = (s: string) => s.replace(/[0-9A-Za-z.\-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

type Variants<T extends string> = Record<T, string[]>;
const EDU_TEXT: Variants<Education> = {
  postgraduate: ['研究生', '硕士'], undergraduate: ['大学本科', '本科', '大学'], college: ['大学专科', '大专', '专科'],
  technical_secondary: ['中专', '中技', '技校'], high_school: ['高中', '高中文化'], middle_school: ['初中', '初中毕业'],
  primary: ['小学'], none: ['未上学', '文盲'],
};
const OCC_TEXT: Variants<Occupation> = {
  farmer: ['农民', '务农', '农牧渔民'], migrant_worker: ['外出务工', '打工', '外出打工'], employee: ['企事业单位职工', '职工', '工人'],
  civil_servant: ['机关工作人员', '公务员'], self_employed: ['个体经营', '个体', '个体户'], retired: ['离退休', '退休', '离休'],
  student: ['学生'], unemployed: ['无业/失业', '无业', '失业'], other: ['其他'],
};
const POST_TEXT: Record<PartyPost, string> = {
  secretary: '书记', deputy_secretary: '副书记', organization_officer: '组织委员', publicity_officer: '宣传委员',
  discipline_officer: '纪检委员', group_leader: '党小组组长',
};

/** Headers as a secretary might write them, deliberately not in template order. */
const HEADERS = ['序号', '党员姓名', '性别', '公民身份号码', '出生\n年月', '民族', '文化程度', '籍贯', '* 入党时间', '转正时间',
  '所在党组织(必填)', '所在党小组', '党内职务(书记/委员)', '工作岗位', '单位', '手机号码', '住址', '所在村民小组', '是否村干部', '是否困难党员', '备注'] as const;
type Header = (typeof HEADERS)[number];
const COL = (h: Header) => HEADERS.indexOf(h) + 1;
/** How the parser names each column in its messages (markers and line breaks removed). */
const SHOWN = { name: '党员姓名', birth: '出生年月', id: '公民身份号码', education: '文化程度' };

type Cell = string | number | Date | null;

function member(rand: () => number, i: number, org: string, usedIds: Set<string>): RosterValues {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const male = rand() < 0.68;
  const chars = male ? MALE : FEMALE;
  const name = pick([...SURNAMES]) + pick([...chars]) + (rand() < 0.6 ? pick([...chars]) : '');
  const birth = Date.UTC(1940, 0, 1) + Math.floor(rand() * (Date.UTC(2002, 11, 31) - Date.UTC(1940, 0, 1)) / DAY) * DAY;
  const b = new Date(birth);
  let idNumber = '';
  while (!idNumber || usedIds.has(idNumber)) {
    const first17 = `370402${iso(birth).replace(/-/g, '')}${pad(Math.floor(rand() * 500) * 2 + (male ? 1 : 0), 3)}`;
    idNumber = first17 + idCheckChar(first17);
  }
  usedIds.add(idNumber);
  const probationary = i % 31 === 7;
  // Admitted in a month after the 18th birthday (党章 第一条), on a day that exists in every month.
  const firstMonth = (b.getUTCFullYear() + 18) * 12 + b.getUTCMonth() + 1;
  const lastMonth = 2023 * 12 + 5;
  const joinMonth = probationary ? 2024 * 12 + 6 + Math.floor(rand() * 6) : firstMonth + Math.floor(rand() * Math.min(lastMonth - firstMonth, 480));
  const [jy, jm, jd] = [Math.floor(joinMonth / 12), (joinMonth % 12) + 1, 1 + Math.floor(rand() * 28)];
  const age = 2024 - b.getUTCFullYear();
  const occupation: Occupation = age > 62 ? pick(['retired', 'farmer'] as const) : pick(['farmer', 'farmer', 'migrant_worker', 'employee', 'self_employed', 'civil_servant', 'unemployed', 'other', ...(age < 24 ? ['student'] as const : [])]);
  const posts: PartyPost[][] = [['secretary'], ['deputy_secretary', 'organization_officer'], ['publicity_officer'], ['discipline_officer'], ['group_leader']];
  const partyPosts = i % 2 === 0 && i % 7 < posts.length ? posts[i % 7] : [];
  return {
    name, gender: male ? 'male' : 'female', ethnicity: pick(['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '回族', '满族']),
    birthDate: iso(birth), idNumber, nativePlace: pick(['山东青岛', '山东省青岛市', '山东平度', null]),
    education: age > 65 ? pick(['primary', 'middle_school', 'none'] as const) : pick(EDUCATIONS),
    joinedAt: `${jy}-${pad(jm)}-${pad(jd)}`, confirmedAt: probationary ? null : `${jy + 1}-${pad(jm)}-${pad(jd)}`, standing: null,
    organizationName: org, groupName: null, partyPosts, occupation,
    workUnit: occupation === 'employee' ? pick(['青岛港集团', '市北区实验小学', '青岛啤酒厂']) : null,
    phone: rand() < 0.05 ? null : `1${pick(['3', '5', '7', '8', '9'])}${pad(Math.floor(rand() * 1e9), 9)}`,
    address: `东岭村${1 + Math.floor(rand() * 300)}号`, hamlet: `${HAMLETS[Math.floor(rand() * 8)]}组`,
    // Committee members usually also sit on the 村委; a few other cadres are not on the committee.
    isVillageCadre: partyPosts.length > 0 || i % 29 === 3, isHardship: rand() < 0.04,
  };
}

/** Writes one date in the i-th of the shapes people use; `monthOnly` writes 1985.03 (the day comes from the ID). */
function messyDate(date: string, i: number, monthOnly = false): Cell {
  const [y, m, d] = date.split('-').map(Number);
  if (monthOnly) return `${y}.${pad(m)}`;
  switch (i % 7) {
    case 0: return new Date(Date.UTC(y, m - 1, d));
    case 1: return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / DAY; // serial number in a General cell
    case 2: return `${y}.${m}.${d}`;
    case 3: return `${y}/${pad(m)}/${pad(d)}`;
    case 4: return `${y}年${m}月${d}日`;
    case 5: return `${y}${pad(m)}${pad(d)}`;
    default: return FW(`${y}-${pad(m)}-${pad(d)}`);
  }
}

function messyCells(v: RosterValues, i: number, serial: number): Map<Header, Cell> {
  const yes = (b: boolean) => (b ? ['是', '√', '有'][i % 3] : ['否', '×', '', '无'][i % 4]);
  const name = i % 10 === 3 ? [...v.name].join(i % 20 === 3 ? ' ' : '\u3000') : i % 17 === 5 ? ` ${v.name}  ` : v.name;
  const id = i % 12 === 1 ? FW(v.idNumber) : i % 12 === 5 ? `${v.idNumber.slice(0, 6)} ${v.idNumber.slice(6, 14)} ${v.idNumber.slice(14)}` : v.idNumber;
  const phone = v.phone && (i % 10 === 2 ? FW(v.phone) : i % 10 === 6 ? `${v.phone.slice(0, 3)} ${v.phone.slice(3, 7)} ${v.phone.slice(7)}` : i % 10 === 8 ? Number(v.phone) : v.phone);
  const ethnicity = v.ethnicity === '汉族' ? ['汉族', '汉族', '', '汉'][i % 4] : v.ethnicity;
  return new Map<Header, Cell>([
    ['序号', serial], ['党员姓名', name], ['性别', (i % 13 === 0 ? { male: '男性', female: '女性' } : { male: '男', female: '女' })[v.gender ?? 'male']],
    ['公民身份号码', i % 2 === 0 ? id.replace('X', 'x') : id], ['出生\n年月', messyDate(v.birthDate, i, i % 24 === 7)], ['民族', ethnicity],
    ['文化程度', v.education && EDU_TEXT[v.education][i % EDU_TEXT[v.education].length]], ['籍贯', v.nativePlace],
    ['* 入党时间', messyDate(v.joinedAt, i + 3)], ['转正时间', v.confirmedAt && messyDate(v.confirmedAt, i + 5)],
    ['党内职务(书记/委员)', v.partyPosts.map((p) => POST_TEXT[p]).join(i % 2 ? '、' : ', ')],
    ['工作岗位', v.occupation && OCC_TEXT[v.occupation][i % OCC_TEXT[v.occupation].length]], ['单位', v.workUnit], ['手机号码', phone],
    ['住址', i % 6 === 1 ? `  ${v.address}` : v.address], ['所在村民小组', i % 5 === 0 ? `${v.hamlet} ` : v.hamlet],
    ['是否村干部', yes(v.isVillageCadre)], ['是否困难党员', yes(v.isHardship)], ['备注', i % 40 === 0 ? '流动党员' : null],
  ]);
}

/** Builds the roster; see the file comment and MessyRoster for what the caller can rely on. */
export async function buildMessyRoster(options: MessyRosterOptions): Promise<MessyRoster> {
  const { count, organizationNames: orgs, seed = 20240520, withErrors = false } = options;
  if (!orgs.length) throw new Error('organizationNames 不能为空');
  const rand = prng(seed);
  const usedIds = new Set<string>();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  const last = HEADERS.length;
  ws.mergeCells(1, 1, 1, last);
  ws.getCell(1, 1).value = `${orgs[0]}党员花名册`;
  ws.mergeCells(2, 1, 2, 8);
  ws.getCell(2, 1).value = `填报单位:${orgs[0]}`;
  ws.getCell(2, last - 3).value = '填报时间:2024年5月20日';
  const headerRow = 3;
  HEADERS.forEach((h, i) => { ws.getCell(headerRow, i + 1).value = h; });

  const write = (row: number, cells: Map<Header, Cell>) => { for (const [h, v] of cells) if (v !== null && v !== '') ws.getCell(row, COL(h)).value = v; };
  const expectedRows: MessyRoster['expectedRows'] = [];
  const blockSize = Math.ceil(count / orgs.length);
  // After the second member: inside the first merged 所在党组织 block whenever that block has 3+ rows.
  const blankAfter = 2;
  // Each branch's rows; 所在党组织 is merged down over chunks of up to 12 rows, as secretaries do.
  const blocks = new Map<number, number[]>();
  let row = headerRow;
  for (let i = 0; i < count; i++) {
    row += 1;
    const orgIndex = Math.floor(i / blockSize);
    const v = member(rand, i, orgs[orgIndex], usedIds);
    write(row, messyCells(v, i, i + 1));
    expectedRows.push({ row, values: v });
    blocks.set(orgIndex, [...(blocks.get(orgIndex) ?? []), row]);
    if (i === blankAfter - 1 && count > blankAfter) row += 1; // an empty row
  }
  for (const [orgIndex, rows] of blocks) {
    for (let k = 0; k < rows.length; k += 12) {
      const chunk = rows.slice(k, k + 12);
      const [top, bottom] = [chunk[0], chunk[chunk.length - 1]];
      if (bottom > top) ws.mergeCells(top, COL('所在党组织(必填)'), bottom, COL('所在党组织(必填)'));
      ws.getCell(top, COL('所在党组织(必填)')).value = k % 24 === 12 ? ` ${orgs[orgIndex]} ` : orgs[orgIndex];
    }
  }

  const expectedErrors: MessyRoster['expectedErrors'] = [];
  const unknownOrganizationRows: number[] = [];
  const badCheckDigitRows: number[] = [];
  if (withErrors) {
    let unknownOrg = '未登记党支部';
    while (orgs.includes(unknownOrg)) unknownOrg += '(测试)';
    const bad = (i: number, change: (v: RosterValues, cells: Map<Header, Cell>) => void, error?: (v: RosterValues) => { column: string; message: string }) => {
      row += 1;
      const v = member(rand, count + i, orgs[0], usedIds);
      const cells = messyCells(v, 11 * i + 4, count + i + 1);
      cells.set('所在党组织(必填)', orgs[0]);
      change(v, cells);
      write(row, cells);
      if (error) expectedErrors.push({ row, ...error(v) });
      else expectedRows.push({ row, values: v });
    };
    // BadRows: what only the service can catch, then what the parser must catch.
    bad(0, (v, c) => {
      const wrong = '10X98765432'.replace(v.idNumber[17], '')[0];
      v.idNumber = v.idNumber.slice(0, 17) + wrong;
      c.set('公民身份号码', v.idNumber);
      badCheckDigitRows.push(row);
    });
    bad(1, (v, c) => { v.organizationName = unknownOrg; c.set('所在党组织(必填)', unknownOrg); unknownOrganizationRows.push(row); });
    bad(2, (v, c) => c.set('出生\n年月', `${v.birthDate.slice(0, 4)}.2.30`), (v) => ({ column: SHOWN.birth, message: `日期无效:${v.birthDate.slice(0, 4)}.2.30` }));
    bad(3, (_v, c) => c.set('党员姓名', '  '), () => ({ column: SHOWN.name, message: '必填项为空' }));
    bad(4, (_v, c) => c.set('文化程度', '函授'), () => ({ column: SHOWN.education, message: `无法识别“函授”,${SHOWN.education}应填写:${EDUCATIONS.map((e) => EDUCATION_LABELS[e]).join('、')}` }));
    const first = expectedRows[0];
    bad(5, (_v, c) => {
      for (const [h, value] of messyCells(first.values, 0, count + 6)) c.set(h, value);
      c.set('公民身份号码', FW(first.values.idNumber.toLowerCase())); // same person, typed differently
    }, () => ({ column: SHOWN.id, message: `与第${first.row}行重复` }));
  }
  row += 2;
  ws.mergeCells(row, 1, row, 4);
  ws.getCell(row, 1).value = `合计:共 ${count} 名党员`;
  ws.getCell(row + 1, 1).value = '填表人:王秀英';
  ws.getCell(row + 1, 6).value = '审核人:李建国';

  const names = [...new Set(expectedRows.slice(0, 20).map((r) => r.values.name))].slice(0, 5);
  return {
    file: Buffer.from(await wb.xlsx.writeBuffer()),
    expectedValid: expectedRows.length, expectedInvalid: expectedErrors.length, sampleNames: names,
    unknownOrganizationRows, badCheckDigitRows, expectedErrors, expectedRows: expectedRows.sort((a, b) => a.row - b.row), headerRow,
  };
}
