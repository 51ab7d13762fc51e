/** The town's annual plan, the pipeline board (counts and deadlines, no scores) and the mentor's own list. */
import type { Board, Mentoring, Plan } from '@dj/contracts';
import { PIPELINE_PHASES, SavePlanSchema, todayInShanghai } from '@dj/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { invalid } from '../../lib/errors.js';
import { requirePermission, isSelfOnly, audit, loadOrganizationInScope, type AuthUser, type Caller } from '../../lib/access/index.js';
import { lastDone } from './rules/recruitment-state.js';
import * as repo from './repository.js';
import { loadFacts, summarize } from './service.js';

async function orgPathOf(db: Db, user: AuthUser, orgId?: number) {
  if (!orgId) return undefined;
  const org = await loadOrganizationInScope(db, user, orgId);
  return org.path;
}

export async function getBoard(db: Db, user: AuthUser, query: { year?: number; orgId?: number }): Promise<Board> {
  const year = query.year ?? Number(todayInShanghai().slice(0, 4));
  // The organisation is resolved first: an id outside the scope answers 404 for every role.
  const orgPath = await orgPathOf(db, user, query.orgId);
  if (isSelfOnly(user)) return { year, branches: [], due: [] };
  const branches = await repo.branchesInScope(db, user.scope, orgPath);
  const rows = await repo.listRecruitments(db, user.scope, { orgPath });
  const facts = await loadFacts(db, user.tenantId, rows);
  const quotas = new Map((await repo.plansOf(db, user.tenantId, year)).map((p) => [p.organizationId, p.quota]));
  const summaries = rows.map((r) => ({ row: r, s: summarize(r, facts) }));
  const due: Board['due'] = [];
  const byBranch = new Map(branches.map((b) => [b.id, {
    organizationId: b.id, organizationName: b.name, quota: quotas.get(b.id) ?? null,
    counts: Object.fromEntries(PIPELINE_PHASES.map((p) => [p, 0])) as Board['branches'][number]['counts'],
    admittedThisYear: 0, dueSoon: 0, late: 0,
  }]));
  for (const { row, s } of summaries) {
    const b = byBranch.get(row.organizationId);
    if (!b) continue;
    const approval = lastDone(facts.records.get(row.id) ?? [], 'admission_approval');
    if (approval && approval.occurredOn.startsWith(String(year))) b.admittedThisYear++;
    if (row.status !== 'active' && row.status !== 'probationary') continue;
    if (s.phase) b.counts[s.phase]++;
    if (s.deadline?.status === 'late') b.late++;
    if (s.deadline?.status === 'due_soon') b.dueSoon++;
    if (s.deadline && s.deadline.status !== 'due') due.push({ recruitmentId: row.id, name: row.name, organizationName: row.organizationName, deadline: s.deadline });
  }
  due.sort((a, b) => (a.deadline.date < b.deadline.date ? -1 : 1));
  return { year, branches: [...byBranch.values()], due };
}

export async function getPlan(db: Db, user: AuthUser, year: number): Promise<Plan> {
  if (isSelfOnly(user)) return { year, items: [] };
  const branches = await repo.branchesInScope(db, user.scope);
  const plans = new Map((await repo.plansOf(db, user.tenantId, year)).map((p) => [p.organizationId, p]));
  return {
    year,
    items: branches.map((b) => ({ organizationId: b.id, organizationName: b.name, quota: plans.get(b.id)?.quota ?? null, note: plans.get(b.id)?.note ?? null })),
  };
}

/** The town sets every branch's quota for the year in one write. */
export async function savePlan(db: Db, { user, ip }: Caller, input: z.infer<typeof SavePlanSchema>): Promise<Plan> {
  requirePermission(user, 'recruitment.plan');
  return db.transaction(async (tx) => {
    const branches = new Map((await repo.branchesInScope(tx, user.scope)).map((b) => [b.id, b]));
    for (const [i, item] of input.items.entries()) {
      if (!branches.has(item.organizationId)) throw invalid(`items.${i}.organizationId`, '计划中的组织应为本镇一个正常的党支部');
      await repo.upsertPlan(tx, { tenantId: user.tenantId, year: input.year, organizationId: item.organizationId, quota: item.quota, note: item.note ?? null, updatedBy: user.id });
    }
    await audit(tx, { user, ip }, { action: 'recruitment.plan.save', objectType: 'recruitment_plan',
      objectId: input.year, detail: { branches: input.items.length, total: input.items.reduce((n, x) => n + x.quota, 0) } });
    return getPlan(tx as unknown as Db, user, input.year);
  });
}

/** The people the signed-in member is 培养联系人, 入党介绍人 or contact of, wherever their branch is. */
export async function getMentoring(db: Db, user: AuthUser): Promise<Mentoring> {
  if (!user.personId) return { items: [] };
  const relations = await repo.relationsOfPerson(db, user.tenantId, user.personId);
  const rows = await repo.listMentoredBy(db, user.tenantId, user.personId);
  const facts = await loadFacts(db, user.tenantId, rows);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    items: relations.flatMap((rel) => {
      const row = byId.get(rel.recruitmentId);
      if (!row || row.status === 'stopped' || row.status === 'confirmed') return [];
      const s = summarize(row, facts);
      return [{ recruitmentId: row.id, name: row.name, organizationName: row.organizationName, kind: rel.kind, since: rel.since, phase: s.phase, next: s.next }];
    }),
  };
}
