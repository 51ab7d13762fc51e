/**
 * Which record may be voided (作废). Pure: the service looks up the facts and turns the answer into an error.
 * Voiding is for a mistaken entry (wrong date, wrong step); the product principle is "never lose a record", so a
 * voided record stays but every rule reads past it. Hence the limits below.
 */
import type { StepDefinition } from '@dj/contracts';
import { stopReason, votePassed, type RecordFact } from './recruitment-state.js';
import { stepNamed } from './steps.js';

export interface VoidFacts {
  status: 'active' | 'probationary' | 'confirmed' | 'stopped';
  stoppedOn: string | null;
  stoppedReason: string | null;
  memberId: number | null;
  /** The non-voided records, in the order repository.recordsOf returns them (occurredOn, id). */
  records: readonly (RecordFact & { id: number })[];
  steps: readonly StepDefinition[];
  /** Ids of the records whose 培养联系人/入党介绍人 relations carry their record id (older ones do not). */
  linkedRecordIds: ReadonlySet<number>;
}

export type VoidRefusal = { code: 'CONFLICT'; message: string } | { code: 'NOT_FOUND' };

const nameOf = (steps: readonly StepDefinition[], code: string) => stepNamed(steps, code)?.name ?? code;

/** What the roster already holds because of this record (admission.ts applyStepToRoster), or null. */
export function rosterEffect(r: RecordFact, memberId: number | null): string | null {
  const d = r.details;
  switch (r.stepCode) {
    case 'admission_approval': return d.approved === true ? '已据此把此人记入党员名册(预备党员)' : null;
    case 'placement': return memberId && d.groupId ? '已据此把此人编入党小组' : null;
    case 'confirmation_meeting':
      if (!memberId || !votePassed(d)) return null;
      if (d.decision === 'extend') return '已据此在党员名册登记“延长预备期”党籍事件';
      if (d.decision === 'cancel') return '已据此在党员名册登记“取消预备党员资格”党籍事件';
      return null;
    case 'confirmation_approval': return memberId && d.approved === true ? '已据此在党员名册登记“转为正式党员”党籍事件' : null;
    default: return null;
  }
}

/** Who may void: the same people who may record the step (town admin or the branch's secretary; 上级党委 steps the town). */
export interface VoidPermission { record: boolean; committee: boolean }

export function voidPermission(may: VoidPermission, steps: readonly StepDefinition[], stepCode: string): string | null {
  if (!may.record) return '只有镇党委管理员和本支部书记可以作废发展党员记录';
  const step = stepNamed(steps, stepCode);
  if (step?.actor === 'party_committee' && !may.committee) return `“${step.name}”由上级党委(镇党委)办理并记录,只有镇党委可以作废`;
  return null;
}

/** The id of the one record the caller may void now (the detail page's 作废 action), or null. */
export function voidableRecordId(f: VoidFacts, may: VoidPermission): number | null {
  const latest = f.records[f.records.length - 1];
  if (!latest || voidPermission(may, f.steps, latest.stepCode)) return null;
  return voidRefusal(f, latest.id) ? null : latest.id;
}

/** Null when `recordId` may be voided; otherwise why not (in Chinese, naming the rule). */
export function voidRefusal(f: VoidFacts, recordId: number): VoidRefusal | null {
  const record = f.records.find((r) => r.id === recordId);
  if (!record) return { code: 'NOT_FOUND' };
  const name = nameOf(f.steps, record.stepCode);
  const latest = f.records[f.records.length - 1];
  if (f.status === 'stopped') {
    // A step that stopped the recruitment (e.g. 政审不合格) is the last record and may be voided; the manual 终止 has no
    // record to void, so it stays.
    const byLatest = stopReason(latest);
    if (!byLatest || byLatest !== f.stoppedReason || latest.occurredOn !== f.stoppedOn) {
      return { code: 'CONFLICT', message: `该发展党员程序已终止:${f.stoppedReason ?? ''}` };
    }
  }
  if (record.stepCode === 'application') {
    return { code: 'CONFLICT', message: '“递交入党申请书”是发展程序的第一步,不能作废:如登记有误,请使用“终止”结束本程序后重新登记' };
  }
  if (record.id !== latest.id) {
    // Later steps were checked against this one (dates, order): voiding it would leave them unchecked.
    return { code: 'CONFLICT', message: `只能作废最近记录的一步:请先作废“${nameOf(f.steps, latest.stepCode)}”(${latest.occurredOn})` };
  }
  const roster = rosterEffect(record, f.memberId);
  if (roster) {
    return { code: 'CONFLICT', message: `“${name}”${roster},不能在此作废:请先在党员名册中更正,再联系镇党委处理` };
  }
  if ((record.stepCode === 'mentors' || record.stepCode === 'sponsors') && (record.details.memberIds ?? []).length && !f.linkedRecordIds.has(record.id)) {
    // Relations made before they kept their record cannot be told apart from ones registered by hand.
    return { code: 'CONFLICT', message: `“${name}”登记于作废功能启用之前,无法自动恢复原${record.stepCode === 'mentors' ? '培养联系人' : '入党介绍人'}:请在联系人中手工调整` };
  }
  return null;
}
