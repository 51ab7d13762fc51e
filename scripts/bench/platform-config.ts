// The platform's configuration for a bench run, shared by the load bench, Lighthouse and scripts/profile-endpoint.ts.
// The per-address limits would turn a load test from one address into a count of 429s: off here. On a server the
// platform serves as the application role under row-level security, as in production (decision 008); the owner
// migrates. The role is cluster-wide: the password is the test setup's, so neither run breaks the other's.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../apps/api/src/config.js';
import { APP_ROLE, ensureAppRole, urlAs } from '../../apps/api/src/db/app-role.js';
import { makeTraversable } from '../../apps/api/src/db/embedded.js';
import { BENCH_AUDIT_KEY, BENCH_ENCRYPTION_KEY } from './scale.js';

export const BENCH_APP_PASSWORD = process.env.BENCH_APP_PASSWORD ?? 'dj_app_test';

/** The application role's address on the owner's database. */
export const appUrlOf = (ownerUrl: string) => urlAs(ownerUrl, APP_ROLE, BENCH_APP_PASSWORD);

/**
 * A fresh data directory and the configuration: on `ownerUrl` when given (else the embedded database), with the
 * generator's keys and no demo for a generated database (`generated`).
 */
export async function benchConfig(ownerUrl: string, generated: boolean, prefix = 'dj-bench-'): Promise<{ config: Config; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  makeTraversable(dir);
  if (ownerUrl) await ensureAppRole(ownerUrl, BENCH_APP_PASSWORD);
  const config = loadConfig({
    NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS: 'off', PUBLIC_RATE_LIMIT: '0', LOGIN_RATE_LIMIT: '0', DATA_DIR: dir,
    DATABASE_URL: ownerUrl ? appUrlOf(ownerUrl) : '', MIGRATION_DATABASE_URL: ownerUrl,
    ...(generated ? { SEED_DEMO: 'false', ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY, AUDIT_KEY: BENCH_AUDIT_KEY } : {}),
  });
  return { config, dir };
}
