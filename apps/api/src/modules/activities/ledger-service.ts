/**
 * A branch's monthly or yearly 台账. A village branch holds 80 or more activities a year, so the evidence is loaded
 * once per kind for the whole period instead of once per activity (the detail page's path took ~100 ms each).
 */
import type { Db } from '../../db/client.js';
import { requirePermission, audit, loadOrganizationInScope, type Caller } from '../../lib/access/index.js';
import { daysInMonth, todayInShanghai, type ActivityKind } from '@dj/contracts';
import { ACTIVITY_KIND_LABELS } from './rules/activity-kinds.js';
import { expectedFromRoster, toActivity } from './detail-service.js';
import { photosFor, asDocActivity, type DocSource } from './document-service.js';
import { ledgerDocx, ledgerPdf } from './documents/activity-documents.js';
import * as committee from './committee-repository.js';
import * as evidence from './evidence-repository.js';
import * as repo from './repository.js';
import { evaluateChecklists } from './rules/checklist.js';

const MIME = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;

async function ledgerSources(db: Db, rows: repo.ActivityRow[], branchId: number): Promise<DocSource[]> {
  const ids = rows.map((r) => r.id);
  const [attendance, files, checks, votes, uploads, roster] = [
    await repo.listAttendanceFor(db, ids), await evidence.listFiles(db, ids), await evidence.checksFor(db, ids),
    await evidence.votesFor(db, ids), await evidence.uploadsFor(db, ids), await repo.branchMembers(db, [branchId]),
  ];
  const templates = rows.length ? await evidence.listTemplates(db, rows[0].tenantId) : [];
  // One query for the period's 流动党员 absences instead of one per meeting date.
  const flows = await repo.outflowsWithCard(db, roster.filter((m) => m.membershipStatus === 'active').map((m) => m.id));
  const terms = await committee.termsOf(db, [branchId]);
  const sources: DocSource[] = [];
  for (const row of rows) {
    const expected = expectedFromRoster(roster, repo.awayOn(flows, row.heldOn), row, terms);
    const base = toActivity(row);
    const upload = uploads.find((u) => u.activityId === row.id);
    const mine = <T extends { activityId: number }>(list: T[]) => list.filter((x) => x.activityId === row.id);
    sources.push({
      ...base, agenda: row.agenda, minutes: row.minutes, resolutions: row.resolutions,
      agendaParts: row.agendaParts as DocSource['agendaParts'], guests: row.guests,
      attendances: mine(attendance).map((a) => ({ memberId: a.memberId, name: a.name, state: a.state, reason: a.reason, makeupOn: a.makeupOn })),
      expected: expected.map((m) => ({ memberId: m.id, name: m.name })),
      checklists: evaluateChecklists(templates, base.countedAs, {
        files: mine(files), supervisorName: row.supervisorName, checks: mine(checks),
        upload: upload ? { uploadedOn: upload.uploadedOn, reference: upload.reference, uploadedBy: upload.uploadedBy } : null,
      }),
      supervisor: row.supervisorUserId && row.supervisorName ? { userId: row.supervisorUserId, name: row.supervisorName } : null,
      reviewStatus: row.reviewStatus,
      votes: mine(votes).map((v) => ({ ...v, recordedAt: v.recordedAt.toISOString() })),
      upload: upload ? { uploadedOn: upload.uploadedOn, uploadedBy: upload.uploadedBy, reference: upload.reference, recordedAt: upload.recordedAt.toISOString() } : null,
    });
  }
  return sources;
}

export async function branchLedger(db: Db, { user, ip }: Caller, q: { orgId: number; period: string; format: 'docx' | 'pdf' }) {
  const branch = await loadOrganizationInScope(db, user, q.orgId);
  requirePermission(user, 'branch.browse', '党员本人不导出支部台账');
  const [year, month] = q.period.split('-');
  const from = month ? `${year}-${month}-01` : `${year}-01-01`;
  const to = month ? `${year}-${month}-${String(daysInMonth(Number(year), Number(month))).padStart(2, '0')}` : `${year}-12-31`;
  // Plans (future dates) and drafts are not part of a ledger of what was held, nor plans whose day passed untouched.
  const due = (await repo.list(db, user.scope, { under: branch, from, to }, 2000))
    .filter((r) => r.organizationId === branch.id && r.heldOn <= todayInShanghai() && r.status === 'recorded').reverse();
  const lapsed = await repo.lapsedAmong(db, due.map((r) => r.id));
  const rows = due.filter((r) => !lapsed.has(r.id));
  const photos = await photosFor(db, rows.map((r) => r.id), 960);
  const activities = (await ledgerSources(db, rows, branch.id)).map((s) => asDocActivity(s, photos.get(s.id) ?? []));
  const periodLabel = month ? `${year}年${Number(month)}月` : `${year}年`;
  const lapsedList = due.filter((r) => lapsed.has(r.id)).map((r) => ({ heldOn: r.heldOn, kindLabel: ACTIVITY_KIND_LABELS[r.kind as ActivityKind], topic: r.topic }));
  const ledger = { branchName: branch.name, townName: user.tenantName, periodLabel, activities, lapsedPlans: lapsedList, generatedAt: new Date().toISOString() };
  const data = q.format === 'docx' ? await ledgerDocx(ledger) : await ledgerPdf(ledger);
  await audit(db, { user, ip }, { action: 'ledger.export', objectType: 'organization', objectId: branch.id, detail: { period: q.period, format: q.format, activities: rows.length, bytes: data.length } });
  return { filename: `${branch.name}-${periodLabel}组织生活台账.${q.format}`, mime: MIME[q.format], data };
}
