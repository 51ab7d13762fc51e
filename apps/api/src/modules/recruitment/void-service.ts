/**
 * 作废 a mistaken step record. The record stays (with who, when and why) but every rule, phase, next step, deadline,
 * board count and document is computed as if it had never been recorded: repository.recordsOf leaves it out.
 */
import type { Recruitment, VoidRecord } from '@dj/contracts';
import { VoidRecordSchema } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { phaseOf } from './rules/recruitment-state.js';
import { voidPermission, voidRefusal } from './rules/void-rules.js';
import * as repo from './repository.js';
import { getRecruitment, loadRecruitment, stepsOf, voidFactsOf, voidPermissionOf } from './service.js';
import { audit, type Caller } from '../../lib/access/index.js';

type Row = repo.RecruitmentRow;

export async function voidRecruitmentRecord(db: Db, caller: Caller, id: number, recordId: number, raw: VoidRecord): Promise<Recruitment> {
  const { user, ip } = caller;
  const { reason } = VoidRecordSchema.parse(raw);
  return db.transaction(async (tx) => {
    await repo.lockRecruitment(tx, id);
    // Scope first: a recruitment or record outside it answers 404 whatever else is wrong.
    const row = await loadRecruitment(tx, user, id);
    const records = await repo.recordsOf(tx, [id]);
    const record = records.find((r) => r.id === recordId);
    if (!record) throw notFound('步骤记录');
    const steps = await stepsOf(tx, user.tenantId);
    const denied = voidPermission(voidPermissionOf(user, row), steps, record.stepCode);
    if (denied) throw forbidden(denied);
    const refusal = voidRefusal(voidFactsOf(row, records, await repo.relationsOf(tx, [id]), steps), recordId);
    if (refusal?.code === 'NOT_FOUND') throw notFound('步骤记录');
    if (refusal) throw new AppError('CONFLICT', refusal.message);
    const remaining = records.filter((r) => r.id !== recordId);
    if (row.status === 'stopped') await assertNoOtherOpen(tx, row);

    if (!(await repo.voidRecord(tx, id, recordId, user.id, reason))) throw notFound('步骤记录');
    const relations = record.stepCode === 'mentors' || record.stepCode === 'sponsors'
      ? await repo.undoRelationsOfRecord(tx, id, recordId)
      : { voided: [], reopened: [] };
    // The cache of the records is rewritten from what remains; only a stop made by this record can be here (the manual
    // 终止 was refused above), so the stop is lifted with it.
    const state = phaseOf(remaining);
    await repo.updateRecruitment(tx, id, { status: state.status, phase: state.phase, stoppedOn: null, stoppedReason: null });
    await audit(tx, { user, ip }, { action: 'recruitment.step.void', objectType: 'recruitment',
      objectId: id, detail: { recordId, stepCode: record.stepCode, occurredOn: record.occurredOn, reason, relationsVoided: relations.voided, relationsReopened: relations.reopened } });
    return getRecruitment(tx, user, id);
  });
}

/** Reopening a stopped recruitment must not give the person two open ones (a new application may have followed). */
async function assertNoOtherOpen(tx: DbOrTx, row: Row) {
  const open = (await repo.recruitmentsOfPerson(tx, row.personId)).some((j) => j.id !== row.id && (j.status === 'active' || j.status === 'probationary'));
  if (open) throw new AppError('CONFLICT', '此人已有进行中的发展党员程序,不能作废使本程序恢复:请在新的程序中继续');
}
