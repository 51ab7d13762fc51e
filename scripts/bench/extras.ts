// What the bench measured before issue 14 and still reports: the web app's first-load bytes (every run), and on the
// demo town the yearly ledger documents, the public page's size and time to first byte, and a 5,000-row import.
import { buildMessyRoster } from '../../apps/api/src/modules/members/excel/fixtures.js';
import { parseRoster } from '../../apps/api/src/modules/members/excel/parse-roster.js';
import { todayInShanghai } from '@dj/contracts';
import { openDatabase, SYSTEM_SCOPE, withRowScope } from '../../apps/api/src/db/client.js';
import { precomputeCalendars } from '../../apps/api/src/modules/notifications/index.js';
import { refreshDistrictSnapshots } from '../../apps/api/src/modules/district/index.js';

type Log = (line: string) => void;

/** The daily calendars job's work, as the jobs process runs it (row scope '*'), timed. */
export async function storeDayCalendars(url: string) {
  const database = openDatabase(url, 2);
  const started = performance.now();
  try {
    const counts = await withRowScope(SYSTEM_SCOPE, () => precomputeCalendars(database.db, todayInShanghai()));
    return { ...counts, ms: performance.now() - started };
  } finally { await database.close(); }
}

/** The 驾驶舱快照 job's work (jobs/boss.ts JOB_DISTRICT_SNAPSHOTS, row scope '*', each town in its own), timed. */
export async function storeDistrictSnapshots(url: string) {
  const database = openDatabase(url, 2);
  const started = performance.now();
  try {
    const counts = await withRowScope(SYSTEM_SCOPE, () => refreshDistrictSnapshots(database.db));
    return { ...counts, ms: performance.now() - started };
  } finally { await database.close(); }
}

/** Follows the static imports from index.html's entry (plus one page chunk) and adds up the bytes sent with brotli accepted. */
export async function firstLoadBytes(origin: string, page: string) {
  const html = await (await fetch(`${origin}/`, { headers: { accept: 'text/html' } })).text();
  const entry = /src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) return null;
  const seen = new Set<string>();
  let raw = 0;
  let sent = 0;
  let encoding = 'uncompressed';
  const visit = async (file: string, withPage: boolean) => {
    if (seen.has(file)) return;
    seen.add(file);
    const res = await fetch(`${origin}/assets/${file}`, { headers: { 'accept-encoding': 'br, gzip' } });
    const text = await res.text();
    encoding = res.headers.get('content-encoding') ?? encoding;
    raw += Buffer.byteLength(text);
    sent += Number(res.headers.get('content-length') ?? Buffer.byteLength(text));
    const imports = [...text.matchAll(/(?:import|from)\s*["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]);
    if (withPage) imports.push(...[...text.matchAll(new RegExp(`${page}-[\\w-]+\\.js`, 'g'))].map((m) => m[0]));
    for (const next of imports) await visit(next, false);
  };
  await visit(entry, true);
  return { files: seen.size, raw, sent, encoding };
}

export async function reportFirstLoad(origin: string, log: Log) {
  const webBytes = await firstLoadBytes(origin, 'MyActivitiesPage');
  if (webBytes) log(`  web app, first load of 我的组织生活: ${webBytes.files} files, ${(webBytes.raw / 1024).toFixed(0)} KB of JavaScript, ${(webBytes.sent / 1024).toFixed(0)} KB sent (${webBytes.encoding})`);
  else log('  web app, first load: not built (npm run build first)');
  return webBytes;
}

const median3 = async (fn: () => Promise<number | void>) => {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) { const started = performance.now(); await fn(); times.push(performance.now() - started); }
  return times.sort((a, b) => a - b);
};

/** The demo town's documents, public page size and roster import (they need the demo's names). */
export async function demoExtras(origin: string, cookie: string, csrf: string, log: Log) {
  const orgs = ((await (await fetch(`${origin}/api/organizations?range=subtree`, { headers: { cookie } })).json()) as { items: { id: number; name: string; kind: string; parentId: number | null }[] }).items;
  const yingzi = orgs.find((o) => o.name === '营子村党支部')!.id;
  const year = new Date().getFullYear();
  for (const format of ['pdf', 'docx']) {
    let bytes = 0;
    const t = await median3(async () => { bytes = (await (await fetch(`${origin}/api/ledger?orgId=${yingzi}&period=${year}&format=${format}`, { headers: { cookie } })).arrayBuffer()).byteLength; });
    log(`  yearly ledger of 营子村党支部 ${year} (${format}): median ${t[1].toFixed(0)} ms of 3 (min ${t[0].toFixed(0)}, max ${t[2].toFixed(0)}), ${(bytes / 1024).toFixed(0)} KB`);
  }
  const publicUrl = `${origin}/public/villages/370402105200`;
  const ttfb: number[] = [];
  let publicBytes = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const reader = (await fetch(publicUrl)).body!.getReader();
    const first = await reader.read();
    ttfb.push(performance.now() - started);
    publicBytes = first.value?.byteLength ?? 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) publicBytes += chunk.value.byteLength;
  }
  ttfb.sort((a, b) => a - b);
  const wire = await fetch(publicUrl, { headers: { 'accept-encoding': 'gzip' } }).then(async (r) => ({ encoding: r.headers.get('content-encoding'), bytes: Number(r.headers.get('content-length') ?? 0) || (await r.arrayBuffer()).byteLength }));
  log(`  public page of 营子村: ${(publicBytes / 1024).toFixed(1)} KB of HTML, ${(wire.bytes / 1024).toFixed(1)} KB sent (${wire.encoding ?? 'uncompressed'}), time to first byte median ${ttfb[2].toFixed(1)} ms of 5`);
  const town = orgs.find((o) => o.parentId === null)!.id;
  const branches = orgs.filter((o) => o.kind === 'branch').map((o) => o.name);
  const roster = await buildMessyRoster({ count: 5000, organizationNames: branches, seed: 5000 });
  const parse = await median3(async () => { await parseRoster(roster.file); });
  log(`  parseRoster of 5,000 rows (${(roster.file.length / 1024).toFixed(0)} KB): median ${parse[1].toFixed(0)} ms of 3 (min ${parse[0].toFixed(0)}, max ${parse[2].toFixed(0)})`);
  for (const dryRun of [true, false]) {
    const form = new FormData();
    form.append('file', new Blob([roster.file]), 'roster-5000.xlsx');
    const started = performance.now();
    const res = await fetch(`${origin}/api/members/import?orgId=${town}&dryRun=${dryRun}`, { method: 'POST', body: form, headers: { cookie, 'x-csrf-token': csrf } });
    const report = (await res.json()) as { total: number; created: number; invalid: number };
    log(`  import of ${report.total} rows (${dryRun ? 'dry run' : 'real'}): ${((performance.now() - started) / 1000).toFixed(1)} s, created ${report.created}, invalid ${report.invalid}`);
  }
}
