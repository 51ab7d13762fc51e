import type { ImportReport, MemberProfile } from '@dj/contracts';
import { sql } from 'drizzle-orm';
import { acrossScope, type Db } from '../../db/client.js';
import { AppError, forbidden } from '../../lib/errors.js';
import { todayInShanghai } from '@dj/contracts';
import { parseRoster, type ParsedRow } from './excel/parse-roster.js';
import { confirmedDateUnknown } from './excel/id-checks.js';
import { startingEvents } from './events.js';
import { checkMembershipDates, sealPerson, type SealedPerson } from './profile.js';
import * as repo from './repository.js';
import * as bulk from './bulk-repository.js';
import { deriveMembership } from './rules/membership-status.js';
import { indexBranches } from './rules/branch-names.js';
import { can, audit, loadOrganizationInScope, type Caller } from '../../lib/access/index.js';

/** The Chinese column name a server-side problem belongs to, for the row report. */
const COLUMN_OF: Record<string, string> = {
  idNumber: '身份证号', phone: '联系电话', joinedAt: '入党日期', confirmedAt: '转正日期', birthDate: '出生日期',
  organizationId: '所在党支部', groupId: '党小组', gender: '性别', name: '姓名',
};

const UNDATED_NOTE = '转正日期不详:按正式党员导入,党龄显示为“不详”;请据党员档案在“记录党籍变动—转正”中补录转正日期';

interface Planned {
  row: ParsedRow;
  status: ImportReport['rows'][number]['status'];
  errors: { column: string; message: string }[];
  notes: string[];
  sealed?: SealedPerson;
  profile?: Omit<MemberProfile, 'idNumber' | 'phone'>;
  existing?: { personId: number; memberId: number };
  changes?: ReturnType<typeof bulk.importChanges>;
}

type Branchlike = { id: number; name: string; path: string };

/**
 * The branch a row belongs to: its 所在党组织 cell (full name or the village alone, rules/branch-names.ts), else its
 * sheet's name when the sheet has no such column (one sheet per branch), else the branch being imported into.
 * A branch of the town outside the importing root is that row's error, as is a name no branch of the town has.
 */
function placeRow(
  row: ParsedRow, root: Branchlike & { kind: string }, inScope: ReturnType<typeof indexBranches<Branchlike>>, inTown: ReturnType<typeof indexBranches<Branchlike>>,
): { branch: Branchlike } | { error: { column: string; message: string } } {
  const column = row.headers.organizationName ?? '所在党支部';
  const written = row.values.organizationName;
  if (!written) {
    const bySheet = row.headers.organizationName ? undefined : inScope.find(row.sheet);
    if (bySheet && bySheet !== 'ambiguous') return { branch: bySheet };
    const sheetElsewhere = row.headers.organizationName ? undefined : inTown.find(row.sheet);
    if (sheetElsewhere && sheetElsewhere !== 'ambiguous') {
      return { error: { column: '工作表', message: `工作表“${row.sheet}”是${sheetElsewhere.name}的名册,不在本次导入的范围(${root.name})内` } };
    }
    if (root.kind === 'branch') return { branch: root };
    return { error: { column, message: row.headers.organizationName ? '必填项为空' : `表格中没有“所在党支部”列,工作表名“${row.sheet}”也不是${root.name}下的党支部:请增加该列或在某个党支部下导入` } };
  }
  const found = inScope.find(written);
  if (found === 'ambiguous' || inTown.find(written) === 'ambiguous') return { error: { column, message: `“${written}”可指多个党支部,请填写党支部全称` } };
  if (found) return { branch: found };
  const elsewhere = inTown.find(written);
  if (elsewhere && elsewhere !== 'ambiguous') return { error: { column, message: `“${written}”是${elsewhere.name},不在本次导入的范围(${root.name})内:请由该支部或镇党委导入` } };
  return { error: { column, message: `本镇没有名为“${written}”的党支部:请填写系统中的党支部名称(全称或村名均可)` } };
}

/**
 * Excel import with a dry run. Rows are matched to existing members by ID number (keyed hash), so the
 * same file imported twice changes nothing. The real run writes every valid row in one transaction.
 */
export async function importRoster(db: Db, caller: Caller, options: { orgId: number; dryRun: boolean; file: () => Promise<Buffer> }): Promise<ImportReport> {
  const { user, ip, cipher } = caller;
  const root = await loadOrganizationInScope(db, user, options.orgId);
  if (!can(user, 'members.manage', root.path)) throw forbidden('只有镇党委管理员和本支部书记可以导入党员');
  let parsed;
  try {
    parsed = await parseRoster(await options.file());
  } catch (err) {
    // A limit refusal or a busy server (lib/excel.ts) already says what is wrong, with its own status.
    if (err instanceof AppError) throw err;
    throw new AppError('VALIDATION', err instanceof Error ? err.message : '无法读取文件', [{ path: 'file', message: '文件无法解析' }]);
  }
  const orgs = (await repo.findOrganizationsInScope(db, user.scope)).filter((o) => o.path.startsWith(root.path));
  const branches = indexBranches(orgs.filter((o) => o.kind === 'branch'));
  // The town's other branches, so a town-wide roster's rows for them say "outside your scope", not "unknown".
  const townBranches = indexBranches(await repo.findTownBranches(db, user.tenantId));
  const groupsOf = (branchId: number) => new Map(orgs.filter((o) => o.kind === 'group' && o.parentId === branchId).map((o) => [o.name, o]));
  const today = todayInShanghai();

  const plans: Planned[] = parsed.rows.map((row) => {
    const plan: Planned = { row, status: 'invalid', errors: [...row.errors], notes: [] };
    if (row.duplicateOfRow) { plan.status = 'duplicate'; return plan; }
    const v = row.values;
    const placed = placeRow(row, root, branches, townBranches);
    const branch = 'branch' in placed ? placed.branch : undefined;
    if ('error' in placed) plan.errors.push(placed.error);
    const group = branch && v.groupName ? groupsOf(branch.id).get(v.groupName) : undefined;
    if (branch && v.groupName && !group) plan.errors.push({ column: '党小组', message: `“${v.groupName}”不是${branch.name}的党小组` });
    if (plan.errors.length || !branch) return plan;
    const sealed = sealPerson(cipher, { ...v, idNumber: v.idNumber ?? '', ethnicity: v.ethnicity || '汉族' } as Parameters<typeof sealPerson>[1]);
    const undated = confirmedDateUnknown(v, today);
    const problems = [...(sealed.ok ? [] : sealed.problems), ...checkMembershipDates({ ...v as { birthDate: string; joinedAt: string; confirmedAt?: string | null }, confirmedDateUnknown: undated }, today)];
    plan.errors.push(...problems.map((p) => ({ column: row.headers[p.path as keyof ParsedRow['headers']] ?? COLUMN_OF[p.path] ?? p.path, message: p.message })));
    if (!sealed.ok || problems.length) return plan;
    plan.sealed = sealed.columns;
    plan.profile = { ...(v as unknown as MemberProfile), confirmedDateUnknown: undated, organizationId: branch.id, groupId: group?.id ?? null };
    if (undated) plan.notes.push(UNDATED_NOTE);
    plan.status = 'create';
    return plan;
  });

  // Columns absent from the file (an export has no 序号, a short list may have no 籍贯) must not blank fields.
  const present = new Set(parsed.fields);
  // One query for all matches: the import must stay fast at thousands of rows.
  const valid = plans.filter((p) => p.sealed);
  // Across villages on purpose (row scope '*'): a number already registered in another branch must be refused, not
  // created twice; the query marks each match in or out of the scope and the message never names the other branch.
  const current = await acrossScope(db, () => bulk.findByIdHashes(db, user.scope, valid.map((p) => (p.sealed as SealedPerson).idNumberHash)));
  for (const plan of valid) {
    const found = current.get((plan.sealed as SealedPerson).idNumberHash);
    if (!found) continue;
    const profile = plan.profile as MemberProfile;
    if (!found.memberId || !found.organizationPath || !found.inScope) {
      plan.status = 'invalid';
      plan.errors.push({ column: '身份证号', message: '该身份证号已在本镇其他党组织登记,请联系镇党委核实' });
    } else if (found.organizationId !== profile.organizationId) {
      plan.status = 'invalid';
      plan.errors.push({ column: plan.row.headers.organizationName ?? '所在党支部', message: `系统中该党员在“${found.organizationName}”,组织关系变动请用“记录党籍变动—组织关系转出”办理` });
    } else {
      plan.existing = { personId: found.personId as number, memberId: found.memberId };
      plan.changes = bulk.importChanges(found, plan.sealed as SealedPerson, profile, present);
      plan.status = plan.changes.changed ? 'update' : 'unchanged';
    }
  }

  const report: ImportReport = {
    total: plans.length, dryRun: options.dryRun,
    valid: plans.filter((p) => ['create', 'update', 'unchanged'].includes(p.status)).length,
    invalid: plans.filter((p) => p.status === 'invalid' || p.status === 'duplicate').length,
    created: plans.filter((p) => p.status === 'create').length,
    updated: plans.filter((p) => p.status === 'update').length,
    rows: plans.map((p) => ({ sheet: p.row.sheet, row: p.row.row, status: p.status, name: p.row.values.name ?? null, errors: p.errors, notes: p.notes })),
  };
  if (options.dryRun || (report.created === 0 && report.updated === 0)) return report;

  await db.transaction(async (tx) => {
    const creates = plans.filter((p) => p.status === 'create');
    await bulk.insertMembers(tx, user, creates.map((p) => {
      const profile = p.profile as MemberProfile;
      const events = startingEvents(profile);
      return { sealed: p.sealed as SealedPerson, profile, derived: deriveMembership(events, today), events };
    }));
    for (const p of plans.filter((x) => x.status === 'update')) {
      await bulk.updateImported(tx, p.existing as { personId: number; memberId: number }, p.changes as ReturnType<typeof bulk.importChanges>);
    }
    await audit(tx, { user, ip }, { action: 'member.import', objectType: 'organization', objectId: root.id, detail: { created: report.created, updated: report.updated, invalid: report.invalid } });
  });
  // A large import changes the tables' shape; refresh the planner's statistics for the roster queries.
  if (report.created > 500) await db.execute(sql`analyze persons, members, membership_events`);
  return report;
}
