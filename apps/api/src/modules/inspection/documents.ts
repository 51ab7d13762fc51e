/**
 * The round's report (联督联查情况报告, docx/PDF): round, team, villages, per village per item ok/finding with notes,
 * then the rectifications and where they stand. Built from the same views the API returns, so a village secretary's
 * copy holds only their own village, like the screen.
 */
import {
  INSPECTION_DEPARTMENT_LABELS, INSPECTION_OUTCOME_LABELS, INSPECTION_ROUND_STATUS_LABELS, RECTIFICATION_STATUS_LABELS,
  type InspectionRoundDetail, type RectificationSummary,
} from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { safeName } from '../../lib/attachments.js';
import { todayInShanghai } from '../../lib/time.js';
import { recordAudit } from '../../plugins/audit.js';
import { chineseDate, heading, keyValue, paragraph, table, type Block, type DocModel } from '../../lib/documents/doc-model.js';
import { renderDocx } from '../../lib/documents/render-docx.js';
import { renderPdf } from '../../lib/documents/render-pdf.js';
import { listRectifications } from './rectification-service.js';
import { getRound, type Caller } from './service.js';

export type DocFormat = 'docx' | 'pdf';
export interface GeneratedFile { filename: string; mime: string; data: Buffer }
const MIME: Record<DocFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf',
};

const status = (r: RectificationSummary) => RECTIFICATION_STATUS_LABELS[r.status] + (r.escalated ? `(逾期${r.daysOverdue}天,已上报镇党委)` : '');

/** Pure: the report of a round as the caller sees it. */
export function reportModel(round: InspectionRoundDetail, rects: RectificationSummary[], today: string): DocModel {
  const team = round.team.map((m) => `${m.name}(${INSPECTION_DEPARTMENT_LABELS[m.department]})`).join('、');
  const p = round.progress;
  const blocks: Block[] = [
    keyValue([
      ['检查名称', round.title],
      ['检查时间', `${chineseDate(round.startsOn)}至${chineseDate(round.endsOn)}`],
      ['检查组', team],
      ['检查村', round.villages.map((v) => v.organizationName).join('、') || '—'],
      ['检查状态', INSPECTION_ROUND_STATUS_LABELS[round.status]],
      ['完成情况', `应查${p.expected}项,已查${p.recorded}项,发现问题${p.findings}个,未验收整改${p.openRectifications}个,逾期上报${p.escalated}个`],
    ]),
    heading(2, '一、检查事项'),
    table(['检查事项', '检查要点'], round.items.map((i) => [i.label, i.lookAt || '—']), [1, 3]),
    heading(2, '二、各村检查情况'),
  ];
  for (const v of round.villages) {
    blocks.push(heading(3, v.organizationName));
    const rows = round.items.map((i) => {
      const r = v.results.find((x) => x.itemKey === i.key);
      return [i.label, r ? INSPECTION_OUTCOME_LABELS[r.outcome] : '未检查', r?.note || '—'];
    });
    blocks.push(table(['检查事项', '结果', '情况说明'], rows, [2, 1, 5]));
  }
  blocks.push(heading(2, '三、整改情况'));
  if (!rects.length) blocks.push(paragraph('本次检查未发现需要整改的问题。'));
  else {
    blocks.push(table(
      ['村', '检查事项', '问题', '责任人', '整改期限', '状态'],
      rects.map((r) => [r.organizationName, r.itemLabel, r.description, r.ownerName, chineseDate(r.dueOn), status(r)]),
      [2, 2, 4, 1.5, 2, 2.5],
    ));
  }
  blocks.push(paragraph(`生成日期:${chineseDate(today)}`, { align: 'right', small: true }));
  return { title: '联督联查情况报告', subtitle: round.title, blocks };
}

export async function roundReport(db: Db, { user, ip }: Caller, id: number, format: DocFormat): Promise<GeneratedFile> {
  const round = await getRound(db, user, id);
  const { items } = await listRectifications(db, user, { roundId: id });
  const today = todayInShanghai();
  const model = reportModel(round, items, today);
  const data = format === 'docx' ? await renderDocx(model) : await renderPdf(model);
  await recordAudit(db, {
    tenantId: user.tenantId, userId: user.id, username: user.username, ip, action: 'inspection.report.export', objectType: 'inspection_round',
    objectId: id, result: 'ok', detail: { format, villages: round.villages.length, rectifications: items.length, bytes: data.length },
  });
  return { filename: `${safeName(round.title)}-联督联查报告.${format}`, mime: MIME[format], data };
}
