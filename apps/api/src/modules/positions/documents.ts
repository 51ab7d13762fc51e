/**
 * The positions ledgers (docx/PDF): the 小微权力运行台账 of a village and year, and the 四议两公开全程纪实 of one matter.
 * Built from the same views the API returns to the caller (listItems/listUses, getProcedure), so the scope rules of
 * those reads decide what a copy may hold: a village secretary's copy is their own village's, like the screen.
 */
import {
  FOUR_TWO_CATEGORY_LABELS, FOUR_TWO_STAGE_LABELS, FOUR_TWO_STAGES, FOUR_TWO_STATUS_LABELS, type FourTwoProcedure, type FourTwoStage, type MicroPowerItem, type MicroPowerUse, type PositionsDocFormat, RESOLUTION_BODY_LABELS, todayInShanghai,
} from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { safeName } from '../../lib/uploads/index.js';
import { chineseDate, heading, keyValue, paragraph, table, type Block, type DocModel } from '../../lib/documents/doc-model.js';
import { renderDocx } from '../../lib/documents/render-docx.js';
import { renderPdf } from '../../lib/documents/render-pdf.js';
import { notFound } from '../../lib/errors.js';
import { getProcedure } from './four-two-service.js';
import { listItems, listUses } from './micro-power-service.js';
import { audit, loadBranchInScope, type Caller } from '../../lib/access/index.js';

export interface GeneratedFile { filename: string; mime: string; data: Buffer }
const MIME: Record<PositionsDocFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf',
};
const render = (model: DocModel, format: PositionsDocFormat) => (format === 'docx' ? renderDocx(model) : renderPdf(model));
const generatedOn = (today: string) => paragraph(`生成日期:${chineseDate(today)}`, { align: 'right', small: true });

// ---------- 小微权力运行台账 ----------

export interface MicroPowerLedgerView {
  organizationName: string;
  year: number;
  /** The village's adopted items, in the town list's order. */
  items: Array<MicroPowerItem & { adoptedOn: string }>;
  /** The uses of the year (see usesOfYear), in the order the API lists them. */
  uses: MicroPowerUse[];
}

/**
 * Pure: the uses a year's ledger lists. A use belongs to every year it was worked on: the year it started, each year a
 * step was done in, and, while still in progress, every year up to the current one (a matter carried over into
 * January must show in the new year's ledger even before its next step).
 */
export function usesOfYear(uses: readonly MicroPowerUse[], year: number, today: string): MicroPowerUse[] {
  const y = String(year);
  return uses.filter((u) => {
    const started = u.startedOn.slice(0, 4);
    if (started > y) return false;
    if (started === y || u.done.some((s) => s.doneOn.startsWith(y))) return true;
    return u.status === 'in_progress' && y <= today.slice(0, 4);
  });
}

function stepRows(use: MicroPowerUse): string[][] {
  return use.stepNames.map((name, index) => {
    const done = use.done.find((s) => s.index === index);
    if (done) return [String(index + 1), name, chineseDate(done.doneOn), done.by, done.note || '—'];
    return [String(index + 1), name, index === use.nextStepIndex ? '下一步,待办理' : '未办理', '—', '—'];
  });
}

const progress = (u: MicroPowerUse) =>
  (u.nextStepIndex === null ? '已办结' : `办理中,下一步:第${u.nextStepIndex + 1}步"${u.stepNames[u.nextStepIndex]}"`);

/** Pure: the 小微权力运行台账 of one village and year. */
export function microPowerLedgerModel(view: MicroPowerLedgerView, today: string): DocModel {
  const finished = view.uses.filter((u) => u.nextStepIndex === null).length;
  const blocks: Block[] = [
    keyValue([
      ['村党组织', view.organizationName],
      ['年度', `${view.year}年`],
      ['采用事项', `${view.items.length}项`],
      ['运行记录', `${view.uses.length}件(已办结${finished}件,办理中${view.uses.length - finished}件)`],
    ]),
    heading(2, '一、本村采用的小微权力清单事项'),
  ];
  if (!view.items.length) blocks.push(paragraph('本村尚未采用小微权力清单事项。'));
  else {
    blocks.push(table(
      ['序号', '类别', '事项', '法律依据', '采用日期'],
      view.items.map((i, n) => [String(n + 1), i.area, i.name, i.legalBasis, chineseDate(i.adoptedOn)]),
      [0.8, 1.6, 2.6, 5, 2],
    ));
  }
  blocks.push(heading(2, '二、本年度运行记录'));
  if (!view.uses.length) blocks.push(paragraph(`本年度无小微权力运行记录(${view.year}年)。`));
  view.uses.forEach((u, n) => {
    blocks.push(heading(3, `${n + 1}. ${u.itemName}:${u.subject}`));
    blocks.push(keyValue([
      ['类别', u.area],
      ['开始日期', chineseDate(u.startedOn)],
      ['办理情况', progress(u)],
      ['村务公开', u.publishable ? '列入公开' : '不公开'],
    ]));
    blocks.push(table(['步骤', '环节', '办理日期', '经办人', '说明'], stepRows(u), [0.8, 3.2, 2.4, 1.6, 3.5]));
  });
  blocks.push(generatedOn(today));
  return { title: '小微权力运行台账', subtitle: `${view.organizationName} ${view.year}年度`, blocks };
}

export async function microPowerLedger(db: Db, caller: Caller, orgId: number, year: number | undefined, format: PositionsDocFormat): Promise<GeneratedFile> {
  const { user } = caller;
  const branch = await loadBranchInScope(db, user, orgId);
  // The ledger is a village's (the 清单 is adopted per village): a 机关 or 企业 branch answers like an unknown id.
  if (branch.villageId === null) throw notFound('党支部');
  const today = todayInShanghai();
  const y = year ?? Number(today.slice(0, 4));
  const list = await listItems(db, user, branch.id);
  const adopted = new Map(list.adoptions.find((a) => a.organizationId === branch.id)?.items.map((i) => [i.itemId, i.adoptedOn]) ?? []);
  const { items: uses } = await listUses(db, user, branch.id);
  const view: MicroPowerLedgerView = {
    organizationName: branch.name, year: y,
    items: list.items.filter((i) => adopted.has(i.id)).map((i) => ({ ...i, adoptedOn: adopted.get(i.id)! })),
    uses: usesOfYear(uses.filter((u) => u.organizationId === branch.id), y, today),
  };
  const data = await render(microPowerLedgerModel(view, today), format);
  await audit(db, caller, { action: 'micro_power.ledger.export', objectType: 'organization', objectId: branch.id, detail: { format, year: y, items: view.items.length, uses: view.uses.length, bytes: data.length } });
  return { filename: `${safeName(branch.name)}-${y}年小微权力运行台账.${format}`, mime: MIME[format], data };
}

// ---------- 四议两公开全程纪实 ----------

/** Who holds each stage; the resolution's body is recorded with it. */
const STAGE_BODY: Partial<Record<FourTwoStage, string>> = {
  proposal: '村党组织', consultation: '村"两委"会议', review: '党员大会',
};

function stageRows(p: FourTwoProcedure, stage: FourTwoStage): Array<[string, string]> {
  const s = p.stages.find((x) => x.stage === stage)!;
  const body = s.body ? RESOLUTION_BODY_LABELS[s.body] : STAGE_BODY[stage];
  const rows: Array<[string, string]> = [['日期', chineseDate(s.heldOn)]];
  if (body) rows.push(['会议/主体', body]);
  if (s.vote) {
    const v = s.vote;
    rows.push(['到会情况', `应到${v.eligible}人,实到${v.present}人`]);
    rows.push(['表决情况', `赞成${v.yes}票,反对${v.no}票,弃权${v.abstain}票`]);
  }
  if (s.passed !== null) rows.push(['表决结果', s.passed ? '通过' : '未通过']);
  rows.push(['说明', s.note || '—']);
  rows.push(['材料', s.file?.name ?? '未上传材料']);
  return rows;
}

/** Pure: the 四议两公开全程纪实 of one matter, every one of the six stages, done or still open. */
export function fourTwoModel(p: FourTwoProcedure, today: string): DocModel {
  const t = p.thresholds;
  const recorded = new Set(p.stages.map((s) => s.stage));
  const blocks: Block[] = [
    keyValue([
      ['事项名称', p.title],
      ['村党组织', p.organizationName],
      ['事项类别', FOUR_TWO_CATEGORY_LABELS[p.category]],
      ['登记日期', chineseDate(todayInShanghai(new Date(p.createdAt)))],
      ['办理状态', FOUR_TWO_STATUS_LABELS[p.status]],
      ['审议规则', `党员大会须${t.reviewQuorumPercent}%以上党员到会,赞成票超过到会党员的${t.reviewApprovePercent}%为通过`],
    ]),
    heading(2, '一、各环节办理情况'),
  ];
  FOUR_TWO_STAGES.forEach((stage, n) => {
    blocks.push(heading(3, `${n + 1}. ${FOUR_TWO_STAGE_LABELS[stage]}`));
    if (recorded.has(stage)) blocks.push(keyValue(stageRows(p, stage)));
    else if (p.status === 'rejected') blocks.push(paragraph('事项未获通过,程序已终止,本环节未进行。'));
    else blocks.push(paragraph(stage === p.nextStage ? '尚未进行(下一步)。' : '尚未进行。'));
  });
  blocks.push(heading(2, '二、尚待完成的环节'));
  const open = FOUR_TWO_STAGES.filter((s) => !recorded.has(s));
  if (p.status === 'done') blocks.push(paragraph('六个环节均已完成。'));
  else if (p.status === 'rejected') blocks.push(paragraph(`事项未获通过,程序已终止;未进行的环节:${open.map((s) => FOUR_TWO_STAGE_LABELS[s]).join('、')}。`));
  else blocks.push(paragraph(`下一步:${FOUR_TWO_STAGE_LABELS[p.nextStage ?? open[0]]};尚待完成:${open.map((s) => FOUR_TWO_STAGE_LABELS[s]).join('、')}。`));
  blocks.push(generatedOn(today));
  return { title: '四议两公开全程纪实', subtitle: p.title, blocks };
}

export async function fourTwoDocument(db: Db, caller: Caller, id: number, format: PositionsDocFormat): Promise<GeneratedFile> {
  const p = await getProcedure(db, caller.user, id);
  const data = await render(fourTwoModel(p, todayInShanghai()), format);
  await audit(db, caller, { action: 'four_two.document.export', objectType: 'four_two_procedure', objectId: id, detail: { format, stages: p.stages.length, status: p.status, bytes: data.length } });
  return { filename: `${safeName(p.title)}-四议两公开全程纪实.${format}`, mime: MIME[format], data };
}
