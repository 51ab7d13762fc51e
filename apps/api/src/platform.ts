import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type WorkerLabel } from './app.js';
import { ownerDatabaseUrl, resolveAuditAnchorFile, resolveAuditKey, resolveEncryptionKey, resolveRetiredKeys, type Config } from './config.js';
import { configureAuditChain, writeAuditAnchor } from './lib/audit/index.js';
import { createFieldCipher, type FieldCipher } from './lib/crypto.js';
import { grantAppRole, roleOf } from './db/app-role.js';
import { openDatabase, SYSTEM_SCOPE, withRowScope, type Database } from './db/client.js';
import { startEmbeddedPostgres } from './db/embedded.js';
import { migrateDatabase } from './db/migrate.js';
import { seedDemoTown } from './demo/index.js';
import { startJobs, type Jobs } from './jobs/boss.js';
import { createSmsAdapter } from './modules/notifications/index.js';

export interface Platform {
  app: FastifyInstance;
  databaseUrl: string;
  mode: 'embedded' | 'server';
  seeded: boolean;
  /**
   * Reminders and the SMS outbox (pg-boss in this same database), unless JOBS=off. server.ts calls this after
   * listen: pg-boss checks its own schema at start, and nothing it does is needed to answer the first request.
   */
  startJobs(): Promise<void>;
  stop(): Promise<void>;
}

/** The database made ready for serving: started (embedded) or reached (DATABASE_URL), migrated, seeded when allowed. */
export interface PreparedDatabase {
  /** The platform's own role (RLS applies to it, decision 008). */
  databaseUrl: string;
  /** The tables' owner: migrations and pg-boss. */
  ownerUrl: string;
  mode: 'embedded' | 'server';
  seeded: boolean;
  /** DATABASE_URL is also the owner: the RLS backstop is off. */
  sameRole: boolean;
  database: Database;
  cipher: FieldCipher;
  stopEmbedded?: () => Promise<void>;
}

/**
 * The embedded PostgreSQL under DATA_DIR unless DATABASE_URL is set, migrations (as the owner) and the grants of the
 * platform's role, the audit chain's key and first anchor, the demo town when allowed. `prepared`: a process of a
 * cluster (WORKERS > 1) whose primary has done all this already (cluster.ts) only opens its pool.
 */
export async function prepareDatabase(config: Config, options: { prepared?: boolean } = {}): Promise<PreparedDatabase> {
  // Two roles (docs/decisions/008): the owner migrates and runs pg-boss; the platform's role serves requests and jobs.
  let databaseUrl = config.DATABASE_URL;
  let ownerUrl = ownerDatabaseUrl(config);
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!databaseUrl) {
    mkdirSync(config.dataDir, { recursive: true });
    const logFile = join(config.dataDir, 'postgres.log');
    const embedded = await startEmbeddedPostgres(config.dataDir, (line) => appendFileSync(logFile, `${line}\n`));
    databaseUrl = embedded.appUrl;
    ownerUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  try {
    const owner = ownerUrl as string;
    const sameRole = roleOf(owner) === roleOf(databaseUrl);
    if (!options.prepared) {
      await migrateDatabase(owner);
      if (!sameRole) await grantAppRole(owner, roleOf(databaseUrl));
    }
    const database = openDatabase(databaseUrl);
    configureAuditChain({ key: resolveAuditKey(config), anchorFile: resolveAuditAnchorFile(config) });
    // Retired keys only while a rotation (npm run keys:rotate) has numbers still to re-encrypt.
    const cipher = createFieldCipher(resolveEncryptionKey(config), resolveRetiredKeys(config));
    // The start-up work acts for the whole town: the row scope '*'.
    const seeded = options.prepared ? false : await withRowScope(SYSTEM_SCOPE, async () => {
      // Before any new write: the first anchor of a new file marks where the keyed chain begins.
      await writeAuditAnchor(database.db);
      // Never in production, and only when asked (default on): the demo town is for trying the platform.
      return config.SEED_DEMO && config.NODE_ENV !== 'production' ? seedDemoTown(database.db, config.DEMO_PASSWORD, cipher) : false;
    });
    return { databaseUrl, ownerUrl: owner, mode: stopEmbedded ? 'embedded' : 'server', seeded, sameRole, database, cipher, stopEmbedded };
  } catch (err) {
    await stopEmbedded?.();
    throw err;
  }
}

/**
 * Everything before listen: the database (prepareDatabase) and the app. Used by server.ts, the bench and the e2e
 * flows. `worker`: this process's place in a cluster (WORKERS > 1), shown by /healthz and the X-Worker header.
 */
export async function startPlatform(config: Config, options: { logger?: boolean; worker?: WorkerLabel } = {}): Promise<Platform> {
  const prepared = await prepareDatabase(config, { prepared: !!options.worker });
  const { database, cipher, databaseUrl, ownerUrl, stopEmbedded } = prepared;
  try {
    const app = await buildApp({ config, db: database.db, cipher, logger: options.logger, worker: options.worker });
    if (prepared.sameRole) {
      app.log.warn('DATABASE_URL 是数据表的所有者,行级安全(RLS)兜底未生效:请另设 MIGRATION_DATABASE_URL 为所有者,DATABASE_URL 改用平台专用角色(见 README)');
    }
    let jobs: Jobs | undefined;
    return {
      app, databaseUrl, seeded: prepared.seeded, mode: prepared.mode,
      startJobs: async () => {
        if (config.JOBS && !jobs) jobs = await startJobs(ownerUrl, { db: database.db, cipher, sms: createSmsAdapter(config, app.log), log: app.log });
      },
      stop: async () => {
        await jobs?.stop();
        await app.close();
        await database.close();
        await stopEmbedded?.();
      },
    };
  } catch (err) {
    await database.close();
    await stopEmbedded?.();
    throw err;
  }
}
