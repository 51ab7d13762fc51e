/**
 * xlsx import of talents with a dry run and a row-by-row Chinese report naming the column and the rule, as the member
 * roster's. All or nothing: one refused row and the real run writes nothing; the rows it writes, it writes in one
 * transaction. A row names an existing person of the village by ID number (a party member is linked, not duplicated);
 * the same file imported twice changes nothing.
 */
import { UpdateTalentSchema, type ImportReport, type NewCadrePerson } from '@dj/contracts';
import type { Db, DbOrTx } from '../../../db/client.js';
import { audit, loadOrganizationInScope, requirePermission, type Caller } from '../../../lib/access/index.js';
import { AppError } from '../../../lib/errors.js';
import type { SealedPerson } from '../../members/index.js';
import { placeSealed, sealNewPerson } from '../people.js';
import * as repo from '../repository.js';
import type { TalentImportValues } from './columns.js';
import { parseTalentRoster, type ParsedTalentRow } from './parse.js';

type Village = { organizationId: number; name: string; villageName: string | null; path: string };
type Status = ImportReport['rows'][number]['status'];
interface Plan {
  row: ParsedTalentRow; status: Status; errors: { column: string; message: string }[];
  village?: Village; sealed?: SealedPerson; personId?: number | null; talentId?: number;
  fields?: ReturnType<typeof UpdateTalentSchema.parse>;
}

const bare = (s: string) => s.replace(/(党总支|党支部|支部)$/, '').replace(/村$/, '');

/** The village a row belongs to: its 所在村 cell (village or branch name), else the village being imported into. */
function placeRow(v: TalentImportValues, root: { id: number; villageId: number | null }, villages: Village[], column: string): Village | { error: string } {
  if (!v.village) {
    const own = villages.find((x) => x.organizationId === root.id);
    return root.villageId && own ? own : { error: '必填项为空:在全镇导入时须填写所在村' };
  }
  const found = villages.filter((x) => [x.name, x.villageName ?? ''].some((n) => n === v.village || bare(n) === bare(v.village!)));
  if (found.length === 1) return found[0];
  return { error: found.length ? `“${v.village}”可指多个村,请填写党支部全称` : `“${v.village}”不是本次导入范围内的村:${column}应填写系统中的村名` };
}

const COLUMN_OF: Record<string, string> = { idNumber: '身份证号', phone: '联系电话', birthDate: '出生日期', gender: '性别', name: '姓名', tier: '层次', selectedYear: '入选年度' };

/** The person's columns: 出生日期 and 性别 follow from the ID number when the file has no such column (or a blank cell). */
function personOf(v: TalentImportValues): NewCadrePerson {
  const id = v.idNumber;
  const birth = /^\d{17}[\dX]$/.test(id) ? `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` : '';
  const gender = /^\d{17}[\dX]$/.test(id) ? (Number(id[16]) % 2 ? 'male' : 'female') : 'male';
  return { name: v.name, gender: v.gender ?? gender, birthDate: v.birthDate ?? birth, idNumber: id, phone: v.phone };
}

function check(plan: Plan, caller: Caller, root: { id: number; villageId: number | null }, villages: Village[]) {
  const { row } = plan;
  const header = (path: string) => row.headers[path as keyof ParsedTalentRow['headers']] ?? COLUMN_OF[path] ?? path;
  const placed = placeRow(row.values, root, villages, row.headers.village ?? '所在村');
  if ('error' in placed) plan.errors.push({ column: row.headers.village ?? '所在村', message: placed.error });
  else plan.village = placed;
  const { kind, tier, selectedYear, field, leads, note } = row.values;
  const fields = UpdateTalentSchema.safeParse({ kind: kind ?? undefined, tier, selectedYear, field: field ?? undefined, leads, note });
  if (fields.success) plan.fields = fields.data;
  else if (!plan.errors.length) plan.errors.push(...fields.error.issues.map((i) => ({ column: header(String(i.path[0])), message: i.message })));
  const sealed = sealNewPerson(caller, personOf(row.values));
  if (sealed.ok) plan.sealed = sealed.sealed;
  else plan.errors.push(...sealed.problems.map((p) => ({ column: header(p.path), message: p.message })));
}

/** Existing people: a talent of the same village is an update (or unchanged), a person of the village is linked. */
async function match(tx: DbOrTx, caller: Caller, plan: Plan, insert: boolean) {
  const village = plan.village!;
  const placed = await placeSealed(tx, caller, village.organizationId, plan.sealed!, insert);
  if (!('error' in placed)) { plan.personId = placed.personId; plan.status = 'create'; return; }
  const found = placed.error === '此人已在人才名册中' ? await repo.talentByIdHash(tx, caller.user.tenantId, plan.sealed!.idNumberHash) : undefined;
  if (found && found.organizationId === village.organizationId) {
    plan.talentId = found.id;
    const same = JSON.stringify(repo.comparable(found)) === JSON.stringify(repo.comparable(plan.fields!));
    plan.status = same ? 'unchanged' : 'update';
    return;
  }
  plan.status = 'invalid';
  plan.errors.push({ column: plan.row.headers.idNumber ?? '身份证号', message: found ? '此人已在其他村的人才名册中,请联系镇党委核实' : placed.error });
}

async function write(tx: DbOrTx, caller: Caller, plans: Plan[]) {
  for (const p of plans) {
    if (p.status === 'update') await repo.updateTalent(tx, p.talentId!, p.fields!);
    if (p.status !== 'create') continue;
    await match(tx, caller, p, true);
    await repo.insertTalent(tx, { ...p.fields!, tenantId: caller.user.tenantId, organizationId: p.village!.organizationId, personId: p.personId!, createdBy: caller.user.id });
  }
}

function reportOf(plans: Plan[], dryRun: boolean, written: boolean): ImportReport {
  const count = (s: Status) => plans.filter((p) => p.status === s).length;
  return {
    total: plans.length, dryRun, valid: plans.length - count('invalid') - count('duplicate'), invalid: count('invalid') + count('duplicate'),
    created: written || dryRun ? count('create') : 0, updated: written || dryRun ? count('update') : 0,
    rows: plans.map((p) => ({ sheet: p.row.sheet, row: p.row.row, status: p.status, name: p.row.values.name || null, errors: p.errors })),
  };
}

export async function importTalents(db: Db, caller: Caller, options: { orgId: number; dryRun: boolean; file: () => Promise<Buffer> }): Promise<ImportReport> {
  const root = await loadOrganizationInScope(db, caller.user, options.orgId);
  requirePermission(caller.user, 'talent.manage', '只有镇党委管理员和本村党支部书记可以导入人才', root.path);
  let rows: ParsedTalentRow[];
  try {
    rows = await parseTalentRoster(await options.file());
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('VALIDATION', err instanceof Error ? err.message : '无法读取文件', [{ path: 'file', message: '文件无法解析' }]);
  }
  const villages = (await repo.villageBranches(db, caller.user.scope)).filter((v) => v.path.startsWith(root.path));
  const plans: Plan[] = rows.map((row) => ({ row, status: row.duplicateOfRow ? 'duplicate' : 'invalid', errors: [...row.errors] }));
  for (const plan of plans.filter((p) => p.status !== 'duplicate')) {
    if (!plan.errors.length) check(plan, caller, root, villages);
    if (!plan.errors.length) await match(db, caller, plan, false);
  }
  // All or nothing: any refused row and nothing is written; the report says which rows and why.
  const clean = plans.every((p) => p.status !== 'invalid' && p.status !== 'duplicate');
  if (options.dryRun || !clean || !plans.some((p) => p.status === 'create' || p.status === 'update')) return reportOf(plans, options.dryRun, false);
  await db.transaction(async (tx) => {
    await write(tx, caller, plans);
    await audit(tx, caller, { action: 'talent.import', objectType: 'organization', objectId: root.id, detail: { created: plans.filter((p) => p.status === 'create').length, updated: plans.filter((p) => p.status === 'update').length } });
  });
  return reportOf(plans, false, true);
}
