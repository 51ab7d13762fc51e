import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { UPLOAD_DEFAULT_MAX_MB, UPLOAD_DEFAULT_MAX_MEGAPIXELS } from '@dj/contracts';

/** A 32-byte key, base64 (`openssl rand -base64 32`); absent means "generate one beside the data" outside production. */
function optionalKey(name: string) {
  return z.preprocess((v) => (v === '' ? undefined : v), z.string().refine(
    (v) => Buffer.from(v, 'base64').length === 32, `${name} 应为 32 字节随机数的 base64 编码(44个字符)`,
  ).optional());
}

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL server; when absent the embedded PostgreSQL under DATA_DIR is used. */
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  /**
   * The tables' owner on that server (migrations, CLIs, pg-boss); DATABASE_URL is then the platform's own role, which
   * row-level security applies to (docs/decisions/008). Without it DATABASE_URL does both and the backstop is off.
   */
  MIGRATION_DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  DATA_DIR: z.string().default('./data'),
  /** Seed the demo town on first start (never in production). */
  SEED_DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  DEMO_PASSWORD: z.string().min(8).default('demo123456'),
  /** Set to true when served over HTTPS so the session cookie carries Secure. */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Master key for 身份证号/phone encryption: 32 random bytes, base64 (`openssl rand -base64 32`).
   * Required in production; elsewhere generated once into DATA_DIR/encryption.key (never the database).
   */
  ENCRYPTION_KEY: optionalKey('ENCRYPTION_KEY'),
  /**
   * Retired master keys (comma-separated, same format) during a key rotation (npm run keys:rotate): numbers still
   * sealed under them stay readable until the rotation has re-encrypted them. The embedded mode keeps them in
   * DATA_DIR/encryption-retired.keys instead.
   */
  ENCRYPTION_KEY_OLD: z.preprocess((v) => (v === '' ? undefined : v), z.string().refine(
    (v) => v.split(',').every((k) => Buffer.from(k.trim(), 'base64').length === 32), 'ENCRYPTION_KEY_OLD 应为逗号分隔的 32 字节 base64 密钥',
  ).optional()),
  /**
   * Key of the audit chain's HMAC (same format): kept outside the database so that someone who can write to the
   * database cannot recompute the chain. Required in production; elsewhere generated once into DATA_DIR/audit.key.
   * Separate from ENCRYPTION_KEY so that rotating the field key leaves the chain verifiable.
   */
  AUDIT_KEY: optionalKey('AUDIT_KEY'),
  /** Where the audit chain's head is written every minute (append-only lines); default DATA_DIR/audit-anchors.log. */
  AUDIT_ANCHOR_FILE: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  /** Background jobs (pg-boss: daily reminders, SMS outbox); JOBS=off for a process that only serves requests. */
  JOBS: z.enum(['on', 'off']).default('on').transform((v) => v === 'on'),
  /**
   * API processes on this host, sharing PORT (node:cluster, apps/api/src/cluster.ts): one per core is the usual choice.
   * The first runs the jobs (when JOBS=on), the others only serve requests; decision 009 lists what they share.
   */
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** How SMS reminders leave: `log` writes a line with the masked number only; `http` posts {to, body} to SMS_HTTP_URL. */
  SMS_ADAPTER: z.enum(['log', 'http']).default('log'),
  SMS_HTTP_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  /**
   * Which peers may set X-Forwarded-For (the client address kept in the audit log and used by rate limits):
   * `loopback` for a reverse proxy on the same host; `true` only when every request comes through a proxy,
   * otherwise a client could name any address it likes. Fastify/proxy-addr syntax: addresses, CIDRs, presets.
   */
  TRUST_PROXY: z.string().default('loopback').transform((v) => (v === 'true' ? true : v === 'false' ? false : v)),
  /** Requests per minute from one address to the public pages (/public, /api/public); 0 turns the limit off. */
  PUBLIC_RATE_LIMIT: z.coerce.number().int().min(0).default(120),
  /** Sign-in attempts per minute from one address, on top of the per-account lockout; 0 turns it off. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(0).default(30),
  /** 村民说事 submissions (POST of the public form) per minute from one address, apart from the pages' limit; 0 turns it off. */
  MATTER_INTAKE_RATE_LIMIT: z.coerce.number().int().min(0).default(5),
  /**
   * Imported workbooks (roster import, 三务公开 tables): the most they may inflate to, in MB,
   * checked before parsing (lib/zip-limits.ts). Server-wide, not a town setting: it bounds this process's memory.
   * Measured: 200 000 cells (10 000 rows × 20 columns) unpack to 12.7 MB, and exceljs held 122 MB of heap for them
   * and took 4.3 s; the probe's bomb (256-400 MB of sheet) took 30-40 s and 2.5 GB before the limit.
   */
  IMPORT_MAX_UNCOMPRESSED_MB: z.coerce.number().int().min(1).max(1024).default(50),
  /** Worksheet cells an uploaded workbook may have in all (a 2000-member roster of 30 columns has 60 000). */
  IMPORT_MAX_CELLS: z.coerce.number().int().min(100).default(200_000),
  /** Workbooks parsed at the same time in one process; the rest wait IMPORT_WAIT_SECONDS, then get 503 (busy, retry). */
  IMPORT_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  IMPORT_WAIT_SECONDS: z.coerce.number().min(0).max(120).default(10),
  /**
   * The one upload policy (lib/uploads, issue 12 point 5): the most MB one uploaded file may have on every upload route
   * (photos, materials, stage and record files, evidence, attachments, workbooks); over it the answer is 413.
   */
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(200).default(UPLOAD_DEFAULT_MAX_MB),
  /** The most pixels of an uploaded picture, in millions, read from its header before anything decodes it (413 over). */
  UPLOAD_MAX_MEGAPIXELS: z.coerce.number().int().min(1).max(500).default(UPLOAD_DEFAULT_MAX_MEGAPIXELS),
}).refine((env) => env.SMS_ADAPTER !== 'http' || !!env.SMS_HTTP_URL, { path: ['SMS_HTTP_URL'], message: 'SMS_ADAPTER=http 时必须设置 SMS_HTTP_URL' });

export type Config = z.infer<typeof EnvSchema> & { dataDir: string };

export const ENCRYPTION_KEY_FILE = 'encryption.key';
export const RETIRED_KEYS_FILE = 'encryption-retired.keys';

/** A key from the environment, or the one kept beside the data (created on first use, mode 0600). */
function resolveKey(config: Config, name: 'ENCRYPTION_KEY' | 'AUDIT_KEY', fileName: string): Buffer {
  const fromEnv = config[name];
  if (fromEnv) return Buffer.from(fromEnv, 'base64');
  if (config.NODE_ENV === 'production') throw new Error(`生产环境必须设置 ${name}(32 字节随机数的 base64,例如 openssl rand -base64 32)`);
  const file = join(config.dataDir, fileName);
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

/** The master key of the personal numbers (ENCRYPTION_KEY or DATA_DIR/encryption.key). */
export function resolveEncryptionKey(config: Config): Buffer {
  return resolveKey(config, 'ENCRYPTION_KEY', ENCRYPTION_KEY_FILE);
}

/** The audit chain's HMAC key (AUDIT_KEY or DATA_DIR/audit.key). */
export function resolveAuditKey(config: Config): Buffer {
  return resolveKey(config, 'AUDIT_KEY', 'audit.key');
}


/**
 * Keys retired by a rotation, still able to open what they sealed: ENCRYPTION_KEY_OLD, or in the embedded mode
 * (no ENCRYPTION_KEY) the lines of DATA_DIR/encryption-retired.keys.
 */
export function resolveRetiredKeys(config: Config): Buffer[] {
  if (config.ENCRYPTION_KEY_OLD) return config.ENCRYPTION_KEY_OLD.split(',').map((k) => Buffer.from(k.trim(), 'base64'));
  if (config.ENCRYPTION_KEY) return [];
  const file = join(config.dataDir, RETIRED_KEYS_FILE);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean).map((l) => Buffer.from(l, 'base64'));
}

/** The audit anchor file: AUDIT_ANCHOR_FILE or DATA_DIR/audit-anchors.log. */
export function resolveAuditAnchorFile(config: Config): string {
  return config.AUDIT_ANCHOR_FILE ? resolve(config.AUDIT_ANCHOR_FILE) : join(config.dataDir, 'audit-anchors.log');
}

/** Parse the environment once at boot; a bad value stops the process with the variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置错误(环境变量):\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.DATA_DIR) };
}

/** Written and flushed to disk before the next step: a kill or power cut between steps must lose no key. */
function writeDurably(file: string, text: string, flag: 'a' | 'w'): void {
  const fd = openSync(file, flag, 0o600);
  try {
    writeFileSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Embedded mode, `keys:rotate -- --new-key`: the current key joins DATA_DIR/encryption-retired.keys, then a new
 * random key replaces DATA_DIR/encryption.key. In this order, so that at every moment each key that sealed a
 * value is in one of the two files. Returns the new key.
 */
export function replaceEncryptionKeyFile(config: Config): Buffer {
  if (config.ENCRYPTION_KEY) throw new Error('已设置 ENCRYPTION_KEY:请自行生成新密钥,设为 ENCRYPTION_KEY,原密钥设为 ENCRYPTION_KEY_OLD');
  const current = resolveEncryptionKey(config).toString('base64');
  const retiredFile = join(config.dataDir, RETIRED_KEYS_FILE);
  const retired = existsSync(retiredFile) ? readFileSync(retiredFile, 'utf8').split('\n').map((l) => l.trim()) : [];
  if (!retired.includes(current)) writeDurably(retiredFile, `${current}\n`, 'a');
  const next = randomBytes(32);
  const temp = join(config.dataDir, `${ENCRYPTION_KEY_FILE}.new`);
  writeDurably(temp, `${next.toString('base64')}\n`, 'w');
  renameSync(temp, join(config.dataDir, ENCRYPTION_KEY_FILE));
  return next;
}

/** The owner's connection on a server: migrations and the CLIs (and backups) use it; undefined in embedded mode. */
export function ownerDatabaseUrl(config: Pick<Config, 'DATABASE_URL' | 'MIGRATION_DATABASE_URL'>): string | undefined {
  return config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL;
}
