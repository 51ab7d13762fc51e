/** The blank talent import sheet: our headers, one line of guidance each on a second sheet. */
import { TALENT_FIELD_LABELS, TALENT_FIELDS, TALENT_KIND_LABELS, TALENT_KINDS } from '@dj/contracts';
import { newWorkbook } from '../../../lib/excel.js';
import { TALENT_COLUMNS } from './columns.js';

const HINTS: Record<string, string> = {
  姓名: '与身份证一致', 性别: '男 或 女(也可填 1、2);不填按身份证号', 出生日期: '如 1985-03-02;不填按身份证号', 身份证号: '18位,请将该列设为文本格式',
  联系电话: '11位手机号或带区号的固定电话', 所在村: '全镇导入时必填,填村名或党支部名称;在某村导入时可不填',
  人才类别: TALENT_KINDS.map((k) => TALENT_KIND_LABELS[k]).join('、'), 层次: '十、百、千(或镇定义的级别,如 市级、区级、镇级);未入选不填',
  入选年度: '如 2024;填写了层次的必填', 从事领域: TALENT_FIELDS.map((f) => TALENT_FIELD_LABELS[f]).join('、'),
  领办项目: '如 合作社:绿源果蔬专业合作社;产品:石榴(多项用分号分隔,最多5项)', 备注: '',
};

export async function buildTalentTemplate(): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('人才名册');
  ws.addRow(TALENT_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header))).font = { bold: true };
  ws.columns.forEach((c) => { c.width = 16; });
  ws.getColumn(TALENT_COLUMNS.findIndex((c) => c.field === 'idNumber') + 1).numFmt = '@';
  const guide = wb.addWorksheet('填写说明');
  guide.addRow(['列名', '是否必填', '填写说明']).font = { bold: true };
  for (const c of TALENT_COLUMNS) guide.addRow([c.header, c.required ? '必填' : '选填', HINTS[c.header] ?? '']);
  guide.columns.forEach((c, i) => { c.width = i === 2 ? 60 : 12; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
