import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_AUDIT_KEY, TEST_ENCRYPTION_KEY } from './context.js';

// npm start runs the bundle in apps/api/dist, not the TypeScript source the other tests import: this checks
// the bundle itself (every import resolved, @dj/contracts inside it, migrations found from the built file).
const root = fileURLToPath(new URL('../../..', import.meta.url));
// Directly under apps/api like dist/, which is where the bundle expects to be (src/paths.ts).
const outdir = join(root, `apps/api/dist.test-${randomBytes(4).toString('hex')}`);
let server: ChildProcess | undefined;

beforeAll(() => {
  const build = spawnSync(process.execPath, [join(root, 'scripts/api-build.mjs'), '--outdir', outdir], { cwd: root, encoding: 'utf8' });
  expect(build.stderr).toBe('');
  expect(build.status).toBe(0);
});

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(outdir, { recursive: true, force: true });
});

/** The address the server prints once it listens ("已启动: http://localhost:PORT"). */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /已启动: http:\/\/localhost:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`built server exited with ${code}: ${output}`)));
  });
}

describe('the built server', () => {
  it('migrates an empty database from the built file and answers /readyz', async () => {
    const databaseUrl = await createTestDatabase({ empty: true });
    server = spawn(process.execPath, ['--enable-source-maps', join(outdir, 'server.js')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1',
        ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, AUDIT_KEY: TEST_AUDIT_KEY, AUDIT_ANCHOR_FILE: join(outdir, 'audit-anchors.log'), SEED_DEMO: 'false', JOBS: 'off', LOG_LEVEL: 'silent',
      },
    });
    const port = await listeningPort(server);

    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    // The contracts (zod, bundled from TypeScript source) validate requests: a bad sign-in body is a 400.
    const signIn = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: '' }),
    });
    expect(signIn.status).toBe(400);
  });
});
