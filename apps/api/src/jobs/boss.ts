import PgBoss from 'pg-boss';
import { SYSTEM_SCOPE, withRowScope, type Db } from '../db/client.js';
import type { FieldCipher } from '../lib/crypto.js';
import { todayInShanghai } from '@dj/contracts';
import { writeAuditAnchor } from '../lib/audit/index.js';
import { pruneRateLimitCounts } from '../plugins/rate-limit-store.js';
import { refreshDistrictSnapshots } from '../modules/district/index.js';
import { startExportRunner } from '../modules/exports/index.js';
import { drainOutbox, precomputeCalendars, runReminders, type JobLogger, type SmsAdapter } from '../modules/notifications/index.js';

/** Queue names (pg-boss 10 needs each queue created before send/work). */
export const JOB_REMINDERS = 'compliance-reminders';
export const JOB_OUTBOX = 'outbox-drain';
/** 08:00 Beijing time, every day. */
export const REMINDER_CRON = '0 8 * * *';
export const OUTBOX_CRON = '* * * * *';
export const JOB_AUDIT_ANCHOR = 'audit-anchor';
export const JOB_CALENDARS = 'compliance-calendars';
/** 00:05 Beijing time: the day's compliance summaries (statuses move at midnight). */
export const CALENDARS_CRON = '5 0 * * *';
/**
 * Every minute: the audit chain's head goes to the anchor file. A job rather than every N writes inside
 * recordAudit: recordAudit runs inside business transactions that may still roll back, so it cannot know that
 * its row will exist (an anchor naming a row that never committed would read as a deleted tail), while the job
 * reads only committed rows; and a clock bounds the window in which a deleted tail goes unnoticed (one minute)
 * however slowly the town writes. An idle chain adds no lines.
 */
export const AUDIT_ANCHOR_CRON = '* * * * *';
export const JOB_DISTRICT_SNAPSHOTS = 'district-snapshots';
/**
 * Every 5 minutes: the 驾驶舱快照 of district towns. A fixed tick rather than a cron built from the setting: the cadence
 * is each district's own (district.snapshotMinutes, min 5) while a pg-boss schedule is one per queue, so the tick asks
 * each town whether its snapshot is older than its district's cadence and computes only those.
 */
export const DISTRICT_SNAPSHOTS_CRON = '*/5 * * * *';
const OUTBOX_BATCH = 50;

export interface JobDeps {
  db: Db;
  cipher: FieldCipher;
  sms: SmsAdapter;
  log: JobLogger;
  /** Tests poll faster than the default 2 s. */
  pollingIntervalSeconds?: number;
}

/** Data of a reminder job; `today` (YYYY-MM-DD) is for reruns of a missed day and tests. */
export interface ReminderJobData { today?: string }

export interface Jobs {
  boss: PgBoss;
  stop(): Promise<void>;
}

let current: Jobs | null = null;

/** SQLSTATE admin_shutdown: "terminating connection due to administrator command". */
const ADMIN_SHUTDOWN = '57P01';

/**
 * The queue lives in the application's own PostgreSQL, in schema `pgboss` (ARCHITECTURE.md: no extra server), reached
 * through the owner's connection string (pg-boss creates its schema); the handlers use `db`, the platform's role.
 * Any number of API processes may call this: schedules are stored once, and each job runs on one worker.
 */
export async function startJobs(connectionString: string, deps: JobDeps): Promise<Jobs> {
  if (current) return current;
  const { db, cipher, sms, log } = deps;
  const boss = new PgBoss({ connectionString, schema: 'pgboss', application_name: 'dj-jobs', max: 3 });
  // Without a listener an error event would crash the process; a database outage is logged and retried by pg-boss.
  boss.on('error', (err) => {
    // 57P01: the server is stopping on purpose (Ctrl-C reaches the embedded PostgreSQL with the whole process group, or
    // an operator's fast shutdown) and ends the queue's connections before the queue itself is stopped: said, not an error.
    if ((err as { code?: string }).code === ADMIN_SHUTDOWN) log.warn({ err: { message: err.message } }, 'pg-boss: the database server is shutting down');
    else log.error({ err: { message: err.message } }, 'pg-boss error');
  });
  await boss.start();
  await boss.createQueue(JOB_REMINDERS, { name: JOB_REMINDERS, retryLimit: 2, retryDelay: 300 });
  // No retry of the job itself: a failing SMS stays pending and is counted per row by drainOutbox.
  await boss.createQueue(JOB_OUTBOX, { name: JOB_OUTBOX, retryLimit: 0 });
  await boss.createQueue(JOB_AUDIT_ANCHOR, { name: JOB_AUDIT_ANCHOR, retryLimit: 0 });
  await boss.createQueue(JOB_CALENDARS, { name: JOB_CALENDARS, retryLimit: 2, retryDelay: 300 });
  // No retry: the next tick computes what this one missed.
  await boss.createQueue(JOB_DISTRICT_SNAPSHOTS, { name: JOB_DISTRICT_SNAPSHOTS, retryLimit: 0 });
  const work = { pollingIntervalSeconds: deps.pollingIntervalSeconds ?? 2 };
  // Jobs act for the whole town as the system: the row scope '*' (docs/decisions/008).
  const asSystem = <T>(fn: () => Promise<T>) => withRowScope(SYSTEM_SCOPE, fn);

  await boss.work<ReminderJobData>(JOB_REMINDERS, work, async ([job]) => asSystem(async () => {
    const today = job?.data?.today ?? todayInShanghai();
    const started = performance.now();
    const counts = await runReminders(db, cipher, today);
    log.info({ job: JOB_REMINDERS, today, ...counts, ms: Math.round(performance.now() - started) }, 'reminders done');
    // Send the new SMS now rather than at the next minute's drain.
    if (counts.sms > 0) await boss.send(JOB_OUTBOX, {});
    return counts;
  }));
  await boss.work(JOB_OUTBOX, work, async () => asSystem(async () => {
    const result = await drainOutbox(db, cipher, sms, OUTBOX_BATCH);
    if (result.attempted > 0) log.info({ job: JOB_OUTBOX, ...result }, 'outbox drained');
    return result;
  }));
  // The same minute's tick also drops rate-limit windows that have ended (the table every process counts in).
  await boss.work(JOB_AUDIT_ANCHOR, work, async () => asSystem(async () => {
    await pruneRateLimitCounts(db);
    return writeAuditAnchor(db);
  }));
  // Not required for correctness (a board computes what is missing): it only moves the day's first computation here.
  await boss.work<ReminderJobData>(JOB_CALENDARS, work, async ([job]) => asSystem(async () => {
    const today = job?.data?.today ?? todayInShanghai();
    const started = performance.now();
    const counts = await precomputeCalendars(db, today);
    log.info({ job: JOB_CALENDARS, today, ...counts, ms: Math.round(performance.now() - started) }, 'calendars stored');
    return counts;
  }));
  // Each town is computed in its own row scope inside (modules/district/snapshots.ts); the system scope only lists them.
  await boss.work(JOB_DISTRICT_SNAPSHOTS, work, async () => asSystem(async () => {
    const started = performance.now();
    const counts = await refreshDistrictSnapshots(db);
    if (counts.refreshed > 0) log.info({ job: JOB_DISTRICT_SNAPSHOTS, ...counts, ms: Math.round(performance.now() - started) }, 'district snapshots stored');
    return counts;
  }));
  await boss.schedule(JOB_CALENDARS, CALENDARS_CRON, {}, { tz: 'Asia/Shanghai' });
  await boss.schedule(JOB_DISTRICT_SNAPSHOTS, DISTRICT_SNAPSHOTS_CRON, {}, { tz: 'Asia/Shanghai' });
  await boss.schedule(JOB_AUDIT_ANCHOR, AUDIT_ANCHOR_CRON, {}, { tz: 'Asia/Shanghai' });
  await boss.schedule(JOB_REMINDERS, REMINDER_CRON, {}, { tz: 'Asia/Shanghai' });
  await boss.schedule(JOB_OUTBOX, OUTBOX_CRON, {}, { tz: 'Asia/Shanghai' });

  // 导出任务 (modules/exports): queued by any API process in the exports table, made here.
  const exportRunner = startExportRunner(db, cipher, log);

  const jobs: Jobs = {
    boss,
    stop: async () => {
      if (current === jobs) current = null;
      // Graceful: running handlers get up to 10 s to finish before their jobs are failed for a retry.
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
      await exportRunner.stop();
    },
  };
  current = jobs;
  return jobs;
}

/** Stops the queue started by startJobs, if any (graceful shutdown). */
export async function stopJobs(): Promise<void> {
  await current?.stop();
}
