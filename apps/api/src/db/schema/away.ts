import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { AWAY_CONTACT_METHODS, AWAY_EMPLOYER_KINDS, AWAY_LIAISON_KINDS } from '@dj/contracts';
import { users } from './auth.js';
import { enumChecks } from './checks.js';
import { persons } from './members.js';
import { organizations, tenants } from './organizations.js';

/**
 * 在外人才 (issue 15 point 7): a person of a village (its branch) working elsewhere, member or not. Party membership and
 * the 流动党员 entry are read from the roster, never copied. Returning (回流) closes the record: returned_on and what for.
 */
export const awayTalents = pgTable('away_talents', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  personId: integer('person_id').notNull().references(() => persons.id),
  place: text('place').notNull(),
  occupation: text('occupation').notNull(),
  employerKind: text('employer_kind', { enum: AWAY_EMPLOYER_KINDS }).notNull(),
  employer: text('employer'),
  skills: text('skills'),
  leftOn: date('left_on'),
  registeredOn: date('registered_on').notNull(),
  returnedOn: date('returned_on'),
  returnPurpose: text('return_purpose'),
  returnSupport: text('return_support'),
  /** Handed to the talent registry (人才库) after returning: recorded only. */
  handedOn: date('handed_on'),
  handedNote: text('handed_note'),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('away_talents_org_idx').on(t.organizationId),
  // One open (not returned) record per person.
  uniqueIndex('away_talents_open_uq').on(t.personId).where(sql`${t.returnedOn} is null`),
  ...enumChecks(t),
]);

/** The contact log: who contacted the person, when, how, and what was said (append-only). */
export const awayContacts = pgTable('away_contacts', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  awayTalentId: integer('away_talent_id').notNull().references(() => awayTalents.id),
  contactedOn: date('contacted_on').notNull(),
  method: text('method', { enum: AWAY_CONTACT_METHODS }).notNull(),
  contactedBy: text('contacted_by').notNull(),
  content: text('content').notNull(),
  recordedBy: integer('recorded_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('away_contacts_talent_idx').on(t.awayTalentId, t.contactedOn), ...enumChecks(t)]);

/**
 * A liaison organisation (劳动就业部门, 驻外流动党组织) of the town (its 党委) or of a village, with its contact person;
 * the phone is sealed like a member's (encrypted, masked in lists, full only on an audited request).
 */
export const awayLiaisons = pgTable('away_liaisons', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  kind: text('kind', { enum: AWAY_LIAISON_KINDS }).notNull(),
  name: text('name').notNull(),
  place: text('place'),
  contactName: text('contact_name'),
  contactPhoneEnc: text('contact_phone_enc'),
  contactPhoneMasked: text('contact_phone_masked'),
  note: text('note'),
  createdBy: integer('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('away_liaisons_org_idx').on(t.organizationId), ...enumChecks(t)]);

/** Which people away a liaison organisation keeps in touch with; organization_id is the person's village (for scope). */
export const awayLiaisonPeople = pgTable('away_liaison_people', {
  liaisonId: integer('liaison_id').notNull().references(() => awayLiaisons.id),
  awayTalentId: integer('away_talent_id').notNull().references(() => awayTalents.id),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
}, (t) => [primaryKey({ columns: [t.liaisonId, t.awayTalentId] }), index('away_liaison_people_talent_idx').on(t.awayTalentId)]);
