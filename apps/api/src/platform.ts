import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type WorkerLabel } from './app.js';
import { resolveAuditAnchorFile, resolveAuditKey, resolveEncryptionKey, resolveRetiredKeys, type Config } from './config.js';
import { configureAuditChain, writeAuditAnchor } from './lib/audit/index.js';
import { createFieldCipher, type FieldCipher } from './lib/crypto.js';
import { openDatabase, type Database } from './db/client.js';
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
  databaseUrl: string;
  mode: 'embedded' | 'server';
  seeded: boolean;
  database: Database;
  cipher: FieldCipher;
  stopEmbedded?: () => Promise<void>;
}

/**
 * The embedded PostgreSQL under DATA_DIR unless DATABASE_URL is set, migrations, the audit chain's key and first anchor,
 * the demo town when allowed. `prepared`: a process of a cluster (WORKERS > 1) whose primary has done all this already
 * (cluster.ts) only opens its pool.
 */
export async function prepareDatabase(config: Config, options: { prepared?: boolean } = {}): Promise<PreparedDatabase> {
  let databaseUrl = config.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!databaseUrl) {
    mkdirSync(config.dataDir, { recursive: true });
    const logFile = join(config.dataDir, 'postgres.log');
    const embedded = await startEmbeddedPostgres(config.dataDir, (line) => appendFileSync(logFile, `${line}\n`));
    databaseUrl = embedded.url;
    stopEmbedded = embedded.stop;
  }
  try {
    if (!options.prepared) await migrateDatabase(databaseUrl);
    const database = openDatabase(databaseUrl);
    configureAuditChain({ key: resolveAuditKey(config), anchorFile: resolveAuditAnchorFile(config) });
    // Retired keys only while a rotation (npm run keys:rotate) has numbers still to re-encrypt.
    const cipher = createFieldCipher(resolveEncryptionKey(config), resolveRetiredKeys(config));
    let seeded = false;
    if (!options.prepared) {
      // Before any new write: the first anchor of a new file marks where the keyed chain begins.
      await writeAuditAnchor(database.db);
      // Never in production, and only when asked (default on): the demo town is for trying the platform.
      seeded = config.SEED_DEMO && config.NODE_ENV !== 'production' ? await seedDemoTown(database.db, config.DEMO_PASSWORD, cipher) : false;
    }
    return { databaseUrl, mode: stopEmbedded ? 'embedded' : 'server', seeded, database, cipher, stopEmbedded };
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
  const { database, cipher, databaseUrl, stopEmbedded } = prepared;
  try {
    const app = await buildApp({ config, db: database.db, cipher, logger: options.logger, worker: options.worker });
    let jobs: Jobs | undefined;
    return {
      app, databaseUrl, seeded: prepared.seeded, mode: prepared.mode,
      startJobs: async () => {
        if (config.JOBS && !jobs) jobs = await startJobs(databaseUrl, { db: database.db, cipher, sms: createSmsAdapter(config, app.log), log: app.log });
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
