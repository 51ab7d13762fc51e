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
    // A district of two towns (two tenants) of three small branches: every generated table gets rows.
    const plan = { ...planOf('county'), database: databaseName(), towns: 2, branchesPerTown: 3, meanBranchSize: 10, duesMonths: 2 };
    generated = await ensureScale('county', () => undefined, { plan, server: inject('dbAdminUrl') });
    await grantAppRole(generated.url, APP_ROLE);
    appDatabase = openDatabase(urlAs(generated.url, APP_ROLE, TEST_APP_PASSWORD), 2, TEST_CONNECT_TIMEOUT_MS);
    const cipher = createFieldCipher(Buffer.from(BENCH_ENCRYPTION_KEY, 'base64'));
    app = await buildApp({ config: testConfig({ ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY }), db: appDatabase.db, cipher, logger: false });
    for (const table of ['persons', 'members', 'member_flows', 'dues_payments', 'activities', 'attendances', 'recruitments', 'recruitment_steps', 'disclosures', 'inspection_results', 'training_sessions', 'training_attendees']) {
      expect(generated.rows[table], table).toBeGreaterThan(0);
    }
    expect(generated.towns).toBe(2);
  });

  it('makes a district tenant and a tenant per town, every row in its town\'s tenant', async () => {
    const owner = new pg.Client({ connectionString: generated.url });
    await owner.connect();
    try {
      const tenants = (await owner.query<{ id: number; kind: string; district_id: number | null }>('select id, kind, district_id from tenants order by id')).rows;
      const district = tenants.filter((t) => t.kind === 'district');
      expect(district).toHaveLength(1);
      expect(tenants.filter((t) => t.kind === 'town').map((t) => t.district_id)).toEqual([district[0].id, district[0].id]);
      // One root organisation per tenant: the 区委组织部 and each town's 党委.
      const roots = (await owner.query<{ tenant_id: number }>('select tenant_id from organizations where parent_id is null order by tenant_id')).rows;
      expect(roots.map((r) => r.tenant_id)).toEqual(tenants.map((t) => t.id));
      const strays = await owner.query<{ n: string }>(`select
        (select count(*) from organizations c join organizations p on p.id = c.parent_id where c.tenant_id <> p.tenant_id)
        + (select count(*) from members m join organizations o on o.id = m.organization_id where m.tenant_id <> o.tenant_id)
        + (select count(*) from persons p join members m on m.person_id = p.id where p.tenant_id <> m.tenant_id)
        + (select count(*) from activities a join organizations o on o.id = a.organization_id where a.tenant_id <> o.tenant_id)
        + (select count(*) from recruitments r join organizations o on o.id = r.organization_id where r.tenant_id <> o.tenant_id)
        + (select count(*) from disclosures d join organizations o on o.id = d.organization_id where d.tenant_id <> o.tenant_id)
        + (select count(*) from inspection_results r join organizations o on o.id = r.organization_id where r.tenant_id <> o.tenant_id)
        + (select count(*) from dues_payments d join members m on m.id = d.member_id where d.tenant_id <> m.tenant_id)
        + (select count(*) from training_sessions s join organizations o on o.id = s.organization_id where s.tenant_id <> o.tenant_id)
        + (select count(*) from training_attendees a join organizations o on o.id = a.organization_id join training_sessions s on s.id = a.session_id
            where a.tenant_id <> o.tenant_id or a.tenant_id <> s.tenant_id or a.session_organization_id <> s.organization_id)
        + (select count(*) from users u join role_grants g on g.user_id = u.id join organizations o on o.id = g.organization_id where u.tenant_id <> o.tenant_id)
        + (select count(*) from organizations o join villages v on v.id = o.village_id where o.tenant_id <> v.tenant_id) as n`);
      expect(Number(strays.rows[0].n)).toBe(0);
      // What createTenant gives a town: its checklist templates (none for the district).
      const templates = (await owner.query<{ tenant_id: number }>('select distinct tenant_id from checklist_templates order by tenant_id')).rows;
      expect(templates.map((t) => t.tenant_id)).toEqual(tenants.filter((t) => t.kind === 'town').map((t) => t.id));
    } finally { await owner.end(); }
  });

  it('is served to a village secretary and a town admin, each within their town', async () => {
    const { rows } = await appDatabase.pool.query<{ username: string }>(
      "select username from users where username like 'sj%' and tenant_id = (select tenant_id from users where username = 'town1') order by id limit 1");
    for (const username of ['town1', rows[0].username]) {
      const session = await signIn(app, username, BENCH_PASSWORD);
      for (const url of ['/api/members?pageSize=20', '/api/members?q=建国', '/api/organizations?range=subtree', '/api/compliance', '/api/tasks', '/api/recruitment/board']) {
        const res = await session.get(url);
        expect(res.statusCode, `${username} ${url}: ${res.body.slice(0, 200)}`).toBe(200);
      }
    }
    const town = await signIn(app, 'town1', BENCH_PASSWORD);
    expect((await town.get('/api/dashboard/town')).statusCode).toBe(200);
    const owner = new pg.Client({ connectionString: generated.url });
    await owner.connect();
    const own = await owner.query<{ n: string }>("select count(*) as n from members where tenant_id = (select tenant_id from users where username = 'town1')");
    await owner.end();
    expect(Number(own.rows[0].n)).toBeLessThan(generated.members);
    expect(((await town.get('/api/members?pageSize=1')).json() as { total: number }).total).toBe(Number(own.rows[0].n));
  });

  it('is served to the district\'s 区委组织部: both towns side by side and one town live', async () => {
    const quwei = await signIn(app, generated.districtUser, BENCH_PASSWORD);
    const board = await quwei.get('/api/district/dashboard');
    expect(board.statusCode, board.body.slice(0, 200)).toBe(200);
    const towns = (board.json() as { towns: { tenantId: number }[] }).towns;
    expect(towns).toHaveLength(2);
    const one = await quwei.get(`/api/district/towns/${towns[1].tenantId}/dashboard`);
    expect(one.statusCode, one.body.slice(0, 200)).toBe(200);
    // The district holds no business rows: none of the towns' members reach it through the town routes.
    expect(((await quwei.get('/api/members?pageSize=1')).json() as { total: number }).total).toBe(0);
  });

  it('opens the personal numbers it sealed with the app cipher, and publishes village pages', async () => {
    const session = await signIn(app, 'town1', BENCH_PASSWORD);
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
