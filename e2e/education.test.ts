import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '@dj/contracts';
import { chooseOption, openSite, setDate, signIn, type Site } from './browser.js';

/**
 * 教育培训 (issue 19's done-means) in Chromium on the demo town, one flow: 西花沟村's secretary records the branch's
 * 发展对象培训 (three days, 24 学时) with its 发展对象 present; the person's hours show the 24 学时 credited; the
 * 发展党员 培训 step (the secretary records the 政治审查, the 镇党委 the 集中培训) names the session and 细则第十七条 is checked against it (3天 / 24学时 on the
 * record).
 */
let site: Site;
let page: Page;
const today = todayInShanghai();
const startsOn = addDays(today, -4);
const title = '西花沟村发展对象培训班(端到端)';
let candidate: { name: string; personId: number; recruitmentId: number };

beforeAll(async () => {
  site = await openSite();
  page = await site.browser.newPage();
  // The demo's 发展对象 of 西花沟村 whose 集中培训 is still to come (the demo stops it at 入党介绍人).
  const { rows } = await site.query(`
    select p.name, r.person_id, r.id from recruitments r join persons p on p.id = r.person_id join organizations o on o.id = r.organization_id
    where o.name = '西花沟村党支部' and r.phase = 'candidate' and r.status = 'active'
      and not exists (select 1 from recruitment_steps s where s.recruitment_id = r.id and s.step_code = 'training') limit 1`);
  candidate = { name: String(rows[0].name), personId: Number(rows[0].person_id), recruitmentId: Number(rows[0].id) };
});
afterAll(async () => { await site?.close(); });

describe('19 教育培训: a session with attendance, the hours credited, the 发展党员 step reading it', () => {
  it('西花沟村\'s secretary records the 发展对象培训 and marks the 发展对象 present', async () => {
    await signIn(site, page, 'xihuagou');
    await page.goto(`${site.baseUrl}/education/sessions/new`);
    const form = page.getByRole('form', { name: '培训信息' });
    await chooseOption(page, form, '组织单位', '西花沟村党支部');
    await chooseOption(page, form, '培训类别', '发展对象培训');
    await form.getByLabel('主题').fill(title);
    await setDate(form.getByLabel('开始日期'), startsOn);
    await setDate(form.getByLabel('结束日期'), addDays(startsOn, 2));
    await form.getByLabel('学时', { exact: true }).fill('24');
    await page.getByRole('button', { name: /^登\s*记$/ }).click();
    await page.waitForURL(/\/education\/sessions\/\d+/);

    await chooseOption(page, page.locator('body'), '添加参训人员', `${candidate.name}(入党积极分子/发展对象)`, { search: candidate.name, stays: false });
    await page.getByRole('button', { name: '保存出席名单' }).click();
    await page.getByTestId('attendees-view').getByText('24学时').waitFor();
  });

  it('the person\'s hours show the 24 学时 credited', async () => {
    await page.goto(`${site.baseUrl}/education/people/${candidate.personId}?year=${startsOn.slice(0, 4)}`);
    await page.getByText(`${startsOn.slice(0, 4)}年已计24学时`, { exact: false }).waitFor();
    await page.getByText(title).waitFor();
  });

  it('the 培训 step names the session: 细则第十七条 reads its three days and the person\'s 24 学时', async () => {
    await page.goto(`${site.baseUrl}/recruitment/recruitments/${candidate.recruitmentId}`);
    // 政治审查 comes first (the demo stopped this person at 入党介绍人).
    await page.getByTestId('next-political_review').getByRole('button', { name: /记\s*录/ }).click();
    const review = page.getByRole('dialog').filter({ hasText: '记录:' });
    await setDate(review.getByLabel('日期', { exact: true }), today);
    await review.getByText('合格', { exact: true }).click();
    await review.getByRole('button', { name: /保\s*存/ }).click();
    await review.waitFor({ state: 'hidden', timeout: 15_000 });

    // 集中培训 is the 镇党委's step (细则: 基层党委 holds it): the town records it, naming the branch's session.
    await page.getByTestId('next-training').getByText('由镇党委记录').waitFor();
    await signIn(site, page, 'admin');
    await page.goto(`${site.baseUrl}/recruitment/recruitments/${candidate.recruitmentId}`);
    await page.getByTestId('next-training').getByRole('button', { name: /记\s*录/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '记录:' });
    await setDate(dialog.getByLabel('日期', { exact: true }), today);
    await chooseOption(page, dialog, '发展对象培训', `${title}(${startsOn}至${addDays(startsOn, 2)},24学时)`);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
    await page.getByText('培训:3天 / 24学时').first().waitFor();
  });
});
