import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '@dj/contracts';
import { openSite, signIn, type Site } from './browser.js';

/**
 * The town's month (issue 13 point 12), measured in Chromium: the branch × requirement matrix on a laptop screen
 * (1366×768), the tables it replaces, the phone list at 390 px, and busy calendar days that say "+N" instead of clipping.
 */
let site: Site;
const month = todayInShanghai().slice(0, 7);
const LAPTOP = { width: 1366, height: 768 };

beforeAll(async () => { site = await openSite(); });
afterAll(async () => { await site?.close(); });

describe('13.12 the town’s month', () => {
  it('fits all branches × requirements on a laptop screen, each branch’s detail one click away', async () => {
    const page = await site.browser.newPage();
    await page.setViewportSize(LAPTOP);
    await signIn(site, page, 'admin');
    const branches = Number((await site.query(`select count(*)::int as n from organizations where kind = 'branch' and status = 'active'`)).rows[0].n);

    // The tables of before, for the record.
    await page.goto(`${site.baseUrl}/compliance?view=detail`);
    await page.locator('[data-testid^="compliance-branch-"]').first().waitFor();
    const tables = await page.getByTestId('compliance-board').boundingBox();

    await page.goto(`${site.baseUrl}/compliance`);
    const matrix = page.getByTestId('compliance-matrix');
    await matrix.waitFor();
    const rows = await matrix.locator('tbody tr').count();
    const columns = await matrix.locator('thead th').count() - 1;
    const box = (await matrix.boundingBox())!;
    console.log(`month matrix: ${rows} branches × ${columns} requirements in ${Math.round(box.width)}×${Math.round(box.height)} px `
      + `(the per-branch tables: ${Math.round(tables!.height)} px tall)`);
    expect(rows).toBe(branches);
    expect(columns).toBeGreaterThanOrEqual(5);
    // On the screen without scrolling either way: inside the window's width, below the filters within its height.
    expect(box.x + box.width, 'the matrix fits the laptop width').toBeLessThanOrEqual(LAPTOP.width);
    expect(box.height, 'the matrix fits the laptop height').toBeLessThanOrEqual(LAPTOP.height - 100);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    // Every cell says what it is.
    expect(await matrix.locator('td[data-status]').count()).toBeGreaterThan(rows);

    // One click to a branch's detail, with its rows and ledgers.
    const first = matrix.locator('tbody tr').first().getByRole('link');
    const name = (await first.textContent())!;
    await first.click();
    await page.waitForURL(/orgId=\d+/);
    const card = page.locator('[data-testid^="compliance-branch-"]');
    await card.first().waitFor();
    expect(await card.count()).toBe(1);
    expect(await card.first().textContent()).toContain(name);

    // On a phone: a line per branch.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${site.baseUrl}/compliance`);
    const list = page.getByTestId('compliance-branch-list');
    await list.waitFor();
    const phone = (await list.boundingBox())!;
    console.log(`month on a 390 px phone: ${Math.round(phone.height)} px (${(phone.height / 844).toFixed(1)} screens) for ${branches} branches`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.close();
  });

  it('a busy calendar day shows "+N" and nothing is clipped', async () => {
    const page = await site.browser.newPage();
    await page.setViewportSize(LAPTOP);
    await signIn(site, page, 'admin');
    // The busiest day of the month for the whole town.
    const { rows: [busiest] } = await site.query(`select to_char(held_on, 'YYYY-MM-DD') as day, count(*)::int as n from activities
      where to_char(held_on, 'YYYY-MM') = $1 group by held_on order by n desc limit 1`, [month]);
    await page.goto(`${site.baseUrl}/activities?month=${month}`);
    await page.getByTestId('activity-calendar').waitFor();
    await page.locator('[data-testid^="calendar-activity-"]').first().waitFor();
    const clipped = await page.locator('.ant-picker-calendar-date-content').evaluateAll((cells) => cells.filter((c) => c.scrollHeight > c.clientHeight + 1).length);
    console.log(`busiest day ${busiest?.day ?? '—'}: ${busiest?.n ?? 0} activities; clipped day cells: ${clipped}`);
    expect(clipped, 'no day cell clips its activities').toBe(0);
    if (busiest && Number(busiest.n) > 3) {
      const cell = page.locator(`td[title="${busiest.day}"]`);
      expect(await cell.getByTestId('calendar-more').textContent()).toBe(`+${Number(busiest.n) - 2}`);
    }
    await page.close();
  });
});
