/**
 * 村民说事台账 (issue 20 point 7): a village's matters raised in a month or a year, each with its four stages, as A4 PDF
 * and Word from one model (lib/documents). Names of the villagers are not printed (the ledger is shown at meetings and
 * inspections): the case, the agreed owner and the outcome are. Every download is audited.
 */
import {
  MATTER_CATEGORIES, MATTER_CATEGORY_LABELS, MATTER_FORUM_LABELS, MATTER_RATINGS, MATTER_RATING_LABELS, MATTER_SOURCE_LABELS, MATTER_STAGE_LABELS,
  daysInMonth, todayInShanghai, type MatterDocumentFormat,
} from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { audit, requirePermission, type Caller } from '../../lib/access/index.js';
import { heading, keyValue, paragraph, table, type DocModel } from '../../lib/documents/doc-model.js';
import { renderDocx } from '../../lib/documents/render-docx.js';
import { renderPdf } from '../../lib/documents/render-pdf.js';
import { safeName } from '../../lib/uploads/index.js';
import * as repo from './repository.js';
import { discussDaysOf, loadVillage } from './service.js';
import { lateness } from './rules/stages.js';

const MIME = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

/** YYYY-MM or YYYY → the first and last day, and how the title names it. */
export function periodRange(period: string): { from: string; to: string; label: string } {
  if (period.length === 4) return { from: `${period}-01-01`, to: `${period}-12-31`, label: `${period}年度` };
  const [y, mo] = period.split('-').map(Number);
  return { from: `${period}-01`, to: `${period}-${String(daysInMonth(y, mo)).padStart(2, '0')}`, label: `${y}年${mo}月` };
}

const count = (rows: repo.MatterRow[], pick: (r: repo.MatterRow) => boolean) => String(rows.filter(pick).length);

async function model(db: Db, caller: Caller, orgId: number, period: string): Promise<DocModel> {
  const village = await loadVillage(db, caller.user, orgId);
  requirePermission(caller.user, 'matters.read', undefined, village.path);
  const { from, to, label } = periodRange(period);
  const [rows, name, discussDays] = await Promise.all([repo.ledgerRows(db, caller.user.scope, village.id, from, to), repo.villageOf(db, village.villageId), discussDaysOf(db, caller.user.tenantId)]);
  const today = todayInShanghai();
  const lines = rows.map((r, i) => [
    String(i + 1), r.raisedOn, MATTER_SOURCE_LABELS[r.source], MATTER_CATEGORY_LABELS[r.category], r.title,
    r.discussedOn ? `${r.discussedOn} ${r.forum ? MATTER_FORUM_LABELS[r.forum] : ''}\n${r.discussion ?? ''}` : '',
    r.ownerName ? `${r.ownerName}${r.dueOn ? `\n${r.dueOn}前` : ''}` : '',
    r.handledOn ? `${r.handledOn}\n${r.result ?? ''}` : '',
    r.rating ? `${MATTER_RATING_LABELS[r.rating]}${r.ratingReason ? `(${r.ratingReason})` : ''}` : '',
    `${MATTER_STAGE_LABELS[r.stage]}${r.reopenCount ? ',曾重新办理' : ''}${lateness(r, today, discussDays).escalated ? ',已上报镇党委' : ''}`,
  ]);
  return {
    title: `${name?.name ?? village.name}村民说事台账(${label})`, subtitle: caller.user.tenantName, orientation: 'landscape',
    blocks: [
      keyValue([['村党支部', village.name], ['期间', `${from}至${to}`], ['说事件数', `${rows.length}件`],
        ['已办结', `${count(rows, (r) => r.stage === 'rated')}件`], ['办理中', `${count(rows, (r) => r.stage !== 'rated')}件`]]),
      heading(2, '一、说事 → 议事 → 办事 → 评事'),
      rows.length
        ? table(['序号', '说事日期', '来源', '类别', '事项', '议事', '责任人/期限', '办事', '评事', '状态'], lines, [0.6, 1.3, 1.2, 1.1, 2.4, 3, 1.4, 3, 1.5, 1.5], { small: true })
        : paragraph('本期间无村民说事记录。'),
      heading(2, '二、分类与评议'),
      table(['类别', ...MATTER_CATEGORIES.map((c) => MATTER_CATEGORY_LABELS[c])], [['件数', ...MATTER_CATEGORIES.map((c) => count(rows, (r) => r.category === c))]], [1.5, 1, 1, 1, 1, 1], { align: ['left', 'right', 'right', 'right', 'right', 'right'] }),
      table(['评议', ...MATTER_RATINGS.map((x) => MATTER_RATING_LABELS[x])], [['件数', ...MATTER_RATINGS.map((x) => count(rows, (r) => r.stage === 'rated' && r.rating === x))]], [1.5, 1, 1, 1], { align: ['left', 'right', 'right', 'right'] }),
      paragraph(`按说事日期计;评议为已办结事项的群众评议,只看分布,不排名。说事人姓名、电话不列入台账。制表日期:${today}。`, { small: true }),
    ],
  };
}

/** GET /api/matters/ledger/:orgId.:format?period=YYYY-MM|YYYY. */
export async function ledgerFile(db: Db, caller: Caller, orgId: number, period: string, format: MatterDocumentFormat) {
  const m = await model(db, caller, orgId, period);
  const data = format === 'pdf' ? await renderPdf(m) : await renderDocx(m);
  await audit(db, caller, { action: 'matters.export', objectType: 'organization', objectId: orgId, detail: { document: 'ledger', period, format, bytes: data.length } });
  return { filename: `${safeName(m.title)}.${format}`, mime: MIME[format], data };
}
