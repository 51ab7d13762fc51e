import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { chooseInDialog, openSite, signIn, type Site } from './browser.js';

/**
 * Issue 15's "done means" in Chromium: the town puts the 营子村 secretary on the 动态调整 list, decides 予以调整 and
 * records the 调整 on the village's page; the village page, the town's structure figures and the cadre roster
 * follow. In the demo 营子村's secretary is also 村委会主任 (一肩挑); the new secretary is not, so 一肩挑 drops by one.
 */
let site: Site;
let oldSecretary: string;
let newSecretary: string;
beforeAll(async () => {
  site = await openSite();
  const { rows: [old] } = await site.query(`select p.name from cadre_posts c join persons p on p.id = c.person_id
    join organizations o on o.id = c.organization_id where o.name = '营子村党支部' and c.post = 'secretary' and c.ended_on is null`);
  oldSecretary = old.name as string;
  // A member of the branch who holds no post: the one the town appoints.
  const { rows: [next] } = await site.query(`select p.name from members m join persons p on p.id = m.person_id
    join organizations o on o.id = m.organization_id where o.name = '营子村党支部' and m.on_roster and m.membership_status = 'active'
    and not exists (select 1 from cadre_posts c where c.person_id = p.id and c.ended_on is null)
    and (select count(*) from persons q where q.name = p.name) = 1 order by m.id limit 1`);
  newSecretary = next.name as string;
});
afterAll(async () => { await site?.close(); });


/** The 职务 and 一肩挑 cells of each person in the village's 村两委成员名册, downloaded from the page as Excel. */
async function rosterPosts(page: Page): Promise<Map<string, string>> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载两委名册' }).click();
  await page.getByRole('menuitem', { name: 'Excel' }).click();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await (await download).path());
  const posts = new Map<string, string>();
  wb.worksheets[0].eachRow((row) => {
    const [, , name, , , , , post, combined] = row.values as unknown[];
    if (typeof name === 'string' && name !== '姓名') posts.set(name, `${String(post)}|${String(combined)}`);
  });
  return posts;
}

/** The board's 一肩挑 count, as the town reads it. */
async function combinedOnBoard(page: Page) {
  const tile = page.getByTestId('cadre-board').locator('.ant-statistic').filter({ hasText: '一肩挑' }).first();
  return Number(await tile.locator('.ant-statistic-content-value').textContent());
}

describe('village cadres in Chromium (issue 15)', () => {
  it('the town adjusts the 营子村 secretary: the list, the village page and the town figures follow', async () => {
    const page = await site.browser.newPage();
    await signIn(site, page, 'admin');
    await page.goto(`${site.baseUrl}/cadres`);
    await page.getByTestId('cadre-board').waitFor();
    const combinedBefore = await combinedOnBoard(page);

    await page.getByTestId('adjustments').getByRole('button', { name: '列入调整' }).click();
    await chooseInDialog(page, '村党支部', `营子村党支部(书记 ${oldSecretary})`);
    await page.getByRole('dialog').getByLabel('列入原因').fill('年度考核连续两年基本称职,群众满意度低');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByRole('button', { name: `登记决定(${oldSecretary}的调整)` }).click();
    await page.getByRole('dialog').getByText('予以调整').click();
    await page.getByRole('dialog').getByLabel('决定内容').fill('经镇党委会议研究,予以调整');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('adjustments').getByText('予以调整:经镇党委会议研究,予以调整').waitFor();

    await page.getByTestId('cadre-board').getByRole('button', { name: '营子村', exact: true }).click();
    await page.getByTestId('village-cadres').waitFor();
    expect((await rosterPosts(page)).get(oldSecretary), 'the roster before: 一肩挑').toBe('党支部书记、村委会主任|是');
    await page.getByRole('button', { name: '登记变动' }).click();
    await chooseInDialog(page, '变动类型', '调整');
    await chooseInDialog(page, '职务', '党支部书记');
    await chooseInDialog(page, '姓名', newSecretary, newSecretary);
    await page.getByRole('dialog').getByLabel('原因').fill('镇党委决定调整村党支部书记');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    const posts = page.getByTestId('cadre-posts');
    await posts.getByText(newSecretary).first().waitFor();
    expect(await posts.getByText('同时担任村党支部书记和村委会主任').count(), 'the new secretary is not the director: no 一肩挑').toBe(0);
    const history = await page.getByTestId('cadre-history').textContent();
    expect(history).toContain(newSecretary);
    expect(history).toContain('调整');
    // The team structure follows: 营子村 is no longer 一肩挑, against the town's target.
    await expect.poll(() => page.getByTestId('village-structure').textContent()).toContain('一肩挑比例:否');
    // The 村两委成员名册 generated now: the new secretary, the old one 村委会主任 only, no 一肩挑.
    const roster = await rosterPosts(page);
    expect(roster.get(newSecretary)).toBe('党支部书记|否');
    expect(roster.get(oldSecretary)).toBe('村委会主任|否');

    await page.getByRole('tab', { name: '全镇一览' }).click();
    await page.getByTestId('cadre-board').waitFor();
    await expect.poll(() => combinedOnBoard(page)).toBe(combinedBefore - 1);
    const yingzi = page.getByTestId('town-structure').getByRole('row').filter({ hasText: '营子村' });
    await expect.poll(() => yingzi.textContent()).toContain('否');
    await page.close();
  });
});
