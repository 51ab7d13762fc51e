// The bench's scale generator (scripts/bench) writes by COPY around the app's services: this checks that what it
// writes is a tenant the app serves, so a schema or contract change that the generator misses fails here, not
// in a bench run (a made-up occupation once made every member list answer 500).
import { afterAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { APP_ROLE, grantAppRole, urlAs } from '../src/db/app-role.js';
import { createFieldCipher } from '../src/lib/crypto.js';
import { configureTestAuditChain, signIn, testConfig, TEST_CONNECT_TIMEOUT_MS } from './context.js';
import { TEST_APP_PASSWORD } from './database-url.js';
import { BENCH_ENCRYPTION_KEY, BENCH_PASSWORD, ensureScale } from '../../../scripts/bench/scale.js';
import { planOf } from '../../../scripts/bench/scale-plan.js';
import type { FastifyInstance } from 'fastify';

/**
 * Named like the run's database clones, so the global teardown drops it with them: dropping it here, in afterAll,
 * waited over the 10 s hook limit once while another worker's files were writing (CI 2026-12-07, two workers).
 */
const databaseName = () => `${inject('templateDb').replace('dj_tpl_', 'dj_t_')}_bench_gen`;
let app: FastifyInstance;
let appDatabase: Database;
let generated: Awaited<ReturnType<typeof ensureScale>>;

afterAll(async () => {
  await app?.close();
  await appDatabase?.close();
});

describe('bench scale generator', () => {
  // Generation runs in the first test, not a hook: migrating and filling a database is test work (the test limit).
  it('fills every table the hot endpoints read', async () => {
    configureTestAuditChain();
    // Two towns of three small branches: every generated table gets rows.
    const plan = { ...planOf('county'), database: databaseName(), towns: 2, branchesPerTown: 3, meanBranchSize: 10, duesMonths: 2 };
    generated = await ensureScale('county', () => undefined, { plan, server: inject('dbAdminUrl') });
    await grantAppRole(generated.url, APP_ROLE);
    appDatabase = openDatabase(urlAs(generated.url, APP_ROLE, TEST_APP_PASSWORD), 2, TEST_CONNECT_TIMEOUT_MS);
    const cipher = createFieldCipher(Buffer.from(BENCH_ENCRYPTION_KEY, 'base64'));
    app = await buildApp({ config: testConfig({ ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY }), db: appDatabase.db, cipher, logger: false });
    for (const table of ['persons', 'members', 'member_flows', 'dues_payments', 'activities', 'attendances', 'recruitments', 'recruitment_steps', 'disclosures', 'inspection_results']) {
      expect(generated.rows[table], table).toBeGreaterThan(0);
    }
    expect(generated.towns).toBe(2);
  });

  it('is a tenant the app serves to the whole tenant, a town and a village secretary', async () => {
    const { rows } = await appDatabase.pool.query<{ username: string }>("select username from users where username like 'sj%' order by id limit 1");
    for (const username of ['admin', 'town1', rows[0].username]) {
      const session = await signIn(app, username, BENCH_PASSWORD);
      for (const url of ['/api/members?pageSize=20', '/api/members?q=建国', '/api/organizations?range=subtree', '/api/compliance', '/api/tasks', '/api/recruitment/board']) {
        const res = await session.get(url);
        expect(res.statusCode, `${username} ${url}: ${res.body.slice(0, 200)}`).toBe(200);
      }
    }
  });

  it('opens the personal numbers it sealed with the app cipher, and publishes village pages', async () => {
    const session = await signIn(app, 'admin', BENCH_PASSWORD);
    const list = (await session.get('/api/members?pageSize=1')).json() as { items: { id: number; idNumberMasked?: string }[] };
    expect(list.items).toHaveLength(1);
    const owner = new pg.Client({ connectionString: generated.url });
    await owner.connect();
    const { rows } = await owner.query<{ id_number_enc: string; code: string }>(
      'select p.id_number_enc, (select code from villages limit 1) as code from persons p limit 1');
    await owner.end();
    expect(createFieldCipher(Buffer.from(BENCH_ENCRYPTION_KEY, 'base64')).decrypt(rows[0].id_number_enc)).toMatch(/^\d{17}[\dX]$/);
    expect((await app.inject({ url: `/public/villages/${rows[0].code}` })).statusCode).toBe(200);
  });
});
