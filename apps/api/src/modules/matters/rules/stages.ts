import { addDays, type MatterRating, type MatterStage } from '@dj/contracts';

/**
 * 说事 → 议事 → 办事 → 评事 as a state machine. A matter is discussed (议事, again while it is being handled: a new owner or
 * deadline), handled with dated steps, and rated only once handled. A 不满意 reopens it once (back to 办理中 with a new
 * deadline); a second 不满意 closes it as rated. The village may escalate an open matter to the town when it cannot
 * handle it; a matter past its deadline is escalated anyway (derived on read, as 整改 in inspection/rules/rectification.ts).
 */
export type MatterAction = 'discuss' | 'step' | 'handle' | 'escalate' | 'rate' | 'photo';

const ALLOWED: Record<MatterAction, readonly MatterStage[]> = {
  discuss: ['raised', 'discussed'],
  step: ['discussed'],
  handle: ['discussed'],
  escalate: ['raised', 'discussed'],
  rate: ['handled'],
  photo: ['discussed', 'handled'],
};

const REFUSALS: Record<MatterAction, Partial<Record<MatterStage, string>>> = {
  discuss: { handled: '该事项已办结,待群众评议', rated: '该事项已评议办结' },
  step: { raised: '请先议事(确定责任人和办结期限)再登记办理进展', handled: '该事项已办结,待群众评议', rated: '该事项已评议办结' },
  handle: { raised: '请先议事(确定责任人和办结期限)再登记办结', handled: '该事项已办结', rated: '该事项已评议办结' },
  escalate: { handled: '该事项已办结,无需上报', rated: '该事项已评议办结,无需上报' },
  rate: { raised: '事项尚未办理,办结后才能评议', discussed: '事项正在办理,办结后才能评议', rated: '该事项已评议' },
  photo: { raised: '请先议事再上传办理照片', rated: '该事项已评议办结' },
};

/** null when the action is allowed, else why not (shown to the user). */
export function refusal(action: MatterAction, stage: MatterStage): string | null {
  return ALLOWED[action].includes(stage) ? null : (REFUSALS[action][stage] ?? '当前状态不允许此操作');
}

/** What a rating does: closes the matter, or (a first 不满意) reopens it with a new deadline. */
export function afterRating(rating: MatterRating, reopenCount: number, ratedOn: string, handleDays: number):
  { stage: MatterStage; reopened: boolean; dueOn: string | null } {
  if (rating === 'dissatisfied' && reopenCount === 0) return { stage: 'discussed', reopened: true, dueOn: addDays(ratedOn, handleDays) };
  return { stage: 'rated', reopened: false, dueOn: null };
}

/** The deadline of an open matter: 办结期限 once discussed, otherwise 议事 within discussDays of its raising. */
export function deadlineOf(m: { stage: MatterStage; dueOn: string | null; raisedOn: string }, discussDays: number): string | null {
  if (m.stage === 'raised') return addDays(m.raisedOn, discussDays);
  return m.stage === 'discussed' ? m.dueOn : null;
}

const dayNumber = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;

/**
 * late = the deadline has passed (deadline < today) and the matter is not handled. A late matter is escalated to the
 * town without anyone pressing a button, and stops being so once handled; one the village escalated stays escalated
 * until it is handled.
 */
export function lateness(m: { stage: MatterStage; dueOn: string | null; raisedOn: string; escalatedOn: string | null }, today: string, discussDays: number) {
  const deadline = deadlineOf(m, discussDays);
  const late = deadline !== null && deadline < today;
  const open = m.stage === 'raised' || m.stage === 'discussed';
  return { deadline, late, escalated: open && (late || m.escalatedOn !== null), daysOverdue: late && deadline ? dayNumber(today) - dayNumber(deadline) : 0 };
}
