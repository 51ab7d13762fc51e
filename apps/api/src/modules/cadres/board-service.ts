/**
 * The town's cadre board (issue 15 points 1 and 2): each village's secretary and director with 一肩挑, the assigned
 * cadres with their period ends, and the secretary adjustment list (动态调整) with its decisions.
 */
import {
  DecideAdjustmentSchema, MarkAdjustmentSchema, todayInShanghai,
  type CadreBoard, type DecideAdjustment, type MarkAdjustment, type SecretaryAdjustment,
} from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { audit, isSelfOnly, loadWritableBranch, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { invalid, notFound } from '../../lib/errors.js';
import * as board from './board-repository.js';
import * as repo from './repository.js';
import { settingValue } from '../settings/index.js';
import { employmentTotals } from './employment-repository.js';
import { serviceTeamIn } from './service-team-repository.js';
import { villageOnly } from './service.js';

export async function getBoard(db: Db, user: AuthUser): Promise<CadreBoard> {
  requirePermission(user, 'cadres.board');
  const villages = await board.boardRows(db, user.scope);
  return {
    villages: villages.map((v) => ({ ...v, secretaryHow: v.secretaryHow as CadreBoard['villages'][number]['secretaryHow'] })),
    assigned: await board.assignedIn(db, user.scope, todayInShanghai()),
    adjustments: await repo.adjustmentsIn(db, user.scope),
    totals: await board.boardTotals(db, user.scope),
    employment: await employmentTotals(db, user.scope),
    serviceTeam: await serviceTeamIn(db, user.scope, todayInShanghai()),
    dueDays: await settingValue(db, user.tenantId, 'cadres.assignmentDueDays'),
  };
}

/** Marks today's secretary of a village for adjustment; one open adjustment per village. */
export async function markAdjustment(db: Db, caller: Caller, body: MarkAdjustment): Promise<SecretaryAdjustment> {
  const input = MarkAdjustmentSchema.parse(body);
  return db.transaction(async (tx) => {
    const branch = villageOnly(await loadWritableBranch(tx, caller.user, input.organizationId, 'cadres.manage'));
    const secretary = (await repo.currentHoldings(tx, branch.id)).find((h) => h.post === 'secretary');
    if (!secretary) throw invalid('organizationId', '该村目前没有在任的党支部书记');
    const id = await repo.insertAdjustment(tx, {
      tenantId: caller.user.tenantId, organizationId: branch.id, personId: secretary.personId, reason: input.reason, markedOn: input.markedOn, createdBy: caller.user.id,
    });
    if (!id) throw invalid('organizationId', '该村书记已在调整名单中,请先登记上一次的决定');
    await audit(tx, caller, { action: 'cadres.adjustment.mark', objectType: 'secretary_adjustment', objectId: id, detail: { organizationId: branch.id, personId: secretary.personId } });
    const { path: _, ...out } = (await repo.findAdjustment(tx, caller.user.scope, id))!;
    return out;
  });
}

export async function decideAdjustment(db: Db, caller: Caller, id: number, body: DecideAdjustment): Promise<SecretaryAdjustment> {
  const input = DecideAdjustmentSchema.parse(body);
  return db.transaction(async (tx) => {
    // A plain 党员 sees no village's records, whatever their grant's subtree holds.
    const row = isSelfOnly(caller.user) ? undefined : await repo.findAdjustment(tx, caller.user.scope, id);
    if (!row) throw notFound('调整记录');
    requirePermission(caller.user, 'cadres.manage', undefined, row.path);
    if (row.decision) throw invalid('decision', '该调整已有决定');
    if (input.decidedOn < row.markedOn) throw invalid('decidedOn', `决定日期不能早于列入日期(${row.markedOn})`);
    await repo.decideAdjustment(tx, id, { ...input, decidedBy: caller.user.id });
    await audit(tx, caller, { action: 'cadres.adjustment.decide', objectType: 'secretary_adjustment', objectId: id, detail: { decision: input.decision } });
    const { path: _, ...out } = (await repo.findAdjustment(tx, caller.user.scope, id))!;
    return out;
  });
}
