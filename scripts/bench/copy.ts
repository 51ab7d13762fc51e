// COPY … FROM STDIN in text format, fed from drizzle-shaped rows: the generator writes rows typed against the
// project's own tables ($inferInsert), so a schema change breaks the generator at compile time, not at load.
import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

const escape = (s: string) => s.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));

function arrayLiteral(items: unknown[]): string {
  return `{${items.map((x) => `"${String(x).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

function field(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value.every((x) => typeof x === 'string')) return escape(arrayLiteral(value));
  if (typeof value === 'object') return escape(JSON.stringify(value));
  return escape(String(value));
}

/**
 * Streams `rows` (any iterable, generated lazily) into `table` with one COPY. The column list is the keys of
 * the first row; every row must carry the same keys (undefined is written as NULL, not as the default).
 */
export async function copyRows<T extends Table>(client: pg.PoolClient | pg.Client, table: T, rows: Iterable<T['$inferInsert']>): Promise<number> {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const iterator = rows[Symbol.iterator]();
  const first = iterator.next();
  if (first.done) return 0;
  const keys = Object.keys(first.value as object);
  const names = keys.map((k) => {
    if (!columns[k]) throw new Error(`${getTableName(table)}: no column for ${k}`);
    return `"${columns[k].name}"`;
  });
  let count = 0;
  const line = (row: Record<string, unknown>) => { count++; return `${keys.map((k) => field(row[k])).join('\t')}\n`; };
  // Batches of lines, so the stream's per-chunk overhead does not dominate a million-row table.
  function* chunks() {
    let buffer: string[] = [line(first.value as Record<string, unknown>)];
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      buffer.push(line(next.value as Record<string, unknown>));
      if (buffer.length >= 2000) { yield buffer.join(''); buffer = []; }
    }
    if (buffer.length) yield buffer.join('');
  }
  // The town version's deferred trigger (migration 0060) would queue one event per row until the commit (26 M for the
  // largest scale's attendance): off for the load, which no stored build can have seen.
  const name = getTableName(table);
  const touched = (await client.query(`select 1 from pg_trigger where tgrelid = $1::regclass and tgname = 'town_touch'`, [`"${name}"`])).rowCount;
  if (touched) await client.query(`alter table "${name}" disable trigger town_touch`);
  try {
    const sink = client.query(copyFrom(`copy "${name}" (${names.join(', ')}) from stdin`));
    await pipeline(Readable.from(chunks()), sink);
  } finally {
    if (touched) await client.query(`alter table "${name}" enable trigger town_touch`);
  }
  return count;
}

/** After explicit ids: move each serial's sequence past the highest id, so the app's own inserts keep working. */
export async function resetSequences(client: pg.PoolClient | pg.Client): Promise<void> {
  await client.query(`do $$ declare r record; begin
    for r in select s.relname as seq, t.relname as tbl, a.attname as col from pg_class s
      join pg_depend d on d.objid = s.oid join pg_class t on t.oid = d.refobjid
      join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
      join pg_namespace n on n.oid = s.relnamespace
      where s.relkind = 'S' and n.nspname = 'public' loop
      execute format('select setval(%L, coalesce((select max(%I) from %I), 0) + 1, false)', r.seq, r.col, r.tbl);
    end loop; end $$`);
}
