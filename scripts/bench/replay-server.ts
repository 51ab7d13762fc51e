// The floor: a bare node:http server that answers GET /replay/<n> by sending endpoint n's captured statements on a
// pool like the app's (same size, same role), serialising the last result's rows as JSON; and GET /bare, no database.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { SESSION_OPTIONS } from '../../apps/api/src/db/client.js';
import type { Connection, Statement } from './capture.js';

export interface ReplayServer { port: number; register(statements: Statement[]): number; check(n: number): Promise<string | null>; close(): Promise<void> }

export async function startReplayServer(url: string, connection: Connection | null, poolSize = 10): Promise<ReplayServer> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: SESSION_OPTIONS, ...(connection?.user ? { user: connection.user, password: connection.password } : {}) });
  pool.on('error', () => undefined);
  const plans: Statement[][] = [];
  // Like the app's pool (db/client.ts): a connection is told the row scope only when it holds another one.
  const held = new WeakMap<pg.PoolClient, string>();
  const run = async (statements: Statement[]) => {
    const client = await pool.connect();
    let last: pg.QueryResult | undefined;
    try {
      for (const s of statements) {
        if (s.scope !== undefined && (held.get(client) ?? '') !== s.scope) {
          await client.query(`select set_config('app.scope', $1, false)`, [s.scope]);
          held.set(client, s.scope);
        }
        last = await client.query({ text: s.text, values: s.values, name: s.name, rowMode: s.rowMode } as pg.QueryConfig);
      }
    } catch (err) {
      // A failed statement leaves an open transaction behind: end it before the client goes back to the pool.
      await client.query('rollback').catch(() => undefined);
      held.delete(client);
      throw err;
    } finally { client.release(); }
    return last?.rows ?? [];
  };
  const server: Server = createServer((req, res) => {
    if (req.url === '/bare') { res.setHeader('content-type', 'application/json'); res.end('{"status":"ok"}'); return; }
    const n = Number(/^\/replay\/(\d+)$/.exec(req.url ?? '')?.[1] ?? -1);
    if (!plans[n]) { res.statusCode = 404; res.end(); return; }
    run(plans[n]).then((rows) => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify(rows)); },
      (err: Error) => { res.statusCode = 500; res.end(err.message); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    register: (statements) => plans.push(statements) - 1,
    check: async (n) => { try { await run(plans[n]); return null; } catch (err) { return (err as Error).message; } },
    close: async () => { await new Promise<void>((resolve) => server.close(() => resolve())); await pool.end(); },
  };
}
