import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { organizations, tenants } from './organizations.js';

/**
 * Party membership of a person (the roster itself is issue 3). The foundation needs only standing
 * and status per organisation, to report the structure rules of the 支部工作条例.
 */
export const members = pgTable('members', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
  standing: text('standing', { enum: ['full', 'probationary'] }).notNull(),
  membershipStatus: text('membership_status', { enum: ['active', 'suspended', 'left'] }).notNull().default('active'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('members_org_idx').on(t.organizationId)]);
