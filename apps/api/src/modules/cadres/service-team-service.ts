/**
 * 乡村振兴服务队 (issue 15 point 2): members sent by a unit to serve villages for a period. The town records them; a
 * member is read wherever one of its villages is in sight, and written only by one who may manage every village it
 * serves (before and after the write).
 */
import { ServiceTeamMemberInputSchema, todayInShanghai, type ServiceTeamMember, type ServiceTeamMemberInput } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, loadWritableBranch, requirePermission, type Caller } from '../../lib/access/index.js';
import { notFound } from '../../lib/errors.js';
import * as team from './service-team-repository.js';
import { villageOnly } from './service.js';

async function writableVillages(tx: DbOrTx, caller: Caller, organizationIds: number[]) {
  for (const id of new Set(organizationIds)) villageOnly(await loadWritableBranch(tx, caller.user, id, 'cadres.manage'));
}

async function reload(tx: DbOrTx, caller: Caller, id: number): Promise<ServiceTeamMember> {
  const [member] = await team.serviceTeamIn(tx, caller.user.scope, todayInShanghai(), { ids: [id], includeEnded: true });
  return member;
}

export async function createMember(db: Db, caller: Caller, body: ServiceTeamMemberInput): Promise<ServiceTeamMember> {
  const { organizationIds, ...input } = ServiceTeamMemberInputSchema.parse(body);
  requirePermission(caller.user, 'cadres.manage');
  return db.transaction(async (tx) => {
    await writableVillages(tx, caller, organizationIds);
    const id = await team.insertMember(tx, { ...input, endedOn: input.endedOn ?? null, tenantId: caller.user.tenantId, createdBy: caller.user.id });
    await team.replaceVillages(tx, caller.user.tenantId, id, [...new Set(organizationIds)]);
    await audit(tx, caller, { action: 'cadres.service_team.create', objectType: 'service_team_member', objectId: id, detail: { organizationIds, endsOn: input.endsOn } });
    return reload(tx, caller, id);
  });
}

/** Corrects a member, changes the villages it serves, or records its leaving (endedOn). */
export async function updateMember(db: Db, caller: Caller, id: number, body: ServiceTeamMemberInput): Promise<ServiceTeamMember> {
  const { organizationIds, ...input } = ServiceTeamMemberInputSchema.parse(body);
  return db.transaction(async (tx) => {
    if (!(await team.serviceTeamIn(tx, caller.user.scope, todayInShanghai(), { ids: [id], includeEnded: true })).length) throw notFound('服务队队员');
    await writableVillages(tx, caller, [...await team.villagesOf(tx, id, caller.user.tenantId), ...organizationIds]);
    await team.updateMember(tx, id, { ...input, endedOn: input.endedOn ?? null });
    await team.replaceVillages(tx, caller.user.tenantId, id, [...new Set(organizationIds)]);
    await audit(tx, caller, { action: 'cadres.service_team.update', objectType: 'service_team_member', objectId: id, detail: { organizationIds, endsOn: input.endsOn, endedOn: input.endedOn ?? null } });
    return reload(tx, caller, id);
  });
}
