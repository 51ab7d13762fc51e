/**
 * Import of a village's 两委 roster from xlsx (issue 15 point 8), with the member roster's dry run and row-by-row
 * Chinese report (each problem names its column and the rule). The real run writes every post through the cadres
 * service's own startHolding, so each holding gets its history line, and all rows in one transaction: a row that
 * fails there undoes the whole import. Each row is checked against today's posts of the village and the other rows.
 */
import {
  isAfterToday, RecordCadreChangeSchema, VILLAGE_CADRE_POST_BODY, VILLAGE_CADRE_POST_LABELS, type ImportReport, type VillageCadrePost,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, loadWritableBranch, type Caller } from '../../lib/access/index.js';
import { AppError } from '../../lib/errors.js';
import { isPathInScope } from '../../db/scope.js';
import { findPersonByIdHash, sealPerson } from '../members/index.js';
import { CadreRosterFormatError, parseCadreRoster, type CadreParsedRow } from './cadre-import-parse.js';
import * as repo from './repository.js';
import { isSingleHolder } from './rules/posts.js';
import { startHolding, villageOnly } from './service.js';

export const IMPORT_REASON = '导入村"两委"成员名册';

interface Plan {
  row: CadreParsedRow; status: ImportReport['rows'][number]['status']; errors: { column: string; message: string }[]; notes: string[];
  idHash?: string; personId?: number; posts: VillageCadrePost[];
}
type Branch = Awaited<ReturnType<typeof loadWritableBranch>> & { villageId: number | null };
type Holding = Awaited<ReturnType<typeof repo.currentHoldings>>[number];

const label = (p: VillageCadrePost) => VILLAGE_CADRE_POST_LABELS[p];
const col = (row: CadreParsedRow, field: keyof CadreParsedRow['headers'], fallback: string) => row.headers[field] ?? fallback;

/** The person a row names: known (by ID number) and allowed in this village, new, or refused with the reason. */
async function resolvePerson(tx: DbOrTx, caller: Caller, plan: Plan, candidates: Map<number, boolean>) {
  const v = plan.row.values;
  const sealed = sealPerson(caller.cipher, { name: v.name, gender: v.gender!, birthDate: v.birthDate!, idNumber: v.idNumber, phone: v.phone, ethnicity: '汉族', nativePlace: null, education: null, occupation: null, workUnit: null, address: null, hamlet: null });
  if (!sealed.ok) {
    for (const p of sealed.problems) plan.errors.push({ column: p.path === 'phone' ? col(plan.row, 'phone', '联系电话') : col(plan.row, 'idNumber', '身份证号'), message: p.message });
    return;
  }
  plan.idHash = sealed.columns.idNumberHash;
  const existing = await findPersonByIdHash(tx, caller.user.tenantId, sealed.columns.idNumberHash);
  const idColumn = col(plan.row, 'idNumber', '身份证号');
  if (existing && !candidates.has(existing.personId)) {
    // Never says where: the person may be on a roster the caller does not see.
    const where = existing.organizationPath && isPathInScope(existing.organizationPath, caller.user.scope) ? '本镇其他党支部的党员名册中' : '本镇其他村或党组织';
    plan.errors.push({ column: idColumn, message: `此人已在${where}登记,不能作为本村干部导入:请联系镇党委核实` });
    return;
  }
  const isMember = existing ? candidates.get(existing.personId) === true : false;
  const memberColumn = col(plan.row, 'isMember', '是否党员');
  if (v.isMember === true && !isMember) plan.errors.push({ column: memberColumn, message: '表中为党员,但党员名册中没有此身份证号:请先在党员名册中登记,再导入村干部' });
  if (v.isMember === false && isMember) plan.errors.push({ column: memberColumn, message: '表中为非党员,但此人在党员名册中:请核对' });
  if (existing && v.phone) plan.notes.push('已登记人员的联系电话未按表更新:请在人员资料中修改');
  if (existing) plan.personId = existing.personId;
}

/** Posts against today's holders and the rows above: one holder per post (委员 excepted). */
function checkPosts(plan: Plan, current: Holding[], claimed: Map<VillageCadrePost, number>) {
  const postColumn = col(plan.row, 'posts', '职务');
  for (const post of plan.row.values.posts) {
    const held = current.filter((h) => h.post === post);
    if (plan.personId && held.some((h) => h.personId === plan.personId)) continue;
    if (isSingleHolder(post) && held.length) {
      plan.errors.push({ column: postColumn, message: `${label(post)}现由${held[0].name}担任,同一时间只能一人担任:请先在村干部页面登记其离任` });
      continue;
    }
    if (isSingleHolder(post) && claimed.has(post)) {
      plan.errors.push({ column: postColumn, message: `与第${claimed.get(post)}行同为${label(post)},同一时间只能一人担任` });
      continue;
    }
    plan.posts.push(post);
  }
  if (!plan.errors.length) for (const post of plan.posts) if (isSingleHolder(post)) claimed.set(post, plan.row.row);
}

async function planRows(tx: DbOrTx, caller: Caller, branch: Branch, rows: CadreParsedRow[]): Promise<Plan[]> {
  const candidates = new Map((await repo.candidatesOf(tx, branch.id)).map((c) => [c.personId, c.isMember]));
  const current = await repo.currentHoldings(tx, branch.id);
  const claimed = new Map<VillageCadrePost, number>();
  const plans: Plan[] = [];
  for (const row of rows) {
    const plan: Plan = { row, status: 'invalid', errors: [...row.errors], notes: [], posts: [] };
    plans.push(plan);
    if (row.duplicateOfRow) { plan.status = 'duplicate'; continue; }
    if (row.values.startedOn && isAfterToday(row.values.startedOn)) plan.errors.push({ column: col(row, 'startedOn', '任职时间'), message: '任职时间不能晚于今天(北京时间)' });
    if (plan.errors.length) continue;
    await resolvePerson(tx, caller, plan, candidates);
    if (plan.errors.length) continue;
    checkPosts(plan, current, claimed);
    if (plan.errors.length) continue;
    plan.status = plan.posts.length ? 'create' : 'unchanged';
    if (!plan.posts.length) plan.notes.push('所列职务已登记在任,无需导入');
  }
  return plans;
}

/** Writes one row's posts through the cadres service: the first creates the person when new, the rest name them. */
async function writeRow(tx: DbOrTx, caller: Caller, branch: Branch, plan: Plan, terms: Awaited<ReturnType<typeof repo.termsOf>>) {
  const v = plan.row.values;
  const year = Number(v.startedOn.slice(0, 4));
  const termId = terms.find((t) => t.startYear <= year && year < t.endYear)?.id ?? null;
  let personId = plan.personId;
  for (const post of plan.posts) {
    const kind = VILLAGE_CADRE_POST_BODY[post] === 'staff' ? 'appointment' : 'election';
    const who = personId ? { personId } : { newPerson: { name: v.name, gender: v.gender!, birthDate: v.birthDate!, idNumber: v.idNumber, phone: v.phone } };
    await startHolding(tx, caller, branch, RecordCadreChangeSchema.parse({ kind, occurredOn: v.startedOn, reason: IMPORT_REASON, post, termId, ...who }));
    personId ??= (await findPersonByIdHash(tx, caller.user.tenantId, plan.idHash!))!.personId;
  }
}

export async function importCadres(db: Db, caller: Caller, options: { orgId: number; dryRun: boolean; file: () => Promise<Buffer> }): Promise<ImportReport> {
  const branch = villageOnly(await loadWritableBranch(db, caller.user, options.orgId, 'cadres.manage')) as Branch;
  let rows: CadreParsedRow[];
  try {
    rows = await parseCadreRoster(await options.file());
  } catch (err) {
    if (err instanceof CadreRosterFormatError) throw new AppError('VALIDATION', err.message, [{ path: 'file', message: '文件无法解析' }]);
    throw err;
  }
  const plans = await planRows(db, caller, branch, rows);
  const report: ImportReport = {
    total: plans.length, dryRun: options.dryRun,
    valid: plans.filter((p) => p.status === 'create' || p.status === 'unchanged').length,
    invalid: plans.filter((p) => p.status === 'invalid' || p.status === 'duplicate').length,
    created: plans.filter((p) => p.status === 'create').length, updated: 0,
    rows: plans.map((p) => ({ sheet: p.row.sheet, row: p.row.row, status: p.status, name: p.row.values.name || null, errors: p.errors, notes: p.notes })),
  };
  if (options.dryRun) return report;
  // A 两委 roster is written whole or not at all: a skipped row would leave a post silently empty or doubled.
  if (report.invalid) throw new AppError('VALIDATION', `表格中有${report.invalid}行有误,未写入任何记录:请按试运行报告修改后重新导入`, [{ path: 'file', message: '存在错误行' }]);
  if (report.created === 0) return report;
  await db.transaction(async (tx) => {
    const terms = await repo.termsOf(tx, branch.id);
    for (const plan of plans.filter((p) => p.status === 'create')) await writeRow(tx, caller, branch, plan, terms);
    await audit(tx, caller, { action: 'cadres.import', objectType: 'organization', objectId: branch.id, detail: { created: report.created, invalid: report.invalid, posts: plans.reduce((n, p) => n + (p.status === 'create' ? p.posts.length : 0), 0) } });
  });
  return report;
}
