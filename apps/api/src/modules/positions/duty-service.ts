/**
 * 坐班值班: the village plans who sits in the 党群服务中心 when, records swaps, and afterwards enters whether the person
 * was there. Deliberately no GPS, no device data and no check-in: presence is the village's own record (issue text).
 */
import type { DutyShift } from '@dj/contracts';
import {
  CreateDutyShiftsSchema, DUTY_SLOT_LABELS, DutyListQuerySchema, DutyPresenceSchema, SwapDutySchema, todayInShanghai,
} from '@dj/contracts';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors.js';
import { can, isSelfOnly, audit, loadBranchInScope, loadWritableBranch, type AuthUser, type Caller } from '../../lib/access/index.js';
import * as repo from './duty-repository.js';
import { monthRange, canDelete, canRecordPresence, summarizeShifts } from './rules/duty.js';

const WRITE_DENIED = '只有镇党委管理员和本支部书记可以排班和登记在岗情况';

function toShift(row: repo.ShiftRow, user: AuthUser, today: string): DutyShift {
  const { organizationPath, recordedAt, ...rest } = row;
  const edit = can(user, 'positions.edit', organizationPath);
  return {
    ...rest, recordedAt: recordedAt?.toISOString() ?? null, onDutyName: row.swappedWithName ?? row.personName,
    can: { edit, recordPresence: edit && canRecordPresence(row, today), delete: edit && canDelete(row, today) },
  };
}

export async function listShifts(db: Db, user: AuthUser, raw: z.input<typeof DutyListQuerySchema>) {
  const query = DutyListQuerySchema.parse(raw);
  const today = todayInShanghai();
  const month = query.month ?? today.slice(0, 7);
  const orgPath = query.orgId ? (await loadBranchInScope(db, user, query.orgId)).path : undefined;
  const empty = { scheduled: 0, present: 0, absent: 0, excused: 0, unrecorded: 0 };
  if (isSelfOnly(user)) return { month, items: [], summary: empty, byOrganization: [] };
  const rows = await repo.listShifts(db, user.scope, { orgPath, ...monthRange(month) });
  const orgs = new Map<number, { name: string; rows: repo.ShiftRow[] }>();
  for (const r of rows) {
    const entry = orgs.get(r.organizationId) ?? { name: r.organizationName, rows: [] };
    entry.rows.push(r);
    orgs.set(r.organizationId, entry);
  }
  return {
    month, items: rows.map((r) => toShift(r, user, today)), summary: summarizeShifts(rows, today),
    byOrganization: [...orgs].map(([organizationId, o]) => ({ organizationId, organizationName: o.name, ...summarizeShifts(o.rows, today) })),
  };
}

export async function createShifts(db: Db, caller: Caller, raw: z.input<typeof CreateDutyShiftsSchema>) {
  const { user } = caller;
  const input = CreateDutyShiftsSchema.parse(raw);
  return db.transaction(async (tx) => {
    const branch = await loadWritableBranch(tx, user, input.organizationId, 'positions.edit', WRITE_DENIED);
    const label = (s: { onDate: string; slot: keyof typeof DUTY_SLOT_LABELS; personName: string }) => `${s.onDate} ${DUTY_SLOT_LABELS[s.slot]} ${s.personName}`;
    const key = (s: { onDate: string; slot: string; personName: string }) => `${s.onDate}|${s.slot}|${s.personName}`;
    const seen = new Map<string, number>();
    input.shifts.forEach((s, i) => {
      if (seen.has(key(s))) throw invalid(`shifts.${i}`, `第${i + 1}行与第${seen.get(key(s))! + 1}行重复:${label(s)}`);
      seen.set(key(s), i);
    });
    const existing = new Set((await repo.existingSlots(tx, branch.id, [...new Set(input.shifts.map((s) => s.onDate))])).map(key));
    const taken = input.shifts.map((s, i) => ({ s, i })).filter(({ s }) => existing.has(key(s)));
    if (taken.length) {
      throw new AppError('VALIDATION', `以下班次已排过:${taken.map(({ s }) => label(s)).join('、')}`,
        taken.map(({ s, i }) => ({ path: `shifts.${i}`, message: `${label(s)}已排班` })));
    }
    const memberIds = [...new Set(input.shifts.map((s) => s.memberId).filter((m): m is number => m != null))];
    const found = new Set((await repo.membersOfBranch(tx, branch.path, memberIds)).map((m) => m.id));
    const stranger = input.shifts.findIndex((s) => s.memberId != null && !found.has(s.memberId));
    if (stranger >= 0) throw invalid(`shifts.${stranger}.memberId`, `第${stranger + 1}行所选党员不是${branch.name}的党员`);
    const rows = await repo.insertShifts(tx, input.shifts.map((s) => ({
      tenantId: user.tenantId, organizationId: branch.id, onDate: s.onDate, slot: s.slot, personName: s.personName, memberId: s.memberId ?? null, createdBy: user.id,
    })));
    await audit(tx, caller, { action: 'duty_roster.create', objectType: 'organization', objectId: branch.id, detail: { count: rows.length, ids: rows.map((r) => r.id) } });
    const today = todayInShanghai();
    return { items: (await repo.listShifts(tx, user.scope, { ids: rows.map((r) => r.id) })).map((r) => toShift(r, user, today)) };
  });
}

async function writableShift(db: DbOrTx, user: AuthUser, id: number) {
  const row = isSelfOnly(user) ? undefined : await repo.findShift(db, user.scope, id);
  if (!row) throw notFound('值班记录');
  if (!can(user, 'positions.edit', row.organizationPath)) throw forbidden(WRITE_DENIED);
  return row;
}

async function reload(db: DbOrTx, user: AuthUser, id: number) {
  const [row] = await repo.listShifts(db, user.scope, { id });
  return toShift(row, user, todayInShanghai());
}

export async function swapShift(db: Db, caller: Caller, id: number, input: z.infer<typeof SwapDutySchema>) {
  const { user } = caller;
  return db.transaction(async (tx) => {
    const row = await writableShift(tx, user, id);
    // Presence is about whoever sat the shift: once recorded, changing who that was would rewrite the record.
    if (row.presence) throw new AppError('CONFLICT', '已登记在岗情况的班次不能再换班');
    if (input.swappedWithName === row.personName) throw invalid('swappedWithName', '替班人不能是原值班人本人');
    await repo.updateShift(tx, id, { swappedWithName: input.swappedWithName, swapReason: input.reason });
    await audit(tx, caller, { action: 'duty_roster.swap', objectType: 'duty_shift', objectId: id, detail: { from: row.swappedWithName ?? row.personName, to: input.swappedWithName } });
    return reload(tx, user, id);
  });
}

export async function recordPresence(db: Db, caller: Caller, id: number, input: z.infer<typeof DutyPresenceSchema>) {
  const { user } = caller;
  return db.transaction(async (tx) => {
    const row = await writableShift(tx, user, id);
    if (!canRecordPresence(row, todayInShanghai())) throw invalid('presence', `${row.onDate}尚未到来,不能提前登记在岗情况`);
    await repo.updateShift(tx, id, { presence: input.presence, presenceNote: input.note || null, recordedBy: user.id, recordedAt: new Date() });
    await audit(tx, caller, { action: 'duty_roster.presence', objectType: 'duty_shift', objectId: id, detail: { from: row.presence, to: input.presence } });
    return reload(tx, user, id);
  });
}

export async function deleteShift(db: Db, caller: Caller, id: number) {
  const { user } = caller;
  return db.transaction(async (tx) => {
    const row = await writableShift(tx, user, id);
    if (!canDelete(row, todayInShanghai())) throw new AppError('CONFLICT', '只能删除今天以后、尚未登记在岗情况的班次;已过去的班次是值班记录,请登记在岗情况');
    await repo.deleteShift(tx, id);
    await audit(tx, caller, { action: 'duty_roster.delete', objectType: 'duty_shift', objectId: id, detail: { organizationId: row.organizationId, onDate: row.onDate, slot: row.slot, personName: row.personName } });
    return { ok: true as const };
  });
}
