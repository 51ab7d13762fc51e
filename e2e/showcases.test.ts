import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, signIn, type Site } from './browser.js';

/**
 * 党建动态 (issue 20 point 6) in Chromium on the demo town: the town's 组织办 (admin) drafts a post, the 党委书记 (shuji,
 * a second town admin) approves and publishes it, and the town's public page lists it; its own page carries the share
 * metadata a WeChat link preview reads.
 */
let site: Site;
let page: Page;
const TITLE = '西王庄镇召开党建示范点观摩会';
const SUMMARY = '五个示范点现场观摩,交流经验做法';

beforeAll(async () => {
  site = await openSite();
  page = await site.browser.newPage();
});
afterAll(async () => { await site?.close(); });

describe('20 党建动态: draft, approve and publish by a second admin, shown on the town site', () => {
  it('admin drafts the post', async () => {
    await signIn(site, page, 'admin');
    await page.goto(`${site.baseUrl}/news`);
    await page.getByRole('button', { name: '撰写动态' }).click();
    await page.getByLabel('标题').fill(TITLE);
    await page.getByLabel('摘要(微信分享时显示)').fill(SUMMARY);
    await page.getByLabel('正文').fill('镇党委组织各村党组织书记到营子村、西花沟村等示范点现场观摩。\n\n大家边看边学,交流了经验做法。');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('草稿须由撰写人以外的镇党委管理员审核。').waitFor();
  });

  it('shuji approves and publishes it; the public page shows it with og meta', async () => {
    await signIn(site, page, 'shuji');
    await page.goto(`${site.baseUrl}/news`);
    await page.getByTestId('news-card').filter({ hasText: TITLE }).click();
    await page.getByRole('button', { name: '审核通过' }).click();
    await page.getByRole('button', { name: /^发\s*布$/ }).click();
    await page.getByRole('link', { name: '查看公开页面' }).waitFor();
    const href = await page.getByRole('link', { name: '查看公开页面' }).getAttribute('href');
    const home = href!.replace(/\/news\/\d+$/, '');
    await page.goto(`${site.baseUrl}${home}`);
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE }).waitFor();
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(TITLE);
    expect(await page.locator('meta[property="og:description"]').getAttribute('content')).toBe(SUMMARY);
  });
});
