/**
 * Small real xlsx files for the focused parser tests: each test writes exactly the mess it is about,
 * through exceljs, and the parser reads the bytes back like an upload.
 */
import ExcelJS from 'exceljs';
import type { CellValue, WorksheetState } from 'exceljs';

export interface SheetSpec {
  name?: string;
  /** Row 1 first; `undefined` leaves a cell untouched (no cell at all), unlike null. */
  rows: (CellValue | undefined)[][];
  /** [top, left, bottom, right], 1-based. */
  merges?: [number, number, number, number][];
  state?: WorksheetState;
}

export async function xlsx(...sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((spec, i) => {
    const ws = wb.addWorksheet(spec.name ?? `Sheet${i + 1}`, { state: spec.state ?? 'visible' });
    spec.rows.forEach((cells, r) => cells.forEach((v, c) => { if (v !== undefined) ws.getCell(r + 1, c + 1).value = v; }));
    for (const [t, l, b, r] of spec.merges ?? []) ws.mergeCells(t, l, b, r);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The six required columns, in template spelling. */
export const REQUIRED_HEADER = ['姓名', '性别', '出生日期', '身份证号', '入党日期', '所在党支部'];

/** Valid people whose ID numbers match their birth date and gender (check digits computed by hand). */
export const PEOPLE = {
  zhang: ['张三', '男', '1985-03-02', '370402198503021239', '2010-07-01', '东岭村党支部'],
  li: ['李四', '女', '1990-05-06', '370402199005061240', '2015-06-30', '东岭村党支部'],
  wang: ['王建国', '男', '1988-06-15', '37040219880615109X', '2012-01-10', '河东村党支部'],
} as const;

/** Loads a workbook we wrote, for assertions on what ended up in the file. */
export async function open(file: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(file).buffer);
  return wb;
}
