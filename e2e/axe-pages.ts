import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, signIn as signInAs, type Site } from './browser.js';

/**
 * 信息无障碍 (issue 21, GB/T 37668-2019 ≈ WCAG 2.1 AA): the pages axe-core audits in Chromium and how, shared by the
 * desktop file (accessibility.test.ts, with the keyboard-only flow) and the 390 px file (accessibility-phone.test.ts),
 * which run side by side: one file took 138 s, the longest in npm test. Any serious or critical violation fails (low
 * contrast is serious). One browser, one signed-in tab per role, and the pages are switched inside the app (history +
 * popstate) so the bundle loads once per role, not once per page.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };
type Viewports = (readonly [string, { width: number; height: number }])[];
/** The viewports this file audits (describeAxePages): each test file takes one, so the two run side by side. */
let viewports: Viewports = [];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/**
 * Landmarks and headings in order (issue 21 point 2): axe tags these 'best-practice', not WCAG, and rates them
 * moderate, so they are enabled by id and any violation of them fails, whatever its impact.
 */
const STRUCTURE_RULES = ['heading-order', 'page-has-heading-one', 'landmark-one-main', 'landmark-unique', 'landmark-no-duplicate-main', 'region'];

interface Finding {
  ms: number; page: string; viewport: string; byImpact: Record<string, number>; contrastNodes: number; serious: string[];
  /** Violations of STRUCTURE_RULES ("rule×nodes (first node)"), and images a screen reader names in English. */
  structure: string[]; englishIcons: string[];
}
const findings: Finding[] = [];
const colourCounts = new Map<string, { n: number; example: string }>();
let site: Site;
let page: Page;
let ids: Record<string, number | null>;

beforeAll(async () => {
  site = await openSite();
  page = await site.browser.newPage();
  page.on('request', () => { inFlight++; });
  page.on('requestfinished', () => { inFlight--; });
  page.on('requestfailed', () => { inFlight--; });
  const one = async (sql: string) => ((await site.query(sql)).rows[0]?.id as number | undefined) ?? null;
  ids = {
    member: await one('select id from members order by id limit 1'),
    person: await one('select person_id as id from members order by id limit 1'),
    recruitment: await one('select id from recruitments order by id limit 1'),
    disclosure: await one('select id from disclosures order by id limit 1'),
    center: await one('select id from service_centers order by id limit 1'),
    fourTwo: await one('select id from four_two_procedures order by id limit 1'),
    round: await one('select round_id as id from inspection_round_villages order by round_id limit 1'),
    roundVillage: await one('select organization_id as id from inspection_round_villages order by round_id limit 1'),
    rectification: await one('select id from rectifications order by id limit 1'),
    period: await one('select id from assessment_periods order by id limit 1'),
    session: await one('select id from training_sessions order by id limit 1'),
    trip: await one('select id from education_trips order by id limit 1'),
    matter: await one('select id from matters order by id limit 1'),
    activity: await one(`select a.id from activities a join organizations o on o.id = a.organization_id where o.name = '营子村党支部' order by a.held_on desc limit 1`),
    village: await one(`select id from organizations where name = '营子村党支部'`),
    town: await one(`select id from tenants where kind = 'town' order by id limit 1`),
  };
});
afterAll(async () => {
  if (findings.length) {
    console.log('axe (wcag2a/aa, 2.1 a/aa + structure rules): page, viewport, violations by impact, color-contrast nodes, structure nodes, English-named images');
    console.log([...colourCounts].sort((a, b) => b[1].n - a[1].n).map(([c, { n, example }]) => `${n}\t${c}\t${example}`).join('\n'));
    const nodes = (list: string[]) => list.reduce((sum, v) => sum + Number(/×(\d+)/.exec(v)?.[1] ?? 1), 0);
    for (const f of findings) {
      console.log(`${f.page}\t${f.viewport}\t${f.ms} ms\t${JSON.stringify(f.byImpact)}\t${f.contrastNodes}\t${nodes(f.structure)}\t${f.englishIcons.length}\t${[...f.structure, ...f.englishIcons].join('; ')}`);
    }
  }
  await site?.close();
});

const signIn = (username: string) => signInAs(site, page, username);

let inFlight = 0;

/** Waits until the page shows its data: no request in flight for 120 ms, then no spinner and no skeleton. */
async function settle() {
  for (let quiet = 0; quiet < 2;) {
    await page.waitForTimeout(60);
    quiet = inFlight === 0 ? quiet + 1 : 0;
  }
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), undefined, { timeout: 15_000 });
}

/**
 * Switches page inside the app. The router keeps the old page on screen until the new one's chunk arrives, so the
 * old page's root is marked and the audit waits for it to go (a drawer on the same route keeps it: then 2 s at most).
 */
async function open(path: string) {
  await page.evaluate((to) => {
    document.querySelector('.app-content')?.firstElementChild?.setAttribute('data-axe-left', '');
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForFunction(() => !document.querySelector('[data-axe-left]'), undefined, { timeout: 2_000 }).catch(() => undefined);
  await settle();
}

async function audit(path: string, viewport: string, started: number) {
  const loaded = await page.evaluate(() => 'axe' in window);
  // The app's CSP refuses inline scripts; evaluating through the DevTools protocol is not a page script.
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async ({ tags, structure }) => {
    // An enabled rule runs besides the tags (axe's ruleShouldRun looks at options.rules before runOnly's tags).
    const rules = Object.fromEntries(structure.map((id) => [id, { enabled: true }]));
    const result = await (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } })
      .axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, nodes: v.nodes.length, first: v.nodes[0]?.target.join(' '),
      // For a contrast finding, its colours (what to change in the theme): "fg on bg ratio".
      colours: v.nodes.map((n) => { const d = (n as unknown as { any: { data?: { fgColor?: string; bgColor?: string; contrastRatio?: number } }[] }).any[0]?.data; return d?.fgColor ? `${d.fgColor} on ${d.bgColor} ${d.contrastRatio} e.g. ${n.target.join(' ')}` : ''; }),
    }));
  }, { tags: TAGS, structure: STRUCTURE_RULES });
  // @ant-design/icons names every icon in English (role="img" aria-label="delete"): read aloud in a Chinese page.
  // An image a screen reader reaches (not under aria-hidden) must have no name made of ASCII alone.
  const englishIcons = await page.evaluate(() => Array.from(document.querySelectorAll('[role="img"][aria-label]'))
    .filter((el) => !el.closest('[aria-hidden="true"]') && /^[\x20-\x7e]*$/.test(el.getAttribute('aria-label') ?? ''))
    .map((el) => `img "${el.getAttribute('aria-label')}" in ${el.parentElement?.tagName.toLowerCase()}.${el.parentElement?.className.toString().split(' ')[0] ?? ''}`));
  const byImpact: Record<string, number> = {};
  for (const v of violations) byImpact[v.impact] = (byImpact[v.impact] ?? 0) + v.nodes;
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}×${v.nodes} (${v.first})`);
  const structure = violations.filter((v) => STRUCTURE_RULES.includes(v.id)).map((v) => `${v.id}×${v.nodes} (${v.first})`);
  for (const v of violations) for (const c of v.colours) {
    if (!c) continue;
    const [pair, example] = c.split(' e.g. ');
    const seen = colourCounts.get(pair);
    colourCounts.set(pair, { n: (seen?.n ?? 0) + 1, example: seen?.example ?? `${path}: ${example}` });
  }
  findings.push({ ms: Math.round(performance.now() - started), page: path, viewport, byImpact, contrastNodes: violations.find((v) => v.id === 'color-contrast')?.nodes ?? 0, serious, structure, englishIcons });
}

/** Each page once per viewport of this file. */
async function auditPages(paths: (string | null)[]) {
  for (const [viewport, size] of viewports) {
    await page.setViewportSize(size);
    for (const path of paths) {
      if (!path) continue;
      const started = performance.now();
      await open(path);
      await audit(path, viewport, started);
    }
  }
}

const failures = (from = 0) => findings.slice(from)
  .map((f) => ({ f, all: [...new Set([...f.serious, ...f.structure])].concat(f.englishIcons.length ? [`English-named images ×${f.englishIcons.length}: ${f.englishIcons.slice(0, 3).join(', ')}`] : []) }))
  .filter(({ all }) => all.length).map(({ f, all }) => `${f.page} @${f.viewport}: ${all.join('; ')}`);
const withId = (template: string, ...values: (number | null)[]) => (values.some((v) => v === null) ? null : values.reduce<string>((path, v) => path.replace(':id', String(v)), template));

/** axe on every page of every role at the given viewports (issue 21 point 1). */
export function describeAxePages(at: Viewports) {
  viewports = at;
  describe(`issue 21: axe-core on every page (${at.map(([name]) => name).join(', ')})`, () => {
    it('the town admin’s pages', async () => {
      const from = findings.length;
      await signIn('admin');
      await auditPages([
        '/dashboard', '/dashboard/benchmark', '/organizations', '/members', '/members/exports', '/recruitment',
        '/recruitment/recruitments', '/recruitment/plans', '/tasks', '/compliance', '/activities', '/activities/theme-day',
        '/supervision', '/disclosures', '/cadres', '/reserves', '/talent', '/talent/away', '/economy', '/education',
        '/education/sessions/new', '/education/trips', '/education/venues', '/matters', '/households', '/showcases', '/news', '/assessment/schemes', '/assessment/periods',
        '/positions', '/inspections', '/dues', '/statistics', '/settings', '/settings/checklists', '/settings/users',
        '/settings/outbox', '/account', '/no-such-page',
        withId('/members/:id', ids.member), withId('/recruitment/recruitments/:id', ids.recruitment), withId('/disclosures/:id', ids.disclosure),
        withId('/positions/service-centers/:id', ids.center), withId('/positions/four-two/:id', ids.fourTwo),
        withId('/inspections/:id', ids.round), withId('/inspections/:id/villages/:id', ids.round, ids.roundVillage),
        withId('/rectifications/:id', ids.rectification), withId('/assessment/periods/:id', ids.period),
        withId('/education/sessions/:id', ids.session), withId('/education/people/:id', ids.person), withId('/education/trips/:id', ids.trip),
        withId('/activities/:id', ids.activity), withId('/dashboard/villages/:id', ids.village), withId('/matters/:id', ids.matter),
      ]);
      expect(failures(from)).toEqual([]);
    }, 600_000);

    it('the secretary’s, the district’s and the member’s own pages; the sign-in and public pages', async () => {
      const from = findings.length;
      await signIn('yingzi');
      await auditPages(['/assessment/my-pay']);
      await signIn('quwei');
      await auditPages(['/district', withId('/district/towns/:id', ids.town)]);
      await signIn('member');
      const own = ['/my', '/my/study', '/my/households', '/recruitment/mentoring', '/account'];
      await auditPages(own);
      // 适老化 (issue 21 point 3) as the member turned it on: the same pages with large text and controls.
      await site.query(`update users set elder_mode = true where username = 'member'`);
      await page.goto(`${site.baseUrl}/my`);
      await page.locator('html.elder-mode').waitFor({ state: 'attached' });
      await auditPages(own.map((path) => `${path}#适老化`));
      // 适老化's simpler layout folds details behind 更多 (issue 21 point 3): audited unfolded too.
      for (const path of ['/my', '/my/study', '/my/households']) {
        const started = performance.now();
        await open(`${path}#更多`);
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
        await audit(`${path}#适老化 更多`, viewports[viewports.length - 1][0], started);
      }
      await site.query(`update users set elder_mode = false where username = 'member'`);
      await site.browser.clearCookies();
      for (const [viewport, size] of viewports) {
        await page.setViewportSize(size);
        for (const path of ['/login', '/public/villages/370402105200', '/public/villages/370402105200/matters/new', '/public/towns/370402105']) {
          const started = performance.now();
          await page.goto(`${site.baseUrl}${path}`);
          await settle();
          await audit(path, viewport, started);
        }
      }
      expect(failures(from)).toEqual([]);
    }, 600_000);
  });
}

/** What has the keyboard focus: its role, its name as a screen reader would read it (label, aria-label or text). */
async function focused() {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    // Focus that left the page rests on <body>, whose text holds every word: it names nothing.
    if (!el || el === document.body) return { role: 'body', name: '', visible: false };
    const labelled = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
    const style = getComputedStyle(el);
    return {
      role: el.getAttribute('role') ?? el.tagName.toLowerCase(),
      name: (el.getAttribute('aria-label') ?? labelled ?? el.textContent ?? '').replace(/\s+/g, ''),
      // A visible focus: the ring of global.css (or antd's own outline / shadow).
      visible: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
    };
  });
}

/** Presses Tab (or another key) until the focused element's name matches (and its role, if given). */
async function pressUntil(name: RegExp, key = 'Tab', limit = 80, role?: RegExp) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const now = await focused();
    if (name.test(now.name) && (!role || role.test(now.role))) return now;
  }
  throw new Error(`按 ${limit} 次 ${key} 也没有到达“${name.source}”`);
}

/** The keyboard-only flow (issue 21 point 2). */
export function describeKeyboard() {
  describe('issue 21 point 2: by keyboard only', () => {
    it('signs in and records a 主题党日 with Tab, Enter and typing, no clicks; an empty required field is announced', async () => {
      const branchId = Number((await site.query(`select id from organizations where name = '营子村党支部'`)).rows[0].id);
      const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
      const thisMonth = `select id from activities where organization_id = ${branchId} and kind in ('theme_day', 'combined_day') and to_char(held_on, 'YYYY-MM') = '${month}'`;
      for (const table of ['attendances', 'activity_files', 'activity_checks', 'activity_reviews', 'dengta_uploads', 'attendance_responses', 'activity_votes']) {
        await site.query(`delete from ${table} where activity_id in (${thisMonth})`);
      }
      await site.query(`delete from activities where id in (${thisMonth})`);
      await site.browser.clearCookies();
      await page.setViewportSize(DESKTOP);
      await page.goto(`${site.baseUrl}/login`);
      await pressUntil(/用户名/, 'Tab', 20, /^input$/);
      await page.keyboard.type('yingzi');
      await pressUntil(/密码/, 'Tab', 20, /^input$/);
      await page.keyboard.type('demo123456');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await settle();

      // The menu is reached by Tab and walked with the arrow keys, as antd's menu expects.
      // Once in CI (two browser files side by side) the walk down the menu never reached the entry; alone it always
      // does, and the cause is not found yet. The page is loaded again and the walk retried from the top, by keys only,
      // at most twice more, so a real keyboard trap still fails.
      let entry: Awaited<ReturnType<typeof focused>> | undefined;
      for (let attempt = 0; !entry && attempt < 3; attempt++) {
        if (attempt > 0) { await page.goto(page.url()); await settle(); }
        const menu = await pressUntil(/./, 'Tab', 40, /^menu(item)?$/);
        entry = menu.role === 'menuitem' && /^记录主题党日$/.test(menu.name)
          ? menu : await pressUntil(/^记录主题党日$/, 'ArrowDown', 40, /^menuitem$/).catch(() => undefined);
      }
      if (!entry) throw new Error('三次都没有用键盘到达菜单“记录主题党日”');
      expect(entry.visible, 'the focused menu entry shows its focus').toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/activities\/theme-day/);
      await settle();

      // Saving with the topic empty: focus goes to the field in error, which says it is invalid and names its error
      // (aria-invalid, aria-describedby), so a screen reader reads the error out; nothing is saved.
      const save = await pressUntil(/^保存并提交督导签认$/, 'Tab', 150, /^button$/);
      expect(save, 'the focused button shows its focus').toMatchObject({ visible: true });
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => {
        const el = document.activeElement;
        const described = (el?.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join('');
        return { invalid: el?.getAttribute('aria-invalid') ?? null, error: described };
      }), { timeout: 10_000 }).toMatchObject({ invalid: 'true', error: expect.stringMatching(/主题/) });
      expect(Number((await site.query(`select count(*) from (${thisMonth}) t`)).rows[0].count)).toBe(0);
      expect((await focused()).name).toMatch(/活动主题/);

      await page.keyboard.type('键盘操作记录主题党日');
      await pressUntil(/活动内容/, 'Tab', 20, /^textarea$/);
      await page.keyboard.type('集中学习,逐一发言。');
      await pressUntil(/^保存并提交督导签认$/, 'Tab', 150, /^button$/);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/activities\/\d+$/, { timeout: 30_000 });
      const { rows: [saved] } = await site.query(`select topic, minutes from activities where id in (${thisMonth})`);
      expect(saved).toEqual({ topic: '键盘操作记录主题党日', minutes: '集中学习,逐一发言。' });
    }, 120_000);
  });
}
