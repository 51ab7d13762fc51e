// The load generator's process: autocannon with every response time kept, so p95 is exact (autocannon's own JSON
// stops at p90 and p97.5). Reads its options as JSON from argv[2], prints one JSON line of figures.
import autocannon from 'autocannon';

const o = JSON.parse(process.argv[2]);
const times = [];
let non2xx = 0;
const instance = autocannon({
  url: o.url, method: o.method ?? 'GET', headers: o.headers ?? {}, body: o.body, connections: o.connections, timeout: 120,
  // A request of several seconds would never finish inside a short duration: a fixed number of requests instead.
  ...(o.amount ? { amount: o.amount } : { duration: o.duration }),
});
instance.on('response', (_client, status, _bytes, ms) => { times.push(ms); if (status < 200 || status > 299) non2xx++; });
const result = await instance;
times.sort((a, b) => a - b);
const at = (p) => (times.length ? times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] : 0);
console.log(JSON.stringify({
  rps: times.length / (result.duration || o.duration), p50: at(50), p95: at(95), p99: at(99), requests: times.length, non2xx, errors: result.errors, timeouts: result.timeouts,
  bytesPerRequest: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
}));
