import { and, asc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { ServiceTeamMember } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { organizations, serviceTeamMembers, serviceTeamVillages } from '../../db/schema/index.js';
import { scopeFilter, type Scope, inSubtree } from '../../db/scope.js';
import { groupedBy } from '../../lib/group.js';
import { runNamed } from '../../db/prepared.js';

const inScope = (scope: Scope) => scopeFilter({ tenantId: organizations.tenantId, path: organizations.path }, scope);

/**
 * 乡村振兴服务队 members still in service (no 离队 recorded) serving a village in scope (or the one village given), the
 * nearest period end first; each with the villages it serves that the caller may see (never another village's name).
 */
export async function serviceTeamIn(db: DbOrTx, scope: Scope, today: string, opts: { organizationId?: number; underPath?: string; ids?: number[]; includeEnded?: boolean } = {}): Promise<ServiceTeamMember[]> {
  const visible = db.select({ memberId: serviceTeamVillages.memberId }).from(serviceTeamVillages)
    .innerJoin(organizations, eq(organizations.id, serviceTeamVillages.organizationId))
    .where(and(inScope(scope), opts.organizationId ? eq(serviceTeamVillages.organizationId, opts.organizationId) : undefined,
      opts.underPath ? inSubtree(organizations.path, opts.underPath) : undefined));
  const members = await runNamed(db.select({
    id: serviceTeamMembers.id, name: serviceTeamMembers.name, unit: serviceTeamMembers.unit, teamName: serviceTeamMembers.teamName,
    startedOn: serviceTeamMembers.startedOn, endsOn: serviceTeamMembers.endsOn, endedOn: serviceTeamMembers.endedOn,
    daysLeft: sql<number | null>`case when ${serviceTeamMembers.endedOn} is null then (${serviceTeamMembers.endsOn} - ${today}::date) end`,
  }).from(serviceTeamMembers)
    .where(and(eq(serviceTeamMembers.tenantId, scope.tenantId), inArray(serviceTeamMembers.id, visible),
      opts.ids ? inArray(serviceTeamMembers.id, opts.ids) : undefined,
      opts.includeEnded ? undefined : or(isNull(serviceTeamMembers.endedOn), gte(serviceTeamMembers.endedOn, today))))
    .orderBy(asc(serviceTeamMembers.endsOn), asc(serviceTeamMembers.id)), 'service_team');
  if (!members.length) return [];
  const villages = await db.select({ memberId: serviceTeamVillages.memberId, organizationId: organizations.id, name: organizations.name })
    .from(serviceTeamVillages).innerJoin(organizations, eq(organizations.id, serviceTeamVillages.organizationId))
    .where(and(inArray(serviceTeamVillages.memberId, members.map((m) => m.id)), inScope(scope)))
    .orderBy(asc(organizations.sortOrder), asc(organizations.id));
  const villagesOf = groupedBy(villages, (v) => v.memberId);
  return members.map((m) => ({ ...m, villages: (villagesOf.get(m.id) ?? []).map(({ memberId: _, ...v }) => v) }));
}

/** The villages a member serves (ids), whatever the caller's scope: a write must be allowed at every one of them. */
export async function villagesOf(db: DbOrTx, memberId: number, tenantId: number) {
  const rows = await db.select({ organizationId: serviceTeamVillages.organizationId }).from(serviceTeamVillages)
    .innerJoin(serviceTeamMembers, eq(serviceTeamMembers.id, serviceTeamVillages.memberId))
    .where(and(eq(serviceTeamVillages.memberId, memberId), eq(serviceTeamMembers.tenantId, tenantId)));
  return rows.map((r) => r.organizationId);
}

type MemberValues = Omit<typeof serviceTeamMembers.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertMember(db: DbOrTx, values: MemberValues) {
  const [row] = await db.insert(serviceTeamMembers).values(values).returning({ id: serviceTeamMembers.id });
  return row.id;
}

export async function updateMember(db: DbOrTx, id: number, values: Omit<MemberValues, 'tenantId' | 'createdBy'>) {
  await db.update(serviceTeamMembers).set({ ...values, updatedAt: new Date() }).where(eq(serviceTeamMembers.id, id));
}

export async function replaceVillages(db: DbOrTx, tenantId: number, memberId: number, organizationIds: number[]) {
  await db.delete(serviceTeamVillages).where(eq(serviceTeamVillages.memberId, memberId));
  await db.insert(serviceTeamVillages).values(organizationIds.map((organizationId) => ({ tenantId, memberId, organizationId })));
}
