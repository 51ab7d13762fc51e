// The load: autocannon in its own process (so it does not share the event loop it measures), and while it runs,
// this process's event-loop delay (perf_hooks) and resident memory sampled every 100 ms.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A full collection before each endpoint's run, so its RSS is not the previous endpoint's garbage (the capture of a
// whole-city board leaves hundreds of MB behind). The flag has to be set before the gc function is asked for.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const execFileAsync = promisify(execFile);
const child = fileURLToPath(new URL('./load-child.mjs', import.meta.url));

export const seconds = Number(process.env.BENCH_SECONDS ?? 10);
export const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** BENCH_REPEAT: measured runs per endpoint; the median run (by req/s) is reported, with the spread of all. */
export const repeats = Math.max(1, Number(process.env.BENCH_REPEAT ?? 1));

export interface Request { url: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }
export interface Figures {
  rps: number; p50: number; p95: number; p99: number; requests: number; non2xx: number; errors: number; timeouts: number; bytesPerRequest: number;
  /** Only while the app served: this process's event loop (ms) and resident memory (MB). */
  loopP99?: number; loopMax?: number; rssMax?: number;
  /** With BENCH_REPEAT > 1: the lowest and highest of the runs (the figures above are the median run's). */
  spread?: { runs: number; rps: [number, number]; p95: [number, number] };
}

async function run(req: Request, duration: number, amount?: number): Promise<Figures> {
  // Asynchronous on purpose: a synchronous spawn would stall the server under test in this process.
  // autocannon shares `amount` among the connections: fewer requests than connections need fewer connections.
  const open = amount ? Math.min(connections, amount) : connections;
  const { stdout } = await execFileAsync(process.execPath, [child, JSON.stringify({ ...req, connections: open, duration, amount })], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as Figures;
}

/**
 * One second of warm-up (JIT, pool, caches), then `seconds` measured; `watch` adds the event-loop and RSS figures.
 * `slowMs` (one request took over a second): no warm-up, and a fixed number of requests instead of a duration, about
 * 30 s of the server's time (2 at least, two per connection at most), so a whole-province aggregate still ends.
 */
export async function measure(req: Request, watch: boolean, slowMs = 0): Promise<Figures> {
  const runs: Figures[] = [];
  for (let i = 0; i < repeats; i++) runs.push(await measureOnce(req, watch, slowMs, i === 0));
  if (runs.length === 1) return runs[0];
  const byRps = [...runs].sort((a, b) => a.rps - b.rps);
  const p95s = runs.map((r) => r.p95);
  const spread = { runs: runs.length, rps: [byRps[0].rps, byRps[byRps.length - 1].rps] as [number, number], p95: [Math.min(...p95s), Math.max(...p95s)] as [number, number] };
  return { ...byRps[Math.floor(byRps.length / 2)], spread };
}

async function measureOnce(req: Request, watch: boolean, slowMs: number, warm: boolean): Promise<Figures> {
  const amount = slowMs > 1000 ? Math.max(2, Math.min(connections * 2, Math.round(30_000 / slowMs))) : undefined;
  if (!amount && warm) await run(req, 1);
  if (watch) collect();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  let rssMax = process.memoryUsage.rss();
  const sampler = setInterval(() => { rssMax = Math.max(rssMax, process.memoryUsage.rss()); }, 100);
  if (watch) loop.enable();
  let figures: Figures;
  try {
    figures = await run(req, seconds, amount);
    // Under load a request may outlast a short BENCH_SECONDS: then one request per connection, however long they take.
    if (figures.requests === 0 && !amount) figures = await run(req, seconds, connections);
  } finally { clearInterval(sampler); loop.disable(); }
  if (watch) Object.assign(figures, { loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6, rssMax: rssMax / 2 ** 20 });
  return figures;
}
