/**
 * WORKERS > 1 (issue 14 point 5): this process prepares the database once — embedded PostgreSQL or DATABASE_URL,
 * migrations, the demo town — then forks WORKERS API processes that share PORT (node:cluster hands each new
 * connection to the next worker). The first worker runs the jobs (pg-boss) when JOBS=on; the others run none.
 * The workers share nothing but the database (decision 009). A worker that dies is replaced, with its role;
 * SIGTERM/SIGINT stop the workers first, then the embedded PostgreSQL. If this process is killed outright, each
 * worker's IPC channel closes and node:cluster ends the worker at once.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Config } from './config.js';
import { prepareDatabase, type PreparedDatabase } from './platform.js';
import { startBanner } from './serve.js';

const STOP_LIMIT_MS = 30_000;
const RESPAWN_DELAY_MS = 1000;

interface Start { started: number; entry: string }

export async function runPrimary(config: Config, { started, entry }: Start): Promise<void> {
  let prepared: PreparedDatabase | undefined;
  let stopping = false;
  let listening = false;
  /** Whether each live worker runs the jobs, so that a replacement takes the same role. */
  const roles = new Map<number, boolean>();

  const live = (): Worker[] => Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());

  const finish = async (code: number): Promise<never> => {
    await prepared?.stopEmbedded?.().catch((err: unknown) => console.error(`停止时出错: ${err instanceof Error ? err.message : String(err)}`));
    process.exit(code);
  };

  /** Stop every worker (each stops its jobs, HTTP and pool), then PostgreSQL; a worker stuck past the limit is killed. */
  const stopAll = async (code: number): Promise<never> => {
    stopping = true;
    const workers = live();
    const exited = workers.map((w) => new Promise<void>((resolve) => { if (w.isDead()) resolve(); else w.once('exit', () => resolve()); }));
    for (const w of workers) w.process.kill('SIGTERM');
    const timer = setTimeout(() => { for (const w of live()) w.process.kill('SIGKILL'); }, STOP_LIMIT_MS);
    await Promise.all(exited);
    clearTimeout(timer);
    return finish(code);
  };

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      // During preparation there are no workers yet: stop once prepareDatabase returns (below).
      if (prepared) void stopAll(0);
    });
  }

  try {
    prepared = await prepareDatabase(config);
    // The primary serves nothing: its pool was only for migrations and the demo town.
    await prepared.database.close();
  } catch (err) {
    console.error(`启动失败: ${err instanceof Error ? err.message : String(err)}`);
    return finish(1);
  }
  if (stopping) return stopAll(0);

  // The workers connect as the platform's role (RLS applies) and run pg-boss as the owner (decision 008).
  const { databaseUrl, ownerUrl } = prepared;
  // The workers run this same entry (server.ts); npm start enables source maps in-process, so pass it on as a flag.
  cluster.setupPrimary({ exec: entry, execArgv: [...process.execArgv, ...(process.sourceMapsEnabled ? ['--enable-source-maps'] : [])] });
  const fork = (jobs: boolean): Worker => {
    const worker = cluster.fork({ DATABASE_URL: databaseUrl, MIGRATION_DATABASE_URL: ownerUrl, JOBS: jobs ? 'on' : 'off' });
    roles.set(worker.id, jobs);
    return worker;
  };

  const allListening = new Promise<number>((resolve, reject) => {
    let count = 0;
    cluster.on('listening', (_worker, address) => { count += 1; if (!listening && count === config.WORKERS) resolve(address.port); });
    cluster.on('exit', (worker, code, signal) => {
      const jobs = roles.get(worker.id) ?? false;
      roles.delete(worker.id);
      if (stopping) return;
      if (!listening) { reject(new Error(`API 进程 ${worker.id} 启动时退出(${signal ?? code})`)); return; }
      console.error(`API 进程 ${worker.id} 意外退出(${signal ?? code}),${RESPAWN_DELAY_MS / 1000} 秒后重启${jobs ? '(后台任务进程)' : ''}`);
      setTimeout(() => { if (!stopping) fork(jobs); }, RESPAWN_DELAY_MS);
    });
  });
  for (let i = 0; i < config.WORKERS; i++) fork(i === 0 && config.JOBS);

  try {
    const port = await allListening;
    listening = true;
    const ms = Math.round(performance.now() - started);
    if (!stopping) console.log(startBanner(config, { port, mode: prepared.mode, ms, seeded: prepared.seeded, workers: config.WORKERS }));
  } catch (err) {
    console.error(`启动失败: ${err instanceof Error ? err.message : String(err)}`);
    if (!stopping) await stopAll(1);
  }
}
