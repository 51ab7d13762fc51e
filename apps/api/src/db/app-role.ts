import pg from 'pg';

/**
 * The platform's own database role (docs/decisions/008): it owns nothing, so the row-level security policies apply to
 * it, while the owner runs migrations, the CLIs and pg-boss. Embedded mode creates it; on a server the operator does
 * (README) and the platform grants it what it needs after every migration.
 */
export const APP_ROLE = 'dj_app';

/** Roles are cluster-wide: another process may be creating the same one at the same moment. */
const ROLE_LOCK = 7_340_202;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Creates the login role if it is missing and sets its password (idempotent; safe when run concurrently). */
export async function ensureAppRole(ownerUrl: string, password: string, role = APP_ROLE): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [ROLE_LOCK]);
    const found = await client.query('select 1 from pg_roles where rolname = $1', [role]);
    const verb = found.rowCount ? 'alter' : 'create';
    try {
      await client.query(`${verb} role ${ident(role)} login nosuperuser nocreatedb nocreaterole nobypassrls password ${literal(password)}`);
    } catch (err) {
      // A process using another database of the same cluster (its own advisory lock space) created it first.
      // (42710/23505), or altered it at the same moment (XX000 "tuple concurrently updated").
      if (!['42710', '23505', 'XX000'].includes((err as { code?: string }).code ?? '')) throw err;
      await client.query(`alter role ${ident(role)} login password ${literal(password)}`);
    }
  } finally {
    await client.query('select pg_advisory_unlock($1)', [ROLE_LOCK]).catch(() => undefined);
    await client.end();
  }
}

/**
 * After every migration, as the owner: the application role may read and write every table and sequence of `public`
 * (and those later migrations create), but may not rewrite or empty the audit trail.
 */
export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  const r = ident(role);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`
      grant usage on schema public to ${r};
      grant select, insert, update, delete on all tables in schema public to ${r};
      grant usage, select, update on all sequences in schema public to ${r};
      alter default privileges in schema public grant select, insert, update, delete on tables to ${r};
      alter default privileges in schema public grant usage, select, update on sequences to ${r};
      revoke update, delete, truncate on audit_events from ${r};
    `);
  } finally {
    await client.end();
  }
}

/** The user name a connection URL signs in as. */
export const roleOf = (url: string) => decodeURIComponent(new URL(url).username);

/** The same database as `url`, signed in as `role` with `password`. */
export function urlAs(url: string, role: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(role);
  u.password = encodeURIComponent(password);
  return u.toString();
}
