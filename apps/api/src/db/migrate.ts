import { join } from 'node:path';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { apiRoot } from '../paths.js';

const migrationsFolder = join(apiRoot, 'src/db/migrations');
/** Any constant: several API processes starting together must not apply the same migration twice. */
const MIGRATION_LOCK = 7_340_201;

export async function migrateDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(client), { migrationsFolder });
    // What reads stored as built (docs/decisions/014) was built by the code that ran before this start: built again.
    await client.query('delete from town_reads; delete from district_boards');
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
