/**
 * 后备人才名册 (issue 15 point 8, the reserve roster) as xlsx, Word or PDF: the reserves in the pipeline of one village or of
 * every village in the caller's sight, with ID numbers masked. Generated from the records alone and audited as an export.
 */
import {
  GENDER_LABELS, RESERVE_SOURCE_LABELS, RESERVE_STAGE_LABELS, PIPELINE_PHASE_LABELS, VILLAGE_CADRE_POST_LABELS, reservePeriodLabel, RESERVE_RESULT_LABELS,
  todayInShanghai, type Reserve,
} from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { audit, optionalOrganizationInScope, requirePermission, type Caller } from '../../lib/access/index.js';
import { paragraph, table, type DocModel } from '../../lib/documents/doc-model.js';
import { renderDocx } from '../../lib/documents/render-docx.js';
import { renderPdf } from '../../lib/documents/render-pdf.js';
import { newWorkbook } from '../../lib/excel.js';
import * as reserves from './reserve-repository.js';
import { reserveSettings, reservesWithHistory } from './reserve-service.js';

export type RosterFormat = 'xlsx' | 'docx' | 'pdf';
const MIME: Record<RosterFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};
const TITLE = '后备人才名册';
const HEADER = ['序号', '村', '姓名', '性别', '出生日期', '身份证号', '政治面貌', '来源', '阶段', '进入阶段日期', '列入日期', '培养联系人', '最近考评'];

type Row = Reserve & { villageName: string };

function cells(r: Row, i: number): string[] {
  const politics = r.isMember ? '中共党员' : r.recruitment && r.recruitment.phase ? PIPELINE_PHASE_LABELS[r.recruitment.phase] : '群众';
  const last = r.evaluations[0];
  return [
    String(i + 1), r.villageName, r.name, GENDER_LABELS[r.gender], r.birthDate, r.idNumberMasked, politics,
    RESERVE_SOURCE_LABELS[r.source] + (r.sourceNote ? `(${r.sourceNote})` : ''), RESERVE_STAGE_LABELS[r.stage], r.stageSince, r.enteredOn,
    r.mentorName && r.mentorPost ? `${r.mentorName}(${VILLAGE_CADRE_POST_LABELS[r.mentorPost]})` : '—',
    last ? `${reservePeriodLabel(last.period)} ${RESERVE_RESULT_LABELS[last.result]}` : '未考评',
  ];
}

function docModel(unit: string, rows: readonly Row[], today: string, by: string): DocModel {
  return {
    title: `${unit}${TITLE}`, subtitle: `截至${today}`,
    blocks: [
      rows.length ? table(HEADER, rows.map(cells), [4, 8, 6, 4, 8, 12, 6, 8, 6, 8, 8, 10, 9]) : paragraph('暂无在培养的后备人才。', { align: 'center' }),
      paragraph(`共${rows.length}人。`),
      paragraph(`制表人:${by}　　生成日期:${today}`, { align: 'right', small: true }),
    ],
  };
}

async function workbook(unit: string, rows: readonly Row[], today: string): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet(TITLE);
  ws.addRow([`${unit}${TITLE}(截至${today})`]);
  ws.addRow(HEADER).font = { bold: true };
  rows.forEach((r, i) => ws.addRow(cells(r, i)));
  ws.columns.forEach((c) => { c.width = 14; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const safeName = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || '未命名';

export async function reserveRoster(db: Db, { user, ip }: Pick<Caller, 'user' | 'ip'>, format: RosterFormat, orgId?: number) {
  // Scope first: an organisation outside the caller's sight is a 404 for everyone, then the permission decides.
  const under = await optionalOrganizationInScope(db, user, orgId);
  requirePermission(user, 'cadres.read', undefined, under?.path);
  const { months } = await reserveSettings(db, user.tenantId);
  const villages = await reserves.boardRows(db, user.scope, months, todayInShanghai(), under?.path);
  const names = new Map(villages.map((v) => [v.organizationId, v.name]));
  const rows = (await reservesWithHistory(db, villages.map((v) => v.organizationId), months))
    .filter((r) => r.status === 'active').map((r) => ({ ...r, villageName: names.get(r.organizationId) ?? '' }));
  const unit = under?.name ?? (user.scopeRoots.map((r) => r.name).join('、') || user.tenantName);
  const today = todayInShanghai();
  const data = format === 'xlsx' ? await workbook(unit, rows, today)
    : format === 'docx' ? await renderDocx(docModel(unit, rows, today, user.displayName)) : await renderPdf(docModel(unit, rows, today, user.displayName));
  await audit(db, { user, ip }, { action: 'reserves.roster.export', objectType: 'organization', objectId: under?.id ?? null, detail: { format, count: rows.length, bytes: data.length } });
  return { filename: `${safeName(unit)}-${TITLE}-${today}.${format}`, mime: MIME[format], data };
}
