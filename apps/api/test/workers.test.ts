import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, makeTraversable } from '../src/db/embedded.js';

// Issue 14 point 5: `npm start` with WORKERS=2 runs two API processes on one port, over the embedded PostgreSQL.
// Before: WORKERS was unknown (one process), and the rate-limit count lived in each process's memory, so two
// processes would each have let an address through PUBLIC_RATE_LIMIT times.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const START_LIMIT_MS = 180_000;
const LIMIT = 6;

let child: ChildProcess | undefined;
let dataDir: string | undefined;

/** Processes whose environment or command line names this test's data directory (/proc; Linux). */
function pidsWhere(test: (environ: string[], cmdline: string) => boolean): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid).flatMap((name) => {
    try {
      const state = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1] ?? '';
      if (state.startsWith('Z')) return [];
      const environ = readFileSync(`/proc/${name}/environ`, 'utf8').split('\0');
      return test(environ, readFileSync(`/proc/${name}/cmdline`, 'utf8')) ? [Number(name)] : [];
    } catch {
      return [];
    }
  });
}
const platformPids = () => (dataDir ? pidsWhere((env) => env.includes(`DATA_DIR=${dataDir}`)) : []);
const postgresPids = () => (dataDir ? pidsWhere((_env, cmd) => cmd.includes('postgres') && cmd.includes(join(dataDir as string, 'pg'))) : []);

afterEach(() => {
  for (const pid of platformPids()) process.kill(pid, 'SIGKILL');
  for (const pid of postgresPids()) process.kill(pid, 'SIGQUIT');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  child = undefined;
  dataDir = undefined;
});

interface Answer { status: number; worker: string | undefined; body: string }

/** One request on a new connection: node:cluster hands each connection to the next worker. */
function get(port: number, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false, headers: { connection: 'close' } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => { body += chunk.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, worker: res.headers['x-worker'] as string | undefined, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function npmStart(): Promise<{ port: number; output: () => string; exited: Promise<{ code: number | null; signal: string | null }> }> {
  dataDir = mkdtempSync(join(tmpdir(), 'dj-workers-'));
  makeTraversable(dataDir);
  const port = await freePort();
  let output = '';
  child = spawn('npm', ['start'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1',
      DATA_DIR: dataDir, SEED_DEMO: 'false', JOBS: 'on', LOG_LEVEL: 'warn', WORKERS: '2', PUBLIC_RATE_LIMIT: String(LIMIT),
    },
  });
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += `[stderr] ${chunk.toString()}`; });
  const started = child;
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => started.once('exit', (code, signal) => resolve({ code, signal })));
  const end = Date.now() + START_LIMIT_MS;
  while (Date.now() < end) {
    if (started.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    // The banner is printed once every worker listens.
    if (output.includes('已启动')) return { port, output: () => output, exited };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`npm start did not start within ${START_LIMIT_MS} ms:\n${output}`);
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return condition();
}

describe('14.5 WORKERS=2: two API processes on one port', () => {
  it('14.5 both answer, one runs the jobs, the public rate limit is counted once across both, and SIGTERM stops all', async () => {
    const started = await npmStart();
    expect(started.output()).toContain('2 个 API 进程');
    const health = new Map<string, { id: number; jobs: boolean }>();
    for (let i = 0; i < 20 && health.size < 2; i++) {
      const answer = await get(started.port, '/healthz');
      const body = JSON.parse(answer.body) as { status: string; worker: { id: number; jobs: boolean } };
      expect(body.status).toBe('ok');
      expect(answer.worker).toBe(String(body.worker.id));
      health.set(answer.worker as string, body.worker);
    }
    expect(health.size).toBe(2);
    expect([...health.values()].filter((w) => w.jobs)).toHaveLength(1);

    // The village does not exist (404), but the limit counts before the handler runs, as for a scraper.
    const answers: Answer[] = [];
    for (let i = 0; i < LIMIT + 4; i++) answers.push(await get(started.port, '/api/public/villages/370402999999/disclosures'));
    expect(answers.slice(0, LIMIT).map((a) => a.status)).not.toContain(429);
    expect(answers.slice(LIMIT).map((a) => a.status)).toEqual([429, 429, 429, 429]);
    // Both processes served the first LIMIT and both refused afterwards: one count, whichever process answers.
    expect(new Set(answers.slice(0, LIMIT).map((a) => a.worker)).size).toBe(2);
    expect(new Set(answers.slice(LIMIT).map((a) => a.worker)).size).toBe(2);

    child?.kill('SIGTERM');
    expect(await Promise.race([started.exited, new Promise((r) => setTimeout(() => r('still running'), 40_000))])).toEqual({ code: 0, signal: null });
    expect(platformPids()).toEqual([]);
    expect(postgresPids()).toEqual([]);
  }, START_LIMIT_MS + 60_000);

  it('14.5 killing the primary outright (SIGKILL) ends its workers too', async () => {
    await npmStart();
    const workers = () => pidsWhere((env, cmd) => env.includes(`DATA_DIR=${dataDir}`) && cmd.includes('server.js'));
    const primary = pidsWhere((env, cmd) => env.includes(`DATA_DIR=${dataDir}`) && cmd.includes('scripts/start.mjs') && !cmd.startsWith('npm'));
    expect(workers()).toHaveLength(2);
    expect(primary).toHaveLength(1);
    process.kill(primary[0], 'SIGKILL');
    expect(await until(() => workers().length === 0, 10_000)).toBe(true);
  }, START_LIMIT_MS + 30_000);
});
