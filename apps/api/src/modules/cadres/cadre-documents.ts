/**
 * 村干部 documents (issue 15 point 8): the 村两委成员名册 of a village (cadres.read, as the village page) or of every
 * village in scope (cadres.board, as the town board) as Word, PDF or xlsx, and one cadre's 干部任免审批表 (Word, PDF).
 * Every copy is audited; the roster carries masked phones only, and the form's full read of a person is audited too.
 */
import {
  CADRE_APPROVAL_FORM_TITLE, CADRE_ROSTER_TITLE, todayInShanghai, type CadreFormFormat, type CadreRosterFormat,
} from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { audit, loadBranchInScope, requirePermission, type Caller } from '../../lib/access/index.js';
import type { DocModel } from '../../lib/documents/doc-model.js';
import { renderDocx } from '../../lib/documents/render-docx.js';
import { renderPdf } from '../../lib/documents/render-pdf.js';
import { notFound } from '../../lib/errors.js';
import { newWorkbook } from '../../lib/excel.js';
import { safeName } from '../../lib/uploads/index.js';
import { inertText } from '../members/index.js';
import * as repo from './cadre-documents-repository.js';
import { approvalFormModel, rosterCells, rosterEntries, rosterModel, ROSTER_HEADER, type RosterEntry } from './cadre-documents-model.js';
import { villageOnly } from './service.js';

export interface GeneratedFile { filename: string; mime: string; data: Buffer }
export const CADRE_DOC_MIME: Record<CadreRosterFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const render = (model: DocModel, format: CadreFormFormat) => (format === 'docx' ? renderDocx(model) : renderPdf(model));

/** The roster as a workbook: a merged title row, the header, the entries; a town roster has a 村 column first. */
async function rosterWorkbook(title: string, entries: RosterEntry[], town: boolean): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet(CADRE_ROSTER_TITLE, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const header = town ? ['村', ...ROSTER_HEADER] : ROSTER_HEADER;
  ws.addRow([inertText(title)]);
  ws.mergeCells(1, 1, 1, header.length);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.addRow(header).font = { bold: true };
  const counters = new Map<number, number>();
  for (const e of entries) {
    const i = counters.get(e.organizationId) ?? 0;
    counters.set(e.organizationId, i + 1);
    const cells = rosterCells(e, i).map(inertText);
    ws.addRow(town ? [inertText(e.village), ...cells] : cells);
  }
  header.forEach((h, i) => { ws.getColumn(i + 1).width = Math.max(6, h.length * 2 + 2, ...(h === '职务' ? [24] : [])); });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function rosterFile(title: string, unitName: string, entries: RosterEntry[], format: CadreRosterFormat, town: boolean, today: string): Promise<Buffer> {
  if (format === 'xlsx') return rosterWorkbook(title, entries, town);
  const villages = [...new Set(entries.map((e) => e.organizationId))].map((id) => ({
    name: entries.find((e) => e.organizationId === id)!.village, entries: entries.filter((e) => e.organizationId === id),
  }));
  return render(rosterModel(unitName, villages.length ? villages : [{ name: unitName, entries: [] }], today), format);
}

/** One village's 村两委成员名册. */
export async function villageRoster(db: Db, caller: Caller, orgId: number, format: CadreRosterFormat): Promise<GeneratedFile> {
  const { user } = caller;
  const branch = villageOnly(await loadBranchInScope(db, user, orgId));
  requirePermission(user, 'cadres.read', undefined, branch.path);
  const today = todayInShanghai();
  const entries = rosterEntries(await repo.rosterHoldings(db, user.scope, branch.id), today);
  const unit = branch.name.replace(/党支部$/, '');
  const data = await rosterFile(`${unit}${CADRE_ROSTER_TITLE}`, unit, entries, format, false, today);
  await audit(db, caller, { action: 'cadres.roster.export', objectType: 'organization', objectId: branch.id, detail: { format, count: entries.length, bytes: data.length } });
  return { filename: `${safeName(unit)}-${CADRE_ROSTER_TITLE}-${today}.${format}`, mime: CADRE_DOC_MIME[format], data };
}

/** The town's 村两委成员名册: every village branch in the caller's scope, village by village. */
export async function townRoster(db: Db, caller: Caller, format: CadreRosterFormat): Promise<GeneratedFile> {
  const { user } = caller;
  requirePermission(user, 'cadres.board');
  const today = todayInShanghai();
  const entries = rosterEntries(await repo.rosterHoldings(db, user.scope), today);
  const unit = user.scopeRoots.map((r) => r.name).join('、') || user.tenantName;
  const data = await rosterFile(`${unit}${CADRE_ROSTER_TITLE}`, unit, entries, format, true, today);
  await audit(db, caller, { action: 'cadres.roster.export', objectType: 'organization', objectId: null, detail: { format, count: entries.length, bytes: data.length, town: true } });
  return { filename: `${safeName(unit)}-${CADRE_ROSTER_TITLE}-${today}.${format}`, mime: CADRE_DOC_MIME[format], data };
}

/** One person's 干部任免审批表: a person who holds or held a post in this village; anyone else is a 404. */
export async function approvalForm(db: Db, caller: Caller, orgId: number, personId: number, format: CadreFormFormat): Promise<GeneratedFile> {
  const { user } = caller;
  const branch = villageOnly(await loadBranchInScope(db, user, orgId));
  requirePermission(user, 'cadres.read', undefined, branch.path);
  const career = await repo.careerOf(db, user.scope, personId);
  const person = career.some((c) => c.organizationId === branch.id) ? await repo.formPerson(db, personId) : undefined;
  if (!person) throw notFound('村干部');
  const today = todayInShanghai();
  const unit = user.scopeRoots.find((r) => branch.path.startsWith(r.path))?.name ?? user.tenantName;
  const data = await render(approvalFormModel(person, career, unit, today), format);
  // A full read of one person's record: audited with whose it was.
  await audit(db, caller, { action: 'cadres.approval_form.export', objectType: 'person', objectId: personId, detail: { organizationId: branch.id, format, bytes: data.length } });
  return { filename: `${safeName(person.name)}-${CADRE_APPROVAL_FORM_TITLE}.${format}`, mime: CADRE_DOC_MIME[format], data };
}
