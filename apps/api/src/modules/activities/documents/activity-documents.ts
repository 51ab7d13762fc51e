import {
  chineseDate, heading, image, keyValue, pageBreak, paragraph, table,
  type Block, type DocModel,
} from '../../../lib/documents/doc-model.js';
import { renderDocx } from '../../../lib/documents/render-docx.js';
import { renderPdf } from '../../../lib/documents/render-pdf.js';
import type { DocActivity, DocAttendee, DocChecklistItem, DocLedger, DocVote } from './types.js';

const NONE = '—';
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const STATE_LABEL: Record<DocAttendee['state'], string> = { present: '出席', excused: '请假', absent: '缺席', unrecorded: '未登记' };
const UNRECORDED = '未登记出勤';

/** '2026-03-05' → '2026年3月5日', the form used on paper records; anything else is shown verbatim. */

/**
 * Photo timestamps are stored as UTC ISO strings but people read them in Beijing time.
 * China has no daylight saving, so a fixed +8 h is exact and avoids depending on ICU time zones.
 */
export function beijingTime(iso: string | null): string {
  if (!iso) return '拍摄时间不详';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const orNone = (s: string | null | undefined) => (s && s.trim() ? s : NONE);

/**
 * Attendance figures count party members only: 应到/实到 on a 组织生活 record refer to members,
 * and non-members (群众, activists) attend as 列席 without changing the quorum.
 */
export function attendanceCounts(a: DocActivity) {
  const members = a.attendees.filter((x) => x.isMember);
  return {
    expected: members.length,
    present: members.filter((x) => x.state === 'present').length,
    excused: members.filter((x) => x.state === 'excused').length,
    absent: members.filter((x) => x.state === 'absent').length,
    guests: a.attendees.filter((x) => !x.isMember && x.state === 'present').length,
    makeups: a.attendees.filter((x) => x.makeupOn).length,
  };
}

function attendanceText(a: DocActivity): string {
  const c = attendanceCounts(a);
  if (!a.attendanceSaved) return `应到 ${c.expected} 人，${UNRECORDED}`;
  const base = `应到 ${c.expected} 人，实到 ${c.present} 人，请假 ${c.excused} 人，缺席 ${c.absent} 人`;
  return c.guests ? `${base}；列席群众 ${c.guests} 人` : base;
}

function namesIn(a: DocActivity, state: DocAttendee['state'], withReason = false): string {
  if (!a.attendanceSaved) return UNRECORDED;
  const list = a.attendees.filter((x) => x.state === state);
  if (!list.length) return '无';
  return list.map((x) => (withReason && x.reason ? `${x.name}（${x.reason}）` : x.name)).join('、');
}

function kindText(a: DocActivity): string {
  return a.countedAsLabels.length ? `${a.kindLabel}（同时计为：${a.countedAsLabels.join('、')}）` : a.kindLabel;
}

export function voteText(v: DocVote): string {
  // The quorum rule (more than half of voting members present) decides whether the vote counts at all,
  // so the record states it explicitly instead of leaving it to the reader's arithmetic.
  const quorum = v.quorumMet
    ? '到会有表决权的党员超过应到会人数的半数，符合规定人数'
    : '到会有表决权的党员未超过应到会人数的半数，不符合规定人数，表决无效';
  const result = v.passed ? '表决通过' : '表决未通过';
  return `表决事项：${v.subject}\n应到会有表决权党员 ${v.votingMembers} 人，实到 ${v.present} 人，${quorum}。\n`
    + `赞成 ${v.inFavour} 票，反对 ${v.against} 票，弃权 ${v.abstain} 票，${result}。`;
}

function headerRows(a: DocActivity): Array<[string, string]> {
  return [
    ['党支部', a.groupName ? `${a.branchName}（${a.groupName}）` : a.branchName],
    ['会议类型', kindText(a)],
    ['会议时间', chineseDate(a.heldOn)],
    ['会议地点', orNone(a.place)],
    ['会议主题', a.topic],
    ['主持人', orNone(a.host)],
    ['记录人', orNone(a.recorder)],
    ['讲课人', orNone(a.lecturer)],
    ['出席情况', attendanceText(a)],
    ['出席人员', namesIn(a, 'present')],
    ['请假人员', namesIn(a, 'excused', true)],
    ['缺席人员', namesIn(a, 'absent', true)],
  ];
}

function photoBlocks(a: DocActivity): Block[] {
  return a.photos.map((ph, i) => {
    const caption = `图 ${i + 1}${ph.caption ? `  ${ph.caption}` : ''}  拍摄时间：${beijingTime(ph.capturedAt)}`;
    try {
      return image(ph.data, caption);
    } catch (e) {
      // One unreadable upload must not make the whole record (or a year's ledger) impossible to print.
      return paragraph(`（照片 ${i + 1} 无法读取：${(e as Error).message}）${caption}`, { small: true });
    }
  });
}

function checklistTable(items: DocChecklistItem[]): Block {
  return table(
    ['序号', '事项', '完成情况', '佐证材料'],
    items.map((c, i) => [String(i + 1), c.label, c.done ? '已完成' : '未完成', orNone(c.evidence)]),
    [0.6, 3, 1.2, 3.2],
    { align: ['center', 'left', 'center', 'left'] },
  );
}

function reviewRows(a: DocActivity): Array<[string, string]> {
  const u = a.upload;
  return [
    ['督导人', orNone(a.supervisorName)],
    ['审核状态', orNone(a.reviewStatusLabel)],
    ['灯塔上传', u ? `${chineseDate(u.uploadedOn)} 由 ${u.uploadedBy} 上传“灯塔—党建在线”，编号 ${u.reference}` : '未上传'],
  ];
}

/**
 * The body of a meeting record, shared by the standalone minutes and each ledger section so a
 * record printed on its own and the same record inside the yearly ledger read identically.
 * The ledger leaves photos out here to place them after the attendance list and make-ups.
 */
function minutesBlocks(a: DocActivity, withPhotos: boolean): Block[] {
  let n = 0;
  const section = (title: string) => heading(2, `${NUMERALS[n++] ?? n}、${title}`);
  const blocks: Block[] = [
    keyValue(headerRows(a)),
    section('会议议程'), paragraph(orNone(a.agenda)),
    section('会议内容'), paragraph(orNone(a.minutes)),
    section('会议决议'), paragraph(orNone(a.resolutions)),
  ];
  if (a.vote) blocks.push(section('表决情况'), paragraph(voteText(a.vote)));
  // 五个一 and 四定两挂一戴 are different requirements: each is counted under its own heading, never summed.
  const lists = new Map<string, DocChecklistItem[]>();
  for (const c of a.checklist) lists.set(c.checklist ?? '五个一', [...(lists.get(c.checklist ?? '五个一') ?? []), c]);
  for (const [name, items] of lists) {
    blocks.push(section(`“${name}”落实情况（${items.filter((c) => c.done).length}/${items.length}）`), checklistTable(items));
  }
  blocks.push(section('督导与上传'), keyValue(reviewRows(a)));
  if (withPhotos && a.photos.length) blocks.push(section(`活动照片（${a.photos.length} 张）`), ...photoBlocks(a));
  return blocks;
}

const signatureLine = paragraph('主持人签字：______________        记录人签字：______________', { align: 'right' });

export function minutesModel(a: DocActivity): DocModel {
  return {
    title: `${a.kindLabel}会议记录`,
    subtitle: a.branchName,
    blocks: [...minutesBlocks(a, true), paragraph(''), signatureLine],
  };
}

function attendanceRows(a: DocActivity, withSignature: boolean): string[][] {
  return a.attendees.map((x, i) => [
    String(i + 1),
    x.name,
    x.isMember ? '党员' : '群众',
    ...(withSignature ? [''] : []),
    STATE_LABEL[x.state],
    x.reason ?? '',
    x.makeupOn ? chineseDate(x.makeupOn) : '',
  ]);
}

export function signInSheetModel(a: DocActivity): DocModel {
  return {
    title: '组织生活签到表',
    subtitle: a.branchName,
    blocks: [
      keyValue([
        ['会议主题', a.topic],
        ['会议类型', kindText(a)],
        ['时间地点', `${chineseDate(a.heldOn)}  ${orNone(a.place)}`],
      ]),
      table(
        ['序号', '姓名', '身份', '签到', '出席情况', '请假事由', '补学日期'],
        attendanceRows(a, true),
        // The blank 签到 column is the widest: it takes a handwritten signature.
        [0.6, 1.3, 0.8, 2.0, 1.2, 1.9, 1.9],
        { rowHeight: 26, align: ['center', 'center', 'center', 'center', 'center', 'left', 'center'] },
      ),
      paragraph(attendanceText(a)),
      paragraph(''),
      signatureLine,
    ],
  };
}

export function ledgerModel(l: DocLedger): DocModel {
  // A ledger is read chronologically; copy before sorting so the caller's array is untouched.
  const acts = [...l.activities].sort((x, y) => x.heldOn.localeCompare(y.heldOn) || x.id - y.id);
  const summary = acts.map((a, i) => {
    const c = attendanceCounts(a);
    // The column is 五个一 only; 四定两挂一戴 is counted in each record's own heading.
    const five = a.checklist.filter((x) => (x.checklist ?? '五个一') === '五个一');
    const done = five.filter((x) => x.done).length;
    return [
      String(i + 1), a.heldOn, a.kindLabel, a.topic, a.attendanceSaved ? `${c.expected}/${c.present}` : `${c.expected}/未登记`,
      String(a.photos.length), String(c.makeups), five.length ? `${done}/${five.length}` : NONE,
    ];
  });
  const blocks: Block[] = [
    paragraph(`共 ${acts.length} 次组织生活    生成时间：${beijingTime(l.generatedAt)}`, { align: 'center', small: true }),
    ...(l.lapsedPlans?.length ? [paragraph(`另有 ${l.lapsedPlans.length} 项活动计划到期后未登记开展情况，未列入本台账：`
      + l.lapsedPlans.map((p) => `${p.heldOn} ${p.kindLabel}“${p.topic}”`).join('；'), { small: true })] : []),
    heading(1, '组织生活一览'),
    table(
      ['序号', '日期', '类型', '主题', '应到/实到', '照片', '补学', '五个一'],
      summary,
      [0.6, 1.6, 2.0, 3.0, 1.4, 0.7, 0.7, 0.9],
      { align: ['center', 'center', 'left', 'left', 'center', 'center', 'center', 'center'] },
    ),
  ];
  acts.forEach((a, i) => {
    // Each activity starts on its own page so the ledger can be filed or pulled apart per meeting.
    blocks.push(pageBreak(), heading(1, `${i + 1}. ${chineseDate(a.heldOn)} ${a.topic}`));
    blocks.push(...minutesBlocks(a, false));
    blocks.push(
      heading(2, '参会人员名单'),
      table(['序号', '姓名', '身份', '出席情况', '请假事由', '补学日期'], attendanceRows(a, false),
        [0.6, 1.5, 0.9, 1.2, 2.6, 1.9], { align: ['center', 'center', 'center', 'center', 'left', 'center'] }),
    );
    const makeups = a.attendees.filter((x) => x.makeupOn);
    if (makeups.length) {
      blocks.push(heading(2, '补学情况'), paragraph(makeups.map((x) => `${x.name}：${chineseDate(x.makeupOn!)} 补学${x.reason ? `（原因：${x.reason}）` : ''}`).join('\n')));
    }
    if (a.photos.length) blocks.push(heading(2, `活动照片（${a.photos.length} 张）`), ...photoBlocks(a));
  });
  return { title: `${l.branchName}${l.periodLabel}组织生活台账`, subtitle: l.townName, blocks };
}

export const minutesDocx = (a: DocActivity): Promise<Buffer> => renderDocx(minutesModel(a));
export const minutesPdf = (a: DocActivity): Promise<Buffer> => renderPdf(minutesModel(a));
export const signInSheetDocx = (a: DocActivity): Promise<Buffer> => renderDocx(signInSheetModel(a));
export const signInSheetPdf = (a: DocActivity): Promise<Buffer> => renderPdf(signInSheetModel(a));
export const ledgerDocx = (l: DocLedger): Promise<Buffer> => renderDocx(ledgerModel(l));
export const ledgerPdf = (l: DocLedger): Promise<Buffer> => renderPdf(ledgerModel(l));
