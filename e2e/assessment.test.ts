import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai, type PeriodPay } from '@dj/contracts';
import { openSite, type Site, signIn as signInAs } from './browser.js';

let site: Site;
let periodId: number;
let yingziId: number;
const signIn = (page: Page, username: string) => signInAs(site, page, username);

beforeAll(async () => {
  site = await openSite();
  // The demo's last month is being scored: the town has entered every leaf but the demo 包村干部's supervisor leaves.
  const { rows: [period] } = await site.query(`select p.id from assessment_periods p join assessment_schemes s on s.id = p.scheme_id
    where s.audience = 'village_cadre' and p.status = 'scoring' order by p.period desc limit 1`);
  periodId = Number(period.id);
  const { rows: [yingzi] } = await site.query(`select id from organizations where name = '营子村党支部'`);
  yingziId = Number(yingzi.id);
  // Starting point: he scored his two other villages yesterday; 营子村 is what he does here. The town pays 月度绩效 in
  // proportion to the score (its setting), so any corrected point shows in the money.
  await site.query(`insert into assessment_scores (tenant_id, period_id, organization_id, indicator_key, points, evidence, scored_by)
    select p.tenant_id, p.id, o.id, k.key, 5, '包村干部抽查:记录齐全', u.id
    from assessment_periods p, organizations o, (values ('affairs_procedure'), ('conduct_duty')) k(key), users u
    where p.id = $1 and o.name in ('付刘耀村党支部', '天齐庙村党支部') and u.username = 'supervisor'`, [periodId]);
  await site.query(`insert into settings (tenant_id, key, value) select tenant_id, 'assessment.monthlyScoreMode', '1'::jsonb from assessment_periods where id = $1`, [periodId]);
});
afterAll(async () => { await site?.close(); });

const openPeriod = async (page: Page) => {
  await page.goto(`${site.baseUrl}/assessment/periods/${periodId}`);
  await page.getByTestId('period-page').waitFor();
};

/** The 营子村 secretary's month as the town's pay page computes it. */
async function secretaryPay(page: Page) {
  const pay = await (await page.request.get(`${site.baseUrl}/api/assessment/periods/${periodId}/pay`)).json() as PeriodPay;
  const secretary = pay.people.find((p) => p.organizationId === yingziId && p.post === 'secretary');
  if (!secretary) throw new Error('营子村 has no secretary on the pay page');
  return secretary;
}

// One flow in steps, each its own test on the same page (a step signs in as the next person): a supervisor scores a
// village, the village objects, the town upholds it, the committee approves, and the payroll shows the changed amount.
describe('考核 in Chromium (issue 16)', () => {
  let page: Page;
  let before: Awaited<ReturnType<typeof secretaryPay>>;
  beforeAll(async () => { page = await site.browser.newPage(); });

  it('a 包村干部 scores 营子村\'s supervisor leaves (坐班值班 loses 3 points)', async () => {
    await signIn(page, 'supervisor');
    await openPeriod(page);
    const desk = page.getByTestId('scoring-desk');
    await desk.getByLabel('考核对象').click();
    await page.locator('.ant-select-dropdown:visible').getByText(/^营子村党支部/).click();
    for (const [key, name, points, evidence] of [
      ['affairs_procedure', '四议两公开执行', '5', '查阅四议两公开会议记录,程序完整'],
      ['conduct_duty', '坐班值班', '2', '抽查当日上午值班人员不在岗'],
    ]) {
      const leaf = desk.getByTestId(`score-${yingziId}-${key}`);
      await leaf.getByLabel(`${name}得分`).fill(points);
      await leaf.getByLabel(`${name}评分依据`).fill(evidence);
      await leaf.getByRole('button', { name: '保存得分' }).click();
      await leaf.getByText(`已评 ${points}分`).waitFor();
    }
    await expect.poll(() => desk.getByTestId('score-progress').textContent()).toBe('已评 2/2 项');
  });

  it('the town publishes the draft, every leaf now scored', async () => {
    await signIn(page, 'admin');
    await openPeriod(page);
    await page.getByTestId('period-actions').getByRole('button', { name: '公示' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /^公\s*示$/ }).click();
    await expect.poll(() => page.getByTestId('period-status').textContent()).toBe('异议期');
    before = await secretaryPay(page);
  });

  it('营子村\'s secretary objects to 坐班值班 within the window', async () => {
    await signIn(page, 'yingzi');
    await openPeriod(page);
    await page.getByRole('row').filter({ hasText: '坐班值班' }).getByRole('button', { name: '提出异议' }).click();
    const objection = page.getByRole('dialog').filter({ hasText: '提出异议' });
    await objection.getByLabel('异议理由').fill('当日上午值班人员在村委会会议室接待来访群众,来访登记簿可查');
    await objection.getByRole('button', { name: '提交异议' }).click();
    await objection.waitFor({ state: 'hidden' });
    await page.getByRole('row').filter({ hasText: '坐班值班' }).getByText(/待裁定/).waitFor();
  });

  it('the town upholds the objection: 5 points', async () => {
    await signIn(page, 'admin');
    await openPeriod(page);
    await page.getByRole('tab', { name: /异议/ }).click();
    await page.getByTestId('objections-panel').getByRole('button', { name: '裁定' }).click();
    const ruling = page.getByRole('dialog').filter({ hasText: '裁定异议' });
    await ruling.getByText('异议成立').click();
    await ruling.getByLabel('更正后得分').fill('5');
    await ruling.getByLabel('裁定说明').fill('来访登记簿记载属实,值班人员在岗,更正为5分');
    await ruling.getByRole('button', { name: '提交裁定' }).click();
    await ruling.waitFor({ state: 'hidden' });
  });

  it('the committee approves after the window, and 营子村\'s payroll shows the secretary\'s corrected amount', async () => {
    // The window closes (the starting point of the approval: three days later), and the committee approves.
    await site.query('update assessment_periods set objection_until = $2 where id = $1', [periodId, addDays(todayInShanghai(), -1)]);
    await signIn(page, 'shuji');
    await openPeriod(page);
    await page.getByTestId('period-actions').getByRole('button', { name: '审批' }).click();
    const approve = page.getByRole('dialog').filter({ hasText: '审批考核结果' });
    await approve.getByLabel('审批意见').fill('经镇党委会议研究,同意');
    await approve.getByRole('button', { name: '审批并锁定' }).click();
    await expect.poll(() => page.getByTestId('period-status').textContent()).toBe('已锁定');

    // The payroll of 营子村, downloaded from the 报酬 tab: the secretary's 应发合计 is the corrected month's.
    const after = await secretaryPay(page);
    expect(after.score).toBe(before.score + 3);
    expect(after.pay.totalFen).toBeGreaterThan(before.pay.totalFen);
    await page.getByRole('tab', { name: '报酬' }).click();
    const panel = page.getByTestId('period-pay');
    await panel.getByLabel('发放表范围').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('营子村', { exact: true }).click();
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: '报酬发放表(Excel)' }).click();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await (await download).path());
    const row = wb.worksheets[0].getSheetValues().find((r) => Array.isArray(r) && r.includes(after.name)) as unknown[];
    const fen = (v: unknown) => Math.round(Number(String(v).replaceAll(',', '')) * 100);
    expect(row.map(fen)).toContain(after.pay.totalFen);
    expect(row.map(fen)).not.toContain(before.pay.totalFen);
    await page.close();
  });
});
