/**
 * 小微权力清单: the town's list (area, item, legal basis, procedure steps), adopted item by item per village, and
 * each use of an item recorded step by step in order, marked publishable for the 村务公开.
 */
import type { MicroPowerAdoption, MicroPowerItem, MicroPowerUse } from '@dj/contracts';
import {
  CreateMicroPowerItemSchema, CreateMicroPowerUseSchema, RecordUseStepSchema, SaveAdoptionsSchema, todayInShanghai, UpdateMicroPowerItemSchema,
} from '@dj/contracts';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError, forbidden, invalid, notFound } from '../../lib/errors.js';
import { can, isSelfOnly, audit, loadBranchInScope, loadWritableBranch, type AuthUser, type Caller } from '../../lib/access/index.js';
import { ensureMicroPowerTemplate } from './micro-power-template.js';
import * as repo from './micro-power-repository.js';

type ItemRow = Awaited<ReturnType<typeof repo.itemsOf>>[number];
const toItem = (r: ItemRow): MicroPowerItem => ({
  id: r.id, area: r.area, name: r.name, legalBasis: r.legalBasis, steps: r.steps, sortOrder: r.sortOrder, active: r.active, updatedAt: r.updatedAt.toISOString(),
});

function groupAdoptions(rows: Awaited<ReturnType<typeof repo.adoptionsInScope>>): MicroPowerAdoption[] {
  const byOrg = new Map<number, MicroPowerAdoption>();
  for (const r of rows) {
    const entry = byOrg.get(r.organizationId) ?? { organizationId: r.organizationId, organizationName: r.organizationName, items: [] };
    if (r.itemId !== null && r.adoptedOn !== null) entry.items.push({ itemId: r.itemId, adoptedOn: r.adoptedOn });
    byOrg.set(r.organizationId, entry);
  }
  return [...byOrg.values()];
}

/** The list is the town's published 清单, so every signed-in user of the town reads it; adoptions follow the scope. */
export async function listItems(db: Db, user: AuthUser, orgId?: number) {
  const orgPath = orgId ? (await loadBranchInScope(db, user, orgId)).path : undefined;
  const items = await db.transaction(async (tx) => {
    await ensureMicroPowerTemplate(tx, user.tenantId);
    return repo.itemsOf(tx, user.tenantId);
  });
  return {
    items: items.map(toItem),
    adoptions: isSelfOnly(user) ? [] : groupAdoptions(await repo.adoptionsInScope(db, user.scope, orgPath)),
    can: { editItems: can(user, 'positions.editItems') },
  };
}

const ITEM_DENIED = '小微权力清单由镇党委管理员维护';

export async function createItem(db: Db, caller: Caller, input: z.infer<typeof CreateMicroPowerItemSchema>): Promise<MicroPowerItem> {
  const { user } = caller;
  if (!can(user, 'positions.editItems')) throw forbidden(ITEM_DENIED);
  return db.transaction(async (tx) => {
    if (await repo.itemNamed(tx, user.tenantId, input.name)) throw invalid('name', `清单中已有"${input.name}"`);
    const sortOrder = input.sortOrder ?? await repo.nextSortOrder(tx, user.tenantId);
    const [row] = await repo.insertItems(tx, [{ tenantId: user.tenantId, ...input, sortOrder, updatedBy: user.id }]);
    if (!row) throw invalid('name', `清单中已有"${input.name}"`);
    await audit(tx, caller, { action: 'micro_power.item.create', objectType: 'micro_power_item', objectId: row.id, detail: { name: input.name, steps: input.steps.length } });
    return toItem((await repo.findItem(tx, user.tenantId, row.id))!);
  });
}

export async function updateItem(db: Db, caller: Caller, id: number, input: z.infer<typeof UpdateMicroPowerItemSchema>): Promise<MicroPowerItem> {
  const { user } = caller;
  return db.transaction(async (tx) => {
    const old = await repo.findItem(tx, user.tenantId, id);
    if (!old) throw notFound('清单事项');
    if (!can(user, 'positions.editItems')) throw forbidden(ITEM_DENIED);
    if (input.name && input.name !== old.name && await repo.itemNamed(tx, user.tenantId, input.name)) throw invalid('name', `清单中已有"${input.name}"`);
    if (input.steps) {
      // Recorded uses point at steps by index: the list may grow or be reworded, not lose a step someone has done.
      const stats = await repo.useStatsOfItem(tx, id);
      if (input.steps.length <= stats.maxIndex) {
        throw invalid('steps', `该事项已有使用记录做到第${stats.maxIndex + 1}步,流程不能少于${stats.maxIndex + 1}步`);
      }
    }
    await repo.updateItem(tx, id, { ...input, updatedBy: user.id });
    await audit(tx, caller, { action: 'micro_power.item.update', objectType: 'micro_power_item', objectId: id, detail: { fields: Object.keys(input) } });
    return toItem((await repo.findItem(tx, user.tenantId, id))!);
  });
}

export async function saveAdoptions(db: Db, caller: Caller, orgId: number, input: z.infer<typeof SaveAdoptionsSchema>): Promise<MicroPowerAdoption> {
  const { user } = caller;
  return db.transaction(async (tx) => {
    const branch = await loadWritableBranch(tx, user, orgId, 'positions.edit', '只有镇党委管理员和本支部书记可以确定本村采用的清单事项');
    const items = new Map((await repo.itemsOf(tx, user.tenantId)).map((i) => [i.id, i]));
    const wanted = [...new Set(input.itemIds)];
    const unknown = wanted.findIndex((itemId) => !items.has(itemId));
    if (unknown >= 0) throw invalid(`itemIds.${input.itemIds.indexOf(wanted[unknown])}`, '所选事项不在本镇小微权力清单中');
    const current = await repo.adoptionsOf(tx, branch.id);
    const have = new Set(current.map((a) => a.itemId));
    const added = wanted.filter((i) => !have.has(i));
    const removed = [...have].filter((i) => !wanted.includes(i));
    const inactive = added.find((i) => !items.get(i)!.active);
    if (inactive) throw invalid('itemIds', `"${items.get(inactive)!.name}"已停用,不能新采用`);
    const used = new Set(await repo.usedItemIds(tx, branch.id));
    const blocked = removed.filter((i) => used.has(i));
    if (blocked.length) throw invalid('itemIds', `已有使用记录的事项不能取消采用:${blocked.map((i) => items.get(i)!.name).join('、')}`);
    const adoptedOn = input.adoptedOn ?? todayInShanghai();
    if (adoptedOn > todayInShanghai()) throw invalid('adoptedOn', '采用日期不能晚于今天');
    await repo.deleteAdoptions(tx, branch.id, removed);
    await repo.insertAdoptions(tx, added.map((itemId) => ({ tenantId: user.tenantId, organizationId: branch.id, itemId, adoptedOn, createdBy: user.id })));
    await audit(tx, caller, { action: 'micro_power.adoption.save', objectType: 'organization', objectId: branch.id, detail: { added, removed } });
    return { organizationId: branch.id, organizationName: branch.name, items: await repo.adoptionsOf(tx, branch.id) };
  });
}

function toUse(row: repo.UseRow, user: AuthUser): MicroPowerUse {
  const { organizationPath, steps, ...rest } = row;
  const next = steps.length < row.stepNames.length ? steps.length : null;
  return {
    ...rest, done: steps.map((s) => ({ ...s, name: row.stepNames[s.index] ?? `第${s.index + 1}步` })),
    nextStepIndex: next, status: next === null ? 'done' : 'in_progress', can: { edit: can(user, 'positions.edit', organizationPath) },
  };
}

export async function listUses(db: Db, user: AuthUser, orgId?: number) {
  const orgPath = orgId ? (await loadBranchInScope(db, user, orgId)).path : undefined;
  if (isSelfOnly(user)) return { items: [] };
  return { items: (await repo.listUses(db, user.scope, { orgPath })).map((r) => toUse(r, user)) };
}

const USE_DENIED = '只有镇党委管理员和本支部书记可以登记小微权力运行记录';

async function writableUse(db: DbOrTx, user: AuthUser, id: number) {
  const row = isSelfOnly(user) ? undefined : await repo.findUse(db, user.scope, id);
  if (!row) throw notFound('小微权力运行记录');
  if (!can(user, 'positions.edit', row.organizationPath)) throw forbidden(USE_DENIED);
  return row;
}

async function reloadUse(db: DbOrTx, user: AuthUser, id: number) {
  const [row] = await repo.listUses(db, user.scope, { id });
  return toUse(row, user);
}

export async function createUse(db: Db, caller: Caller, input: z.infer<typeof CreateMicroPowerUseSchema>): Promise<MicroPowerUse> {
  const { user } = caller;
  return db.transaction(async (tx) => {
    const branch = await loadWritableBranch(tx, user, input.organizationId, 'positions.edit', USE_DENIED);
    const adopted = await repo.adoptionsOf(tx, branch.id);
    if (!adopted.some((a) => a.itemId === input.itemId)) throw invalid('itemId', `该事项不在${branch.name}采用的小微权力清单中,请先采用`);
    if (input.startedOn > todayInShanghai()) throw invalid('startedOn', '开始日期不能晚于今天');
    const id = await repo.insertUse(tx, { tenantId: user.tenantId, organizationId: branch.id, itemId: input.itemId, subject: input.subject, startedOn: input.startedOn, createdBy: user.id });
    await audit(tx, caller, { action: 'micro_power.use.create', objectType: 'micro_power_use', objectId: id, detail: { organizationId: branch.id, itemId: input.itemId } });
    return reloadUse(tx, user, id);
  });
}

export async function recordStep(db: Db, caller: Caller, id: number, input: z.infer<typeof RecordUseStepSchema>): Promise<MicroPowerUse> {
  const { user } = caller;
  return db.transaction(async (tx) => {
    const row = await writableUse(tx, user, id);
    const next = row.steps.length;
    if (next >= row.stepNames.length) throw new AppError('CONFLICT', '该事项的流程已全部完成');
    if (input.index !== next) throw invalid('index', `流程须按顺序办理:下一步是第${next + 1}步"${row.stepNames[next]}"`);
    const previous = row.steps[next - 1];
    const floor = previous ? previous.doneOn : row.startedOn;
    if (input.doneOn < floor) {
      throw invalid('doneOn', previous ? `日期不能早于上一步"${row.stepNames[previous.index]}"(${previous.doneOn})` : `日期不能早于开始日期(${row.startedOn})`);
    }
    if (input.doneOn > todayInShanghai()) throw invalid('doneOn', '日期不能晚于今天');
    const steps = [...row.steps, { index: next, doneOn: input.doneOn, by: input.by, note: input.note || null }];
    await repo.updateUse(tx, id, { steps });
    await audit(tx, caller, { action: 'micro_power.use.step', objectType: 'micro_power_use', objectId: id, detail: { index: next, doneOn: input.doneOn } });
    return reloadUse(tx, user, id);
  });
}

export async function setPublishable(db: Db, caller: Caller, id: number, publishable: boolean): Promise<MicroPowerUse> {
  const { user } = caller;
  return db.transaction(async (tx) => {
    const row = await writableUse(tx, user, id);
    await repo.updateUse(tx, id, { publishable });
    await audit(tx, caller, { action: 'micro_power.use.publishable', objectType: 'micro_power_use', objectId: id, detail: { from: row.publishable, to: publishable } });
    return reloadUse(tx, user, id);
  });
}
