import { asc, eq, inArray } from 'drizzle-orm';
import type { CommitteePost } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { committeeTerms, members, persons } from '../../db/schema/index.js';

/** The recorded committee terms of these branches, earliest first. */
export async function termsOf(db: DbOrTx, branchIds: number[]) {
  if (!branchIds.length) return [];
  return db.select({
    organizationId: committeeTerms.organizationId, memberId: committeeTerms.memberId, name: persons.name,
    post: committeeTerms.post, startedOn: committeeTerms.startedOn, endedOn: committeeTerms.endedOn,
  }).from(committeeTerms)
    .innerJoin(members, eq(members.id, committeeTerms.memberId))
    .innerJoin(persons, eq(persons.id, members.personId))
    .where(inArray(committeeTerms.organizationId, branchIds))
    .orderBy(asc(committeeTerms.startedOn), asc(committeeTerms.id));
}

export type TermRow = Awaited<ReturnType<typeof termsOf>>[number];

/** Replaces a branch's whole committee history. */
export async function replaceTerms(db: DbOrTx, branch: { id: number; tenantId: number }, createdBy: number,
  terms: { memberId: number; post: CommitteePost; startedOn: string; endedOn: string | null }[]) {
  await db.delete(committeeTerms).where(eq(committeeTerms.organizationId, branch.id));
  if (terms.length) await db.insert(committeeTerms).values(terms.map((t) => ({ ...t, tenantId: branch.tenantId, organizationId: branch.id, createdBy })));
}
