import { and, desc, eq, inArray, isNull, max } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { flowContacts, memberFlows, members, organizations, persons, transferLetters, users } from '../../db/schema/index.js';
import { scopeFilter, type Scope, inSubtree } from '../../db/scope.js';
import { groupedBy } from '../../lib/group.js';
import { runNamed } from '../../db/prepared.js';

export async function insertFlow(db: DbOrTx, values: typeof memberFlows.$inferInsert) {
  const [row] = await db.insert(memberFlows).values(values).returning({ id: memberFlows.id });
  return row.id;
}

export async function findFlow(db: DbOrTx, memberId: number, flowId: number) {
  const [row] = await db.select().from(memberFlows).where(and(eq(memberFlows.id, flowId), eq(memberFlows.memberId, memberId))).limit(1);
  return row;
}

export async function openFlow(db: DbOrTx, memberId: number) {
  const [row] = await db.select().from(memberFlows).where(and(eq(memberFlows.memberId, memberId), isNull(memberFlows.endedOn))).limit(1);
  return row;
}

export async function endFlow(db: DbOrTx, flowId: number, endedOn: string) {
  await db.update(memberFlows).set({ endedOn }).where(eq(memberFlows.id, flowId));
}

export async function insertContact(db: DbOrTx, values: typeof flowContacts.$inferInsert) {
  await db.insert(flowContacts).values(values);
}

export async function flowsOf(db: DbOrTx, memberId: number) {
  const flows = await db.select().from(memberFlows).where(eq(memberFlows.memberId, memberId)).orderBy(desc(memberFlows.startedOn));
  const contacts = flows.length ? await db.select({
    id: flowContacts.id, flowId: flowContacts.flowId, contactedOn: flowContacts.contactedOn, method: flowContacts.method,
    note: flowContacts.note, recordedBy: users.displayName,
  }).from(flowContacts).leftJoin(users, eq(users.id, flowContacts.recordedBy))
    .where(inArray(flowContacts.flowId, flows.map((f) => f.id))).orderBy(desc(flowContacts.contactedOn)) : [];
  const contactsOf = groupedBy(contacts, (c) => c.flowId);
  return flows.map((f) => ({ ...f, contacts: contactsOf.get(f.id) ?? [] }));
}

export async function insertLetter(db: DbOrTx, values: typeof transferLetters.$inferInsert) {
  const [row] = await db.insert(transferLetters).values(values).returning({ id: transferLetters.id });
  return row.id;
}

export async function findLetter(db: DbOrTx, memberId: number, letterId: number) {
  const [row] = await db.select().from(transferLetters).where(and(eq(transferLetters.id, letterId), eq(transferLetters.memberId, memberId))).limit(1);
  return row;
}

export async function letterNoTaken(db: DbOrTx, tenantId: number, letterNo: string) {
  const [row] = await db.select({ id: transferLetters.id }).from(transferLetters).where(and(eq(transferLetters.tenantId, tenantId), eq(transferLetters.letterNo, letterNo))).limit(1);
  return !!row;
}

export async function setReceipt(db: DbOrTx, letterId: number, receiptReturnedOn: string) {
  await db.update(transferLetters).set({ receiptReturnedOn }).where(eq(transferLetters.id, letterId));
}

export async function lettersOf(db: DbOrTx, memberId: number) {
  return db.select().from(transferLetters).where(eq(transferLetters.memberId, memberId)).orderBy(desc(transferLetters.issuedOn));
}

/** Open flows in scope with their last contact, for the to-do list. */
export async function openFlowsInScope(db: DbOrTx, scope: Scope, underPath?: string) {
  const lastContact = db.select({ flowId: flowContacts.flowId, last: max(flowContacts.contactedOn).as('last') }).from(flowContacts).groupBy(flowContacts.flowId).as('last_contact');
  return runNamed(db.select({
    memberId: members.id, memberName: persons.name, organizationName: organizations.name, organizationPath: organizations.path,
    startedOn: memberFlows.startedOn, hasFixedPlace: memberFlows.hasFixedPlace, direction: memberFlows.direction, lastContactOn: lastContact.last,
  }).from(memberFlows)
    .innerJoin(members, eq(members.id, memberFlows.memberId))
    .innerJoin(persons, eq(persons.id, members.personId))
    .innerJoin(organizations, eq(organizations.id, members.organizationId))
    .leftJoin(lastContact, eq(lastContact.flowId, memberFlows.id))
    .where(and(scopeFilter(organizations, scope), underPath ? inSubtree(organizations.path, underPath) : undefined,
      isNull(memberFlows.endedOn), eq(members.membershipStatus, 'active'))), 'open_flows');
}

/** Letters in scope whose receipt has not come back. */
export async function openLettersInScope(db: DbOrTx, scope: Scope, underPath?: string) {
  return runNamed(db.select({
    memberId: members.id, memberName: persons.name, organizationName: organizations.name, organizationPath: organizations.path,
    letterNo: transferLetters.letterNo, issuedOn: transferLetters.issuedOn, validDays: transferLetters.validDays,
  }).from(transferLetters)
    .innerJoin(members, eq(members.id, transferLetters.memberId))
    .innerJoin(persons, eq(persons.id, members.personId))
    .innerJoin(organizations, eq(organizations.id, members.organizationId))
    .where(and(scopeFilter(organizations, scope), underPath ? inSubtree(organizations.path, underPath) : undefined,
      isNull(transferLetters.receiptReturnedOn))), 'open_letters');
}
