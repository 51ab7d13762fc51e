import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { buildApp } from '../apps/api/src/app.js';
import { openDatabase } from '../apps/api/src/db/client.js';
import { APP_ROLE, urlAs } from '../apps/api/src/db/app-role.js';
import { createTestDatabase, TEST_CONNECT_TIMEOUT_MS, testCipher, testConfig } from '../apps/api/test/context.js';
import { TEST_APP_PASSWORD } from '../apps/api/test/database-url.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps dialling out, which this closed network refuses.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export interface Site {
  baseUrl: string;
  browser: BrowserContext;
  /** SQL on the site's own database, for setting a flow's starting point. */
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
}

/**
 * The real app on a free port over its own cloned database, and a fresh Chromium profile. The app connects as the
 * platform's role (row-level security applies, as in production: decision 008); `query` runs as the owner.
 */
export async function openSite(): Promise<Site> {
  if (!existsSync(CHROMIUM)) throw new Error(`找不到 Chromium(${CHROMIUM}):请安装 Debian 的 chromium 包,或设置 CHROMIUM_PATH`);
  if (!existsSync(new URL('../apps/web/dist/index.html', import.meta.url))) throw new Error('网页端未构建:请用 npm test 运行(会先构建),或先运行 npm run build');
  const databaseUrl = await createTestDatabase();
  const database = openDatabase(databaseUrl, 2, TEST_CONNECT_TIMEOUT_MS);
  const appDatabase = openDatabase(urlAs(databaseUrl, APP_ROLE, TEST_APP_PASSWORD), 4, TEST_CONNECT_TIMEOUT_MS);
  const app = await buildApp({ config: testConfig(), db: appDatabase.db, cipher: testCipher(), logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const profile = mkdtempSync(join(tmpdir(), 'dj-chromium-'));
  // Reduced motion, which the web honours (providers.tsx): a select's dropdown appears in place instead of sliding in,
  // so a click cannot land on the field above while the list is still moving (CI missed picks that way under load).
  const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, locale: 'zh-CN', reducedMotion: 'reduce' });
  // Fail a step within 10 s with Playwright's own message, well inside the test's time.
  browser.setDefaultTimeout(10_000);
  return {
    baseUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    browser,
    query: (sql, params) => database.pool.query(sql, params),
    close: async () => {
      await browser.close();
      await app.close();
      await appDatabase.close();
      await database.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login page as a demo account, dropping any earlier session first. */
export async function signIn(site: Site, page: Page, username: string) {
  await site.browser.clearCookies();
  await page.goto(`${site.baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('demo123456');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** An antd DatePicker speaking YYYY-MM-DD: type the date and confirm it (a fast second form sometimes keeps the default). */
export async function setDate(input: Locator, date: string) {
  for (let attempt = 0; attempt < 3 && (await input.inputValue()) !== date; attempt++) {
    await input.click();
    await input.fill(date);
    await input.press('Enter');
    await input.page().waitForTimeout(100);
  }
  expect(await input.inputValue()).toBe(date);
}

/**
 * Picks an option of a select in the open dialog and checks that it took: under load a click can land while the
 * dropdown is still moving, which leaves the field empty (the users and cadres flows then waited in vain for what the
 * form would have shown). `search` types first, for a list longer than the dropdown renders.
 */
export async function chooseInDialog(page: Page, label: string, option: string, search?: string) {
  await chooseOption(page, page.getByRole('dialog'), label, option, { search });
}

/**
 * The same for a select anywhere in `scope` (a page's form, a dialog). `stays: false` for a picker that empties itself
 * once it has added the option (添加参训人员): then the click alone is the check.
 */
export async function chooseOption(page: Page, scope: Locator, label: string, option: string, { search, stays = true }: { search?: string; stays?: boolean } = {}) {
  const field = scope.getByLabel(label, { exact: true });
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  for (let attempt = 1; ; attempt++) {
    await field.click();
    if (search) await field.fill(search);
    // Seen under load: the dropdown still moving, the click taken by the field above, the dropdown closed; the next
    // attempt opens it again instead of waiting 10 s on an option that is gone.
    const clicked = await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).first()
      .click({ timeout: 3_000 }).then(() => true, () => false);
    if (clicked && (!stays || (await select.textContent())?.includes(option))) return;
    if (attempt === 4) throw new Error(`选择框“${label}”四次都没有选中“${option}”`);
  }
}
