import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema/index.js';

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
/** A transaction handle; repositories accept either so services decide the transaction boundary. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

/**
 * The connect timeout bounds how long a request waits for a connection while the database is away
 * (/readyz has its own one-second limit). Tests pass a long one: on a loaded CI machine a connect
 * can take over a second, and a test must not fail for that.
 */
export function openDatabase(url: string, max = 10, connectTimeoutMs = 5000): Database {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: connectTimeoutMs, idleTimeoutMillis: 30_000 });
  // An idle client losing its server must not crash the process; the next query reports the outage.
  pool.on('error', () => undefined);
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}
