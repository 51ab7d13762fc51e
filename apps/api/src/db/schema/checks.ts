import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import { check, type PgColumn } from 'drizzle-orm/pg-core';

const quoted = (value: string) => sql.raw(`'${value.replaceAll("'", "''")}'`);

/**
 * A CHECK for every enum column of a table, named `<table>_<column>_check`, from the column's own list (the
 * contract's array): the database refuses a value the contract does not know, whoever writes it.
 * Called with the extra-config columns, which do not carry the enum lists: those are read off the table itself.
 */
export function enumChecks(extraConfigColumns: Record<string, PgColumn>) {
  const table = Object.values(extraConfigColumns)[0]?.table;
  if (!table) return [];
  return Object.values(getTableColumns(table)).flatMap((column) => {
    const values = column.enumValues;
    if (!values?.length) return [];
    const list = sql.join(values.map(quoted), sql.raw(', '));
    return [check(`${getTableName(table)}_${column.name}_check`, sql`${sql.identifier(column.name)} in (${list})`)];
  });
}
