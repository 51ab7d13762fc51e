/**
 * 经营主体 (issue 18 point 4): a village's 合作社, 家庭农场, 龙头企业 and 特色基地, the support each received, and the
 * 致富带头人 who leads it: a talent of the same village from the registry (modules/talent) or a typed name.
 * The demo files its actors through createActor and addActorSupport.
 */
import {
  ActorInputSchema, CreateActorSchema, SupportInputSchema, type Actor, type ActorInput, type ActorList, type CreateActor, type SupportInput,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, type AuthUser, type Caller } from '../../lib/access/index.js';
import { invalid, notFound } from '../../lib/errors.js';
import { groupedBy } from '../../lib/group.js';
import { talentRefs } from '../talent/index.js';
import * as repo from './actors-repository.js';
import { seesVillages, villagesOfList, writable, writableVillage } from './village-records.js';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findActor>>>;

async function toActors(db: DbOrTx, user: AuthUser, rows: Row[]): Promise<Actor[]> {
  const ids = rows.map((r) => r.id);
  const support = groupedBy(await repo.supportOf(db, ids), (s) => s.actorId);
  const talentIds = rows.flatMap((r) => (r.leaderTalentId ? [r.leaderTalentId] : []));
  // The registry's name, live: a talent renamed there shows renamed here. Out of the caller's scope it stays unnamed.
  const names = new Map((await talentRefs(db, user.scope, { ids: talentIds })).map((t) => [t.id, t.name]));
  return rows.map(({ organizationPath, updatedAt, ...r }) => {
    const given = (support.get(r.id) ?? []).map(({ actorId: _a, ...s }) => s);
    return {
      ...r, leaderName: r.leaderTalentId ? names.get(r.leaderTalentId) ?? r.leaderName : r.leaderName,
      support: given, supportFen: given.reduce((n, s) => n + (s.amountFen ?? 0), 0),
      updatedAt: updatedAt.toISOString(), can: { edit: can(user, 'economy.enter', organizationPath) },
    };
  });
}

export async function listActors(db: Db, user: AuthUser, orgId?: number): Promise<ActorList> {
  const villages = await villagesOfList(db, user, orgId);
  const rows = await repo.listActors(db, user.scope, villages.map((v) => v.organizationId));
  return { villages: villages.map(({ path: _path, ...v }) => v), items: await toActors(db, user, rows) };
}

const find = async (db: DbOrTx, user: AuthUser, id: number) => (seesVillages(user) ? repo.findActor(db, user.scope, id) : undefined);

async function view(db: DbOrTx, user: AuthUser, id: number): Promise<Actor> {
  const row = await find(db, user, id);
  if (!row) throw notFound('经营主体');
  return (await toActors(db, user, [row]))[0];
}

/** The leader: a talent of the same village in the caller's scope, kept by id (its name is the registry's); or a typed name. */
async function leaderOf(db: DbOrTx, user: AuthUser, organizationId: number, input: { leaderTalentId: number | null; leaderName: string | null }) {
  if (!input.leaderTalentId) return { leaderTalentId: null, leaderName: input.leaderName };
  const [talent] = await talentRefs(db, user.scope, { ids: [input.leaderTalentId] });
  if (!talent || talent.organizationId !== organizationId) throw invalid('leaderTalentId', '致富带头人须从本村人才库中选择(或直接填写姓名)');
  return { leaderTalentId: talent.id, leaderName: talent.name };
}

export async function createActor(db: Db, caller: Caller, body: CreateActor, options: { isDemo?: boolean } = {}): Promise<Actor> {
  const { organizationId, ...input } = CreateActorSchema.parse(body);
  return db.transaction(async (tx) => {
    const village = await writableVillage(tx, caller.user, organizationId);
    const leader = await leaderOf(tx, caller.user, village.id, input);
    const id = await repo.insertActor(tx, {
      ...input, ...leader, tenantId: caller.user.tenantId, organizationId: village.id, isDemo: options.isDemo ?? false, createdBy: caller.user.id, updatedBy: caller.user.id,
    });
    await audit(tx, caller, { action: 'economy.actor.create', objectType: 'economy_actor', objectId: id, detail: { organizationId, ...input, ...leader } });
    return view(tx, caller.user, id);
  });
}

const loadWritable = async (tx: DbOrTx, user: AuthUser, id: number) => writable(user, await find(tx, user, id), '经营主体');

export async function updateActor(db: Db, caller: Caller, id: number, body: ActorInput): Promise<Actor> {
  const input = ActorInputSchema.parse(body);
  return db.transaction(async (tx) => {
    const old = await loadWritable(tx, caller.user, id);
    const leader = await leaderOf(tx, caller.user, old.organizationId, input);
    await repo.updateActor(tx, id, { ...input, ...leader, updatedBy: caller.user.id });
    await audit(tx, caller, { action: 'economy.actor.update', objectType: 'economy_actor', objectId: id, detail: {
      organizationId: old.organizationId, from: { kind: old.kind, name: old.name, leaderTalentId: old.leaderTalentId, leaderName: old.leaderName }, to: { ...input, ...leader },
    } });
    return view(tx, caller.user, id);
  });
}

export async function deleteActor(db: Db, caller: Caller, id: number): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    const old = await loadWritable(tx, caller.user, id);
    const support = await repo.supportOf(tx, [id]);
    await repo.deleteActor(tx, id);
    const { organizationPath: _p, updatedAt: _u, ...kept } = old;
    await audit(tx, caller, { action: 'economy.actor.delete', objectType: 'economy_actor', objectId: id, detail: { ...kept, support } });
    return { ok: true as const };
  });
}

export async function addActorSupport(db: Db, caller: Caller, id: number, body: SupportInput): Promise<Actor> {
  const input = SupportInputSchema.parse(body);
  return db.transaction(async (tx) => {
    const actor = await loadWritable(tx, caller.user, id);
    const supportId = await repo.insertSupport(tx, { ...input, tenantId: caller.user.tenantId, organizationId: actor.organizationId, actorId: id, createdBy: caller.user.id });
    await audit(tx, caller, { action: 'economy.actor.support.add', objectType: 'economy_actor', objectId: id, detail: { supportId, ...input } });
    return view(tx, caller.user, id);
  });
}

export async function deleteActorSupport(db: Db, caller: Caller, id: number, supportId: number): Promise<Actor> {
  return db.transaction(async (tx) => {
    await loadWritable(tx, caller.user, id);
    const row = await repo.deleteSupport(tx, id, supportId);
    if (!row) throw notFound('扶持记录');
    await audit(tx, caller, { action: 'economy.actor.support.delete', objectType: 'economy_actor', objectId: id, detail: {
      supportId, kind: row.kind, year: row.year, amountFen: row.amountFen, description: row.description, source: row.source,
    } });
    return view(tx, caller.user, id);
  });
}
