/** 三务公开: drafts, the 提出 → 审核 → 审批 → 公开 steps, and corrections of what was published. */
import type { Disclosure, DisclosureSummary } from '@dj/contracts';
import { CreateDisclosureSchema, DisclosureListQuerySchema, todayInShanghai, UpdateDisclosureSchema } from '@dj/contracts';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError, invalid, notFound } from '../../lib/errors.js';
import { isSelfOnly, audit, rolesAt, type AuthUser, type Caller } from '../../lib/access/index.js';
import { periodProblem, ruleOf } from './rules/frequency.js';
import { anyNumbers, scanDisclosure, scanMessage, type PiiScan, type ScannedFile } from './rules/pii-scan.js';
import { attachmentsOf } from './public-repository.js';
import { can, decide, type Action } from './rules/workflow.js';
import { workbookCells } from './table-import.js';
import * as repo from './repository.js';

type Row = repo.DisclosureRow;

/** A disclosure inside the caller's scope, or 404. A plain 党员 has no work list here (the public page is theirs). */
export async function loadDisclosure(db: DbOrTx, user: AuthUser, id: number): Promise<Row> {
  const row = isSelfOnly(user) ? undefined : await repo.findDisclosure(db, user.scope, id);
  if (!row) throw notFound('公开事项');
  return row;
}

/** The step's verdict for this user, thrown as the matching error. */
export function assertStep(user: AuthUser, row: Row, action: Action) {
  const verdict = decide(action, row.status, rolesAt(user, row.organizationPath));
  if (!verdict.ok) throw new AppError(verdict.code, verdict.message);
  return verdict.to;
}

const summarize = (r: Row): DisclosureSummary => ({
  id: r.id, organizationId: r.organizationId, organizationName: r.organizationName, category: r.category,
  ruleKey: (r.ruleKey ?? null) as DisclosureSummary['ruleKey'], period: r.period, title: r.title, status: r.status,
  corrected: r.status === 'published' && r.supersededById !== null, supersedesId: r.supersedesId,
  publishedAt: r.publishedAt?.toISOString() ?? null, updatedAt: r.updatedAt.toISOString(), isDemo: r.isDemo,
});

const TEXT_MIME = /^text\/plain/;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The 保密审查 scan of everything that would be published: text, table, names and readable attachments. */
export async function scanOf(db: DbOrTx, row: Pick<Row, 'id' | 'title' | 'content' | 'table'>): Promise<PiiScan> {
  const files: ScannedFile[] = [];
  for (const f of await repo.filesWithData(db, row.id)) {
    if (TEXT_MIME.test(f.mime) && f.data) files.push({ name: f.name, text: f.data.toString('utf8') });
    else if (f.mime === XLSX_MIME && f.data) {
      const sheets = await workbookCells(f.data);
      files.push(sheets ? { name: f.name, sheets } : { name: f.name, unreadable: true });
    } else files.push({ name: f.name, unreadable: true });
  }
  return scanDisclosure({ title: row.title, content: row.content, table: row.table ?? null, files }, todayInShanghai());
}

export async function listDisclosures(db: Db, user: AuthUser, raw: z.input<typeof DisclosureListQuerySchema>) {
  const query = DisclosureListQuerySchema.parse(raw);
  let orgPath: string | undefined;
  if (query.orgId) {
    const org = await repo.findOrganization(db, user.scope, query.orgId);
    if (!org) throw notFound('组织');
    orgPath = org.path;
  }
  if (isSelfOnly(user)) return { items: [] };
  const rows = await repo.listDisclosures(db, user.scope, { orgPath, category: query.category, status: query.status, period: query.period });
  return { items: rows.map(summarize) };
}

export async function getDisclosure(db: DbOrTx, user: AuthUser, id: number): Promise<Disclosure> {
  const row = await loadDisclosure(db, user, id);
  const files = await repo.filesOf(db, [row.id]);
  const events = await repo.eventsOf(db, row.id);
  // The row came through the scoped loader: what the caller may do with it is the workflow's rule for the roles they hold there.
  const allowed = (a: Action) => can(a, row.status, rolesAt(user, row.organizationPath));
  return {
    ...summarize(row), content: row.content, table: row.table ?? null, returnReason: row.returnReason,
    submittedAt: row.submittedAt?.toISOString() ?? null, reviewedAt: row.reviewedAt?.toISOString() ?? null,
    approvedAt: row.approvedAt?.toISOString() ?? null, supersededById: row.supersededById,
    files: files.map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size, uploadedAt: f.uploadedAt.toISOString() })),
    events: events.map((e) => ({ kind: e.kind, note: e.note, byName: e.byName, at: e.at.toISOString() })),
    scan: await scanOf(db, row),
    can: {
      edit: allowed('edit'), submit: allowed('submit'), review: allowed('review'), approve: allowed('approve'), publish: allowed('publish'),
      return: allowed('return'), correct: allowed('correct') && row.supersededById === null,
    },
  };
}

/** Category, rule and period agree with the frequency data. */
function checkRule(category: string, ruleKey: string | null | undefined, period: string) {
  if (!ruleKey) return;
  const rule = ruleOf(ruleKey);
  if (!rule) throw invalid('ruleKey', '公开规则不存在');
  if (rule.category !== category) throw invalid('ruleKey', `“${rule.label}”属于${{ party: '党务', village: '村务', finance: '财务' }[rule.category]}公开,与所选类别不一致`);
  const problem = periodProblem(rule, period);
  if (problem) throw invalid('period', problem);
}

export async function createDisclosure(db: Db, caller: Caller, raw: z.input<typeof CreateDisclosureSchema>): Promise<Disclosure> {
  const { user } = caller;
  const input = CreateDisclosureSchema.parse(raw);
  return db.transaction(async (tx) => {
    const org = isSelfOnly(user) ? undefined : await repo.findOrganization(tx, user.scope, input.organizationId);
    if (!org) throw notFound('组织');
    const verdict = decide('edit', 'draft', rolesAt(user, org.path));
    if (!verdict.ok) throw new AppError('FORBIDDEN', '三务公开由本村党支部书记或镇党委管理员起草');
    if (org.kind !== 'branch' || !org.villageId) throw invalid('organizationId', '三务公开由对应行政村的村党支部办理,请选择村党支部');
    checkRule(input.category, input.ruleKey, input.period);
    if (input.supersedesId) {
      await repo.lockDisclosure(tx, input.supersedesId);
      const old = await repo.findDisclosure(tx, user.scope, input.supersedesId);
      if (!old || old.organizationId !== org.id) throw invalid('supersedesId', '要更正的公开事项不存在或不属于该村党支部');
      assertStep(user, old, 'correct');
      if (old.supersededById !== null) throw invalid('supersedesId', '该公开事项已被更正,请更正最新的一份');
      const open = await repo.openSuccessor(tx, old.id);
      if (open) throw invalid('supersedesId', `该公开事项已有一份未公开的更正(编号${open}),请继续办理那一份`);
    }
    const id = await repo.insertDisclosure(tx, {
      tenantId: user.tenantId, organizationId: org.id, villageId: org.villageId, category: input.category, ruleKey: input.ruleKey ?? null,
      period: input.period, title: input.title, content: input.content, status: 'draft', supersedesId: input.supersedesId ?? null, createdBy: user.id,
    });
    await audit(tx, caller, { action: 'disclosure.create', objectType: 'disclosure', objectId: id, detail: { organizationId: org.id, category: input.category, ruleKey: input.ruleKey ?? null, period: input.period, supersedesId: input.supersedesId ?? null } });
    return getDisclosure(tx, user, id);
  });
}

/** Edits while draft or returned; a published disclosure is never changed (a correction is a new one). */
export async function updateDisclosure(db: Db, caller: Caller, id: number, raw: z.input<typeof UpdateDisclosureSchema>): Promise<Disclosure> {
  const { user } = caller;
  const input = UpdateDisclosureSchema.parse(raw);
  return db.transaction(async (tx) => {
    await repo.lockDisclosure(tx, id);
    const row = await loadDisclosure(tx, user, id);
    assertStep(user, row, 'edit');
    const category = input.category ?? row.category;
    const ruleKey = input.ruleKey === undefined ? row.ruleKey : input.ruleKey;
    checkRule(category, ruleKey, input.period ?? row.period);
    const ragged = input.table?.rows.findIndex((r) => r.length !== input.table?.header.length) ?? -1;
    if (ragged >= 0) throw invalid('table', `表格第${ragged + 1}行的列数与表头(${input.table?.header.length}列)不一致`);
    await repo.updateDisclosure(tx, id, { ...input, ruleKey });
    await audit(tx, caller, { action: 'disclosure.update', objectType: 'disclosure', objectId: id, detail: { fields: Object.keys(input) } });
    return getDisclosure(tx, user, id);
  });
}

const STAMP: Partial<Record<Action, (userId: number, now: Date) => Partial<repo.DisclosureValues>>> = {
  submit: (_u, now) => ({ submittedAt: now, returnReason: null }),
  review: (u, now) => ({ reviewedBy: u, reviewedAt: now }),
  approve: (u, now) => ({ approvedBy: u, approvedAt: now }),
  publish: (_u, now) => ({ publishedAt: now }),
};
const EVENT: Record<'submit' | 'review' | 'approve' | 'publish' | 'return', 'submitted' | 'reviewed' | 'approved' | 'published' | 'returned'> = {
  submit: 'submitted', review: 'reviewed', approve: 'approved', publish: 'published', return: 'returned',
};

class ScanRefusal extends AppError {}

/** What `redact` would find in the texts the public page shows (title, content, table, file names), at 公开. */
async function publicTextsHaveNumbers(db: DbOrTx, row: Pick<Row, 'id' | 'title' | 'content' | 'table'>): Promise<boolean> {
  const names = (await attachmentsOf(db, [row.id])).map((f) => f.name);
  const cells = row.table ? [...row.table.header, ...row.table.rows.flat()] : [];
  return anyNumbers([row.title, row.content, ...cells, ...names], todayInShanghai());
}

/** One step of the procedure. 审核 (保密审查) and 公开 both run the scan; 公开 is refused while findings remain. */
export async function transition(db: Db, caller: Caller, id: number, action: 'submit' | 'review' | 'approve' | 'publish' | 'return', note?: string): Promise<Disclosure> {
  const { user } = caller;
  try {
    return await db.transaction(async (tx) => {
      await repo.lockDisclosure(tx, id);
      const row = await loadDisclosure(tx, user, id);
      const to = assertStep(user, row, action) as Row['status'];
      let warnings: string[] = [];
      let scanned: Partial<repo.DisclosureValues> = {};
      if (action === 'review' || action === 'publish') {
        const scan = await scanOf(tx, row);
        if (!scan.ok) throw new ScanRefusal('VALIDATION', scanMessage(scan), scan.findings.map((f) => ({ path: f.where, message: f.message })));
        warnings = scan.warnings.map((w) => w.message);
        // Stored at 公开 so the public page does not scan the texts again on every view (issue 14).
        if (action === 'publish') scanned = { personalNumbersFound: await publicTextsHaveNumbers(tx, row) };
      }
      if (action === 'submit' && !row.content.trim() && !row.table) throw invalid('content', '公开内容为空:请填写正文或导入表格后再提出');
      const now = new Date();
      const stamp = STAMP[action]?.(user.id, now) ?? {};
      await repo.updateDisclosure(tx, id, { status: to, ...stamp, ...scanned, ...(action === 'return' ? { returnReason: note ?? null } : {}) });
      await repo.insertEvent(tx, { tenantId: user.tenantId, disclosureId: id, kind: EVENT[action], note: note ?? null, byUserId: user.id, on: todayInShanghai(now) });
      await audit(tx, caller, { action: `disclosure.${action}`, objectType: 'disclosure', objectId: id, detail: { from: row.status, to, unscannedAttachments: warnings.length } });
      return getDisclosure(tx, user, id);
    });
  } catch (error) {
    // The refusal itself is audited (fail closed: the transaction above rolled back, this is a record of the attempt).
    if (error instanceof ScanRefusal) await audit(db, caller, { action: `disclosure.${action}`, objectType: 'disclosure', objectId: id, detail: { refused: 'pii_scan', places: error.fields?.map((f) => f.path) ?? [] }, result: 'denied' });
    throw error;
  }
}
