import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { APP_ROLE, ensureAppRole, grantAppRole } from '../src/db/app-role.js';
import { openDatabase } from '../src/db/client.js';
import { makeTraversable, startEmbeddedPostgres } from '../src/db/embedded.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { seedDemoTown } from '../src/demo/index.js';
import { DEMO_PASSWORD, TEST_APP_PASSWORD, withDatabase } from './database-url.js';
import { testCipher } from './context.js';

/**
 * Once per run and project (api, e2e): a PostgreSQL (TEST_DATABASE_URL's server, as in CI, or an embedded one), and a
 * template database migrated and seeded with the demo town. Each test file clones it (test/context.ts).
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let dir: string | undefined;
  if (!adminUrl) {
    dir = mkdtempSync(join(tmpdir(), 'dj-test-pg-'));
    makeTraversable(dir);
    const embedded = await startEmbeddedPostgres(dir);
    adminUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  // api and e2e each run this setup in the same process: the project name keeps their databases apart.
  const templateDb = `dj_tpl_${process.pid}_${project.name}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${templateDb}`);
  await admin.query(`create database ${templateDb}`);
  await admin.end();
  const templateUrl = withDatabase(adminUrl, templateDb);
  await migrateDatabase(templateUrl);
  // The apps under test run as the application role, as in production (docs/decisions/008). Roles are cluster-wide and CI
  // starts from a fresh server: create it if missing (idempotent, safe beside other runs); clones inherit the grants.
  await ensureAppRole(adminUrl, TEST_APP_PASSWORD);
  await grantAppRole(templateUrl, APP_ROLE);
  const database = openDatabase(templateUrl, 2, 30_000);
  await seedDemoTown(database.db, DEMO_PASSWORD, testCipher());
  await database.close();

  project.provide('dbAdminUrl', adminUrl);
  project.provide('templateDb', templateDb);

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname = $1 or datname like $2`, [templateDb, `${templateDb.replace('dj_tpl_', 'dj_t_')}_%`]);
    for (const r of rows) await client.query(`drop database if exists ${r.datname} with (force)`);
    await client.end();
    await stopEmbedded?.();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
