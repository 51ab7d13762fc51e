import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseInDialog, openSite, type Site } from './browser.js';

let site: Site;
beforeAll(async () => { site = await openSite(); });
afterAll(async () => { await site?.close(); });

async function signIn(page: Page, username: string) {
  await site.browser.clearCookies(); // one browser profile for all flows: start each signed out
  await page.goto(`${site.baseUrl}/organizations`);
  await page.waitForURL(/\/login/); // not signed in yet: sent to the sign-in page
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('demo123456');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(/\/organizations/);
  await page.getByTestId('org-tree').waitFor();
}

describe('organisation tree in Chromium', () => {
  it('the town admin signs in, creates a party group under 营子村党支部 and sees it', async () => {
    const page = await site.browser.newPage();
    await signIn(page, 'admin');
    await page.getByTestId('org-tree').getByText('营子村党支部', { exact: true }).click();
    await expect.poll(() => page.getByTestId('org-detail-name').textContent()).toContain('营子村党支部');
    await page.getByRole('button', { name: '新建下级组织' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('组织名称').fill('青年党员党小组');
    await chooseInDialog(page, '组织类型', '党小组');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('org-tree').getByText('青年党员党小组').waitFor();
    await expect.poll(() => page.getByTestId('org-detail-name').textContent()).toContain('青年党员党小组');
    // It survives a reload: it was written, not just drawn.
    await page.reload();
    await page.getByTestId('org-tree').getByText('青年党员党小组').waitFor();
    await page.close();
  });

  it('a member on a phone sees only their own branch, without sideways scrolling', async () => {
    const page = await site.browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'member');
    await page.getByTestId('org-tree').getByText('营子村党支部', { exact: true }).waitFor();
    expect(await page.getByText('西花沟村党支部').count()).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.close();
  });
});
