import { and, asc, desc, eq, ilike, isNotNull, sql, type SQL } from 'drizzle-orm';
import { TALENT_KINDS, TALENT_TIERS, type TalentField, type TalentKind, type TalentTier } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { members, organizations, persons, talentSupport, talents, talentTargets, villages } from '../../db/schema/index.js';
import { scopeFilter, type Scope, inSubtree } from '../../db/scope.js';

const isMember = sql<boolean>`exists (select 1 from ${members} m where m.person_id = ${persons.id})`;
const supportCount = sql<number>`(select count(*)::int from ${talentSupport} s where s.talent_id = ${talents.id})`;
const supportFen = sql<number>`(select coalesce(sum(s.amount_fen), 0)::bigint from ${talentSupport} s where s.talent_id = ${talents.id})`.mapWith(Number);

/** A registry row as the list, the drawer and the roster show it: the person masked, the support summed by the database. */
export const rowColumns = {
  id: talents.id, organizationId: talents.organizationId, organizationName: organizations.name, villageName: villages.name,
  personId: talents.personId, name: persons.name, gender: persons.gender, birthDate: persons.birthDate, isMember,
  idNumberMasked: persons.idNumberMasked, phoneMasked: persons.phoneMasked,
  kind: talents.kind, tier: talents.tier, selectedYear: talents.selectedYear, field: talents.field, fieldNote: talents.fieldNote,
  leads: talents.leads, note: talents.note, supportCount, supportFen,
};

export interface TalentFilters { orgPath?: string; kind?: TalentKind; tier?: TalentTier; field?: TalentField; year?: number; q?: string }

const inScope = (scope: Scope) => scopeFilter({ tenantId: organizations.tenantId, path: organizations.path }, scope);

function filterOf(scope: Scope, f: TalentFilters): SQL | undefined {
  return and(
    inScope(scope),
    f.orgPath ? inSubtree(organizations.path, f.orgPath) : undefined,
    f.kind ? eq(talents.kind, f.kind) : undefined,
    f.tier ? eq(talents.tier, f.tier) : undefined,
    f.field ? eq(talents.field, f.field) : undefined,
    f.year ? eq(talents.selectedYear, f.year) : undefined,
    // A name search: the pattern's own % and _ are taken literally.
    f.q ? ilike(persons.name, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
}

const base = (db: DbOrTx) => db.select(rowColumns).from(talents)
  .innerJoin(persons, eq(persons.id, talents.personId))
  .innerJoin(organizations, eq(organizations.id, talents.organizationId))
  .leftJoin(villages, eq(villages.id, organizations.villageId));

export async function listTalents(db: DbOrTx, scope: Scope, filters: TalentFilters) {
  return base(db).where(filterOf(scope, filters))
    .orderBy(asc(organizations.path), sql`array_position(array[${sql.raw(TALENT_TIERS.map((t) => `'${t}'`).join(','))}]::text[], ${talents.tier}) nulls last`, asc(persons.name), asc(talents.id));
}

export async function findTalent(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await db.select({ ...rowColumns, path: organizations.path }).from(talents)
    .innerJoin(persons, eq(persons.id, talents.personId))
    .innerJoin(organizations, eq(organizations.id, talents.organizationId))
    .leftJoin(villages, eq(villages.id, organizations.villageId))
    .where(and(eq(talents.id, id), inScope(scope))).limit(1);
  return row;
}

export async function supportOf(db: DbOrTx, talentId: number) {
  return db.select({ id: talentSupport.id, givenOn: talentSupport.givenOn, what: talentSupport.what, amountFen: talentSupport.amountFen, givenBy: talentSupport.givenBy })
    .from(talentSupport).where(eq(talentSupport.talentId, talentId)).orderBy(desc(talentSupport.givenOn), desc(talentSupport.id));
}

export type TalentValues = Omit<typeof talents.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertTalent(db: DbOrTx, values: TalentValues) {
  const [row] = await db.insert(talents).values(values).onConflictDoNothing().returning({ id: talents.id });
  return row?.id;
}

export type TalentChanges = Pick<TalentValues, 'kind' | 'tier' | 'selectedYear' | 'field' | 'fieldNote' | 'leads' | 'note'>;

export async function updateTalent(db: DbOrTx, id: number, values: TalentChanges) {
  await db.update(talents).set({ ...values, updatedAt: new Date() }).where(eq(talents.id, id));
}

export async function insertSupport(db: DbOrTx, values: Omit<typeof talentSupport.$inferInsert, 'id' | 'createdAt'>) {
  const [row] = await db.insert(talentSupport).values(values).returning({ id: talentSupport.id });
  return row.id;
}

/** The talent entry of a person in the town, wherever it is filed (the import and the form refuse a second one). */
export async function talentOfPerson(db: DbOrTx, tenantId: number, personId: number) {
  const [row] = await db.select({ id: talents.id, organizationId: talents.organizationId }).from(talents)
    .where(and(eq(talents.tenantId, tenantId), eq(talents.personId, personId))).limit(1);
  return row;
}

/**
 * May this village file this existing person? A member of its branch, or someone who has held a post of the village
 * (a non-member cadre). A person of another village is neither offered nor accepted.
 */
export async function isVillagePerson(db: DbOrTx, organizationId: number, personId: number) {
  const { rows } = await db.execute<{ ok: boolean }>(sql`select (
      exists (select 1 from members m where m.person_id = ${personId} and m.organization_id = ${organizationId})
      or exists (select 1 from cadre_posts c where c.person_id = ${personId} and c.organization_id = ${organizationId})
    ) as ok`);
  return rows[0]?.ok === true;
}

/** The village branches in the caller's scope (the villages a talent can be filed under). */
export async function villageBranches(db: DbOrTx, scope: Scope) {
  return db.select({ organizationId: organizations.id, name: organizations.name, path: organizations.path, villageName: villages.name })
    .from(organizations).innerJoin(villages, eq(villages.id, organizations.villageId))
    .where(and(inScope(scope), eq(organizations.kind, 'branch'), eq(organizations.status, 'active'), isNotNull(organizations.villageId)))
    .orderBy(asc(organizations.path));
}

/** Entries in scope selected in the year, per tier, and entries per kind (all and selected that year): counted by the database. */
export async function progressCounts(db: DbOrTx, scope: Scope, year: number) {
  const tiers = await db.select({ tier: talents.tier, n: sql<number>`count(*)::int` }).from(talents)
    .innerJoin(organizations, eq(organizations.id, talents.organizationId))
    .where(and(inScope(scope), eq(talents.selectedYear, year), isNotNull(talents.tier))).groupBy(talents.tier);
  const kinds = await db.select({
    kind: talents.kind, total: sql<number>`count(*)::int`, selected: sql<number>`(count(*) filter (where ${talents.selectedYear} = ${year}))::int`,
  }).from(talents).innerJoin(organizations, eq(organizations.id, talents.organizationId))
    .where(inScope(scope)).groupBy(talents.kind);
  return {
    tiers: new Map(tiers.map((t) => [t.tier as TalentTier, t.n])),
    kinds: TALENT_KINDS.map((kind) => kinds.find((k) => k.kind === kind) ?? { kind, total: 0, selected: 0 }),
  };
}

export async function targetsOf(db: DbOrTx, tenantId: number, year: number) {
  return db.select({ tier: talentTargets.tier, target: talentTargets.target, level: talentTargets.level }).from(talentTargets)
    .where(and(eq(talentTargets.tenantId, tenantId), eq(talentTargets.year, year)));
}

export async function upsertTarget(db: DbOrTx, values: Omit<typeof talentTargets.$inferInsert, 'id' | 'updatedAt'>) {
  await db.insert(talentTargets).values(values).onConflictDoUpdate({
    target: [talentTargets.tenantId, talentTargets.year, talentTargets.tier],
    set: { target: values.target, level: values.level, updatedBy: values.updatedBy, updatedAt: new Date() },
  });
}

export async function sealedOf(db: DbOrTx, personId: number) {
  const [row] = await db.select({ idNumberEnc: persons.idNumberEnc, phoneEnc: persons.phoneEnc }).from(persons).where(eq(persons.id, personId));
  return row;
}

/** The registry entry of the person with this ID number (keyed hash), with the fields an import compares. */
export async function talentByIdHash(db: DbOrTx, tenantId: number, idNumberHash: string) {
  const [row] = await db.select({
    id: talents.id, organizationId: talents.organizationId, kind: talents.kind, tier: talents.tier, selectedYear: talents.selectedYear,
    field: talents.field, fieldNote: talents.fieldNote, leads: talents.leads, note: talents.note,
  }).from(talents).innerJoin(persons, eq(persons.id, talents.personId))
    .where(and(eq(talents.tenantId, tenantId), eq(persons.idNumberHash, idNumberHash))).limit(1);
  return row;
}

/** The fields an import may change, in one order, for comparing a row with the entry. */
export const comparable = (t: TalentChanges) => [t.kind, t.tier ?? null, t.selectedYear ?? null, t.field, t.fieldNote ?? null, t.leads ?? [], t.note ?? null];
