import { ROLES } from '@dj/contracts';
import { bigint, boolean, index, integer, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { enumChecks } from './checks.js';
import { organizations, tenants } from './organizations.js';
import { persons } from './members.js';

/** A sign-in: what it may do and where is its role_grants, the personal data of the human behind it on persons. */
export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  /** Stored lower-case so that case variants share one account and one lockout counter. */
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** The person behind the sign-in; a member sees their own record through it. */
  personId: integer('person_id').references(() => persons.id),
  disabled: boolean('disabled').notNull().default(false),
  /** Account-wide: consecutive failed password checks from any address, and the lock at login.accountMaxFailures. */
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  /** Set with a one-time password (account created or password reset): nothing but a password change until it is cleared. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  /** When the password was last set; 等保 mode (password.maxAgeDays) asks for a new one after that many days. */
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  /** 适老化 (issue 21 point 3): large text and larger controls, chosen by the user in the header, on any device. */
  elderMode: boolean('elder_mode').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A role held at one organisation (issue 12 point 1): the role × permission table says what the role may do, the
 * organisation's subtree where. A secretary of one village who supervises another holds two grants, and a secretary's
 * writes reach only the first. The scope filter reads these and nothing else.
 */
export const roleGrants = pgTable('role_grants', {
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  role: text('role', { enum: ROLES }).notNull(),
  organizationId: integer('organization_id').notNull().references(() => organizations.id),
}, (t) => [primaryKey({ columns: [t.userId, t.role, t.organizationId] }), index('role_grants_organization_idx').on(t.organizationId), ...enumChecks(t)]);

/** Server-side sessions, so any number of API processes can serve the same users. */
export const sessions = pgTable('sessions', {
  /** sha256 of the cookie token: a database leak does not hand out live sessions. */
  id: text('id').primaryKey(),
  /** The number the user's device list ends a session by (登录设备): the token's hash never leaves the server. */
  publicId: serial('public_id').notNull().unique(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  ip: text('ip'),
  /** When this session last re-entered its password (step-up, 安全测试清单第26项); full numbers need it within security.stepUpMinutes. */
  steppedUpAt: timestamp('stepped_up_at', { withTimezone: true }),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/**
 * Failed password checks of one account from one address (issue 12 point 8): locked at login.pairMaxFailures, so a
 * stranger's guesses lock the stranger's address and not the secretary's office; the account-wide count on users is
 * the higher backstop against guesses spread over many addresses.
 */
export const loginFailures = pgTable('login_failures', {
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  address: text('address').notNull(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.userId, t.address] })]);

/**
 * A user's second factor (issue 12 point 3): the TOTP secret, sealed with the field cipher (lib/crypto), so a
 * database copy alone cannot produce codes. Unconfirmed (confirmed_at null) while the user is enrolling.
 */
export const userSecondFactors = pgTable('user_second_factors', {
  userId: integer('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  secretEnc: text('secret_enc').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /** The last time step whose code was accepted: a code of that step or an earlier one is refused (no replay). */
  lastStep: bigint('last_step', { mode: 'number' }),
  /** Wrong codes since the last right one; at the threshold the account locks like after wrong passwords. */
  failedCodes: integer('failed_codes').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Single-use recovery codes, stored as keyed hashes (lib/crypto lookupHash): shown once, never readable again. */
export const secondFactorRecoveryCodes = pgTable('second_factor_recovery_codes', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  codeHash: text('code_hash').notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
}, (t) => [index('second_factor_recovery_codes_user_idx').on(t.userId)]);

/**
 * A sign-in whose password was right but whose second factor is still owed: not a session. Only the two-factor
 * module's sign-in routes accept its cookie, for a few minutes, once.
 */
export const pendingSignIns = pgTable('pending_sign_ins', {
  /** sha256 of the cookie token, like sessions. */
  id: text('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** sha256 of the token the browser sends back in x-csrf-token. */
  csrfHash: text('csrf_hash').notNull(),
  ip: text('ip'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('pending_sign_ins_user_idx').on(t.userId)]);
