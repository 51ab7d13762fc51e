import { createHash } from 'node:crypto';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './client.js';

/** drizzle's prepared query on node-postgres (NodePgPreparedQuery): the text it built and the configs it sends. */
interface PreparedQuery<R> {
  execute(): Promise<R>;
  queryString?: unknown;
  rawQueryConfig?: { name?: string };
  queryConfig?: { name?: string };
}
/** A built drizzle query with a named prepared form (drizzle's `.prepare(name)`). */
interface Preparable<R> { prepare(name: string): PreparedQuery<R> }

/** NAMEDATALEN - 1. */
const MAX_NAME = 63;

/** The statement's name: its label and a hash of its text, so each shape of a query has its own. */
function nameOf(label: string, text: string): string {
  const name = `${label}_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
  // PostgreSQL cuts a longer name to 63 bytes without failing, and two cut names could meet: refused here instead.
  if (name.length > MAX_NAME) throw new Error(`语句名过长(${name}),标签应不超过 ${MAX_NAME - 17} 个字符`);
  return name;
}

/**
 * Runs a hot query as a named (prepared) statement, so PostgreSQL parses and plans it once per connection instead of
 * on every request (issue 14: drizzle sends unnamed statements). node-postgres refuses one name with two texts on a
 * connection, and a filter or a scope with more roots changes the text, so the name carries a hash of the text: each
 * shape is prepared once, the values stay bound parameters.
 *
 * The query is built once: drizzle's `.prepare()` builds the text, and the name is set on what it built (building it a
 * second time for `toSQL()` cost a quarter of drizzle's time on the member list, issue 14). Those fields are drizzle's own;
 * should an upgrade rename them, every hot query fails loudly here (and in every test) rather than running unnamed.
 *
 * Row-level security stays exact: the policies read `app.scope` through current_setting() in STABLE functions,
 * evaluated at execution, never folded into a plan (cached generic plans included), and the scope is never a
 * parameter of these statements. members/list-prepared.test.ts runs one statement alternately under two scopes on one connection.
 */
export function runNamed<R>(query: Preparable<R>, label: string): Promise<R> {
  const prepared = query.prepare(label);
  const { queryString, rawQueryConfig, queryConfig } = prepared;
  if (typeof queryString !== 'string' || !rawQueryConfig || !queryConfig) {
    throw new Error('drizzle 的预编译查询结构已变化(queryString/rawQueryConfig/queryConfig),runNamed 需随之更新');
  }
  const name = nameOf(label, queryString);
  rawQueryConfig.name = name;
  queryConfig.name = name;
  return prepared.execute();
}

/**
 * `column = any($1::int[])`: one statement text whatever the number of ids (an IN list has one text per length, so
 * one prepared statement per length).
 */
export function anyOf(column: AnyColumn, ids: readonly number[]): SQL {
  return sql`${column} = any(${sql.param(ids)}::int[])`;
}

/** drizzle's session and dialect on a database or transaction handle: what `db.execute` itself uses. */
interface Executor {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  session: { prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: false): PreparedQuery<unknown> };
}

/**
 * `db.execute(query)` as a named (prepared) statement, for the hot raw statements (the to-do list's and the 驾驶舱's):
 * a long-lived connection parses it once and, once PostgreSQL finds a generic plan as good, plans it once. Measured on
 * the city bench's town (scripts/profile-endpoint.ts): the to-do list's 25 statements 32.8 ms unnamed, 15.5 ms named.
 * Built once, named by its text as runNamed is; the result is what `db.execute` gives.
 */
export function executeNamed<T>(db: DbOrTx, query: SQL, label: string): Promise<{ rows: T[] }> {
  const { dialect, session } = db as unknown as Executor;
  const built = dialect.sqlToQuery(query);
  return session.prepareQuery(built, undefined, nameOf(label, built.sql), false).execute() as Promise<{ rows: T[] }>;
}
