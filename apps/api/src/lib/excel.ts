import type { Workbook } from 'exceljs';

type ExcelJS = typeof import('exceljs');
let loading: Promise<ExcelJS> | undefined;

/**
 * An empty exceljs workbook. exceljs is imported here on first use rather than at start: importing it took
 * longer than everything else the server loads (measured when the server was first compiled, issue 11).
 */
export async function newWorkbook(): Promise<Workbook> {
  // exceljs is CommonJS: Node hands its exports over as `default`, which its typings do not declare.
  loading ??= import('exceljs').then((m) => (m as unknown as { default: ExcelJS }).default);
  const ExcelJS = await loading;
  return new ExcelJS.Workbook();
}
