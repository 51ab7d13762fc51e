import { createHash } from 'node:crypto';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** A built drizzle query: its SQL text and a named prepared form (drizzle's `.prepare(name)`). */
interface Preparable<R> {
  toSQL(): { sql: string };
  prepare(name: string): { execute(placeholders?: Record<string, unknown>): Promise<R> };
}

/**
 * Runs a hot query as a named (prepared) statement, so PostgreSQL parses and plans it once per connection instead of
 * on every request (issue 14: drizzle sends unnamed statements). node-postgres refuses one name with two texts on a
 * connection, and a filter or a scope with more roots changes the text, so the name carries a hash of the text: each
 * shape is prepared once, the values stay bound parameters.
 *
 * Row-level security stays exact: the policies read `app.scope` through current_setting() in STABLE functions,
 * evaluated at execution, never folded into a plan (cached generic plans included), and the scope is never a
 * parameter of these statements. members/list-prepared.test.ts runs one statement alternately under two scopes on one connection.
 */
export function runNamed<R>(query: Preparable<R>, label: string): Promise<R> {
  const hash = createHash('sha1').update(query.toSQL().sql).digest('hex').slice(0, 16);
  return query.prepare(`${label}_${hash}`).execute();
}

/**
 * `column = any($1::int[])`: one statement text whatever the number of ids (an IN list has one text per length, so
 * one prepared statement per length).
 */
export function anyOf(column: AnyColumn, ids: readonly number[]): SQL {
  return sql`${column} = any(${sql.param(ids)}::int[])`;
}
