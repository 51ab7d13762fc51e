/** Value mess: dates, full-width text, enum spellings, yes/no marks and the cell types exceljs hands back. */
import type { CellValue } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseRoster, type ParsedRow } from './parse-roster.js';
import { PEOPLE, REQUIRED_HEADER, xlsx } from './test-workbook.js';

const { zhang } = PEOPLE;

/** 张三 with a sequence number of its own, so rows do not count as duplicates (check digits are the service's business). */
function person(i: number): string[] {
  return zhang.map((x, j) => (j === 3 ? `${x.slice(0, 14)}${String(101 + 2 * i).padStart(3, '0')}${x[17]}` : x));
}

/** One column next to the required ones; each value becomes one row (张三 with that value). */
async function column(header: string, values: (CellValue | undefined)[]): Promise<ParsedRow[]> {
  const rows = values.map((v, i) => [...person(i), v]);
  return (await parseRoster(await xlsx({ rows: [[...REQUIRED_HEADER, header], ...rows] }))).rows;
}

/** The required columns with one of them replaced. */
async function required(index: number, values: CellValue[]): Promise<ParsedRow[]> {
  const rows = values.map((v, i) => person(i).map((x, j): CellValue => (j === index ? v : x)));
  return (await parseRoster(await xlsx({ rows: [REQUIRED_HEADER, ...rows] }))).rows;
}

describe('parseRoster: dates', () => {
  it('reads text dates in the shapes secretaries type, full-width included', async () => {
    const texts = ['1985.3.2', '1985/03/02', '1985年3月2日', '19850302', '1985-3-2', '１９８５．３．２', ' 1985 . 03 . 02 ', '1985-03-02 00:00:00', '1985.3.2.'];
    const rows = await required(2, texts);
    expect(rows.map((r) => [r.values.birthDate, r.errors])).toEqual(texts.map(() => ['1985-03-02', []]));
  });

  it('reads Date cells and serial numbers in General cells', async () => {
    const serial = (Date.UTC(2010, 6, 1) - Date.UTC(1899, 11, 30)) / 86_400_000;
    const rows = await required(4, [new Date(Date.UTC(2010, 6, 1)), serial, 20100701]);
    expect(rows.map((r) => r.values.joinedAt)).toEqual(['2010-07-01', '2010-07-01', '2010-07-01']);
  });

  it('rejects impossible dates and text that is not a date, quoting what was typed', async () => {
    const rows = await required(4, ['1985.2.30', '2001-13-01', '去年七月', '85.3.2']);
    expect(rows.map((r) => r.errors)).toEqual([
      [{ column: '入党日期', message: '日期无效:1985.2.30' }], [{ column: '入党日期', message: '日期无效:2001-13-01' }],
      [{ column: '入党日期', message: '日期无效:去年七月' }], [{ column: '入党日期', message: '日期无效:85.3.2' }],
    ]);
  });

  it('rejects year-and-month only for 入党日期 and 转正日期 instead of inventing a day', async () => {
    const rows = await required(4, ['2010-7', '2010年7月']);
    expect(rows.map((r) => r.errors[0])).toEqual([
      { column: '入党日期', message: '日期不完整:2010-7(需填写到具体某一天)' }, { column: '入党日期', message: '日期不完整:2010年7月(需填写到具体某一天)' },
    ]);
    expect((await column('转正时间', ['2011.07']))[0].errors).toEqual([{ column: '转正时间', message: '日期不完整:2011.07(需填写到具体某一天)' }]);
  });

  it('completes a year-and-month birth date from the ID number when they agree, and reports it when they do not', async () => {
    const rows = await required(2, ['1985.03', '1985年3月', 1985.03, '1985-04', '1985']);
    expect(rows.map((r) => r.values.birthDate)).toEqual(['1985-03-02', '1985-03-02', '1985-03-02', '', '']);
    expect(rows[3].errors).toEqual([{ column: '出生日期', message: '日期不完整:1985-04(需填写到具体某一天),且与身份证号中的出生年月不一致' }]);
    expect(rows[4].errors).toEqual([{ column: '出生日期', message: '日期不完整:1985(需填写到具体某一天)' }]);
  });

  it('takes 1985.1 typed into a number cell as January or October, whichever the ID number says', async () => {
    const october = ['王建国', '男', 1988.1, '370402198810151092', '2012-01-10', '河东村党支部'];
    const rows = (await parseRoster(await xlsx({ rows: [REQUIRED_HEADER, october] }))).rows;
    expect(rows[0].values.birthDate).toBe('1988-10-15');
  });
});

describe('parseRoster: text and numbers', () => {
  it('removes padding and stray spaces in names, branch names and hamlets, collapses them elsewhere', async () => {
    const rows = await parseRoster(await xlsx({
      rows: [[...REQUIRED_HEADER, '家庭住址', '村民小组'], ['张　三', ...zhang.slice(1, 5), ' 东岭村 党支部 ', '东岭村  18号\u200B', ' 一 组 '], ['  Ayi Bu  ', ...zhang.slice(1)]],
    }));
    expect(rows.rows[0].values).toMatchObject({ name: '张三', organizationName: '东岭村党支部', address: '东岭村 18号', hamlet: '一组' });
    expect(rows.rows[1].values.name).toBe('Ayi Bu');
  });

  it('normalises ID and phone numbers only: half-width, no spaces, upper-case X (validity is the service’s call)', async () => {
    const ids = ['３７０４０２１９８５０３０２１２３９', '370402 19900506 1240', '37040219880615109x', '12345', '11010519491231002'];
    const rows = await required(3, ids);
    expect(rows.map((r) => r.values.idNumber)).toEqual(['370402198503021239', '370402199005061240', '37040219880615109X', '12345', '11010519491231002']);
    // Nothing is said about the numbers themselves; only 出生日期/性别 that disagree with a well-formed ID are the parser's (id-checks.ts).
    expect(rows.flatMap((r) => r.errors).filter((e) => !e.message.startsWith('与身份证号不一致'))).toEqual([]);
    const phones = await column('手机号', ['１３８ ００１３ ８０００', 13800138000, '0535-1234567', null]);
    expect(phones.map((r) => r.values.phone)).toEqual(['13800138000', '13800138000', '0535-1234567', null]);
  });

  it('refuses an 18-digit ID stored as a number, whose last digits Excel has already lost', async () => {
    const rows = await required(3, [370402198503021239, 370402850302123]);
    expect(rows[0].errors).toEqual([{ column: '身份证号', message: '身份证号被Excel存成了数字,末几位已丢失:请把该列设为“文本”格式后重新填写' }]);
    expect(rows[1].values.idNumber).toBe('370402850302123');
  });

  it('reads rich text, hyperlinks, formula results and reports error values and formulas without a result', async () => {
    const rows = await required(0, [
      { richText: [{ text: '张', font: { bold: true } }, { text: '三' }] },
      { text: '李四', hyperlink: 'https://example.org' },
      { formula: 'TRIM(" 王五 ")', result: '王五' },
      { error: '#N/A' },
      { formula: 'A1' },
    ]);
    expect(rows.map((r) => r.values.name)).toEqual(['张三', '李四', '王五', '', '']);
    expect(rows[3].errors).toEqual([{ column: '姓名', message: '单元格内容为错误值 #N/A' }]);
    expect(rows[4].errors).toEqual([{ column: '姓名', message: '公式没有计算结果,请用Excel打开并保存后再导入' }]);
  });

  it('fills 民族 with 汉族 when blank and completes 汉/回 to 汉族/回族', async () => {
    expect((await column('民族', [null, '汉', '回', '蒙古族'])).map((r) => r.values.ethnicity)).toEqual(['汉族', '汉族', '回族', '蒙古族']);
  });
});

describe('parseRoster: labels to codes', () => {
  it('maps 性别, 学历 and 职业 spellings to the enum codes', async () => {
    expect((await required(1, ['男', '男性', '女性', 'F'])).map((r) => r.values.gender)).toEqual(['male', 'male', 'female', 'female']);
    const education = ['研究生', '本科', '大学', '大专', '专科', '中专', '中技', '技校', '高中文化', '初中毕业', '小学', '文盲', '未上学', null];
    expect((await column('文化程度', education)).map((r) => r.values.education)).toEqual([
      'postgraduate', 'undergraduate', 'undergraduate', 'college', 'college', 'technical_secondary', 'technical_secondary', 'technical_secondary',
      'high_school', 'middle_school', 'primary', 'none', 'none', null,
    ]);
    const occupation = ['农民', '务农', '外出务工', '打工', '个体', '退休', '离休', '学生', '无业', '失业', '无业/失业', '公务员', '职工', '其他'];
    expect((await column('职业', occupation)).map((r) => r.values.occupation)).toEqual([
      'farmer', 'farmer', 'migrant_worker', 'migrant_worker', 'self_employed', 'retired', 'retired', 'student',
      'unemployed', 'unemployed', 'unemployed', 'civil_servant', 'employee', 'other',
    ]);
  });

  it('names the column and lists the allowed values for an unknown label', async () => {
    expect((await required(1, ['男女']))[0].errors).toEqual([{ column: '性别', message: '无法识别“男女”,性别应填写:男、女' }]);
    expect((await column('工作岗位', ['村医']))[0].errors).toEqual([
      { column: '工作岗位', message: '无法识别“村医”,工作岗位应填写:农民、外出务工、企事业单位职工、机关工作人员、个体经营、离退休、学生、无业/失业、其他' },
    ]);
    // In the national system's layout 人员类别 is the standing, not the occupation (issue 13 point 1).
    expect((await column('人员类别', ['村医']))[0].errors).toEqual([{ column: '人员类别', message: '无法识别“村医”,人员类别应填写:正式党员、预备党员' }]);
  });

  it('reads 是/否 marks, with a blank meaning 否', async () => {
    const marks = ['是', '否', '√', '×', '有', '无', 'Y', 'n', 1, 0, true, null, '是 '];
    expect((await column('是否村干部', marks)).map((r) => r.values.isVillageCadre)).toEqual([true, false, true, false, true, false, true, false, true, false, true, false, true]);
    expect((await column('是否困难党员', ['也许']))[0].errors).toEqual([{ column: '是否困难党员', message: '无法识别“也许”,是否困难党员应填写“是”或“否”' }]);
  });

  it('splits 党内职务 on 、,，/ and spaces, and refuses a post it cannot place', async () => {
    const rows = await column('党内职务(书记/委员)', ['书记', '副书记、组织委员', '宣传委员,纪检委员', '组织委员，宣传委员', '副书记/党小组组长', '支部书记 党小组长', '无', '委员']);
    expect(rows.map((r) => r.values.partyPosts)).toEqual([
      ['secretary'], ['deputy_secretary', 'organization_officer'], ['publicity_officer', 'discipline_officer'],
      ['organization_officer', 'publicity_officer'], ['deputy_secretary', 'group_leader'], ['secretary', 'group_leader'], [], [],
    ]);
    expect(rows[7].errors).toEqual([{ column: '党内职务(书记/委员)', message: '无法识别“委员”,党内职务(书记/委员)应填写:书记、副书记、组织委员、宣传委员、纪检委员、党小组组长(多个职务用顿号分隔)' }]);
  });

  it('takes back the apostrophe our export puts before = + - @', async () => {
    const rows = await column('工作单位', ["'=HYPERLINK(\"x\")", "'-"]);
    expect(rows.map((r) => r.values.workUnit)).toEqual(['=HYPERLINK("x")', '-']);
  });
});
