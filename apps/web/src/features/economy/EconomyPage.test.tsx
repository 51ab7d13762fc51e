import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { todayInShanghai, type EconomyOverview, type IncomeYear } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { server } from '../../test/server';
import { EconomyPage } from './EconomyPage';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const routes = [{ path: '/economy', element: <EconomyPage /> }];
const ADMIN = me(['town_admin']);
const WAN = 1_000_000;
const cell = (year: number, operatingWan: number | null, status: 'draft' | 'submitted' | 'approved' | null) => ({
  year, status, operatingIncomeFen: operatingWan === null ? null : operatingWan * WAN, totalFen: operatingWan === null ? null : (operatingWan + 3) * WAN,
  weak: operatingWan === null ? null : operatingWan < 10,
});
const YEARS = [2022, 2023, 2024, 2025, 2026];
const OVERVIEW: EconomyOverview = {
  years: YEARS, thresholdFen: 10 * WAN, thresholdSource: '本镇可改:经营性收入=经营收入+发包及上交收入+投资收益',
  // Tree order: 赵庄 has the larger income and still comes second.
  villages: [
    { organizationId: 3, villageName: '王庄村', crossedIn: 2025, cells: [cell(2022, 5, 'approved'), cell(2023, 8, 'approved'), cell(2024, 9, 'approved'), cell(2025, 12, 'approved'), cell(2026, null, 'submitted')] },
    { organizationId: 4, villageName: '赵庄村', crossedIn: null, cells: [cell(2022, 30, 'approved'), cell(2023, 31, 'approved'), cell(2024, null, null), cell(2025, null, 'draft'), cell(2026, null, null)] },
  ],
  town: [{ year: 2025, villages: 1, operatingIncomeFen: 12 * WAN, totalFen: 15 * WAN, weak: 0, growthPct: 25 }],
  can: { enter: true, approve: true, import: true },
};
const amounts = { operating: 100_000_00, contracting: 0, investment: 0, subsidy: 0, other: 0 };
const YEAR: IncomeYear = {
  organizationId: 3, villageName: '王庄村', year: 2026, approved: null,
  open: { id: 9, version: 1, status: 'submitted', origin: 'import', amounts, operatingIncomeFen: 100_000_00, totalFen: 100_000_00, reason: null, createdByName: '王书记', createdAt: '2026-03-01 10:00', submittedAt: '2026-03-02 09:00', approvedAt: null, approvedByName: null },
  versions: [], can: { enter: false, submit: false, approve: true },
};
YEAR.versions = [YEAR.open!];

function economyServer() {
  return server((call: RecordedCall) => {
    if (call.path === '/api/economy') return jsonResponse(200, OVERVIEW);
    if (call.path === '/api/economy/villages/3/years/2026' && call.method === 'GET') return jsonResponse(200, YEAR);
    if (call.path === '/api/economy/villages/3/years/2026/approve') return jsonResponse(200, { ...YEAR, approved: { ...YEAR.open, status: 'approved' }, open: null, can: { enter: true, submit: false, approve: false } });
    if (call.path === '/api/economy/table.xlsx') {
      return new Response(new Blob(['xlsx']), { status: 200, headers: { 'content-type': 'application/octet-stream', 'content-disposition': "attachment; filename*=UTF-8''t.xlsx" } });
    }
    if (call.path === '/api/economy/import') {
      return jsonResponse(200, { total: 2, valid: 1, invalid: 1, created: 1, updated: 0, dryRun: true, rows: [
        { sheet: '收入', row: 5, status: 'create', name: '王庄村', errors: [], notes: ['2025年度'] },
        { sheet: '收入', row: 6, status: 'invalid', name: '李庄', errors: [{ column: '村名', message: '“李庄”不是您可以填报的村' }] },
      ] });
    }
    return undefined;
  }, ADMIN);
}

describe('集体经济', () => {
  it('shows villages in tree order with each year\'s 经营性收入, status tags, the weak-village line and 消薄年份', async () => {
    installFetch(economyServer());
    await renderRoutes(routes, '/economy');
    const table = await screen.findByTestId('economy-table');
    const rows = [...table.querySelectorAll('tbody tr.ant-table-row')].map((r) => r.textContent ?? '');
    expect(rows[0]).toContain('王庄村');
    expect(rows[1]).toContain('赵庄村');
    expect(within(table).getAllByText('薄弱村')).toHaveLength(3);
    expect(within(table).getByText('待审核')).toBeTruthy();
    expect(within(table).getByText('草稿')).toBeTruthy();
    // 王庄村 crossed the line in 2025 (its 消薄年份 cell).
    expect(rows[0]).toMatch(/2025年$/);
    expect(screen.getByText(/薄弱村线:年经营性收入低于 10.00 万元/)).toBeTruthy();
    expect(within(screen.getByTestId('economy-town')).getByText('+25%')).toBeTruthy();
  });

  it('opens a submitted year and approves it after a confirmation', async () => {
    const calls = installFetch(economyServer());
    await renderRoutes(routes, '/economy');
    fireEvent.click(within(await screen.findByTestId('economy-table')).getByText('待审核'));
    expect(await screen.findByText('王庄村 2026年度集体经济收入')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: '审核通过' }));
    fireEvent.click(await screen.findByRole('button', { name: /^通\s*过$/ }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/economy/villages/3/years/2026/approve' && c.method === 'POST')).toBe(true));
  });

  it('enters a year\'s five sources in 元 and saves them as a draft in 分', async () => {
    const empty: IncomeYear = { ...YEAR, year: 2024, organizationId: 4, villageName: '赵庄村', open: null, versions: [], can: { enter: true, submit: false, approve: false } };
    const calls = installFetch(server((call) => {
      if (call.path === '/api/economy') return jsonResponse(200, OVERVIEW);
      if (call.path === '/api/economy/villages/4/years/2024') return jsonResponse(200, call.method === 'PUT' ? { ...empty, can: { enter: true, submit: true, approve: false } } : empty);
      return undefined;
    }, ADMIN));
    await renderRoutes(routes, '/economy');
    const rows = (await screen.findByTestId('economy-table')).querySelectorAll('tbody tr.ant-table-row');
    fireEvent.click(within(rows[1] as HTMLElement).getAllByRole('button')[2]);
    const form = await screen.findByRole('form', { name: '填报收入' });
    const values: Record<string, string> = { 经营收入: '12345.67', 发包及上交收入: '20000', 投资收益: '0', 补助收入: '30000', 其他收入: '0.5' };
    for (const [label, value] of Object.entries(values)) fireEvent.change(within(form).getByLabelText(label), { target: { value } });
    fireEvent.click(within(form).getByRole('button', { name: /保存草稿/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ amounts: { operating: 1_234_567, contracting: 2_000_000, investment: 0, subsidy: 3_000_000, other: 50 }, reason: null });
  });

  it('runs the import as a dry run first and shows the report row by row in Chinese', async () => {
    const calls = installFetch(economyServer());
    await renderRoutes(routes, '/economy');
    fireEvent.click(await screen.findByRole('button', { name: /导入三资收入表/ }));
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    fireEvent.change(input, { target: { files: [new File(['x'], '收入.xlsx')] } });
    fireEvent.click(await screen.findByRole('button', { name: '试运行检查' }));
    const report = await screen.findByTestId('import-report');
    expect(within(report).getByText('村名:“李庄”不是您可以填报的村')).toBeTruthy();
    const call = calls.find((c) => c.path === '/api/economy/import')!;
    expect(new URL(call.url, 'http://localhost').searchParams.get('dryRun')).toBe('true');
    expect((screen.getByRole('button', { name: '正式导入' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('on a 390 px phone reads each village as a card of years', async () => {
    const original = window.matchMedia;
    window.matchMedia = (query: string) => ({
      matches: query === '(max-width: 767.98px)', media: query, onchange: null, addListener: () => {}, removeListener: () => {},
      addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false,
    }) as MediaQueryList;
    try {
      installFetch(economyServer());
      await renderRoutes(routes, '/economy');
      const cards = await screen.findByTestId('economy-cards');
      expect(within(cards).getByText('2025年消薄')).toBeTruthy();
      expect(within(cards).getAllByText('2022年')).toHaveLength(2);
      expect(document.querySelector('[data-testid="economy-table"]')).toBeNull();
    } finally {
      window.matchMedia = original;
    }
  });

  it('shows the empty state when no village is in scope', async () => {
    installFetch(server((call) => (call.path === '/api/economy' ? jsonResponse(200, { ...OVERVIEW, villages: [], town: [] }) : undefined), ADMIN));
    await renderRoutes(routes, '/economy');
    expect(await screen.findByText('没有可查看的村')).toBeTruthy();
  });

  it('downloads the last year over as the town\'s table (Excel), never the year in progress', async () => {
    if (!URL.createObjectURL) Object.assign(URL, { createObjectURL: () => 'blob:economy', revokeObjectURL: () => {} });
    const calls = installFetch(economyServer());
    await renderRoutes(routes, '/economy');
    const thisYear = Number(todayInShanghai().slice(0, 4));
    fireEvent.mouseEnter(await screen.findByRole('button', { name: new RegExp(`${thisYear - 1}年度统计表`) }));
    fireEvent.click(await screen.findByText('Excel'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/economy/table.xlsx' && new URL(c.url, 'http://x').searchParams.get('year') === String(thisYear - 1))).toBe(true));
  });
});
