import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { monthFromIndex, monthIndex, todayInShanghai, type DashboardTile, type DashboardTown, type DashboardVillage } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { SECRETARY, queryOf, server } from '../../test/server';
import { DashboardPage } from './DashboardPage';
import { VillageCardPage } from './VillageCardPage';

// The chart chunk draws with ECharts in a browser; here it stands in as its accessible label.
vi.mock('../../components/EChart', () => ({ default: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const routes = [
  { path: '/dashboard', element: <DashboardPage /> },
  { path: '/dashboard/villages/:orgId', element: <VillageCardPage /> },
];
const ADMIN = me(['town_admin']);

const TILES: DashboardTile[] = [
  { key: 'rectification', title: '整改', link: '/inspections?tab=rectifications', note: '联督联查发现问题的整改,至今未验收的', figures: [
    { label: '未验收', value: 2, tone: 'due', link: '/inspections?tab=rectifications' }, { label: '已逾期', value: 1, tone: 'late', link: '/inspections?tab=rectifications' },
  ] },
  { key: 'disclosure', title: '三务公开', link: '/disclosures?orgId=3', note: '近12个月应公开的三务公开事项', figures: [
    { label: '按期公开', value: 5, tone: 'ok', link: '/disclosures?orgId=3' }, { label: '逾期或超期公开', value: 1, tone: 'late', link: '/disclosures?orgId=3' },
  ] },
];
const PIPELINE = [
  { phase: 'applicant', label: '入党申请人', count: 3 }, { phase: 'activist', label: '入党积极分子', count: 1 },
  { phase: 'candidate', label: '发展对象', count: 0 }, { phase: 'probationary', label: '预备党员', count: 2 },
] as DashboardTown['pipeline'];

const TOWN: DashboardTown = {
  today: '2026-12-07',
  matrix: {
    period: '2026-12', requirements: [{ ruleKey: 'theme_day', label: '主题党日' }, { ruleKey: 'committee_meeting', label: '支部委员会' }],
    rows: [
      { organizationId: 4, organizationName: '李庄村党支部', link: '/compliance?orgId=4&period=2026-12', cells: [
        { ruleKey: 'theme_day', status: 'late', deadline: '2026-12-05', done: 0, expected: 1, awaitingSignOff: 0 }, null,
      ] },
      { organizationId: 3, organizationName: '王庄村党支部', link: '/compliance?orgId=3&period=2026-12', cells: [
        { ruleKey: 'theme_day', status: 'awaiting_sign_off', deadline: '2026-12-28', done: 1, expected: 1, awaitingSignOff: 1 },
        { ruleKey: 'committee_meeting', status: 'done', deadline: '2026-12-31', done: 1, expected: 1, awaitingSignOff: 0 },
      ] },
    ],
    totals: { done: 1, awaitingSignOff: 1, due: 0, dueSoon: 0, late: 1 },
  },
  pipeline: PIPELINE,
  tiles: TILES,
};

const MONTHS = Array.from({ length: 12 }, (_, i) => {
  const period = i < 1 ? '2025-12' : `2026-${String(i).padStart(2, '0')}`;
  return { period, done: 3, awaitingSignOff: 0, due: 0, dueSoon: 0, late: period === '2026-11' ? 1 : 0, link: `/compliance?orgId=3&period=${period}` };
});
const CARD: DashboardVillage = {
  today: '2026-12-07', organizationId: 3, organizationName: '王庄村党支部', from: '2025-12', to: '2026-11', months: MONTHS, pipeline: PIPELINE, tiles: TILES,
};

describe('驾驶舱', () => {
  it('shows the town admin the month as a matrix in the tree\'s order, the pipeline and tiles whose figures open their records', async () => {
    installFetch(server((call) => (call.path === '/api/dashboard/town' ? jsonResponse(200, TOWN) : undefined), ADMIN));
    await renderRoutes(routes, '/dashboard');
    const matrix = await screen.findByTestId('compliance-matrix');
    // The server's order, not sorted by any score: the village with a late cell stays first.
    expect(within(matrix).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['李庄村党支部', '王庄村党支部']);
    expect(within(screen.getByTestId('matrix-branch-4')).getByText('逾期')).toBeTruthy();
    expect(screen.getByText('数据日期 2026-12-07(北京时间)')).toBeTruthy();
    expect(await screen.findByRole('img', { name: /入党申请人3人/ })).toBeTruthy();
    const overdue = screen.getByRole('link', { name: '整改·已逾期1' });
    expect(overdue.getAttribute('href')).toBe('/inspections?tab=rectifications');
    expect(within(screen.getByTestId('tile-disclosure')).getByRole('link', { name: '三务公开' }).getAttribute('href')).toBe('/disclosures?orgId=3');
    expect(within(screen.getByTestId('pipeline-links')).getByRole('link', { name: '入党申请人 3人' }).getAttribute('href')).toBe('/recruitment/recruitments?phase=applicant');
  });

  it('opens any branch\'s 村情卡 from the picker', async () => {
    installFetch(server((call) => {
      if (call.path === '/api/dashboard/town') return jsonResponse(200, TOWN);
      return call.path === '/api/dashboard/villages/3' ? jsonResponse(200, CARD) : undefined;
    }, ADMIN));
    const { router } = await renderRoutes(routes, '/dashboard', { opens: ['/dashboard/villages/3'] });
    fireEvent.mouseDown(await screen.findByLabelText('打开村情卡'));
    const option = await waitFor(() => {
      const item = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((el) => el.textContent === '王庄村党支部');
      if (!item) throw new Error('没有选项');
      return item;
    });
    fireEvent.click(option);
    await screen.findByTestId('village-card');
    expect(router.state.location.pathname).toBe('/dashboard/villages/3');
  });

  it('sends a secretary of one village to that village\'s card: twelve months, each opening its calendar, and a print button', async () => {
    installFetch(server((call) => (call.path === '/api/dashboard/villages/3' ? jsonResponse(200, CARD) : undefined), SECRETARY));
    const { router } = await renderRoutes(routes, '/dashboard', { opens: ['/dashboard/villages/3'] });
    await screen.findByTestId('village-card');
    expect(router.state.location.pathname).toBe('/dashboard/villages/3');
    expect(screen.getByText('王庄村党支部 村情卡')).toBeTruthy();
    const months = screen.getByTestId('village-months');
    expect(within(months).getAllByRole('row')).toHaveLength(13);
    expect(within(months).getByRole('link', { name: '2026-11' }).getAttribute('href')).toBe('/compliance?orgId=3&period=2026-11');
    expect(screen.getByRole('button', { name: /打印/ })).toBeTruthy();
    expect(within(screen.getByTestId('pipeline-links')).getByRole('link', { name: '预备党员 2人' }).getAttribute('href')).toBe('/recruitment/recruitments?phase=probationary&orgId=3');
  });

  it('answers a village outside the scope as not found', async () => {
    installFetch(server(() => undefined, SECRETARY));
    await renderRoutes(routes, '/dashboard/villages/9');
    expect(await screen.findByText('村不存在或无权查看')).toBeTruthy();
  });

  it('shows a loading state, then the error with a retry when the dashboard fails', async () => {
    installFetch(server((call) => (call.path === '/api/dashboard/town' ? jsonResponse(500, { code: 'SERVER_ERROR', message: '服务器出错了' }) : undefined), ADMIN));
    await renderRoutes(routes, '/dashboard');
    expect(await screen.findByText('驾驶舱加载失败')).toBeTruthy();
  });

  it('makes the town admin\'s 会议报告: the last complete month by default, a year on request, with a loading state and the server\'s message', async () => {
    if (!URL.createObjectURL) Object.assign(URL, { createObjectURL: () => 'blob:report', revokeObjectURL: () => {} });
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => { release = resolve; });
    const answer = server((call) => {
      if (call.path === '/api/dashboard/town') return jsonResponse(200, TOWN);
      if (call.path === '/api/dashboard/reports/yearly.pdf') return jsonResponse(400, { code: 'VALIDATION', message: '年份不能晚于今年' });
      return undefined;
    }, ADMIN);
    // The Word file is held back until released, so the button's loading state can be seen.
    const calls = installFetch(async (call) => {
      if (call.path !== '/api/dashboard/reports/monthly.docx') return answer(call);
      await held;
      return new Response(new Blob(['docx']), { status: 200, headers: { 'content-type': 'application/octet-stream', 'content-disposition': "attachment; filename*=UTF-8''report.docx" } });
    });
    await renderRoutes(routes, '/dashboard');
    const card = await screen.findByTestId('meeting-report');
    const today = todayInShanghai();
    fireEvent.click(within(card).getByRole('button', { name: /下载Word/ }));
    await waitFor(() => expect(within(card).getByRole('button', { name: /下载Word/ }).className).toContain('ant-btn-loading'));
    const monthly = calls.find((c) => c.path === '/api/dashboard/reports/monthly.docx')!;
    expect(queryOf(monthly)).toEqual({ month: monthFromIndex(monthIndex(today.slice(0, 7)) - 1) });
    release();
    await waitFor(() => expect(within(card).getByRole('button', { name: /下载Word/ }).className).not.toContain('ant-btn-loading'));
    fireEvent.click(within(card).getByText('年度'));
    fireEvent.click(within(card).getByRole('button', { name: /下载PDF/ }));
    expect(await screen.findByText('年份不能晚于今年')).toBeTruthy();
    expect(queryOf(calls.find((c) => c.path === '/api/dashboard/reports/yearly.pdf')!)).toEqual({ year: today.slice(0, 4) });
  });

  it('offers no 会议报告 to a town-wide reader who is not the town admin (检查组)', async () => {
    installFetch(server((call) => (call.path === '/api/dashboard/town' ? jsonResponse(200, TOWN) : undefined), me(['inspector'])));
    await renderRoutes(routes, '/dashboard');
    await screen.findByTestId('compliance-matrix');
    expect(screen.queryByTestId('meeting-report')).toBeNull();
  });
});
