/**
 * Import of a village's household roster (issue 20 point 3): a dry run and a row-by-row Chinese report, then the real
 * run, all or nothing in one transaction (a dry run is the real write rolled back, so it reports exactly what would
 * happen). A row whose 户主 and 村民小组 match a household of the village updates it; others are new. Members named in a
 * 联系党员 column are matched by name on the village branch's roster, never guessed; an empty cell leaves links as they are.
 */
import { maskPhone, normalizePhone, todayInShanghai, type HouseholdImportReport } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, type Caller } from '../../lib/access/index.js';
import { AppError } from '../../lib/errors.js';
import { parseHouseholdWorkbook, type ParsedHouseholdRow } from './import-parse.js';
import * as repo from './repository.js';
import { villageBranch } from './service.js';

type Status = 'create' | 'update' | 'duplicate';
interface Planned { row: ParsedHouseholdRow; status: Status; existingId?: number; personIds: number[] | null; phone: string | null }

const keyOf = (headName: string, hamlet: string | null) => `${headName}\u0000${hamlet ?? ''}`;

function memberIds(row: ParsedHouseholdRow, roster: { personId: number; name: string }[]): number[] | null {
  if (!row.memberNames || !row.memberNames.length) return null;
  const ids: number[] = [];
  for (const name of row.memberNames) {
    const found = roster.filter((m) => m.name === name);
    if (found.length === 1) ids.push(found[0].personId);
    else row.errors.push({ column: '联系党员', message: found.length ? `本村党支部有${found.length}名党员叫“${name}”,无法确定是哪一位:请导入后在系统中安排` : `“${name}”不在本村党支部党员名册中` });
  }
  if (ids.length > 5) row.errors.push({ column: '联系党员', message: '一户最多安排5名联系党员' });
  return [...new Set(ids)];
}

function plan(rows: ParsedHouseholdRow[], existing: { id: number; headName: string; hamlet: string | null }[], roster: { personId: number; name: string }[]): Planned[] {
  const byKey = new Map<string, number[]>();
  for (const h of existing) byKey.set(keyOf(h.headName, h.hamlet), [...(byKey.get(keyOf(h.headName, h.hamlet)) ?? []), h.id]);
  const seen = new Map<string, number>();
  const planned: Planned[] = [];
  for (const row of rows) {
    let phone: string | null = null;
    if (row.phone) {
      const checked = normalizePhone(row.phone);
      if (checked.ok) phone = checked.value;
      else row.errors.push({ column: '联系电话', message: checked.message });
    }
    const personIds = memberIds(row, roster);
    if (row.errors.length) continue;
    const key = keyOf(row.headName, row.hamlet);
    const first = seen.get(key);
    if (first) {
      row.errors.push({ column: '户主', message: `与第${first}行是同一户(户主和村民小组相同)` });
      planned.push({ row, status: 'duplicate', personIds, phone });
      continue;
    }
    seen.set(key, row.row);
    const matches = byKey.get(key) ?? [];
    if (matches.length > 1) { row.errors.push({ column: '户主', message: '本村已有多户户主和村民小组都相同,无法确定更新哪一户:请在系统中修改' }); continue; }
    planned.push({ row, status: matches.length ? 'update' : 'create', existingId: matches[0], personIds, phone });
  }
  return planned;
}

async function write(tx: DbOrTx, caller: Caller, organizationId: number, p: Planned, today: string) {
  const { headName, hamlet, address, people, situation } = p.row;
  const sealed = p.phone ? { phoneEnc: caller.cipher.encrypt(p.phone), phoneMasked: maskPhone(p.phone) } : {};
  let id = p.existingId;
  if (id) await repo.updateHousehold(tx, id, { headName, hamlet, address, people, situation, ...sealed });
  else id = await repo.insertHousehold(tx, { tenantId: caller.user.tenantId, organizationId, headName, hamlet, address, people, situation, ...sealed, createdBy: caller.user.id });
  if (p.personIds) await repo.setLinks(tx, { tenantId: caller.user.tenantId, organizationId, householdId: id }, p.personIds, today, caller.user.id);
  return id;
}

function reportOf(rows: ParsedHouseholdRow[], planned: Planned[], dryRun: boolean, written: boolean): HouseholdImportReport {
  const of = new Map(planned.map((p) => [p.row, p]));
  const reported = rows.map((r) => {
    const p = of.get(r);
    const status = p?.status === 'duplicate' ? 'duplicate' as const : r.errors.length || !p ? 'invalid' as const : p.status;
    const notes = p && p.status !== 'duplicate' ? [[r.hamlet, r.address].filter(Boolean).join(' '), p.personIds ? `联系党员${p.personIds.length}名` : ''].filter(Boolean) : undefined;
    // The phone is never echoed: the report names the household by its head only.
    return { sheet: r.sheet, row: r.row, status, name: r.headName || null, errors: r.errors, ...(notes?.length ? { notes } : {}) };
  });
  const ok = planned.filter((p) => p.status !== 'duplicate' && !p.row.errors.length);
  const count = (s: Status) => (written || dryRun ? ok.filter((p) => p.status === s).length : 0);
  return {
    total: reported.length, dryRun, valid: reported.filter((r) => r.status === 'create' || r.status === 'update').length,
    invalid: reported.filter((r) => r.status === 'invalid' || r.status === 'duplicate').length, created: count('create'), updated: count('update'), rows: reported,
  };
}

class Rollback extends Error {}

export async function importHouseholds(db: Db, caller: Caller, options: { orgId: number; dryRun: boolean; file: () => Promise<Buffer> }): Promise<HouseholdImportReport> {
  const branch = await villageBranch(db, caller.user, options.orgId, 'households.manage');
  let rows: ParsedHouseholdRow[];
  try {
    rows = await parseHouseholdWorkbook(await options.file());
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('VALIDATION', err instanceof Error ? err.message : '无法读取文件', [{ path: 'file', message: '文件无法解析' }]);
  }
  const planned = plan(rows, await repo.householdsNamed(db, branch.id), await repo.membersUnder(db, caller.user.tenantId, branch.path));
  const today = todayInShanghai();
  let written = false;
  try {
    await db.transaction(async (tx) => {
      const ids: number[] = [];
      for (const p of planned) if (p.status !== 'duplicate') ids.push(await write(tx, caller, branch.id, p, today));
      if (options.dryRun || rows.some((r) => r.errors.length) || !ids.length) throw new Rollback();
      await audit(tx, caller, { action: 'households.import', objectType: 'organization', objectId: branch.id, detail: {
        organizationId: branch.id, rows: rows.length, created: planned.filter((p) => p.status === 'create').length, updated: planned.filter((p) => p.status === 'update').length,
      } });
      written = true;
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return reportOf(rows, planned, options.dryRun, written);
}
