import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Db } from '../src/db/client.js';
import { createFieldCipher } from '../src/lib/crypto.js';
import { configureAuditChain } from '../src/lib/audit/index.js';
import { APP_ROLE, urlAs } from '../src/db/app-role.js';
import { DEMO_PASSWORD, TEST_APP_PASSWORD, withDatabase } from './database-url.js';

export { DEMO_PASSWORD };

export interface TestContext {
  app: FastifyInstance;
  /** The owner's connection: fixtures and checks, which row-level security does not apply to. */
  db: Db;
  pool: pg.Pool;
  databaseUrl: string;
  /** The application role's connection, the one the app runs on (docs/decisions/008): policies apply. */
  appDb: Db;
  appDatabaseUrl: string;
  signIn(username: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

/** A signed-in client over app.inject: carries the session cookie and the CSRF token like the web app. */
export class Session {
  constructor(private readonly app: FastifyInstance, public cookie: string, public csrfToken: string) {}
  request(method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method, url, payload: body as InjectOptions['payload'],
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrfToken, ...headers },
    });
  }
  get(url: string) { return this.request('GET', url); }
  post(url: string, body?: unknown) { return this.request('POST', url, body ?? {}); }
  patch(url: string, body: unknown) { return this.request('PATCH', url, body); }
  /**
   * Re-enters the password (安全测试清单第26项), so this session may reveal and export full numbers for
   * security.stepUpMinutes. Call it right before the request that needs it: a slow run must not outlast the window.
   */
  async stepUp(password = DEMO_PASSWORD): Promise<{ steppedUpUntil: string }> {
    const res = await this.post('/api/auth/step-up', { password });
    if (res.statusCode !== 200) throw new Error(`step-up failed: ${res.statusCode} ${res.body}`);
    return res.json();
  }
}

/** Connects can take seconds on a loaded CI machine; a slow connect is not a failure. */
export const TEST_CONNECT_TIMEOUT_MS = 30_000;

/** A fixed test key: encrypted values in test databases are throwaway. */
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
export const testCipher = () => createFieldCipher(Buffer.from(TEST_ENCRYPTION_KEY, 'base64'));
/** The audit chain's test key: the template database (global setup) and every test file key the chain with it. */
export const TEST_AUDIT_KEY = Buffer.alloc(32, 9).toString('base64');
/** No anchor file unless a test asks for one: test files share a data directory but not a database. */
export const configureTestAuditChain = (anchorFile: string | null = null) =>
  configureAuditChain({ key: Buffer.from(TEST_AUDIT_KEY, 'base64'), anchorFile });
configureTestAuditChain();

/** Per-address limits are off: every test signs in from 127.0.0.1; rate-limit.test.ts turns them on. */
export function testConfig(env: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '.tmp/test-data', ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, AUDIT_KEY: TEST_AUDIT_KEY,
    PUBLIC_RATE_LIMIT: '0', LOGIN_RATE_LIMIT: '0', MATTER_INTAKE_RATE_LIMIT: '0', ...env,
  });
}

/** A database of its own for one test file, cloned from the migrated and seeded template (or empty). */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<string> {
  const adminUrl = inject('dbAdminUrl');
  const template = inject('templateDb');
  const name = `${template.replace('dj_tpl_', 'dj_t_')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${options.empty ? 'template0' : template}`);
  await admin.end();
  return withDatabase(adminUrl, name);
}

/** A database clone and an app on it; `env` overrides the test configuration (rate-limit.test.ts turns the limits on). */
export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  // API files share one module cache (vitest isolate: false): a file that started the platform (seed.test.ts) left the
  // chain reading DATA_DIR's anchor file, whose anchors name another database's rows. Each file starts without one.
  configureTestAuditChain();
  const databaseUrl = await createTestDatabase();
  const database = openDatabase(databaseUrl, 4, TEST_CONNECT_TIMEOUT_MS);
  const appDatabaseUrl = urlAs(databaseUrl, APP_ROLE, TEST_APP_PASSWORD);
  const appDatabase = openDatabase(appDatabaseUrl, 4, TEST_CONNECT_TIMEOUT_MS);
  const app = await buildApp({ config: testConfig(env), db: appDatabase.db, cipher: testCipher(), logger: false });
  return {
    app, db: database.db, pool: database.pool, databaseUrl, appDb: appDatabase.db, appDatabaseUrl,
    signIn: (username, password = DEMO_PASSWORD) => signIn(app, username, password),
    close: async () => {
      await app.close();
      await appDatabase.close();
      await database.close();
    },
  };
}

export async function signIn(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sid');
  return new Session(app, `sid=${cookie?.value}`, res.json().csrfToken);
}

/** Organisation ids of the demo town by name. */
export async function orgIds(pool: pg.Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ id: number; name: string; parent: string | null }>(
    `select o.id, o.name, p.name as parent from organizations o left join organizations p on p.id = o.parent_id`);
  const out: Record<string, number> = {};
  // Groups share names across branches, so they are keyed "branch/group".
  for (const r of rows) out[r.parent && r.name.includes('党小组') ? `${r.parent}/${r.name}` : r.name] = r.id;
  return out;
}
