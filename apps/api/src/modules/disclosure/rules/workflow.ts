/**
 * 提出 → 审核(含保密审查) → 审批 → 公开 (《中国共产党党务公开条例(试行)》第十五条), as a table: who may take which
 * step from which status. Pure; the caller has already established that the disclosure is in the user's scope.
 */
import type { DisclosureStatus } from '@dj/contracts';
import { rolesGrant, type Permission } from '../../../lib/access/permissions.js';

export type Action = 'edit' | 'submit' | 'review' | 'approve' | 'publish' | 'return' | 'correct';

/** Who takes a step is a permission of the one access table (lib/access): proposing, reviewing, approving. */
interface Step { from: DisclosureStatus[]; to: DisclosureStatus | null; by: Permission; who: string }

/**
 * The branch proposes and publishes; the 包村干部 or the town reviews (the reviewer is never the proposer's own
 * branch, which keeps the 保密审查 a second pair of eyes); only the town approves.
 */
export const STEPS: Record<Action, Step> = {
  edit: { from: ['draft', 'returned'], to: null, by: 'disclosure.propose', who: '本村党支部书记或镇党委管理员' },
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'disclosure.propose', who: '本村党支部书记或镇党委管理员' },
  review: { from: ['submitted'], to: 'reviewed', by: 'disclosure.review', who: '包村干部或镇党委管理员' },
  approve: { from: ['reviewed'], to: 'approved', by: 'disclosure.approve', who: '镇党委管理员' },
  publish: { from: ['approved'], to: 'published', by: 'disclosure.propose', who: '本村党支部书记或镇党委管理员' },
  return: { from: ['submitted', 'reviewed'], to: 'returned', by: 'disclosure.review', who: '审核人(包村干部)或审批人(镇党委管理员)' },
  correct: { from: ['published'], to: null, by: 'disclosure.propose', who: '本村党支部书记或镇党委管理员' },
};

const STATUS_TEXT: Record<DisclosureStatus, string> = {
  draft: '草稿', submitted: '已提出', reviewed: '已审核', approved: '已审批', published: '已公开', returned: '已退回',
};
const ACTION_TEXT: Record<Action, string> = { edit: '修改', submit: '提出', review: '审核', approve: '审批', publish: '公开', return: '退回', correct: '更正' };

export type Verdict = { ok: true; to: DisclosureStatus | null } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string };

export function decide(action: Action, status: DisclosureStatus, roles: readonly string[]): Verdict {
  const step = STEPS[action];
  // A 包村干部 returns what they review (submitted); what was reviewed goes back only by the approver.
  const by: Permission = action === 'return' && status === 'reviewed' ? 'disclosure.approve' : step.by;
  if (!rolesGrant(roles, by)) return { ok: false, code: 'FORBIDDEN', message: `${ACTION_TEXT[action]}由${step.who}办理` };
  if (!step.from.includes(status)) {
    const hint = status === 'published' ? ',已公开的内容不能修改,如有错误请“更正”(新建一份更正公开)' : '';
    return { ok: false, code: 'CONFLICT', message: `当前状态为“${STATUS_TEXT[status]}”,不能${ACTION_TEXT[action]}${hint}` };
  }
  return { ok: true, to: step.to };
}

export const can = (action: Action, status: DisclosureStatus, roles: readonly string[]) => decide(action, status, roles).ok;
