import { customType, integer, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth.js';

/** Photos and documents live in PostgreSQL so that one pg_dump backs up every record with its evidence (decision 005). */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** The columns every attached-file table shares: the name shown, the checked type, the bytes and who uploaded them. */
export const storedFileColumns = () => ({
  name: text('name').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  data: bytea('data').notNull(),
  uploadedBy: integer('uploaded_by').references(() => users.id),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});
