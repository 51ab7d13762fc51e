import { sql } from 'drizzle-orm';
import type { FastifyRateLimitOptions, FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Db } from '../db/client.js';

interface Count { current: number; ttl: number }

/**
 * The rate-limit counts in PostgreSQL (table rate_limit_counts, UNLOGGED: a crash forgetting a minute's counts is
 * harmless), so that every API process of a deployment (WORKERS, several hosts) counts the same address once
 * (decision 009). One statement per counted request: the upsert opens a new window when the old one has ended.
 */
async function increment(db: Db, key: string, windowMs: number): Promise<Count> {
  const rows = await db.execute<{ hits: number; ttl: number }>(sql`
    insert into rate_limit_counts as c (key, hits, window_ends)
    values (${key}, 1, now() + ${windowMs} * interval '1 millisecond')
    on conflict (key) do update set
      hits = case when c.window_ends <= now() then 1 else c.hits + 1 end,
      window_ends = case when c.window_ends <= now() then excluded.window_ends else c.window_ends end
    returning hits, greatest(0, ceil(extract(epoch from (window_ends - now())) * 1000))::int as ttl`);
  const row = rows.rows[0];
  return { current: Number(row.hits), ttl: Number(row.ttl) };
}

/** Windows that ended more than a minute ago (the audit-anchor job calls this every minute). */
export async function pruneRateLimitCounts(db: Db): Promise<number> {
  const result = await db.execute(sql`delete from rate_limit_counts where window_ends < now() - interval '1 minute'`);
  return result.rowCount ?? 0;
}

/** A store class for @fastify/rate-limit bound to this app's database; each route counts under its own prefix. */
export function postgresRateLimitStore(db: Db) {
  return class PostgresStore implements FastifyRateLimitStore {
    constructor(_options: FastifyRateLimitOptions, private readonly prefix = '') {}

    incr(key: string, callback: (error: Error | null, result?: Count) => void, timeWindow: number): void {
      increment(db, `${this.prefix}${key}`, timeWindow).then((count) => callback(null, count), (err: Error) => callback(err));
    }

    // The plugin hands over the route's merged options, with the route itself under routeInfo (typed loosely there).
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const route = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      return new PostgresStore({}, `${[route.method ?? ''].flat().join(',')} ${route.url ?? ''} `);
    }
  };
}
