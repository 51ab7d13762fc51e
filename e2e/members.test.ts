import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMessyRoster, type MessyRoster } from '../apps/api/src/modules/members/excel/fixtures.js';
import { openSite, type Site } from './browser.js';

let site: Site;
let roster: MessyRoster;
let dir: string;
let file: string;
beforeAll(async () => {
  site = await openSite();
  roster = await buildMessyRoster({ count: 30, organizationNames: ['西花沟村党支部'], seed: 11, withErrors: true });
  dir = mkdtempSync(join(tmpdir(), 'dj-e2e-'));
  file = join(dir, '西花沟村党员花名册.xlsx');
  writeFileSync(file, roster.file);
});
afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('member roster in Chromium', () => {
  it('a branch secretary imports a roster with errors, imports the valid rows, and finds a member by name', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.baseUrl}/login`);
    await page.getByLabel('用户名').fill('xihuagou');
    await page.getByLabel('密码').fill('demo123456');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/dashboard\/villages\/\d+$/); // a secretary lands on their village's 村情卡 (issues 13.8, 17)
    await page.getByRole('menuitem', { name: '党员名册' }).click();
    await page.getByTestId('member-table').waitFor();
    // Per-branch record completeness sits above the roster: a work list of what to fill in.
    await page.getByTestId('completeness-panel').getByText(/资料完整度:\d+ 人的信息待补充/).waitFor();

    await page.getByRole('button', { name: '批量导入' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByRole('button', { name: '开始检查' }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    const invalid = roster.expectedInvalid + roster.unknownOrganizationRows.length + roster.badCheckDigitRows.length;
    const valid = roster.expectedValid + roster.expectedInvalid - invalid;
    await dialog.getByText(`有 ${invalid} 行存在问题,不会被导入。`).waitFor();
    // The problems are named by column, in Chinese: e.g. the bad check digit.
    expect(await report.textContent()).toMatch(/身份证号[::].*校验位/);

    // Nothing fixed: import the rows that are valid.
    await dialog.getByRole('button', { name: `导入可导入的 ${valid} 行` }).click();
    await dialog.getByText(`新增 ${valid}`, { exact: false }).first().waitFor();
    await dialog.getByRole('button', { name: /完\s*成/ }).click();

    const name = roster.sampleNames[0];
    await page.getByTestId('member-search').fill(name);
    await page.getByTestId('member-search').press('Enter');
    await page.getByTestId('member-table').getByText(name, { exact: true }).first().waitFor();
    await page.close();
  });
});
