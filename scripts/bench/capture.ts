// The SQL an endpoint issues, captured from the app itself: node-postgres' Client.query is wrapped before the
// platform opens its pool, so every statement the app sends (drizzle's, raw ones, the transaction's set_config of
// the row-level-security scope, BEGIN/COMMIT) is recorded with its parameters, row mode and statement name.
import pg from 'pg';
import { rowScopeOf } from '../../apps/api/src/db/client.js';

/** scope: the row scope (app.scope) the app's request was in when it sent the statement. */
export interface Statement { text: string; values?: unknown[]; name?: string; rowMode?: string; scope?: string }
export interface Connection { user?: string; database?: string; host?: string; port?: number; password?: string }

let recording: Statement[] | null = null;
let connection: Connection | null = null;

type QueryFn = (this: pg.Client, ...args: unknown[]) => unknown;
const proto = pg.Client.prototype as unknown as { query: QueryFn; __benchWrapped?: boolean };

/** Call once, before startPlatform: later calls keep the first wrapper. */
export function installCapture(): void {
  if (proto.__benchWrapped) return;
  const original = proto.query;
  proto.query = function wrapped(this: pg.Client, ...args: unknown[]) {
    if (recording) {
      const [first, second] = args;
      // A COPY stream or other submittable is not a statement the replay can send as text.
      const scope = rowScopeOf();
      if (typeof first === 'string') recording.push({ text: first, values: Array.isArray(second) ? second : undefined, scope });
      else if (first && typeof first === 'object' && 'text' in first && !('submit' in first)) {
        const q = first as { text: string; values?: unknown[]; name?: string; rowMode?: string };
        recording.push({ text: q.text, values: q.values ?? (Array.isArray(second) ? second : undefined), name: q.name, rowMode: q.rowMode, scope });
      }
      const params = (this as unknown as { connectionParameters?: Connection }).connectionParameters;
      if (params) connection = { user: params.user, database: params.database, host: params.host, port: params.port, password: params.password };
    }
    return original.apply(this, args);
  };
  proto.__benchWrapped = true;
}

/** Runs `call` (one request to the app) and returns every statement it sent, in order. */
export async function captureDuring(call: () => Promise<void>): Promise<Statement[]> {
  const statements: Statement[] = [];
  recording = statements;
  try { await call(); } finally { recording = null; }
  return statements;
}

/** Who the app's statements ran as (after row-level security, the non-owner role), so the replay runs as the same. */
export const capturedConnection = () => connection;

const WRITE = /^\s*(insert|update|delete)\b/i;
/** The pool's checkout setting of the row scope (db/client.ts): the replay server mirrors it per connection instead. */
export const SCOPE_CHECKOUT = /^\s*select set_config\('app\.scope', \$1, false\)\s*$/i;
const TRANSACTION = /^\s*(begin|commit|rollback|start transaction)\b/i;

/**
 * What the replay sends per request. Reads are sent as captured. A request that writes (sign-in's session,
 * last-seen updates, audit rows) is replayed inside one transaction rolled back at the end, so the same keys can be
 * written again and again; its own BEGIN/COMMIT are dropped, everything else (set_config included) is kept.
 */
export function replayPlan(captured: Statement[]): Statement[] {
  const statements = captured.filter((s) => !SCOPE_CHECKOUT.test(s.text));
  if (!statements.some((s) => WRITE.test(s.text))) return statements;
  const scope = statements[0]?.scope;
  return [{ text: 'begin', scope }, ...statements.filter((s) => !TRANSACTION.test(s.text)), { text: 'rollback', scope }];
}

export function describe(statements: Statement[]): string {
  const writes = statements.filter((s) => WRITE.test(s.text)).length;
  return `${statements.length} statements${writes ? `, ${writes} writes (replayed and rolled back)` : ''}`;
}
