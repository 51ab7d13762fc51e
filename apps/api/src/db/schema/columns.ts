import { customType } from 'drizzle-orm/pg-core';

/** Photos and documents live in PostgreSQL so that one pg_dump backs up every record with its evidence (decision 005). */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
