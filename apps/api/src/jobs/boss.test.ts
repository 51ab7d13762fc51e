import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureTestAuditChain, createTestContext, testCipher, type TestContext } from '../../test/context.js';
import { todayInShanghai } from '@dj/contracts';
import type { SmsAdapter } from '../modules/notifications/sms.js';
import { JOB_AUDIT_ANCHOR, JOB_CALENDARS, JOB_DISTRICT_SNAPSHOTS, JOB_OUTBOX, JOB_REMINDERS, startJobs, stopJobs, type Jobs } from './boss.js';

let ctx: TestContext;
const today = `${todayInShanghai().slice(0, 7)}-27`;
const sent: string[] = [];
const fakeSms: SmsAdapter = { name: 'fake', send: async (_to, body) => { sent.push(body); return { providerRef: `ref-${sent.length}` }; } };
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

beforeAll(async () => { ctx = await createTestContext(); });
afterAll(async () => {
  await stopJobs();
  await ctx.close();
});

async function poll<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('pg-boss jobs', () => {
  let jobs: Jobs;
  it('starts in its own schema with the daily 08:00 Asia/Shanghai reminder, the 00:05 calendars, the 5-minute district snapshots and the per-minute outbox drain and audit anchor', async () => {
    const started = performance.now();
    jobs = await startJobs(ctx.databaseUrl, { db: ctx.appDb, cipher: testCipher(), sms: fakeSms, log: quiet, pollingIntervalSeconds: 0.5 });
    console.info(`startJobs (schema install included): ${Math.round(performance.now() - started)} ms`);
    const schedules = await jobs.boss.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron, s.options?.tz ?? null]).sort()).toEqual([
      [JOB_REMINDERS, '0 8 * * *', 'Asia/Shanghai'], [JOB_OUTBOX, '* * * * *', 'Asia/Shanghai'], [JOB_AUDIT_ANCHOR, '* * * * *', 'Asia/Shanghai'],
      [JOB_CALENDARS, '5 0 * * *', 'Asia/Shanghai'], [JOB_DISTRICT_SNAPSHOTS, '*/5 * * * *', 'Asia/Shanghai'],
    ].sort());
    const { rows } = await ctx.pool.query(`select count(*)::int as n from information_schema.tables where table_schema = 'pgboss'`);
    expect(rows[0].n).toBeGreaterThan(0);
    // A second start in the same process is the same queue.
    expect(await startJobs(ctx.databaseUrl, { db: ctx.appDb, cipher: testCipher(), sms: fakeSms, log: quiet })).toBe(jobs);
  });

  it('the calendars job stores the month of every active branch as its compliance summary', async () => {
    const id = await jobs.boss.send(JOB_CALENDARS, { today });
    await poll('calendars job', async () => (await jobs.boss.getJobById(JOB_CALENDARS, id as string))?.state, (state) => state === 'completed');
    const { rows: [row] } = await ctx.pool.query(`select
        (select count(*)::int from organizations where kind = 'branch' and status = 'active') as branches,
        (select count(*)::int from compliance_summaries where period = $1 and computed_on = $2) as stored`, [today.slice(0, 7), today]);
    expect(row.branches).toBeGreaterThan(0);
    expect(row.stored).toBe(row.branches);
  });

  it('the district snapshots job stores the 驾驶舱快照 of every town of a district', async () => {
    const id = await jobs.boss.send(JOB_DISTRICT_SNAPSHOTS, {});
    await poll('district snapshots job', async () => (await jobs.boss.getJobById(JOB_DISTRICT_SNAPSHOTS, id as string))?.state, (state) => state === 'completed');
    const { rows: [row] } = await ctx.pool.query(`select
        (select count(*)::int from tenants where kind = 'town' and district_id is not null) as towns,
        (select count(*)::int from dashboard_snapshots) as stored`);
    expect(row.stored).toBe(row.towns);
  });

  it('a reminder job creates notifications, then the outbox drain sends the SMS right away', async () => {
    const started = performance.now();
    const id = await jobs.boss.send(JOB_REMINDERS, { today });
    expect(id).toBeTruthy();
    const n = await poll('notifications', async () => Number((await ctx.pool.query('select count(*) from notifications')).rows[0].count), (v) => v > 0);
    expect(n).toBeGreaterThan(0);
    const outbox = await poll('sms sent', async () => (await ctx.pool.query('select status from outbox')).rows, (rows) => rows.length > 0 && rows.every((r) => r.status === 'sent'));
    console.info(`reminder job → notifications → SMS sent: ${Math.round(performance.now() - started)} ms`);
    expect(sent.length).toBe(outbox.length);
    const job = await jobs.boss.getJobById(JOB_REMINDERS, id as string);
    expect(job?.state).toBe('completed');
  });

  it('the audit anchor job writes the chain head to the anchor file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dj-anchor-job-'));
    const file = join(dir, 'audit-anchors.log');
    configureTestAuditChain(file);
    try {
      await jobs.boss.send(JOB_AUDIT_ANCHOR, {});
      await poll('anchor file', async () => existsSync(file), (v) => v);
      const [first] = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      const { rows } = await ctx.pool.query('select max(id)::int as id from audit_events');
      expect(first).toMatchObject({ id: rows[0].id, keyedAfter: rows[0].id });
    } finally {
      configureTestAuditChain();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops cleanly: no pg-boss connection is left', async () => {
    await stopJobs();
    const client = new pg.Client({ connectionString: ctx.databaseUrl });
    await client.connect();
    // pg-boss has ended its pool (every client sent Terminate and saw its socket close), but a server backend leaves
    // pg_stat_activity only once its process has exited, a moment later and on its own (CI once saw 1 left): asked
    // again until none is listed. A connection pg-boss kept open stays listed and fails the test.
    const left = async () => (await client.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'dj-jobs'`)).rows[0].n;
    let n = await left();
    for (let tries = 0; n > 0 && tries < 20; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      n = await left();
    }
    await client.end();
    expect(n).toBe(0);
  });
});
