/**
 * 培训台账 (issue 19 point 6): a branch's year of sessions (held by it or attended by its people) and each member's 学时
 * against the target, as A4 PDF, Word and xlsx from one model; the town's ledger is the same per branch with a summary.
 * The hours are the figures of GET /api/education/hours (the same functions make them); people stay in roster order
 * and the summary is a distribution, never a ranking. Names only: no ID numbers, no phones. Every download is audited.
 */
import { HOUR_BANDS, STUDY_STATUS_LABELS, TARGET_GROUP_LABELS, TRAINING_KIND_LABELS, todayInShanghai, type BranchHours, type EducationDocumentFormat, type PersonYear, type TrainingKind } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { audit, loadBranchInScope, requirePermission, type Caller } from '../../lib/access/index.js';
import { heading, keyValue, paragraph, table, type Block, type DocModel } from '../../lib/documents/doc-model.js';
import { renderDocx } from '../../lib/documents/render-docx.js';
import { renderPdf } from '../../lib/documents/render-pdf.js';
import { renderXlsx } from '../../lib/documents/render-xlsx.js';
import { safeName } from '../../lib/uploads/index.js';
import * as hoursRepo from './hours-repository.js';
import { branchHours, distributionOf, peopleYears, targetsOf, targetsSource } from './hours-service.js';
import * as repo from './repository.js';

export const EDUCATION_MIME = {
  pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

type SessionRow = Awaited<ReturnType<typeof repo.listSessions>>[number];
type Distribution = BranchHours['distribution'];

export const daysOf = (s: { startsOn: string; endsOn: string }) => (s.startsOn === s.endsOn ? s.startsOn : `${s.startsOn}至${s.endsOn}`);

/** The year's sessions oldest first, as a ledger is kept; counts are the session's whole attendance, as the list shows. */
function sessionsTable(sessions: SessionRow[]): Block {
  if (!sessions.length) return paragraph('本年度无培训/学习记录。');
  const rows = [...sessions].reverse().map((s, i) => [
    String(i + 1), daysOf(s), TRAINING_KIND_LABELS[s.kind as TrainingKind], s.title, String(s.hours), s.venue ?? '', s.lecturers ?? '',
    String(s.present), String(s.attendees - s.present),
  ]);
  return table(['序号', '日期', '类别', '名称', '学时', '地点', '授课人', '出席', '缺席'], rows, [0.7, 1.9, 1.8, 3, 0.8, 1.8, 1.6, 0.8, 0.8],
    { small: true, align: ['center', 'left', 'left', 'left', 'right', 'left', 'left', 'right', 'right'] });
}

function hoursTable(people: readonly PersonYear[]): Block {
  if (!people.length) return paragraph('本支部名册上无党员。');
  const rows = people.map((p, i) => [String(i + 1), p.name, TARGET_GROUP_LABELS[p.group], String(p.total), String(p.target), STUDY_STATUS_LABELS[p.status]]);
  return table(['序号', '姓名', '对象', '已学学时', '要求学时', '状态'], rows, [0.8, 2, 2.6, 1.4, 1.4, 1.2], { align: ['center', 'left', 'left', 'right', 'right', 'center'] });
}

export const distributionText = (d: Distribution) =>
  `已完成${d.done}人,应完成${d.due}人,未完成${d.late}人;按各自要求:${d.bands.map((b) => `${b.label}${b.count}人`).join(',')}。`;

/** `prefix` names the branch in the town's ledger, where sections follow one another; a branch's own has none. */
function branchBlocks(prefix: string, sessions: SessionRow[], people: readonly PersonYear[], level: 2 | 3): Block[] {
  return [
    heading(level, `${prefix}培训/学习`), sessionsTable(sessions),
    heading(level, `${prefix}党员学时对照要求`), hoursTable(people), paragraph(distributionText(distributionOf(people)), { small: true }),
  ];
}

function note(targets: { member: number; leader: number }) {
  return `要求:党员每年不少于${targets.member}学时,基层党组织书记和班子成员每年不少于${targets.leader}学时(${targetsSource()})。`
    + `“应完成”指本年度尚未结束;学时是学习记录,不排名,不作考核计分依据。制表日期:${todayInShanghai()}。`;
}

async function branchModel(db: Db, caller: Caller, orgId: number, year: number): Promise<DocModel> {
  const branch = await loadBranchInScope(db, caller.user, orgId);
  const hours = await branchHours(db, caller.user, orgId, year);
  const sessions = await repo.listSessions(db, caller.user.scope, { underPath: branch.path, year });
  return {
    title: `${branch.name}${year}年度培训台账`, subtitle: caller.user.tenantName, orientation: 'landscape',
    blocks: [...branchBlocks('', sessions, hours.people, 2), paragraph(note(hours.targets), { small: true })],
  };
}

/** Every branch of the scope, one section each, after the town's summary (counts and a distribution only). */
async function townModel(db: Db, caller: Caller, year: number): Promise<DocModel> {
  requirePermission(caller.user, 'education.read');
  const { scope } = caller.user;
  const targets = await targetsOf(db, caller.user.tenantId);
  const [branches, roster, all] = await Promise.all([
    hoursRepo.branchesIn(db, scope), hoursRepo.rosterHours(db, scope, year), repo.listSessions(db, scope, { year }, 5000),
  ]);
  const people = peopleYears(roster, targets, year, todayInShanghai());
  const sections: Block[] = [];
  const counted: PersonYear[] = [];
  for (const b of branches) {
    const own = people.filter((p) => p.organizationId === b.id);
    counted.push(...own);
    sections.push(...branchBlocks(`${b.name}:`, await repo.listSessions(db, scope, { underPath: b.path, year }), own, 3));
  }
  const d = distributionOf(counted);
  const summary: Block[] = [
    heading(2, '一、全镇汇总'),
    keyValue([['培训/学习', `${all.length}次`], ['参训人次', `${all.reduce((n, s) => n + s.present, 0)}人次`], ['党支部', `${branches.length}个`], ['名册党员', `${counted.length}人`]]),
    table(['状态', '人数'], [['已完成', String(d.done)], ['应完成', String(d.due)], ['未完成', String(d.late)], ...d.bands.map((x) => [`其中${x.label}`, String(x.count)])], [3, 2], { align: ['left', 'right'] }),
    paragraph(`各档人数按各人自己的要求计:${HOUR_BANDS.join('、')}。`, { small: true }),
  ];
  return {
    title: `${caller.user.tenantName}${year}年度培训台账`, orientation: 'landscape',
    blocks: [...summary, heading(2, '二、各党支部'), ...sections, paragraph(note(targets), { small: true })],
  };
}

export async function renderAs(model: DocModel, format: EducationDocumentFormat, sheet: string): Promise<Buffer> {
  if (format === 'pdf') return renderPdf(model);
  return format === 'docx' ? renderDocx(model) : renderXlsx(model, sheet);
}

/** GET /api/education/ledger.:format: a branch's (orgId; 404 outside the scope) or, without orgId, the scope's. */
export async function ledgerFile(db: Db, caller: Caller, query: { orgId?: number; year: number }, format: EducationDocumentFormat) {
  const model = query.orgId ? await branchModel(db, caller, query.orgId, query.year) : await townModel(db, caller, query.year);
  const data = await renderAs(model, format, '培训台账');
  await audit(db, caller, { action: 'education.export', objectType: 'organization', objectId: query.orgId ?? null, detail: { document: 'ledger', year: query.year, format, bytes: data.length } });
  return { filename: `${safeName(model.title)}.${format}`, mime: EDUCATION_MIME[format], data };
}
