import { CADRE_IMPORT_COLUMNS } from '@dj/contracts';
import { newWorkbook } from '../../lib/excel.js';
import { CADRE_HEADERS } from './cadre-import-parse.js';

/** The blank 两委 import template: the columns (required ones marked *), one example row the importer skips, and the 填写说明. */
export async function buildCadreTemplate(): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('村两委成员');
  ws.addRow(CADRE_IMPORT_COLUMNS.map((c) => (c.required ? `*${c.header}` : c.header))).font = { bold: true };
  CADRE_IMPORT_COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.header === '身份证号' ? 22 : c.header === '职务' ? 26 : 12;
    ws.getColumn(i + 1).numFmt = '@';
  });
  const help = wb.addWorksheet('填写说明');
  help.addRow(['列', '是否必填', '说明', '也可使用的列名']).font = { bold: true };
  const names = Object.values(CADRE_HEADERS);
  CADRE_IMPORT_COLUMNS.forEach((c) => help.addRow([c.header, c.required ? '必填' : '选填', c.hint, names.find((n) => n[0] === c.header)?.slice(1).join('、') ?? '']));
  help.addRow(['', '', '第一书记由上级选派,不在此导入;同一职务(委员除外)同一时间只能一人担任;全部行无误才会写入。', '']);
  help.getColumn(3).width = 70;
  help.getColumn(4).width = 40;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
