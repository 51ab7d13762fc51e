// npm run bench -- --lighthouse [--runs N] [--page login|member|villages]: Lighthouse (mobile, default simulated throttling) against Debian's Chromium on
// the sign-in page, a 党员's own pages (demo `member`, signed in: first page, 我的学习, 我的联户, 账号与安全, each also in
// 适老化 mode, issue 21 point 3) and the demo village's public page (issue 21 points 4 and 5). The platform starts as the bench's demo run does (embedded PostgreSQL or BENCH_DATABASE_URL, the demo town,
// the built web from apps/web/dist). Each page is measured N times (default 3) and the median run by performance score
// is printed: the four category scores, LCP, TBT and the JavaScript transferred. Nothing leaves the machine.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { startPlatform } from '../../apps/api/src/platform.js';
import { benchConfig } from './platform-config.js';

const log = (line: string) => console.log(line);
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
// No network beyond localhost on the bench machine: nothing in the browser may try to reach out.
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 3;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

interface Page { name: string; path: string; cookie?: string; /** The member's 适老化 choice during the run. */ elder?: boolean }
interface Measured {
  scores: Record<string, number>; lcpMs: number; tbtMs: number; jsKiB: number; unusedJsKiB: number; totalKiB: number;
  /** The accessibility audits that failed, to say what cost points. */ a11yFailed: string[];
}

function measured(lhr: Result): Measured {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
  const items = (lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
  const size = (type: string) => (items.find((i) => i.resourceType === type)?.transferSize ?? 0) / 1024;
  const unused = (lhr.audits['unused-javascript']?.details as { overallSavingsBytes?: number } | undefined)?.overallSavingsBytes ?? 0;
  const a11yFailed = (lhr.categories.accessibility?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && (lhr.audits[ref.id]?.score ?? 1) < 1).map((ref) => ref.id);
  return {
    a11yFailed, scores, lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? 0, tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? 0,
    jsKiB: size('script'), unusedJsKiB: unused / 1024, totalKiB: size('total'),
  };
}

async function audit(port: number, url: string, cookie?: string): Promise<Measured> {
  const result = await lighthouse(url, {
    port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES],
    // The session rides on every request of the run, the document's included (no Puppeteer needed to sign in).
    extraHeaders: cookie ? { Cookie: cookie } : undefined,
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  if (result.lhr.runtimeError) throw new Error(`${url}: ${result.lhr.runtimeError.message}`);
  // BENCH_LIGHTHOUSE_DIR=<dir>: each run's full report (JSON, open in the Lighthouse viewer) kept for reading.
  if (process.env.BENCH_LIGHTHOUSE_DIR) writeFileSync(join(process.env.BENCH_LIGHTHOUSE_DIR, `${new URL(url).pathname.replace(/\W+/g, '_')}-${Date.now()}.json`), result.report as string);
  return measured(result.lhr);
}

const format = (m: Measured) =>
  `${CATEGORIES.map((c) => `${c} ${m.scores[c]}`).join(', ')}; LCP ${(m.lcpMs / 1000).toFixed(1)} s, TBT ${m.tbtMs.toFixed(0)} ms, ` +
  `JS ${m.jsKiB.toFixed(0)} KiB sent (${m.unusedJsKiB.toFixed(0)} KiB unused), ${m.totalKiB.toFixed(0)} KiB in all` +
  (m.a11yFailed.length ? `; accessibility audits failed: ${m.a11yFailed.join(', ')}` : '');

const webDist = fileURLToPath(new URL('../../apps/web/dist/index.html', import.meta.url));
if (!existsSync(webDist)) throw new Error('the web app is not built: npm run build -w @dj/web first');

const { config, dir } = await benchConfig(process.env.BENCH_DATABASE_URL ?? '', false, 'dj-lighthouse-');
const platform = await startPlatform(config, { logger: false });
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(platform.app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'member', password: config.DEMO_PASSWORD }) });
  if (!login.ok) throw new Error(`sign-in of member: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const setElder = async (elderMode: boolean) => {
    const res = await fetch(`${origin}/api/auth/preferences`, {
      method: 'PATCH', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify({ elderMode }),
    });
    if (!res.ok) throw new Error(`适老化 ${elderMode} for member: ${res.status}`);
  };
  // Where the sign-in page sends a 党员 (lib/roles homePath): 我的组织生活. Each of the member's own pages in both modes.
  const memberPages: Page[] = [['党员首页', '/my'], ['我的学习', '/my/study'], ['我的联户', '/my/households'], ['账号与安全', '/account']]
    .flatMap(([name, path]) => [false, true].map((elder) => ({ name: `${name} ${path} (member${elder ? ', 适老化' : ''})`, path, cookie, elder })));
  const pages: Page[] = [
    { name: '登录页 /login', path: '/login' },
    ...memberPages,
    { name: '村公开页 /public/villages/370402105200', path: '/public/villages/370402105200' },
  ];
  // --page <text>: only the pages whose name or path contains it (e.g. --page login).
  const only = process.argv.indexOf('--page') >= 0 ? process.argv[process.argv.indexOf('--page') + 1] : '';
  const chosen = pages.filter((p) => !only || p.name.includes(only) || p.path.includes(only));
  chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  log(`Lighthouse (mobile, simulated throttling), ${runs} run(s) per page, median by performance; Chromium ${CHROMIUM}`);
  let elder = false;
  for (const page of chosen) {
    if (page.cookie && Boolean(page.elder) !== elder) await setElder((elder = Boolean(page.elder)));
    const all: Measured[] = [];
    for (let i = 0; i < runs; i++) all.push(await audit(chrome.port, `${origin}${page.path}`, page.cookie));
    all.sort((a, b) => a.scores.performance - b.scores.performance);
    log(`  ${page.name}: ${format(all[Math.floor(all.length / 2)])}`);
    if (all.length > 1) log(`    performance over the runs: ${all.map((m) => m.scores.performance).join(', ')}`);
  }
  // The demo member is left as the seed made it.
  if (elder) await setElder(false);
} finally {
  await chrome?.kill();
  await platform.stop();
  rmSync(dir, { recursive: true, force: true });
}
