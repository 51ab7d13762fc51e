import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema/index.js';
import type { Scope } from './scope.js';

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
 * The row scope (docs/decisions/008): the value of the `app.scope` setting the row-level security policies read.
 * `''` is nothing (the value outside any scope), `'*'` the system, `'<tenant>:<path>,<path>'` a user's subtrees.
 * Kept per request/job in an AsyncLocalStorage as a mutable holder, so the auth hook can narrow it once the session is read.
 */
export interface RowScope {
  value: string;
  /**
   * What one request reads once (`perRequest`): a request's own holder has one, and so does a nested run that asks for
   * its own (`withRowScope(…, true)`: a district's read of one town, in a request or in the snapshot job); a job's own
   * holder never.
   */
  memo?: Map<string, Promise<unknown>>;
}
export const SYSTEM_SCOPE = '*';
const rowScope = new AsyncLocalStorage<RowScope>();

/** The setting's value for a user's scope; no subtree is nothing, as in `scopeFilter`. */
export function dbScopeOf(scope: Scope): string {
  return scope.paths.length ? `${scope.tenantId}:${scope.paths.join(',')}` : '';
}

/** The row scope of the current request or job ('' outside any). */
export function rowScopeOf(): string {
  return rowScope.getStore()?.value ?? '';
}

/**
 * Runs `fn` (and everything it starts) with the row scope `value`. Awaited inside: a drizzle query is lazy, and one
 * returned unawaited would run after the scope is left. `memo`: `perRequest` reads once within this run, for a bounded
 * read such as one town's 驾驶舱; the memo ends with the run.
 */
export function withRowScope<T>(value: string, fn: () => T | PromiseLike<T>, memo = false): Promise<T> {
  return rowScope.run(memo ? { value, memo: new Map() } : { value }, async () => await fn());
}

/**
 * Enters a row scope for the rest of the current execution (a Fastify hook cannot wrap the handler). Must be called
 * before the hook's first await, so the continuation Fastify registers on the hook's promise inherits it.
 */
export function enterRowScope(value: string): RowScope {
  const holder: RowScope = { value, memo: new Map() };
  rowScope.enterWith(holder);
  return holder;
}

/**
 * A lookup that must see across villages on purpose, as the system ('*'). Each call site says why: the backstop is
 * off inside. On a pool the checkouts get '*'; inside a transaction (whose connection already holds the caller's
 * value) the setting is switched for the transaction and switched back afterwards.
 */
export async function acrossScope<T>(db: DbOrTx, fn: () => PromiseLike<T>): Promise<T> {
  const before = rowScopeOf();
  if (before === SYSTEM_SCOPE) return await fn();
  if (!('$client' in db)) {
    await db.execute(sql`select set_config('app.scope', ${SYSTEM_SCOPE}, true)`);
    try {
      return await fn();
    } finally {
      await db.execute(sql`select set_config('app.scope', ${before}, true)`);
    }
  }
  return withRowScope(SYSTEM_SCOPE, fn);
}

/**
 * Within one HTTP request, `read` runs once per key and every later caller gets its answer (a town's settings, read by
 * each module's rules: 8 of the to-do list's 29 statements were the same tenant's settings), and within a nested run
 * that holds its own memo (one town's 驾驶舱 read by the district). Elsewhere (jobs, the seed, tests calling services)
 * it simply reads: those may write what they read, and a job may run long.
 */
export function perRequest<T>(key: string, read: () => Promise<T>): Promise<T> {
  const memo = rowScope.getStore()?.memo;
  if (!memo) return read();
  const known = memo.get(key) as Promise<T> | undefined;
  if (known) return known;
  const reading = read();
  memo.set(key, reading);
  reading.catch(() => memo.delete(key));
  return reading;
}

/** A write in the request makes its earlier reading of `key` stale. */
export function forgetPerRequest(key: string): void {
  rowScope.getStore()?.memo?.delete(key);
}

const HELD = Symbol('app.scope');
type ScopedClient = pg.PoolClient & { [HELD]?: string };
type ConnectCallback = (err: Error | undefined, client?: pg.PoolClient, done?: pg.PoolClient['release']) => void;

/**
 * Every `pool.query` and every drizzle transaction checks a connection out through `connect`: the caller's row scope
 * is set there, before the first query, on each connection that does not hold it already (one round trip when it
 * changes, none otherwise). Session-level, so services keep their own transaction boundaries.
 */
function scopeCheckouts(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const scoped = async (wanted: string): Promise<pg.PoolClient> => {
    const client = (await connect()) as ScopedClient;
    if ((client[HELD] ?? '') !== wanted) {
      try {
        await client.query(`select set_config('app.scope', $1, false)`, [wanted]);
      } catch (err) {
        client.release(err as Error);
        throw err;
      }
      client[HELD] = wanted;
    }
    return client;
  };
  pool.connect = ((callback?: ConnectCallback) => {
    const checkout = scoped(rowScopeOf());
    if (!callback) return checkout;
    checkout.then((client) => callback(undefined, client, client.release), (err: Error) => callback(err));
    return undefined;
  }) as typeof pool.connect;
}

/**
 * The connect timeout bounds how long a request waits for a connection while the database is away
 * (/readyz has its own one-second limit). Tests pass a long one: on a loaded CI machine a connect
 * can take over a second, and a test must not fail for that.
 */
/** Each connection's session settings, also replayed by the bench's SQL floor. */
export const SESSION_OPTIONS = '-c jit=off';

export function openDatabase(url: string, max = 10, connectTimeoutMs = 5000): Database {
  // jit off (decision 012): the platform's statements are short, and PostgreSQL's JIT compiled the 驾驶舱's 党费 statement for
  // 48 ms of its 172 ms on a city-scale town; the JIT only pays back on scans that run for seconds, which we do not serve.
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: connectTimeoutMs, idleTimeoutMillis: 30_000, options: SESSION_OPTIONS });
  // An idle client losing its server must not crash the process; the next query reports the outage.
  pool.on('error', () => undefined);
  scopeCheckouts(pool);
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}
