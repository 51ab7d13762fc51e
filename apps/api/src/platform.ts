import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { resolveAuditAnchorFile, resolveAuditKey, resolveEncryptionKey, resolveRetiredKeys, type Config } from './config.js';
import { configureAuditChain, writeAuditAnchor } from './lib/audit/index.js';
import { createFieldCipher } from './lib/crypto.js';
import { openDatabase } from './db/client.js';
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

/**
 * Everything before listen: the database (embedded under DATA_DIR unless DATABASE_URL is set),
 * migrations, the demo town when allowed, and the app. Used by server.ts, the bench and the e2e flows.
 */
export async function startPlatform(config: Config, options: { logger?: boolean } = {}): Promise<Platform> {
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
    await migrateDatabase(databaseUrl);
    const database = openDatabase(databaseUrl);
    configureAuditChain({ key: resolveAuditKey(config), anchorFile: resolveAuditAnchorFile(config) });
    // Before any new write: the first anchor of a new file marks where the keyed chain begins.
    await writeAuditAnchor(database.db);
    // Never in production, and only when asked (default on): the demo town is for trying the platform.
    // Retired keys only while a rotation (npm run keys:rotate) has numbers still to re-encrypt.
    const cipher = createFieldCipher(resolveEncryptionKey(config), resolveRetiredKeys(config));
    const seeded = config.SEED_DEMO && config.NODE_ENV !== 'production' ? await seedDemoTown(database.db, config.DEMO_PASSWORD, cipher) : false;
    const app = await buildApp({ config, db: database.db, cipher, logger: options.logger });
    let jobs: Jobs | undefined;
    const url = databaseUrl;
    return {
      app, databaseUrl, seeded, mode: stopEmbedded ? 'embedded' : 'server',
      startJobs: async () => {
        if (config.JOBS && !jobs) jobs = await startJobs(url, { db: database.db, cipher, sms: createSmsAdapter(config, app.log), log: app.log });
      },
      stop: async () => {
        await jobs?.stop();
        await app.close();
        await database.close();
        await stopEmbedded?.();
      },
    };
  } catch (err) {
    await stopEmbedded?.();
    throw err;
  }
}
