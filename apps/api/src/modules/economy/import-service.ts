/**
 * Import of collective income from the 三资 system's xlsx export (issue 18 point 1): a dry run and a row-by-row Chinese
 * report naming the column and the rule, then the real run. All or nothing: one refused row and nothing is written; the
 * real run writes every village's year in one transaction. A village's year becomes (or updates) its draft, as if typed
 * into the form: the secretary or the town still submits it and the town approves it.
 */
import { INCOME_SOURCES, type EconomyImportReport, type IncomeAmounts } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, requirePermission, type Caller } from '../../lib/access/index.js';
import { AppError } from '../../lib/errors.js';
import { parseIncomeWorkbook, type ParsedIncomeRow } from './import-parse.js';
import * as repo from './repository.js';
import { writeDraft } from './service.js';

type Village = Awaited<ReturnType<typeof repo.villageBranches>>[number];
type Status = EconomyImportReport['rows'][number]['status'];
interface Group { key: string; village?: Village; year: number; rows: ParsedIncomeRow[]; amounts: IncomeAmounts; status: Status; error?: { column: string; message: string } }

const bare = (s: string) => s.replace(/(党总支|党支部|支部)$/, '').replace(/(村委会|村民委员会|股份经济合作社|经济合作社|村)$/, '');

function placeOf(name: string, villages: Village[]): Village | string {
  const found = villages.filter((v) => [v.name, v.villageName ?? ''].some((n) => n === name || bare(n) === bare(name)));
  if (found.length === 1) return found[0];
  return found.length ? `“${name}”可指多个村,请填写村的全称` : `“${name}”不是您可以填报的村:村名应与系统中的村名一致`;
}

const ZERO: IncomeAmounts = { operating: 0, contracting: 0, investment: 0, subsidy: 0, other: 0 };

/** Rows of one village's year gathered (the long form has one per source); a source twice in a year is refused. */
function groupRows(rows: ParsedIncomeRow[], villages: Village[], chosenYear: number | undefined): Group[] {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const year = row.year ?? chosenYear;
    if (!year) row.errors.push({ column: '年度', message: '表中没有年度列,标题也没有写年度:请在导入时选择年度' });
    const place = row.village ? placeOf(row.village, villages) : undefined;
    if (typeof place === 'string') row.errors.push({ column: '村名', message: place });
    if (row.errors.length || !place || typeof place === 'string' || !year) continue;
    const key = `${place.organizationId}:${year}`;
    const group = groups.get(key) ?? { key, village: place, year, rows: [], amounts: { ...ZERO }, status: 'create' as Status };
    for (const source of INCOME_SOURCES) {
      const fen = row.amounts[source];
      if (fen === undefined) continue;
      if (group.rows.some((r) => r.amounts[source] !== undefined)) row.errors.push({ column: '收入项目', message: `${place.villageName ?? place.name}${year}年度的这项收入在表中出现了两次` });
      else group.amounts[source] += fen;
    }
    if (!row.errors.length) group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()];
}

async function plan(tx: DbOrTx, caller: Caller, groups: Group[], reason: string | null) {
  for (const g of groups) {
    if (!can(caller.user, 'economy.enter', g.village!.path)) { g.status = 'invalid'; g.error = { column: '村名', message: '您不能填报此村的集体经济收入' }; continue; }
    const done = await writeDraft(tx, caller, g.village!.organizationId, g.year, { amounts: g.amounts, reason, origin: 'import' });
    if ('refused' in done) { g.status = 'invalid'; g.error = { column: done.field === 'reason' ? '更正原因' : '年度', message: done.refused }; continue; }
    g.status = done.created ? 'create' : 'update';
    await audit(tx, caller, { action: 'economy.draft', objectType: 'economy_income', objectId: done.id, detail: { organizationId: g.village!.organizationId, year: g.year, version: done.version, amounts: g.amounts, origin: 'import' } });
  }
}

function reportOf(rows: ParsedIncomeRow[], groups: Group[], dryRun: boolean, written: boolean): EconomyImportReport {
  const groupOf = new Map(groups.flatMap((g) => g.rows.map((r) => [r, g] as const)));
  const reported = rows.map((r) => {
    const g = groupOf.get(r);
    const errors = [...r.errors, ...(g?.error ? [g.error] : [])];
    const status: Status = errors.length ? 'invalid' : g!.status;
    return { sheet: r.sheet, row: r.row, status, name: r.village || null, errors, ...(g ? { notes: [`${g.year}年度`] } : {}) };
  });
  const ok = groups.filter((g) => g.status !== 'invalid');
  return {
    total: reported.length, dryRun, valid: reported.filter((r) => r.status !== 'invalid').length, invalid: reported.filter((r) => r.status === 'invalid').length,
    created: written || dryRun ? ok.filter((g) => g.status === 'create').length : 0, updated: written || dryRun ? ok.filter((g) => g.status === 'update').length : 0,
    rows: reported,
  };
}

/** Thrown inside the transaction to roll back a dry run or a file with refused rows, after the plan was made. */
class Rollback extends Error {}

export async function importIncome(db: Db, caller: Caller, options: { dryRun: boolean; year?: number; reason?: string; file: () => Promise<Buffer> }): Promise<EconomyImportReport> {
  requirePermission(caller.user, 'economy.enter', '只有镇党委管理员和村党支部书记可以导入集体经济收入');
  let rows: ParsedIncomeRow[];
  try {
    rows = await parseIncomeWorkbook(await options.file());
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('VALIDATION', err instanceof Error ? err.message : '无法读取文件', [{ path: 'file', message: '文件无法解析' }]);
  }
  const villages = await repo.villageBranches(db, caller.user.scope);
  const groups = groupRows(rows, villages, options.year);
  let written = false;
  try {
    // The plan is the real write in a transaction: a dry run reports exactly what the real run would do, then rolls back.
    await db.transaction(async (tx) => {
      await plan(tx, caller, groups, options.reason?.trim() || null);
      const clean = rows.every((r) => !r.errors.length) && groups.every((g) => g.status !== 'invalid');
      if (options.dryRun || !clean || !groups.length) throw new Rollback();
      await audit(tx, caller, { action: 'economy.import', objectType: 'tenant', objectId: caller.user.tenantId, detail: { villageYears: groups.length, rows: rows.length } });
      written = true;
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return reportOf(rows, groups, options.dryRun, written);
}
