import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.js';
import { DEMO_ACCOUNTS } from './demo/index.js';
import { DEMO_DISTRICT_ACCOUNT } from './demo/demo-district.js';
import { startPlatform, type Platform } from './platform.js';
import { ROLE_LABELS } from '@dj/contracts';

/** What the operator reads once the platform answers (printed by the one process, or by a cluster's primary). */
export function startBanner(config: Config, p: { port: number; mode: 'embedded' | 'server'; ms: number; seeded: boolean; workers: number }): string {
  const lines = [
    '',
    `党建引领乡村振兴工作平台已启动: http://localhost:${p.port}`,
    `数据库: ${p.mode === 'embedded' ? `内置 PostgreSQL(数据目录 ${config.dataDir})` : 'PostgreSQL 服务器(DATABASE_URL)'}`,
    ...(p.workers > 1 ? [`进程: ${p.workers} 个 API 进程共用端口 ${p.port}(WORKERS),后台任务在其中一个进程运行`] : []),
    `启动用时: ${p.ms} ms${p.seeded ? '(首次启动,已生成演示镇)' : ''}`,
  ];
  if (config.SEED_DEMO && config.NODE_ENV !== 'production') {
    lines.push(`演示账号(密码均为 ${config.DEMO_PASSWORD === 'demo123456' ? 'demo123456' : '环境变量 DEMO_PASSWORD 的值'}):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.username.padEnd(10)} ${ROLE_LABELS[a.role]} · ${a.scope}`);
    lines.push(`  ${DEMO_DISTRICT_ACCOUNT.username.padEnd(10)} ${ROLE_LABELS.district_viewer} · 市中区(区级驾驶舱,含演示镇)`);
  }
  return lines.join('\n') + '\n';
}

/**
 * One API process: WORKERS=1, or one worker of a cluster (cluster.ts), which finds the database prepared by its
 * primary, serves on the shared port and runs the jobs only if the primary gave it JOBS=on.
 */
export async function serve(config: Config, started: number): Promise<void> {
  let platform: Platform | undefined;
  let starting = true;
  let stopRequested = false;

  /** Stop in order — jobs, HTTP, the pool, then the embedded PostgreSQL — so the next start needs no crash recovery. */
  const stopAndExit = (): void => {
    const stopped = platform ? platform.stop() : Promise.resolve();
    stopped.then(() => process.exit(0), (err: unknown) => {
      console.error(`停止时出错: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    });
  };

  // SIGTERM from a supervisor or `kill` (or a cluster's primary), SIGINT from Ctrl-C (npm start execs node, so either
  // reaches this process). Listened for before anything starts: /healthz answers before the jobs have started, and a
  // signal then must still stop PostgreSQL rather than kill Node and leave it running. A signal during start-up stops
  // once start-up is over; a repeated signal (Ctrl-C pressed twice) does not cut the stop short.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopRequested) return;
      stopRequested = true;
      if (!starting) stopAndExit();
    });
  }

  const worker = cluster.isWorker && cluster.worker ? { id: cluster.worker.id, jobs: config.JOBS } : undefined;
  try {
    platform = await startPlatform(config, { worker });
    await platform.app.listen({ port: config.PORT, host: config.HOST });
    await platform.startJobs();
    const { port } = platform.app.server.address() as AddressInfo;
    const ms = Math.round(performance.now() - started);
    if (!stopRequested && !worker) console.log(startBanner(config, { port, mode: platform.mode, ms, seeded: platform.seeded, workers: 1 }));
  } catch (err) {
    console.error(`启动失败: ${err instanceof Error ? err.message : String(err)}`);
    await platform?.stop().catch(() => undefined);
    process.exit(1);
  }
  starting = false;
  if (stopRequested) stopAndExit();
}
