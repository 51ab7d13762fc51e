import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, idNumberCheckDigit, todayInShanghai } from '@dj/contracts';
import { openSite, type Site, setDate, signIn as signInAs } from './browser.js';

let site: Site;
const today = todayInShanghai();
/** 确定为入党积极分子: about two years ago, so a year later is still in the past. */
const activistOn = addYears(today, -2);
const appliedOn = addMonths(activistOn, -2);
const name = '韩立新';
const birthDate = '2001-03-17';
const idBody = `370402${birthDate.replaceAll('-', '')}035`;
const idNumber = idBody + idNumberCheckDigit(idBody);
let mentor: string;

beforeAll(async () => {
  site = await openSite();
  // A 正式党员 of 营子村 in good standing (not the secretary) to name as 培养联系人.
  const { rows } = await site.query(`
    select p.name from members m join persons p on p.id = m.person_id join organizations o on o.id = m.organization_id
    where o.name = '营子村党支部' and m.standing = 'full' and m.membership_status = 'active' and m.on_roster
      and not ('secretary' = any(m.party_posts)) order by m.id limit 1`);
  mentor = String(rows[0].name);
});
afterAll(async () => { await site?.close(); });

const signIn = (page: Page, username: string) => signInAs(site, page, username);

const SAVE = { name: /保\s*存/ };

/** Opens 记录 for a step in the 下一步 card and returns the form dialog. */
async function openStep(page: Page, code: string, stepName: string) {
  await page.getByTestId(`next-${code}`).getByRole('button', { name: /记\s*录/ }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: `记录:${stepName}` });
  await dialog.waitFor();
  return dialog;
}

/** Records a step with just its date (and whatever `fill` adds) and waits for the form to close. */
async function recordStep(page: Page, code: string, stepName: string, date: string, fill?: (dialog: Locator) => Promise<void>) {
  const dialog = await openStep(page, code, stepName);
  await setDate(dialog.getByLabel('日期', { exact: true }), date);
  await fill?.(dialog);
  await dialog.getByRole('button', SAVE).click();
  await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
  // The recruitment is fetched again after each step: let it land before the next form opens.
  await page.waitForLoadState('networkidle');
}

describe('发展党员 in Chromium', () => {
  it('a secretary takes a person from application to 发展对象 a year after 积极分子, and is stopped at 11 months', async () => {
    const page = await site.browser.newPage();
    await signIn(page, 'yingzi');
    await page.goto(`${site.baseUrl}/recruitment/recruitments`);
    await page.getByTestId('recruitment-list').waitFor();

    // 新建入党申请: the written application was received two years and two months ago.
    await page.getByRole('button', { name: /新建入党申请/ }).click();
    const create = page.getByRole('dialog').filter({ hasText: '新建入党申请' });
    await create.waitFor();
    await create.getByLabel('姓名').fill(name);
    await create.getByRole('radio', { name: '男' }).check();
    await setDate(create.getByLabel('出生日期'), birthDate);
    await create.getByLabel('身份证号').fill(idNumber);
    // The secretary's own branch is chosen already when it is the only one in scope.
    const branch = create.locator('.ant-form-item').filter({ hasText: '所在党支部' });
    if (!(await branch.getByText('营子村党支部').count())) {
      await create.getByLabel('所在党支部').click();
      await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '营子村党支部' }).click();
    }
    await setDate(create.getByLabel('收到入党申请书日期'), appliedOn);
    await create.getByRole('button', SAVE).click();
    await page.waitForURL(/\/recruitment\/recruitments\/\d+$/, { timeout: 15_000 });
    const recruitmentId = Number(page.url().split('/').pop());
    await expect.poll(async () => (await page.getByTestId('recruitment-phase').textContent())?.trim()).toBe('入党申请人');

    await recordStep(page, 'talk', '党组织派人谈话', addDays(appliedOn, 10), async (d) => {
      await d.getByLabel('谈话人').fill('张志强');
    });
    await recordStep(page, 'activist', '推荐和确定入党积极分子', activistOn);
    await expect.poll(async () => (await page.getByTestId('recruitment-phase').textContent())?.trim()).toBe('入党积极分子');
    await recordStep(page, 'activist_filing', '入党积极分子报上级党委备案', addDays(activistOn, 7));
    await recordStep(page, 'mentors', '指定培养联系人', addDays(activistOn, 10), async (d) => {
      await d.getByLabel('培养联系人').fill(mentor);
      await page.locator('.ant-select-item-option').filter({ hasText: `${mentor}(营子村党支部)` }).first().click();
    });
    await recordStep(page, 'activist_review', '培养教育考察', addMonths(activistOn, 5));
    await recordStep(page, 'activist_review', '培养教育考察', addMonths(activistOn, 11));

    // 确定发展对象 after 11 months: refused with the article, nothing saved.
    const dialog = await openStep(page, 'candidate', '确定发展对象');
    const date = dialog.getByLabel('日期', { exact: true });
    await setDate(date, addMonths(activistOn, 11));
    const blocks = dialog.getByTestId('step-blocks');
    await expect.poll(() => blocks.textContent(), { timeout: 10_000 }).toContain('第十三条');
    const save = dialog.getByRole('button', SAVE);
    if (await save.isEnabled()) {
      await save.click();
      await dialog.getByTestId('step-submit-error').waitFor();
      expect(await dialog.getByTestId('step-submit-error').textContent()).toContain('第十三条');
    }
    expect(await dialog.isVisible()).toBe(true);
    const candidates = async () => Number((await site.query(
      `select count(*)::int as n from recruitment_steps where recruitment_id = $1 and step_code = 'candidate'`, [recruitmentId])).rows[0].n);
    expect(await candidates()).toBe(0);

    // A year and a day after 积极分子: allowed.
    await setDate(date, addDays(addYears(activistOn, 1), 1));
    await expect.poll(() => blocks.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => save.isEnabled()).toBe(true);
    await save.click();
    await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
    await expect.poll(async () => (await page.getByTestId('recruitment-phase').textContent())?.trim()).toBe('发展对象');
    expect(await candidates()).toBe(1);
    const { rows: [recruitment] } = await site.query(`select phase, status from recruitments where id = $1`, [recruitmentId]);
    expect(recruitment).toEqual({ phase: 'candidate', status: 'active' });
    await page.close();
  }, 180_000);
});
