/** Liaison organisations of 在外人才 (劳动就业部门, 驻外流动党组织) in scope, and the people each keeps in touch with. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { awayLiaisonPeople, awayLiaisons, awayTalents, organizations, persons } from '../../db/schema/index.js';
import { scopeFilter, type Scope, inSubtree } from '../../db/scope.js';
import { groupedBy } from '../../lib/group.js';

const inScope = (scope: Scope) => scopeFilter({ tenantId: organizations.tenantId, path: organizations.path }, scope);

const columns = {
  id: awayLiaisons.id, organizationId: awayLiaisons.organizationId, organizationName: organizations.name, organizationPath: organizations.path,
  kind: awayLiaisons.kind, name: awayLiaisons.name, place: awayLiaisons.place, contactName: awayLiaisons.contactName,
  contactPhoneMasked: awayLiaisons.contactPhoneMasked, note: awayLiaisons.note,
};

/** Liaisons owned by an organisation in scope (under a subtree when given), each with the people away it covers. */
export async function liaisonsIn(db: DbOrTx, scope: Scope, under?: string, id?: number) {
  const rows = await db.select(columns).from(awayLiaisons).innerJoin(organizations, eq(organizations.id, awayLiaisons.organizationId))
    .where(and(inScope(scope), under ? inSubtree(organizations.path, under) : undefined, id ? eq(awayLiaisons.id, id) : undefined))
    .orderBy(asc(organizations.sortOrder), asc(awayLiaisons.kind), asc(awayLiaisons.id));
  if (!rows.length) return [];
  const covered = await db.select({ liaisonId: awayLiaisonPeople.liaisonId, id: awayTalents.id, name: persons.name, organizationName: organizations.name })
    .from(awayLiaisonPeople)
    .innerJoin(awayTalents, eq(awayTalents.id, awayLiaisonPeople.awayTalentId))
    .innerJoin(persons, eq(persons.id, awayTalents.personId))
    .innerJoin(organizations, eq(organizations.id, awayTalents.organizationId))
    .where(and(inScope(scope), sql`${awayLiaisonPeople.liaisonId} in (${sql.join(rows.map((r) => sql`${r.id}`), sql`, `)})`))
    .orderBy(asc(organizations.sortOrder), asc(persons.name));
  const coveredOf = groupedBy(covered, (c) => c.liaisonId);
  return rows.map((r) => ({ ...r, covered: (coveredOf.get(r.id) ?? []).map(({ liaisonId: _, ...c }) => c) }));
}

/** The liaisons in scope covering one person away. */
export async function liaisonsOf(db: DbOrTx, scope: Scope, awayTalentId: number) {
  return db.select({ id: awayLiaisons.id, kind: awayLiaisons.kind, name: awayLiaisons.name, contactName: awayLiaisons.contactName, contactPhoneMasked: awayLiaisons.contactPhoneMasked })
    .from(awayLiaisonPeople)
    .innerJoin(awayLiaisons, eq(awayLiaisons.id, awayLiaisonPeople.liaisonId))
    .innerJoin(organizations, eq(organizations.id, awayLiaisons.organizationId))
    .where(and(eq(awayLiaisonPeople.awayTalentId, awayTalentId), inScope(scope)))
    .orderBy(asc(awayLiaisons.id));
}

export async function insertLiaison(db: DbOrTx, values: typeof awayLiaisons.$inferInsert) {
  const [row] = await db.insert(awayLiaisons).values(values).returning({ id: awayLiaisons.id });
  return row.id;
}

export async function sealedContactPhone(db: DbOrTx, id: number) {
  const [row] = await db.select({ enc: awayLiaisons.contactPhoneEnc }).from(awayLiaisons).where(eq(awayLiaisons.id, id)).limit(1);
  return row?.enc ?? null;
}
