import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, signIn, type Site } from './browser.js';

/**
 * 驾驶舱 and 村情卡 (issue 17 points 1 and 2) in Chromium on the demo town: the town admin lands on the dashboard, a
 * tile's figure opens the records behind it, a branch in the matrix opens its calendar; on a 390 px phone the tiles
 * stack; a secretary lands on their own village's card, which prints without the app's frame.
 */
let site: Site;

beforeAll(async () => { site = await openSite(); });
afterAll(async () => { await site?.close(); });

describe('17 驾驶舱', () => {
  it('the town admin lands on the dashboard; a late figure and a branch of the matrix open their records', async () => {
    const page = await site.browser.newPage();
    await signIn(site, page, 'admin');
    await page.waitForURL(/\/dashboard$/);
    const matrix = page.getByTestId('compliance-matrix');
    await matrix.waitFor();
    const branches = Number((await site.query(`select count(*)::int as n from organizations where kind = 'branch' and status = 'active'`)).rows[0].n);
    expect(await matrix.locator('tbody tr').count()).toBe(branches);
    // The chart chunk loads and ECharts draws the pipeline (SVG renderer).
    await page.getByRole('img', { name: /^发展党员按阶段/ }).locator('svg').first().waitFor();

    await page.getByRole('link', { name: /^整改·已逾期\d+$/ }).click();
    await page.waitForURL(/\/inspections\?tab=rectifications$/);

    await page.goBack();
    // A late cell's branch when there is one this month, else the first branch: its calendar, for that branch.
    const late = matrix.locator('tbody tr').filter({ has: page.locator('td[data-status="late"]') });
    const row = (await late.count()) ? late.first() : matrix.locator('tbody tr').first();
    await row.getByRole('link').click();
    await page.waitForURL(/\/compliance\?period=\d{4}-\d{2}&orgId=\d+$/);
  });

  it('stacks the tiles on a 390 px phone', async () => {
    const page = await site.browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(site, page, 'admin');
    await page.getByTestId('tile-disclosure').waitFor();
    const a = (await page.getByTestId('tile-recruitment').boundingBox())!;
    const b = (await page.getByTestId('tile-disclosure').boundingBox())!;
    expect(Math.round(a.x)).toBe(Math.round(b.x));
    expect(b.y).toBeGreaterThan(a.y);
    expect(a.x + a.width).toBeLessThanOrEqual(390);
  });

  it('a secretary lands on their village card, which prints on A4 without the menu', async () => {
    const page = await site.browser.newPage();
    await signIn(site, page, 'xihuagou');
    await page.waitForURL(/\/dashboard\/villages\/\d+$/);
    await page.getByTestId('village-months').waitFor();
    expect(await page.getByTestId('village-months').locator('tbody tr').count()).toBe(12);
    await page.getByRole('img', { name: /^近12个月组织生活/ }).locator('svg').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-sider').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: /打印/ }).isVisible()).toBe(false);
    expect(await page.getByTestId('village-card').isVisible()).toBe(true);
  });
});
