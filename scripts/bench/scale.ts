// npm run bench -- --scale <s>: builds (or reuses) the synthetic district of that size (a district tenant and its towns,
// each town a tenant, decision 011) in its own database on the PostgreSQL server at BENCH_PG_URL, with the project's
// migrations, field cipher and password hashing, loaded by COPY.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { todayInShanghai } from '@dj/contracts';
import { migrateDatabase } from '../../apps/api/src/db/migrate.js';
import { openDatabase } from '../../apps/api/src/db/client.js';
import { createFieldCipher } from '../../apps/api/src/lib/crypto.js';
import { hashPassword } from '../../apps/api/src/modules/auth/index.js';
import { ensureDefaultTemplates } from '../../apps/api/src/modules/activities/index.js';
import { ensureExampleSchemes } from '../../apps/api/src/modules/assessment/index.js';
import { resetSequences } from './copy.js';
import { BENCH_DISTRICT_USER, copyAccounts, generateOrganisations } from './gen-orgs.js';
import { generatePeople } from './gen-people.js';
import { generateLife } from './gen-life.js';
import { generateStudy } from './gen-study.js';
import { generateDisclosures, generateInspections, generateRecruitment } from './gen-work.js';
import { GENERATOR_VERSION, planOf, type Scale, type ScalePlan } from './scale-plan.js';

export const BENCH_PASSWORD = 'Bench-password-2026';
/** Fixed keys, so a kept database opens in every later run (never used outside the bench's own databases). */
export const BENCH_ENCRYPTION_KEY = createHash('sha256').update('dj bench field key').digest().toString('base64');
export const BENCH_AUDIT_KEY = createHash('sha256').update('dj bench audit key').digest().toString('base64');

export interface Generation { database: string; url: string; reused: boolean; seconds: number; bytes: number; rows: Record<string, number>; members: number; branches: number; towns: number; districtUser: string }

let serverUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const urlOf = (database: string) => { const u = new URL(serverUrl); u.pathname = `/${database}`; return u.toString(); };

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try { return await fn(c); } finally { await c.end(); }
}

/** The kept database's version note (COMMENT ON DATABASE), or null when there is none. */
async function versionOf(database: string): Promise<string | null> {
  return admin(async (c) => (await c.query<{ v: string | null }>(
    'select shobj_description(oid, \'pg_database\') as v from pg_database where datname = $1', [database])).rows[0]?.v ?? null);
}

async function sizeOf(database: string): Promise<number> {
  return admin(async (c) => Number((await c.query<{ n: string }>('select pg_database_size($1) as n', [database])).rows[0].n));
}

/** `options` (the generator's test): another plan and server than the scale's own. */
export async function ensureScale(scale: Scale, log: (line: string) => void, options: { plan?: ScalePlan; server?: string } = {}): Promise<Generation> {
  const plan = options.plan ?? planOf(scale);
  if (options.server) serverUrl = options.server;
  const url = urlOf(plan.database);
  const version = `${GENERATOR_VERSION} towns=${plan.towns}`;
  const kept = await versionOf(plan.database);
  if (kept?.startsWith(version)) {
    const meta = JSON.parse(kept.slice(version.length + 1)) as Omit<Generation, 'reused' | 'bytes' | 'url' | 'database'>;
    log(`scale ${scale}: reusing ${plan.database} (${kept.slice(0, version.length)})`);
    return { ...meta, database: plan.database, url, reused: true, bytes: await sizeOf(plan.database) };
  }
  log(`scale ${scale}: generating ${plan.database} (a district of ${plan.towns} town tenants × ${plan.branchesPerTown} branches)…`);
  const started = performance.now();
  await admin(async (c) => {
    await c.query(`drop database if exists ${plan.database} with (force)`);
    await c.query(`create database ${plan.database}`);
  });
  await migrateDatabase(url);
  const cipher = createFieldCipher(Buffer.from(BENCH_ENCRYPTION_KEY, 'base64'));
  const today = todayInShanghai();
  const rows: Record<string, number> = {};
  const database = openDatabase(url, 2);
  const client = await database.pool.connect();
  let mark = performance.now();
  const note = (table: string, n: number) => {
    const now = performance.now();
    rows[table] = n;
    log(`  ${table}: ${n.toLocaleString('en')} rows in ${((now - mark) / 1000).toFixed(1)} s (${Math.round(n / Math.max(0.001, (now - mark) / 1000)).toLocaleString('en')} rows/s)`);
    mark = now;
  };
  let layout;
  try {
    await client.query('set synchronous_commit = off');
    await client.query('begin');
    layout = await generateOrganisations(client, plan);
    note('organizations', layout.organizations);
    await generatePeople(client, layout, cipher, today, plan.duesMonths, note);
    await copyAccounts(client, layout, await hashPassword(BENCH_PASSWORD));
    note('users', layout.users ?? 0);
    await generateLife(client, layout, today, note);
    await generateStudy(client, layout, today, note);
    await generateRecruitment(client, layout, cipher, today, note);
    await generateDisclosures(client, layout, today, note);
    await generateInspections(client, layout, today, note);
    await resetSequences(client);
    await client.query('commit');
    // What createTenant gives every town besides its rows: the checklist templates and the example assessment schemes.
    for (const town of layout.towns) await database.db.transaction(async (tx) => {
      await ensureDefaultTemplates(tx, town.tenantId);
      await ensureExampleSchemes(tx, town.tenantId);
    });
    note('templates and example schemes (per town)', layout.towns.length);
    await client.query('vacuum analyze');
    note('vacuum analyze', 0);
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
    await database.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const meta = { seconds, rows, members: layout.members, branches: layout.branches.length, towns: layout.towns.length, districtUser: BENCH_DISTRICT_USER };
  await admin((c) => c.query(`comment on database ${plan.database} is '${version} ${JSON.stringify(meta).replaceAll("'", "''")}'`));
  const bytes = await sizeOf(plan.database);
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  log(`scale ${scale}: generated in ${seconds.toFixed(0)} s, ${total.toLocaleString('en')} rows (${Math.round(total / seconds).toLocaleString('en')} rows/s), ${(bytes / 2 ** 30).toFixed(2)} GB`);
  return { ...meta, database: plan.database, url, reused: false, bytes };
}
