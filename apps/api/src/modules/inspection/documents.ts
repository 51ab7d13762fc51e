/**
 * The round's report (联督联查情况报告, docx/PDF): round, team, villages, per village per item ok/finding with notes
 * and the findings' photos, then the rectifications and where they stand. Built from the same views the API returns, so a village secretary's
 * copy holds only their own village, like the screen.
 */
import {
  INSPECTION_DEPARTMENT_LABELS, INSPECTION_OUTCOME_LABELS, INSPECTION_ROUND_STATUS_LABELS, type InspectionRoundDetail, RECTIFICATION_STATUS_LABELS, type RectificationSummary, todayInShanghai,
} from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { safeName } from '../../lib/uploads/index.js';
import { chineseDate, heading, image, keyValue, paragraph, table, type Block, type DocModel } from '../../lib/documents/doc-model.js';
import { renderDocx } from '../../lib/documents/render-docx.js';
import { renderPdf } from '../../lib/documents/render-pdf.js';
import { listRectifications } from './rectification-service.js';
import * as repo from './repository.js';
import { getRound } from './service.js';
import { audit, type Caller } from '../../lib/access/index.js';

export type DocFormat = 'docx' | 'pdf';
export interface GeneratedFile { filename: string; mime: string; data: Buffer }
const MIME: Record<DocFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf',
};

const status = (r: RectificationSummary) => RECTIFICATION_STATUS_LABELS[r.status] + (r.escalated ? `(逾期${r.daysOverdue}天,已上报镇党委)` : '');

/** A report stays printable: at most this many photos per finding (the rest are on the platform). */
export const PHOTOS_PER_FINDING = 2;

/** The photos the report shows: JPEGs of findings, the first few of each, from the round as the caller sees it. */
export function findingPhotoIds(round: InspectionRoundDetail): number[] {
  return round.villages.flatMap((v) => v.results.filter((r) => r.outcome === 'finding')
    .flatMap((r) => r.photos.filter((p) => p.mime === 'image/jpeg').slice(0, PHOTOS_PER_FINDING).map((p) => p.id)));
}

function photoBlocks(v: InspectionRoundDetail['villages'][number], round: InspectionRoundDetail, photos: ReadonlyMap<number, Buffer>): Block[] {
  const out: Block[] = [];
  for (const r of v.results.filter((x) => x.outcome === 'finding')) {
    const label = round.items.find((i) => i.key === r.itemKey)?.label ?? r.itemKey;
    for (const p of r.photos.filter((x) => photos.has(x.id)).slice(0, PHOTOS_PER_FINDING)) {
      try {
        out.push(image(photos.get(p.id)!, `${v.organizationName} ${label}:${r.note || '发现问题'}`));
      } catch {
        // A file that is not a readable JPEG stays on the platform; the report goes out without it.
      }
    }
  }
  return out;
}

/** Pure: the report of a round as the caller sees it, with the finding photos given (by file id). */
export function reportModel(round: InspectionRoundDetail, rects: RectificationSummary[], today: string, photos: ReadonlyMap<number, Buffer> = new Map()): DocModel {
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
    blocks.push(...photoBlocks(v, round, photos));
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
  const model = reportModel(round, items, today, await repo.fileData(db, findingPhotoIds(round)));
  const data = format === 'docx' ? await renderDocx(model) : await renderPdf(model);
  await audit(db, { user, ip }, { action: 'inspection.report.export', objectType: 'inspection_round',
    objectId: id, detail: { format, villages: round.villages.length, rectifications: items.length, photos: model.blocks.filter((b) => b.kind === 'image').length, bytes: data.length } });
  return { filename: `${safeName(round.title)}-联督联查报告.${format}`, mime: MIME[format], data };
}
