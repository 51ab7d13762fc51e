/**
 * The round's 整改台账 (docx/PDF): per rectification the village, item, finding, owner, deadline, required evidence, then
 * its history (evidence with notes and file names, acceptance or reopening with reasons, each dated) and whether it is
 * overdue and escalated. Built from the same views the API returns (getRound, listRectifications, getRectification),
 * so a village secretary's copy holds only their own village, like the round's report (documents.ts).
 */
import {
  INSPECTION_ROUND_STATUS_LABELS, type InspectionRoundDetail, RECTIFICATION_EVENT_LABELS, RECTIFICATION_STATUS_LABELS, type RectificationDetail, todayInShanghai,
} from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { safeName } from '../../lib/uploads/index.js';
import { chineseDate, heading, keyValue, paragraph, table, type Block, type DocModel } from '../../lib/documents/doc-model.js';
import { renderDocx } from '../../lib/documents/render-docx.js';
import { renderPdf } from '../../lib/documents/render-pdf.js';
import type { DocFormat, GeneratedFile } from './documents.js';
import { getRectification, listRectifications } from './rectification-service.js';
import { getRound } from './service.js';
import { audit, type Caller } from '../../lib/access/index.js';

const MIME: Record<DocFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf',
};

/** The wording of the round's report, so both documents mark an overdue task the same way. */
const state = (r: RectificationDetail) => RECTIFICATION_STATUS_LABELS[r.status] + (r.escalated ? `(逾期${r.daysOverdue}天,已上报镇党委)` : '');
/** Events carry a timestamp; the ledger dates them by the day in Asia/Shanghai. */
const day = (iso: string) => chineseDate(todayInShanghai(new Date(iso)));

function eventRows(r: RectificationDetail): string[][] {
  return r.events.map((e) => [
    day(e.at),
    RECTIFICATION_EVENT_LABELS[e.kind],
    e.byName ?? '—',
    (e.kind === 'reopened' ? `退回原因:${e.note ?? '—'}` : e.note) || '—',
    e.files.map((f) => f.name).join('、') || '—',
  ]);
}

/** Pure: the 整改台账 of a round as the caller sees it. */
export function rectificationLedgerModel(round: InspectionRoundDetail, rects: RectificationDetail[], today: string): DocModel {
  const accepted = rects.filter((r) => r.status === 'accepted').length;
  const escalated = rects.filter((r) => r.escalated).length;
  const blocks: Block[] = [
    keyValue([
      ['检查名称', round.title],
      ['检查时间', `${chineseDate(round.startsOn)}至${chineseDate(round.endsOn)}`],
      ['检查状态', INSPECTION_ROUND_STATUS_LABELS[round.status]],
      ['整改任务', `共${rects.length}项,已验收${accepted}项,未验收${rects.length - accepted}项,逾期上报镇党委${escalated}项`],
    ]),
    heading(2, '一、整改任务一览'),
  ];
  if (!rects.length) {
    blocks.push(paragraph('本次检查无整改任务。'));
  } else {
    blocks.push(table(
      ['序号', '村', '检查事项', '问题', '责任人', '整改期限', '状态'],
      rects.map((r, n) => [String(n + 1), r.organizationName, r.itemLabel, r.description, r.ownerName, chineseDate(r.dueOn), state(r)]),
      [0.8, 2, 1.8, 4, 1.4, 2, 2.6],
    ));
    blocks.push(heading(2, '二、整改经过'));
  }
  rects.forEach((r, n) => {
    blocks.push(heading(3, `${n + 1}. ${r.organizationName} · ${r.itemLabel}`));
    const rows: Array<[string, string]> = [
      ['发现问题', r.description],
      ['整改责任人', r.ownerName],
      ['整改期限', chineseDate(r.dueOn)],
      ['佐证要求', r.requiredEvidence || '—'],
      ['当前状态', state(r)],
    ];
    if (r.acceptedOn) rows.push(['验收日期', chineseDate(r.acceptedOn)]);
    blocks.push(keyValue(rows));
    if (!r.events.length) blocks.push(paragraph('尚未提交整改材料。'));
    else blocks.push(table(['日期', '经过', '经办人', '说明', '材料'], eventRows(r), [2, 2, 1.4, 4.2, 3]));
  });
  blocks.push(paragraph(`生成日期:${chineseDate(today)}`, { align: 'right', small: true }));
  return { title: '整改台账', subtitle: round.title, blocks };
}

export async function rectificationLedger(db: Db, { user, ip }: Caller, id: number, format: DocFormat): Promise<GeneratedFile> {
  const round = await getRound(db, user, id);
  const { items } = await listRectifications(db, user, { roundId: id });
  // One detail per task, the same read as GET /api/rectifications/:id (a round has a handful of findings, not hundreds).
  const rects: RectificationDetail[] = [];
  for (const r of items) rects.push(await getRectification(db, user, r.id));
  const today = todayInShanghai();
  const model = rectificationLedgerModel(round, rects, today);
  const data = format === 'docx' ? await renderDocx(model) : await renderPdf(model);
  await audit(db, { user, ip }, { action: 'inspection.rectification_ledger.export', objectType: 'inspection_round',
    objectId: id, detail: { format, rectifications: rects.length, escalated: rects.filter((r) => r.escalated).length, bytes: data.length } });
  return { filename: `${safeName(round.title)}-整改台账.${format}`, mime: MIME[format], data };
}
