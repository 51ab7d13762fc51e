import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_REPORT_TITLES, monthFromIndex, monthIndex, todayInShanghai } from '@dj/contracts';
import { docxText, filename, pdfText } from '../../../test/documents.js';
import { createActivity } from '../../../test/factories.js';
import { TOWN, createRecruitment, memberAccount, ok, openRecruitment, type Json, type RecruitmentContext } from '../../../test/recruitment-fixtures.js';

/**
 * 会议报告 (issue 17 point 7) on a town of the file's own: the files are opened as a user's software would (pdftotext,
 * the docx's XML) and carry the 驾驶舱's figures for the same month; the chart is embedded; a bad month is refused in
 * Chinese; only the town's admin makes a report.
 */
let d: RecruitmentContext;
const today = todayInShanghai();
const thisMonth = today.slice(0, 7);
const lastMonth = monthFromIndex(monthIndex(thisMonth) - 1);
const words = (m: string) => `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月`;
const strip = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  d = await openRecruitment();
  // Last month's 主题党日 held by the first branch; the second held nothing, so its requirements of that month are late.
  await createActivity(d.secretary, d.branch.id, { heldOn: `${lastMonth}-21` });
  await createRecruitment('王小明');
});
afterAll(async () => { await d.ctx.close(); });

/** The figures every report must carry: each tile figure's label with its value, in the table's two cells. */
function expectTiles(text: string, body: Json) {
  for (const tile of body.tiles as Json[]) {
    for (const f of tile.figures as Json[]) expect(text, `${tile.key} ${f.label}`).toContain(strip(`${f.label}${f.value}`));
  }
}
const totalsSentence = (t: Json) => `完成${t.done}项,待签认${t.awaitingSignOff}项,待完成${t.due}项,将到期${t.dueSoon}项,逾期${t.late}项`;

describe('monthly report', () => {
  it('as PDF, carries this month\'s matrix totals, the tiles and the pipeline as the 驾驶舱 shows them', async () => {
    const res = await d.admin.get(`/api/dashboard/reports/monthly.pdf?month=${thisMonth}`);
    const text = pdfText(res);
    const body = ok(await d.admin.get('/api/dashboard/town'));
    expect(text).toContain(`${TOWN}${DASHBOARD_REPORT_TITLES.monthly}`);
    expect(text).toContain(words(thisMonth));
    expect(text).toContain(totalsSentence(body.matrix.totals));
    expectTiles(text, body);
    for (const p of body.pipeline as Json[]) expect(text).toContain(p.label);
    expect(text).toContain('第1页');
    expect(filename(res)).toBe(`${TOWN}-${DASHBOARD_REPORT_TITLES.monthly}-${thisMonth}.pdf`);
    const audited = await d.ctx.pool.query(`select detail from audit_events where action = 'dashboard.report' and tenant_id = $1`, [d.town.tenantId]);
    expect(audited.rows.map((r) => r.detail)).toContainEqual(expect.objectContaining({ kind: 'monthly', period: thisMonth, format: 'pdf' }));
  });

  it('defaults to the last complete month and names the branches with a late requirement, in the tree\'s order', async () => {
    const text = pdfText(await d.admin.get('/api/dashboard/reports/monthly.pdf'));
    const calendar = ok(await d.admin.get(`/api/compliance?period=${lastMonth}`));
    const late = (calendar.branches as Json[]).filter((b) => b.summary.late > 0).map((b) => b.organizationName as string);
    expect(late).toContain(d.otherBranch.name);
    expect(text).toContain(words(lastMonth));
    // A past month's deadlines are named 当月, not 本月 (the day the file is made).
    expect(text).toContain('当月到期已按期办');
    const sum = (k: string) => (calendar.branches as Json[]).reduce((n, b) => n + b.summary[k], 0);
    expect(text).toContain(totalsSentence({ done: sum('done'), awaitingSignOff: sum('awaitingSignOff'), due: sum('due'), dueSoon: sum('dueSoon'), late: sum('late') }));
    const section = text.slice(text.indexOf('有逾期事项的党组织'), text.indexOf('二、各项工作'));
    const positions = late.map((name) => section.indexOf(name));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('as Word, carries the same figures, the header and the chart as an embedded image', async () => {
    const res = await d.admin.get(`/api/dashboard/reports/monthly.docx?month=${thisMonth}`);
    const text = await docxText(res);
    const body = ok(await d.admin.get('/api/dashboard/town'));
    expect(text).toContain(totalsSentence(body.matrix.totals));
    for (const tile of body.tiles as Json[]) {
      for (const f of tile.figures as Json[]) expect(text).toContain(`${f.label}${f.value}`);
    }
    const zip = await JSZip.loadAsync(res.rawPayload);
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/') && n.endsWith('.png'));
    expect(media.length).toBe(2);
    const png = await zip.file(media[0])!.async('nodebuffer');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const headers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    expect(headers.join('')).toContain(`${TOWN}  ${words(thisMonth)}`);
    // The town's own branches only: the demo town beside it in the same database is never named (the scope).
    const foreign = (await d.ctx.pool.query('select name from organizations where tenant_id <> $1', [d.town.tenantId])).rows.map((r) => r.name as string);
    expect(foreign.length).toBeGreaterThan(0);
    for (const name of foreign) expect(text).not.toContain(name);
  });

  it('refuses a malformed or future month in Chinese', async () => {
    const bad = await d.admin.get('/api/dashboard/reports/monthly.pdf?month=2026-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('月份格式应为 YYYY-MM');
    const future = await d.admin.get(`/api/dashboard/reports/monthly.pdf?month=${monthFromIndex(monthIndex(thisMonth) + 1)}`);
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('月份不能晚于本月');
    expect((await d.admin.get('/api/dashboard/reports/monthly.xlsx')).statusCode).toBe(400);
  });

  it('is the town admin\'s only: a secretary and a plain 党员 get 403', async () => {
    expect((await d.secretary.get('/api/dashboard/reports/monthly.pdf')).statusCode).toBe(403);
    const member = await memberAccount(d.full[0]);
    expect((await member.get('/api/dashboard/reports/yearly.pdf')).statusCode).toBe(403);
  });
});

describe('yearly report', () => {
  it('carries each month\'s organisation life, the year\'s tiles, the charts and the 党内统计 at today', async () => {
    const year = today.slice(0, 4);
    const res = await d.admin.get(`/api/dashboard/reports/yearly.docx?year=${year}`);
    const text = await docxText(res);
    expect(text).toContain(`${TOWN}${DASHBOARD_REPORT_TITLES.yearly}`);
    const calendar = ok(await d.admin.get(`/api/compliance?period=${lastMonth}`));
    if (lastMonth.startsWith(year)) {
      const sum = (k: string) => (calendar.branches as Json[]).reduce((n, b) => n + b.summary[k], 0);
      expect(text).toContain(`${words(lastMonth)}${sum('done')}${sum('awaitingSignOff')}${sum('due')}${sum('dueSoon')}${sum('late')}`);
    }
    const stats = ok(await d.admin.get(`/api/statistics/party?asOf=${today}`));
    const flows = (stats.tables as Json[]).find((t) => t.key === 'flows')!;
    expect(text).toContain(`合计${flows.rows.find((r: Json) => r.key === 'total').cells.join('')}`);
    const zip = await JSZip.loadAsync(res.rawPayload);
    expect(Object.keys(zip.files).filter((n) => n.startsWith('word/media/')).length).toBe(2);
    const pdf = pdfText(await d.admin.get(`/api/dashboard/reports/yearly.pdf?year=${year}`));
    expect(pdf).toContain('四、党内统计');
    expect(pdf).toContain(`${year}年各月组织生活完成与逾期`);
  });

  it('refuses a future year in Chinese', async () => {
    const res = await d.admin.get(`/api/dashboard/reports/yearly.pdf?year=${Number(today.slice(0, 4)) + 1}`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('年份不能晚于今年');
  });
});
