import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, type Site } from './browser.js';

/**
 * The villager's page on a phone (issue 13 point 10), measured in Chromium at 390 px: how many screens it takes,
 * and that nothing scrolls sideways — the village page, the 小微权力清单 behind its link, and a finance table.
 */
let site: Site;
/** 营子村's official division code: the public page's address. */
const YINGZI_CODE = '370402105200';
const PHONE = { width: 390, height: 844 };

beforeAll(async () => { site = await openSite(); });
afterAll(async () => { await site?.close(); });

async function measure(page: Page) {
  return page.evaluate(() => ({
    // The content's own height (scrollHeight never goes below the viewport's).
    height: Math.ceil(document.documentElement.getBoundingClientRect().height),
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}

describe('13.10 the villager’s page on a 390 px phone', () => {
  it('opens on this month’s 三务 and the latest 公示 in a few screens, with no sideways scrolling anywhere', async () => {
    const page = await site.browser.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${site.baseUrl}/public/villages/${YINGZI_CODE}`);
    const village = await measure(page);
    console.log(`public village page at 390 px: ${village.height} px = ${(village.height / PHONE.height).toFixed(1)} screens`);
    expect(village.scrollWidth, 'no horizontal scroll on the village page').toBeLessThanOrEqual(village.clientWidth);
    expect(village.height / PHONE.height, 'the village page in at most 3 screens (it was about 15)').toBeLessThanOrEqual(3);
    // This month's 三务 come first, on the first screen.
    const first = await page.getByRole('heading', { name: /本月公开/ }).boundingBox();
    expect(first!.y).toBeLessThan(PHONE.height);

    // The 小微权力清单 is one tap away.
    await page.getByRole('link', { name: '小微权力清单 →' }).click();
    await page.waitForURL(new RegExp(`/public/villages/${YINGZI_CODE}/micro-power$`));
    await page.getByRole('heading', { name: '小微权力清单', exact: true }).waitFor();
    const power = await measure(page);
    console.log(`小微权力清单 page at 390 px: ${power.height} px = ${(power.height / PHONE.height).toFixed(1)} screens`);
    expect(power.scrollWidth, 'no horizontal scroll on the 小微权力清单 page').toBeLessThanOrEqual(power.clientWidth);

    // The widest published finance table: its rows become cards that fit the width.
    const { rows: [widest] } = await site.query(`select d.id from disclosures d join villages v on v.id = d.village_id
      where v.code = $1 and d.status = 'published' and d."table" is not null order by jsonb_array_length(d."table"->'header') desc, d.id desc limit 1`, [YINGZI_CODE]);
    expect(widest, 'the demo publishes a table at 营子村').toBeTruthy();
    await page.goto(`${site.baseUrl}/public/villages/${YINGZI_CODE}/disclosures/${widest.id}`);
    const table = await measure(page);
    console.log(`widest published table at 390 px: ${table.height} px, ${table.scrollWidth}/${table.clientWidth} px wide`);
    expect(table.scrollWidth, 'no horizontal scroll on a finance table').toBeLessThanOrEqual(table.clientWidth);
    expect(await page.locator('table.k td').first().evaluate((td) => getComputedStyle(td).display)).toBe('block');
    await page.close();
  });
});
