import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '@dj/contracts';
import { openSite, signIn, type Site } from './browser.js';

/**
 * 集体经济 (issue 18's done-means) in Chromium on the demo town, in steps on one page: 营子村's secretary imports last
 * year's income from the 三资 system's xlsx (a dry run first), then submits it; the town approves it; the village, under
 * the line the year before, has crossed it: 消薄 in that year, and the trend chart says so.
 */
let site: Site;
let page: Page;
const last = Number(todayInShanghai().slice(0, 4)) - 1;
const cell = (year: number) => page.getByRole('button', { name: new RegExp(`^营子村${year}年 `) });

/** The 三资 system's export as a town keeps it: a title with the year, 单位:万元, 经营性收入 over its three sources. */
async function incomeFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('收入');
  ws.addRow([`${last}年度村集体经济收入统计表`]);
  ws.mergeCells('A1:H1');
  ws.addRow(['单位:万元']);
  ws.addRow(['序号', '村名', '经营性收入', null, null, '补助收入', '其他收入', '合计']);
  ws.addRow([null, null, '经营收入', '发包及上交收入', '投资收益', null, null, null]);
  ws.mergeCells('C3:E3');
  for (const col of ['A', 'B', 'F', 'G', 'H']) ws.mergeCells(`${col}3:${col}4`);
  ws.addRow([1, '营子村', 6.5, 4.2, 1.3, 8, 0.4, 20.4]);
  const file = join(mkdtempSync(join(tmpdir(), 'dj-income-')), `${last}年三资收入.xlsx`);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

beforeAll(async () => {
  site = await openSite();
  page = await site.browser.newPage();
});
afterAll(async () => { await site?.close(); });

describe('18 集体经济: import, approve, cross the line', () => {
  it('营子村\'s secretary imports last year from the xlsx (dry run, then for real) and submits it', async () => {
    await signIn(site, page, 'yingzi');
    await page.goto(`${site.baseUrl}/economy`);
    await expect.poll(async () => cell(last - 1).getAttribute('aria-label')).toContain('薄弱村');
    expect(await cell(last).getAttribute('aria-label')).toContain('无已审核数');

    await page.getByRole('button', { name: /导入三资收入表/ }).click();
    const dialog = page.getByRole('dialog', { name: '导入三资系统收入表' });
    await dialog.locator('input[type=file]').setInputFiles(await incomeFile());
    await dialog.getByRole('button', { name: '试运行检查' }).click();
    await dialog.getByTestId('import-report').getByText('新增').waitFor();
    await dialog.getByRole('button', { name: '正式导入' }).click();
    await page.getByRole('button', { name: /^导\s*入$/ }).click();
    await dialog.getByText('已导入:新增1个村年度').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await expect.poll(async () => cell(last).getAttribute('aria-label')).toContain('草稿');
    await cell(last).click();
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByRole('button', { name: /^提\s*交$/ }).click();
    await page.getByText('已提交,待镇审核').waitFor();
  });

  it('the town approves the year', async () => {
    await signIn(site, page, 'admin');
    await page.goto(`${site.baseUrl}/economy`);
    await expect.poll(async () => cell(last).getAttribute('aria-label')).toContain('待审核');
    await cell(last).click();
    await page.getByRole('button', { name: '审核通过' }).click();
    await page.getByRole('button', { name: /^通\s*过$/ }).click();
    await page.getByText('已审核通过').waitFor();
    await page.keyboard.press('Escape');
  });

  it('the village has crossed the weak-village line: 消薄 that year, and on the chart', async () => {
    await expect.poll(async () => cell(last).getAttribute('aria-label')).toBe(`营子村${last}年 12.00万元 已审核`);
    const row = page.getByTestId('economy-table').locator('tr', { hasText: '营子村' }).first();
    await row.getByText(`${last}年`, { exact: true }).waitFor();
    await page.getByRole('button', { name: '营子村趋势' }).click();
    const chart = page.getByRole('img', { name: /^营子村经营性收入/ });
    await chart.locator('svg').first().waitFor();
    const said = await chart.getAttribute('aria-label');
    expect(said).toContain(`${last - 1}年7.90万元,${last}年12.00万元`);
    expect(said).toContain('薄弱村线10万元');
  });
});
