/** Layout mess: where the table is, what its columns are called, which rows are members. */
import { describe, expect, it } from 'vitest';
import { parseRoster, RosterFormatError } from './parse-roster.js';
import { PEOPLE, REQUIRED_HEADER, xlsx } from './test-workbook.js';

const { zhang, li, wang } = PEOPLE;

describe('parseRoster: finding the table', () => {
  it('skips title rows, including a merged title and a 填报单位 line', async () => {
    const file = await xlsx({
      rows: [['东岭村党支部党员花名册'], ['填报单位:东岭村党支部', undefined, undefined, '填报时间:2024年5月'], [], REQUIRED_HEADER, [...zhang]],
      merges: [[1, 1, 1, 6]],
    });
    const roster = await parseRoster(file);
    expect(roster.headerRow).toBe(4);
    expect(roster.rows.map((r) => [r.row, r.values.name, r.errors])).toEqual([[5, '张三', []]]);
  });

  it('recognises aliases, markers, notes in brackets, spaces, full-width and line breaks in headers, in any order', async () => {
    const header = ['所在党组织', '* 公民身份号码(必填)', '党员 姓名', '入党时间（必填）', '出生\n年月', '性别＊', '手机号码', '党内职务(书记/委员)', '所在村民小组', '序号'];
    const roster = await parseRoster(await xlsx({ rows: [header, [zhang[5], zhang[3], zhang[0], zhang[4], zhang[2], zhang[1], '13800000000', '书记', '一组', 1]] }));
    expect(roster.columns).toEqual([
      { header: '所在党组织', field: 'organizationName' }, { header: '公民身份号码(必填)', field: 'idNumber' },
      { header: '党员姓名', field: 'name' }, { header: '入党时间(必填)', field: 'joinedAt' }, { header: '出生年月', field: 'birthDate' },
      { header: '性别', field: 'gender' }, { header: '手机号码', field: 'phone' }, { header: '党内职务(书记/委员)', field: 'partyPosts' },
      { header: '所在村民小组', field: 'hamlet' }, { header: '序号', field: null },
    ]);
    expect(roster.rows[0].errors).toEqual([]);
    expect(roster.rows[0].values).toMatchObject({ name: '张三', idNumber: zhang[3], birthDate: zhang[2], phone: '13800000000', partyPosts: ['secretary'], hamlet: '一组' });
  });

  it('leaves unknown columns unmapped and lets the first of two same-meaning columns win', async () => {
    const roster = await parseRoster(await xlsx({ rows: [[...REQUIRED_HEADER, '联系电话', '手机号', '爱好'], [...zhang, '0535-1234567', '13900000000', '书法']] }));
    expect(roster.columns.slice(6)).toEqual([{ header: '联系电话', field: 'phone' }, { header: '手机号', field: null }, { header: '爱好', field: null }]);
    expect(roster.rows[0].values.phone).toBe('0535-1234567');
  });

  it('picks the row naming the most columns, and needs 姓名 plus two more', async () => {
    const file = await xlsx({ rows: [['姓名', '备注'], REQUIRED_HEADER, [...zhang]] });
    expect((await parseRoster(file)).headerRow).toBe(2);
    await expect(parseRoster(await xlsx({ rows: [['性别', '出生日期', '身份证号'], ['男', '1985-03-02', zhang[3]]] }))).rejects.toThrow('未找到表头:请确认表格中有“姓名”“身份证号”等列');
    await expect(parseRoster(await xlsx({ rows: [['姓名', '性别'], ['张三', '男']] }))).rejects.toThrow(RosterFormatError);
  });

  it('only looks at the first 20 rows for the header', async () => {
    const rows = [...Array.from({ length: 20 }, (_, i) => [`说明第${i + 1}行`]), REQUIRED_HEADER, [...zhang]];
    await expect(parseRoster(await xlsx({ rows }))).rejects.toThrow('未找到表头');
    expect((await parseRoster(await xlsx({ rows: rows.slice(1) }))).headerRow).toBe(20);
  });

  it('reads every visible sheet with a header (one per branch), each row naming its sheet, and ignores hidden sheets', async () => {
    const file = await xlsx(
      { name: '封面', rows: [['党员花名册'], ['2024年']] },
      { name: '旧名单', state: 'hidden', rows: [REQUIRED_HEADER, [...li]] },
      { name: '花名册', rows: [REQUIRED_HEADER, [...zhang]] },
      { name: '另一支部', rows: [REQUIRED_HEADER, [...wang]] },
    );
    const roster = await parseRoster(file);
    expect(roster.sheetName).toBe('花名册');
    expect(roster.sheets.map((s) => s.sheetName)).toEqual(['花名册', '另一支部']);
    expect(roster.rows.map((r) => [r.sheet, r.values.name])).toEqual([['花名册', '张三'], ['另一支部', '王建国']]);
  });

  it('rejects files that are not xlsx, with a hint for old .xls files', async () => {
    await expect(parseRoster(Buffer.from('姓名,性别\n张三,男\n'))).rejects.toThrow('文件不是有效的 Excel(.xlsx)文件');
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]);
    await expect(parseRoster(xls)).rejects.toThrow(/文件不是有效的 Excel\(\.xlsx\)文件:这是旧版 \.xls 文件/);
    await expect(parseRoster(Buffer.alloc(0))).rejects.toBeInstanceOf(RosterFormatError);
  });
});

describe('parseRoster: which rows are members', () => {
  it('skips blank rows, footers (合计/备注/说明/填表人) and a repeated header, keeping Excel row numbers', async () => {
    const file = await xlsx({
      rows: [REQUIRED_HEADER, [...zhang], [], ['  ', null, ''], [...li], REQUIRED_HEADER, [...wang],
        ['合计:3人'], ['备注:流动党员2人'], ['说明:本表由支部填写'], ['填表人:王秀英', undefined, undefined, '审核人:李建国'], ['注:日期填到日']],
    });
    const roster = await parseRoster(file);
    expect(roster.rows.map((r) => [r.row, r.values.name])).toEqual([[2, '张三'], [5, '李四'], [7, '王建国']]);
  });

  it('keeps a 备注 column while skipping a 备注 footer line', async () => {
    const roster = await parseRoster(await xlsx({ rows: [['序号', ...REQUIRED_HEADER, '备注'], [1, ...zhang, '备注:流动党员'], ['备注:以上共1人']] }));
    expect(roster.rows.map((r) => r.values.name)).toEqual(['张三']);
  });

  it('skips the template example row (序号 示例)', async () => {
    const roster = await parseRoster(await xlsx({ rows: [['序号', ...REQUIRED_HEADER], ['示例', ...zhang], [1, ...li]] }));
    expect(roster.rows.map((r) => r.values.name)).toEqual(['李四']);
  });

  it('gives a value merged down over a block to every row of the block, and skips a blank row inside it', async () => {
    const file = await xlsx({
      rows: [REQUIRED_HEADER, [...zhang.slice(0, 5), '河东村党支部'], [...li.slice(0, 5)], [], [...wang.slice(0, 5)]],
      merges: [[2, 6, 5, 6]],
    });
    const roster = await parseRoster(file);
    expect(roster.rows.map((r) => [r.row, r.values.organizationName, r.errors])).toEqual([[2, '河东村党支部', []], [3, '河东村党支部', []], [5, '河东村党支部', []]]);
  });

  it('does not spread a horizontal merge into the next column', async () => {
    const header = [...REQUIRED_HEADER, '工作单位', '家庭住址'];
    const file = await xlsx({ rows: [header, [...zhang, '东岭村委会']], merges: [[2, 7, 2, 8]] });
    expect((await parseRoster(file)).rows[0].values).toMatchObject({ workUnit: '东岭村委会', address: null });
  });

  it('does not take a header merged down into the first data row as data', async () => {
    const file = await xlsx({ rows: [[...REQUIRED_HEADER, '籍贯'], [...zhang]], merges: [[1, 7, 2, 7]] });
    const roster = await parseRoster(file);
    expect(roster.rows[0].values.nativePlace).toBeNull();
    expect(roster.rows[0].errors).toEqual([]);
  });

  it('flags a later row with the same ID number as a duplicate of the first', async () => {
    const again = [...li.slice(0, 3), ` ${zhang[3].slice(0, 6)} ${zhang[3].slice(6)}`, ...li.slice(4)];
    const file = await xlsx({ rows: [REQUIRED_HEADER, [...zhang], [...wang], again, [...zhang]] });
    const rows = (await parseRoster(file)).rows;
    expect(rows.map((r) => r.duplicateOfRow)).toEqual([undefined, undefined, 2, 2]);
    // The row also disagrees with the ID it repeats (李四's 性别 and 出生日期 against 张三's ID).
    expect(rows[2].errors.at(-1)).toEqual({ column: '身份证号', message: '与第2行重复' });
  });

  it('reports every empty required cell and a missing required column on each row (所在党支部 is the service\'s call)', async () => {
    const file = await xlsx({ rows: [[...REQUIRED_HEADER.slice(0, 5), '工作单位'], ['', null, ' ', '', '', '村委会']] });
    expect((await parseRoster(file)).rows[0].errors).toEqual([
      { column: '姓名', message: '必填项为空' }, { column: '性别', message: '必填项为空' }, { column: '出生日期', message: '必填项为空' },
      { column: '身份证号', message: '必填项为空' }, { column: '入党日期', message: '必填项为空' },
    ]);
    // Without a 所在党支部 column the rows go to the branch imported into, or by sheet name (import-service.ts).
    const noBirth = await xlsx({ rows: [['姓名', '身份证号', '入党日期'], ['张三', '', '2010-07-01']] });
    expect((await parseRoster(noBirth)).rows[0].errors).toEqual([{ column: '身份证号', message: '必填项为空' }]);
  });
});
