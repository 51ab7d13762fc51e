/**
 * 转为村民说事 (issue 20 point 3): what a household raised on a 党员联户 visit becomes a case in one step. The households
 * module calls this inside its own transaction (it locks the visit and links it). The household head is the 说事人 by
 * name only: the phone stays on the household (no consent recorded to copy it onto a case).
 */
import { MATTER_LIMITS as L, type MatterStage } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { audit, requirePermission, type Caller } from '../../lib/access/index.js';
import { invalid } from '../../lib/errors.js';
import * as repo from './repository.js';
import { newReceipt, writableVillage } from './service.js';

export interface VisitMatter { organizationId: number; visitId: number; headName: string; raised: string | null; visitedOn: string; visitorName: string }

/**
 * `as`: 'village' — the secretary or the town (matters.handle at the village, 404 outside scope); 'ownVisit' — the member
 * who made the visit (matters.raiseFromOwnVisit; the caller has already shown the household is theirs by its open link).
 */
export async function raiseMatterFromVisit(tx: DbOrTx, caller: Caller, v: VisitMatter, as: 'village' | 'ownVisit'): Promise<{ id: number; stage: MatterStage }> {
  if (as === 'village') await writableVillage(tx, caller.user, v.organizationId);
  else requirePermission(caller.user, 'matters.raiseFromOwnVisit');
  const raised = v.raised?.trim();
  if (!raised) throw invalid('raised', '这次走访没有登记反映事项,无法转为村民说事');
  const id = await repo.insertMatter(tx, {
    tenantId: caller.user.tenantId, organizationId: v.organizationId, receipt: newReceipt(), stage: 'raised', source: 'visit', category: 'other',
    title: raised.slice(0, L.title), content: raised, raiserName: v.headName.slice(0, L.name), raiserPhoneEnc: null,
    visitNote: `${v.visitorName}走访(${v.visitedOn})`.slice(0, L.visitNote), raisedOn: v.visitedOn, isDemo: false, createdBy: caller.user.id,
  });
  await repo.insertEvents(tx, [{ tenantId: caller.user.tenantId, organizationId: v.organizationId, matterId: id, kind: 'raised', on: v.visitedOn, text: raised.slice(0, L.title), createdBy: caller.user.id }]);
  await audit(tx, caller, { action: 'matters.create', objectType: 'matter', objectId: id, detail: { organizationId: v.organizationId, source: 'visit', visitId: v.visitId, title: raised.slice(0, L.title) } });
  return { id, stage: 'raised' };
}
