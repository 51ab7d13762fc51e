/**
 * 村干部 of one village (issue 15 points 1 and 2): the posts held today, 一肩挑 derived from them, the 换届 terms, and the
 * history of every change. The town records changes; each change and its history line are written in one transaction.
 */
import {
  CadreTermInputSchema, ENDING_CHANGE_KINDS, RecordCadreChangeSchema, VILLAGE_CADRE_POST_LABELS, todayInShanghai,
  type CadreTermInput, type RecordCadreChange, type VillageCadres,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, loadBranchInScope, loadWritableBranch, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { invalid, notFound } from '../../lib/errors.js';
import { findPersonByIdHash, insertPerson, sealNewPersonField } from '../members/index.js';
import { isPathInScope } from '../../db/scope.js';
import * as repo from './repository.js';
import { employmentsOf } from './employment-repository.js';
import { serviceTeamIn } from './service-team-repository.js';
import { villageStructure } from './structure-service.js';
import { byPostOrder, combinedHolder, isSingleHolder } from './rules/posts.js';

type Branch = { id: number; name: string; path: string; villageId: number | null };

/** Only a village's branch has 村"两委": an enterprise's or an organ's branch answers as one that does not exist. */
export function villageOnly<T extends { villageId: number | null }>(branch: T): T {
  if (!branch.villageId) throw notFound('党支部');
  return branch;
}

export async function view(db: DbOrTx, user: AuthUser, branch: Branch): Promise<VillageCadres> {
  const edit = can(user, 'cadres.manage', branch.path);
  const current = byPostOrder(await repo.currentHoldings(db, branch.id));
  return {
    organizationId: branch.id, name: branch.name, villageName: await repo.villageNameOf(db, branch.villageId),
    current, combined: combinedHolder(current), terms: await repo.termsOf(db, branch.id),
    history: (await repo.historyOf(db, branch.id)).map((h) => ({ ...h, recordedAt: h.recordedAt.toISOString() })),
    // The adjustment list is the town's deliberation: the village's own secretary does not read it.
    adjustments: can(user, 'cadres.board') ? await repo.adjustmentsIn(db, user.scope, branch.id) : [],
    candidates: edit ? await repo.candidatesOf(db, branch.id) : [],
    structure: await villageStructure(db, user, branch.id),
    employments: await employmentsOf(db, branch.id),
    serviceTeam: await serviceTeamIn(db, user.scope, todayInShanghai(), { organizationId: branch.id }),
    can: { edit },
  };
}

export async function getVillageCadres(db: Db, user: AuthUser, orgId: number): Promise<VillageCadres> {
  const branch = villageOnly(await loadBranchInScope(db, user, orgId));
  requirePermission(user, 'cadres.read', undefined, branch.path);
  return view(db, user, branch);
}

/** The person a starting change names: one the village may name, or a new non-member sealed like a member's profile. */
async function personFor(tx: DbOrTx, caller: Caller, branchId: number, input: ReturnType<typeof RecordCadreChangeSchema.parse>): Promise<number> {
  if (input.personId) {
    if (!(await repo.isCandidate(tx, branchId, input.personId))) throw invalid('personId', '所选人员不是本村党员,也未在本村任过职');
    return input.personId;
  }
  const p = input.newPerson!;
  const sealed = sealNewPersonField(caller.cipher, p);
  const existing = await findPersonByIdHash(tx, caller.user.tenantId, sealed.idNumberHash);
  // A 选派 cadre is usually a 机关干部 already on the town's roster (another branch): named by ID number, that person is
  // the one assigned, provided the organisation is in the caller's sight. The ID number alone decides, and is never echoed.
  if (existing && input.kind === 'assignment' && (!existing.organizationPath || isPathInScope(existing.organizationPath, caller.user.scope))) return existing.personId;
  if (existing) throw invalid('newPerson.idNumber', existing.memberId ? '此人已在党员名册中,请从人员列表中选择' : '此人已登记,请从人员列表中选择');
  return insertPerson(tx, { tenantId: caller.user.tenantId, ...sealed });
}

export async function startHolding(tx: DbOrTx, caller: Caller, branch: Branch, input: ReturnType<typeof RecordCadreChangeSchema.parse>) {
  const post = input.post!;
  const personId = await personFor(tx, caller, branch.id, input);
  const current = await repo.currentHoldings(tx, branch.id);
  if (current.some((h) => h.post === post && h.personId === personId)) throw invalid('personId', `此人已担任${VILLAGE_CADRE_POST_LABELS[post]}`);
  const holder = isSingleHolder(post) ? current.find((h) => h.post === post) : undefined;
  const base = { tenantId: caller.user.tenantId, organizationId: branch.id, occurredOn: input.occurredOn, reason: input.reason, createdBy: caller.user.id };
  if (holder) {
    // 调整 replaces the holder; any other kind must wait until the post is vacated (辞职, 免职) so no holder is lost silently.
    if (input.kind !== 'adjustment') throw invalid('post', `${VILLAGE_CADRE_POST_LABELS[post]}现由${holder.name}担任,同一时间只能一人担任;请先登记其离任,或选择“调整”`);
    if (input.occurredOn < holder.startedOn) throw invalid('occurredOn', `变动日期不能早于${holder.name}的任职日期(${holder.startedOn})`);
    await repo.endHolding(tx, holder.id, input.occurredOn);
    await repo.insertChange(tx, { ...base, cadrePostId: holder.id, kind: 'adjustment', role: 'end' });
  }
  const assigned = input.kind === 'assignment';
  const id = await repo.insertHolding(tx, {
    tenantId: caller.user.tenantId, organizationId: branch.id, personId, post, how: input.kind, termId: input.termId ?? null,
    startedOn: input.occurredOn, createdBy: caller.user.id,
    periodEndsOn: assigned ? input.periodEndsOn ?? null : null, homePost: assigned ? input.homePost : null,
    sendingUnit: assigned ? input.sendingUnit : null, supportProjects: assigned ? input.supportProjects : null, supportFen: assigned ? input.supportFen ?? null : null,
  });
  await repo.insertChange(tx, { ...base, cadrePostId: id, kind: input.kind, role: 'start' });
  return { cadrePostId: id, replaced: holder?.id ?? null };
}

async function endHolding(tx: DbOrTx, caller: Caller, branch: Branch, input: ReturnType<typeof RecordCadreChangeSchema.parse>) {
  const holding = await repo.findHolding(tx, branch.id, input.cadrePostId!);
  if (!holding || holding.endedOn) throw invalid('cadrePostId', '未找到在任的任职记录');
  if (input.occurredOn < holding.startedOn) throw invalid('occurredOn', `离任日期不能早于任职日期(${holding.startedOn})`);
  await repo.endHolding(tx, holding.id, input.occurredOn);
  await repo.insertChange(tx, {
    tenantId: caller.user.tenantId, organizationId: branch.id, cadrePostId: holding.id, kind: input.kind, role: 'end',
    occurredOn: input.occurredOn, reason: input.reason, createdBy: caller.user.id,
  });
  return { cadrePostId: holding.id, replaced: null };
}

export async function recordChange(db: Db, caller: Caller, orgId: number, body: RecordCadreChange): Promise<VillageCadres> {
  const input = RecordCadreChangeSchema.parse(body);
  return db.transaction(async (tx) => {
    const branch = villageOnly(await loadWritableBranch(tx, caller.user, orgId, 'cadres.manage'));
    if (input.termId && !(await repo.termsOf(tx, branch.id)).some((t) => t.id === input.termId)) throw invalid('termId', '未找到本村的该届次');
    const done = ENDING_CHANGE_KINDS.includes(input.kind) ? await endHolding(tx, caller, branch, input) : await startHolding(tx, caller, branch, input);
    await audit(tx, caller, { action: `cadres.${input.kind}`, objectType: 'organization', objectId: branch.id, detail: { ...done, post: input.post ?? null, occurredOn: input.occurredOn } });
    return view(tx, caller.user, branch);
  });
}

export async function recordTerm(db: Db, caller: Caller, orgId: number, body: CadreTermInput): Promise<VillageCadres> {
  const input = CadreTermInputSchema.parse(body);
  return db.transaction(async (tx) => {
    const branch = villageOnly(await loadWritableBranch(tx, caller.user, orgId, 'cadres.manage'));
    const id = await repo.insertTerm(tx, { ...input, tenantId: caller.user.tenantId, organizationId: branch.id, createdBy: caller.user.id });
    if (!id) throw invalid('startYear', `${input.startYear}年起的届次已登记`);
    await audit(tx, caller, { action: 'cadres.term', objectType: 'organization', objectId: branch.id, detail: { termId: id, ...input } });
    return view(tx, caller.user, branch);
  });
}
