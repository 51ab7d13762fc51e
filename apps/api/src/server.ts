import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from './config.js';

const started = performance.now();
let config: Config;
try {
  config = loadConfig();
} catch (err) {
  console.error(`启动失败: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

// WORKERS > 1: this process is the cluster's primary (prepares the database, forks the workers, stops them); each
// worker runs this same file and serves. Imported lazily so a worker loads no primary code and the reverse.
if (cluster.isPrimary && config.WORKERS > 1) {
  const { runPrimary } = await import('./cluster.js');
  await runPrimary(config, { started, entry: fileURLToPath(import.meta.url) });
} else {
  const { serve } = await import('./serve.js');
  await serve(config, started);
}
