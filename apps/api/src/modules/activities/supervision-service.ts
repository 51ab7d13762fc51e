/**
 * Supervision (督导): the town names 镇领导/包村干部 for branches and for a month's activity; the supervisor reads plans
 * ahead of the day, comments, and signs the record off or returns it with a reason. While a record has a supervisor,
 * the compliance calendar counts it as done only once signed off.
 */
import type { ActivityKind, ReviewBody } from '@dj/contracts';
import { ACTIVITY_KIND_LABELS } from './rules/activity-kinds.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { forbidden, invalid } from '../../lib/errors.js';
import { addDays, NOT_YET_HELD_MESSAGE, todayInShanghai } from '@dj/contracts';
import { can, requirePermission, rolesGrant, audit, loadOrganizationInScope, type AuthUser, type Caller } from '../../lib/access/index.js';
import { canReview, getActivity, loadActivity } from './detail-service.js';
import * as evidence from './evidence-repository.js';
import { notifyUser } from '../../lib/notices.js';
import { settingValue } from '../settings/index.js';
import * as repo from './repository.js';
import { groupedBy } from '../../lib/group.js';

/** The named user must be an active supervisor of this town whose scope covers the branch (so they can see the record). */
async function checkSupervisor(db: DbOrTx, user: AuthUser, userId: number, path: string) {
  const target = await evidence.userName(db, user.tenantId, userId);
  if (!target || target.disabled || !rolesGrant(target.roles, 'supervision.supervise')) throw invalid('userId', '所选人员不是本镇在岗的督导干部(须有“督导”角色)');
  return { target, covers: await evidence.userCoversPath(db, userId, path) };
}

export async function setActivitySupervisor(db: Db, { user, ip }: Caller, id: number, userId: number | null) {
  requirePermission(user, 'supervision.assign');
  return db.transaction(async (tx) => {
    const row = await loadActivity(tx, user, id);
    if (row.reviewStatus === 'signed_off') throw forbidden('该记录已签认,不能更换督导干部');
    if (userId !== null) {
      const { covers } = await checkSupervisor(tx, user, userId, row.organizationPath);
      if (!covers) throw invalid('userId', '该督导干部未包联这个支部,请先在“督导安排”中把支部指派给他');
    }
    await repo.update(tx, id, { supervisorUserId: userId, ...(userId === null && row.reviewStatus === 'submitted' ? { reviewStatus: 'none' as const } : {}) });
    await audit(tx, { user, ip }, { action: 'activity.supervisor', objectType: 'activity', objectId: id, detail: { supervisorUserId: userId } });
    return getActivity(tx, user, id);
  });
}

export async function review(db: Db, { user, ip }: Caller, id: number, body: ReviewBody) {
  return db.transaction(async (tx) => {
    const row = await loadActivity(tx, user, id);
    const manage = can(user, 'activities.record', row.organizationPath);
    const reviewer = canReview(user, row);
    const text = body.text?.trim() || null;
    const link = `/activities/${id}`;
    const what = `${row.organizationName} ${row.heldOn} ${ACTIVITY_KIND_LABELS[row.kind as keyof typeof ACTIVITY_KIND_LABELS] ?? row.kind}`;
    let next = row.reviewStatus;
    switch (body.action) {
      case 'comment':
        if (!manage && !reviewer) throw forbidden('只有本支部书记和督导干部可以留言');
        if (!text) throw invalid('text', '请填写意见内容');
        break;
      case 'submit':
        if (!manage) throw forbidden('只有本支部书记可以提交签认');
        if (!row.supervisorUserId) throw invalid('action', '本次活动没有督导干部,无需提交签认');
        if (row.heldOn > todayInShanghai()) throw invalid('action', NOT_YET_HELD_MESSAGE);
        if (row.reviewStatus === 'submitted' || row.reviewStatus === 'signed_off') throw invalid('action', '该记录已提交');
        next = 'submitted';
        break;
      case 'sign_off':
        if (!reviewer) throw forbidden('只有本次活动的督导干部可以签认');
        if (row.reviewStatus !== 'submitted') throw invalid('action', '只能签认已提交的记录');
        next = 'signed_off';
        break;
      case 'return':
        if (!reviewer) throw forbidden('只有本次活动的督导干部可以退回');
        if (!text) throw invalid('text', '退回时请写明原因,便于支部补正');
        if (row.reviewStatus !== 'submitted' && row.reviewStatus !== 'signed_off') throw invalid('action', '只能退回已提交或已签认的记录');
        next = 'returned';
        break;
    }
    if (next !== row.reviewStatus) await repo.update(tx, id, { reviewStatus: next });
    await evidence.insertReview(tx, { activityId: id, userId: user.id, action: body.action, text });
    // Tell the other side: the supervisor when a record is submitted, the recorder when it is signed off or returned.
    const to = body.action === 'submit' || (body.action === 'comment' && manage && !reviewer) ? row.supervisorUserId : row.createdBy;
    if (to && to !== user.id) {
      const titles = { comment: '有新的督导意见', submit: '有记录待您签认', sign_off: '记录已签认', return: '记录被退回,请补正' } as const;
      await notifyUser(tx, user.tenantId, to, {
        kind: `review.${body.action}`, title: titles[body.action], body: text ? `${what}: ${text}` : what, link,
        dedupeKey: `review:${id}:${body.action}:${Date.now()}`,
      });
    }
    await audit(tx, { user, ip }, { action: `activity.review.${body.action}`, objectType: 'activity', objectId: id, detail: { from: row.reviewStatus, to: next } });
    return getActivity(tx, user, id);
  });
}

export async function listAssignments(db: DbOrTx, user: AuthUser) {
  requirePermission(user, 'supervision.read');
  const branches = await repo.branchesInScope(db, user.scope);
  const assignmentsOf = groupedBy(await evidence.assignmentsFor(db, branches.map((b) => b.id)), (a) => a.organizationId);
  return {
    supervisors: await evidence.supervisorsOfTenant(db, user.tenantId),
    branches: branches.map((b) => ({
      organizationId: b.id, organizationName: b.name, supervisorIds: (assignmentsOf.get(b.id) ?? []).map((a) => a.userId),
    })),
  };
}

/** Naming supervisors for a branch also lets them see it: the duty without the view would be useless. */
export async function putAssignments(db: Db, { user, ip }: Caller, organizationId: number, userIds: number[]) {
  requirePermission(user, 'supervision.assign');
  return db.transaction(async (tx) => {
    const branch = await loadOrganizationInScope(tx, user, organizationId);
    if (branch.kind !== 'branch') throw invalid('organizationId', '督导干部包联的是党支部,请选择党支部');
    const unique = [...new Set(userIds)];
    for (const userId of unique) {
      const { covers } = await checkSupervisor(tx, user, userId, branch.path);
      if (!covers) await evidence.addSupervisorGrant(tx, userId, branch.id);
    }
    await evidence.replaceAssignments(tx, user.tenantId, branch.id, unique, user.id);
    await audit(tx, { user, ip }, { action: 'supervision.assign', objectType: 'organization', objectId: branch.id, detail: { userIds: unique } });
    return listAssignments(tx, user);
  });
}

export async function supervisionQueue(db: Db, user: AuthUser) {
  requirePermission(user, 'supervision.read', '只有督导干部有督导待办');
  const today = todayInShanghai();
  // A supervisor whose scope was narrowed later no longer sees the branch's records (the query carries the scope).
  const rows = await evidence.queueFor(db, user.scope, user.id, today);
  const signOffDays = await settingValue(db, user.tenantId, 'supervision.signOffDays');
  const kind = (k: string) => k as ActivityKind;
  const toSignOff = rows.filter((r) => r.reviewStatus === 'submitted').map((r) => {
    const submittedAt = r.submittedAtMs === null ? r.updatedAt : new Date(r.submittedAtMs);
    const signOffDueOn = addDays(todayInShanghai(submittedAt), signOffDays);
    return {
      id: r.id, organizationName: r.organizationName, kind: kind(r.kind), heldOn: r.heldOn, topic: r.topic,
      submittedAt: submittedAt.toISOString(), signOffDueOn, overdue: today > signOffDueOn,
    };
  });
  return {
    plans: rows.filter((r) => r.heldOn > today).map((r) => ({ id: r.id, organizationName: r.organizationName, kind: kind(r.kind), heldOn: r.heldOn, topic: r.topic, comments: r.comments })),
    // Overdue first, each part by the day its sign-off is (was) due: the longest waiting on top.
    toSignOff: toSignOff.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.signOffDueOn.localeCompare(b.signOffDueOn)),
  };
}
