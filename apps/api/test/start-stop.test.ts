import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, makeTraversable } from '../src/db/embedded.js';

// Issue 13 point 11: `npm start` as an operator runs it. A signal to the npm process itself (a supervisor, `kill PID`)
// stops the platform and its embedded PostgreSQL; Ctrl-C in a terminal (SIGINT to the whole process group) too; a
// clean stop writes no error line. Before the fix a signal to npm's pid left node and PostgreSQL running (npm
// forwarded it to `sh -c`, which died without passing it on), and Ctrl-C made pg-boss log three level-50 errors
// because PostgreSQL received the SIGINT itself and cut the platform's connections before the platform closed them.
const root = fileURLToPath(new URL('../../..', import.meta.url));
// Builds the web and the API when their sources changed (a few seconds each), starts PostgreSQL, migrates.
const START_LIMIT_MS = 180_000;

let child: ChildProcess | undefined;
let dataDir: string | undefined;

afterEach(() => {
  // A failed test must not leave a platform running: stop whatever is left with the data directory.
  if (child && child.exitCode === null && child.signalCode === null && child.pid) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { child.kill('SIGKILL'); }
  }
  for (const pid of platformPids()) process.kill(pid, 'SIGKILL');
  for (const pid of postgresPids()) process.kill(pid, 'SIGQUIT');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  child = undefined;
  dataDir = undefined;
});

/** PostgreSQL processes serving this test's data directory (/proc; the test runs on Linux). */
function postgresPids(): number[] {
  if (!dataDir) return [];
  const pgDir = join(dataDir, 'pg');
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((name) => {
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      const state = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1] ?? '';
      return cmdline.includes('postgres') && cmdline.includes(pgDir) && !state.startsWith('Z') ? [Number(name)] : [];
    } catch {
      return [];
    }
  });
}

/** Node processes started with this test's data directory (npm, sh, node), for the clean-up after a failure. */
function platformPids(): number[] {
  if (!dataDir) return [];
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid).flatMap((name) => {
    try {
      return readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(`DATA_DIR=${dataDir}`) ? [Number(name)] : [];
    } catch {
      return [];
    }
  });
}

interface Started { child: ChildProcess; output: () => string; exited: Promise<{ code: number | null; signal: string | null }> }

/** `npm start` with its own data directory and port, resolved once /healthz answers. */
async function npmStart(options: { group: boolean }): Promise<Started> {
  dataDir = mkdtempSync(join(tmpdir(), 'dj-start-stop-'));
  makeTraversable(dataDir); // as root PostgreSQL runs as the OS user postgres
  const port = await freePort();
  let output = '';
  child = spawn('npm', ['start'], {
    cwd: root,
    // Its own process group when the test plays the terminal (Ctrl-C reaches the whole group).
    detached: options.group,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1',
      DATA_DIR: dataDir, SEED_DEMO: 'false', JOBS: 'on', LOG_LEVEL: 'info',
    },
  });
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += `[stderr] ${chunk.toString()}`; });
  const started = child;
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    started.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const end = Date.now() + START_LIMIT_MS;
  while (Date.now() < end) {
    if (started.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (healthy) return { child: started, output: () => output, exited };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`npm start did not answer /healthz within ${START_LIMIT_MS} ms:\n${output}`);
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(what)), ms); });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Lines a clean stop must not print: pino's error and fatal levels, npm's error lines, stack traces. */
function errorLines(output: string): string[] {
  return output.split('\n').filter((line) => /"level":(50|60)|npm (error|ERR!)|^\s+at |Error:|\[stderr\]\s*\S/.test(line));
}

async function expectCleanStop(started: Started): Promise<void> {
  const { code, signal } = await within(started.exited, 40_000, `npm start still running 40 s after the signal:\n${started.output()}`);
  expect({ code, signal }).toEqual({ code: 0, signal: null });
  expect(postgresPids()).toEqual([]);
  expect(existsSync(join(dataDir as string, 'pg', 'postmaster.pid'))).toBe(false);
  expect(existsSync(join(dataDir as string, 'platform.lock'))).toBe(false);
  expect(errorLines(started.output())).toEqual([]);
}

describe('13.11 starting and stopping: npm start', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`13.11 ${signal} to the npm start process itself stops the platform and its PostgreSQL, with no error line`, async () => {
      const started = await npmStart({ group: false });
      expect(postgresPids().length).toBeGreaterThan(0);
      started.child.kill(signal);
      await expectCleanStop(started);
    }, START_LIMIT_MS + 60_000);
  }

  it('13.11 Ctrl-C in a terminal (SIGINT to the whole process group) stops everything with no error line', async () => {
    const started = await npmStart({ group: true });
    process.kill(-(started.child.pid as number), 'SIGINT');
    await expectCleanStop(started);
  }, START_LIMIT_MS + 60_000);
});
