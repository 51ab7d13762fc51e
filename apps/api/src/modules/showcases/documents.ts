/**
 * A showcase's report (issue 20 point 7), Word and A4 PDF from one model (lib/documents): the showcase, its live
 * figures, the practices, the latest evaluation criterion by criterion, the visits hosted and up to four photos.
 * No personal data; each download is audited like the other exports.
 */
import { CRITERION_RESULT_LABELS, EVALUATION_CONCLUSION_LABELS, SHOWCASE_STATUS_LABELS, type Showcase } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { audit, type Caller } from '../../lib/access/index.js';
import { chineseDate, heading, image, keyValue, paragraph, table, type Block, type DocModel } from '../../lib/documents/doc-model.js';
import { renderDocx } from '../../lib/documents/render-docx.js';
import { renderPdf } from '../../lib/documents/render-pdf.js';
import { safeName } from '../../lib/uploads/index.js';
import * as repo from './repository.js';
import { getShowcase } from './service.js';

const MIME = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;
const PHOTOS = 4;
const wan = (fen: number) => (fen / 1_000_000).toFixed(2);

function figureRows(s: Showcase): Array<[string, string]> {
  const f = s.figures;
  return [[`${f.year}年开展组织生活`, `${f.activitiesHeld}次`], ['党员人数', `${f.members}名`],
    ...(s.isVillage ? [['村集体收入', f.income ? `${f.income.year}年 ${wan(f.income.totalFen)}万元(经镇审核)` : '尚无经镇审核的年度'] as [string, string]] : []),
    ['接待参观', `${s.visits.length}批 ${s.visits.reduce((n, v) => n + v.people, 0)}人次`]];
}

async function model(db: Db, s: Showcase, tenantName: string): Promise<DocModel> {
  const last = s.evaluations[0];
  const photos = await Promise.all(s.photos.slice(0, PHOTOS).map(async (p) => ({ ...p, data: (await repo.findPhoto(db, s.id, p.id))?.data })));
  const blocks: Block[] = [
    keyValue([['党组织', s.organizationName], ['创建主题', s.theme], ['状态', SHOWCASE_STATUS_LABELS[s.status]], ['创建年度', s.sinceYear ? `${s.sinceYear}年` : '—']]),
    ...(s.summary ? [paragraph(s.summary)] : []),
    heading(2, '一、实时数据'), table(['项目', '数据'], figureRows(s), [3, 3]), paragraph('数据来自平台登记的组织生活、党员和经镇审核的集体收入。', { small: true }),
    heading(2, '二、经验做法'), ...(s.practices ? s.practices.split(/\n+/).filter(Boolean).map((t) => paragraph(t)) : [paragraph('尚未填写。')]),
    heading(2, '三、年度评估'),
    ...(last ? [paragraph(`${last.year}年度 · 评估日期${chineseDate(last.evaluatedOn)} · 结论:${EVALUATION_CONCLUSION_LABELS[last.conclusion]}`),
      table(['标准', '达标情况', '佐证材料'], last.items.map((i) => [i.criterionName, CRITERION_RESULT_LABELS[i.result], i.evidence ?? '—']), [3, 1.5, 4])]
      : [paragraph('尚未评估。')]),
    heading(2, '四、接待参观'),
    s.visits.length ? table(['日期', '来访单位', '人数'], s.visits.map((v) => [v.visitedOn, v.visitors, `${v.people}`]), [2, 4, 1]) : paragraph('暂无接待记录。'),
    ...(photos.length ? [heading(2, '五、图片'), ...photos.flatMap((p) => (p.data ? [image(p.data, p.caption)] : []))] : []),
  ];
  return { title: `${s.name}情况报告`, subtitle: `${tenantName} · 党建示范点`, blocks };
}

/** GET /api/showcases/:id/report.:format: 404 outside the scope before the permission (getShowcase decides both). */
export async function showcaseReportFile(db: Db, caller: Caller, id: number, format: 'pdf' | 'docx') {
  const s = await getShowcase(db, caller.user, id);
  const m = await model(db, s, caller.user.tenantName);
  const data = format === 'pdf' ? await renderPdf(m) : await renderDocx(m);
  await audit(db, caller, { action: 'showcase.export', objectType: 'showcase', objectId: id, detail: { format, bytes: data.length } });
  return { filename: `${safeName(m.title)}.${format}`, mime: MIME[format], data };
}
