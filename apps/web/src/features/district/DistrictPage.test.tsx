import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { DistrictDashboard, DistrictTownDashboard } from '@dj/contracts';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { homePath } from '../../lib/roles';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { DISTRICT_VIEWER_MENU } from '../../test/menus';
import { renderRoutes } from '../../test/render';
import { server } from '../../test/server';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const QUWEI = me(['district_viewer'], [{ organizationId: 90, name: '测试区委组织部', path: '/90/' }]);
// 03:10Z and 03:05Z are 11:10 and 11:05 in Beijing.
const TOWNS = [
  { tenantId: 7, code: '370402101', name: '甲镇', computedAt: '2026-12-07T03:10:00.000Z' },
  { tenantId: 5, code: '370402102', name: '乙镇', computedAt: '2026-12-07T03:05:00.000Z' },
];
const BOARD: DistrictDashboard = {
  today: '2026-12-07', district: { tenantId: 9, code: '370402', name: '测试区' }, towns: TOWNS, publishedAssessment: false,
  oldestComputedAt: '2026-12-07T03:05:00.000Z',
  rows: [
    { group: 'compliance', groupTitle: '本月组织生活', label: '逾期', values: [0, 3], total: 3 },
    { group: 'rectification', groupTitle: '整改', label: '已逾期', values: [2, 1], total: 3 },
  ],
};
const REFRESHED: DistrictDashboard = {
  ...BOARD, towns: TOWNS.map((t) => ({ ...t, computedAt: '2026-12-07T04:20:00.000Z' })), oldestComputedAt: '2026-12-07T04:20:00.000Z',
  rows: [BOARD.rows[0], { ...BOARD.rows[1], values: [0, 1], total: 1 }],
};
const TOWN: DistrictTownDashboard = {
  town: { tenantId: 5, code: '370402102', name: '乙镇' },
  dashboard: {
    today: '2026-12-07',
    matrix: {
      period: '2026-12', requirements: [{ ruleKey: 'theme_day', label: '主题党日' }],
      rows: [{ organizationId: 11, organizationName: '乙镇一村党支部', link: '/compliance?orgId=11&period=2026-12', cells: [
        { ruleKey: 'theme_day', status: 'late', deadline: '2026-12-05', done: 0, expected: 1, awaitingSignOff: 0 },
      ] }],
      totals: { done: 0, awaitingSignOff: 0, due: 0, dueSoon: 0, late: 1 },
    },
    pipeline: [{ phase: 'applicant', label: '入党申请人', count: 2 }],
    tiles: [{ key: 'rectification', title: '整改', link: '/inspections', note: '至今未验收的', figures: [{ label: '已逾期', value: 1, tone: 'late', link: '/inspections' }] }],
  },
};

const district = server((call) => {
  if (call.path === '/api/district/dashboard') return jsonResponse(200, BOARD);
  return call.path === '/api/district/towns/5/dashboard' ? jsonResponse(200, TOWN) : undefined;
}, QUWEI);

describe('区级驾驶舱', () => {
  it('lands the 区委组织部 on the district page, whose menu holds nothing of a town', async () => {
    expect(homePath(QUWEI)).toBe('/district');
    installFetch(district);
    await renderRoutes(routes, '/district');
    await screen.findByTestId('district-table');
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual(DISTRICT_VIEWER_MENU);
  });

  it('puts the towns side by side in the server\'s order (by code) with the district\'s sum, and no column sorts', async () => {
    installFetch(district);
    await renderRoutes(routes, '/district');
    const table = await screen.findByTestId('district-table');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['项目', '甲镇数据计算于 2026-12-07 11:10', '乙镇数据计算于 2026-12-07 11:05', '全区合计']);
    expect(screen.getByTestId('district-oldest').textContent).toBe('数据计算于 2026-12-07 11:05(北京时间,各镇中最早)');
    expect(table.querySelector('.ant-table-column-sorters')).toBeNull();
    const late = within(table).getByText('已逾期').closest('tr') as HTMLElement;
    expect([...late.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['整改已逾期', '2', '1', '3']);
    expect(within(table).getByRole('link', { name: '乙镇·整改·已逾期1' }).getAttribute('href')).toBe('/district/towns/5');
  });

  it('opens a town\'s 驾驶舱 read-only: its figures, no link into the town', async () => {
    installFetch(district);
    const { router } = await renderRoutes(routes, '/district', { opens: ['/district/towns/5'] });
    fireEvent.click(await screen.findByRole('link', { name: '乙镇·整改·已逾期1' }));
    await screen.findByText('乙镇驾驶舱(只读)');
    expect(router.state.location.pathname).toBe('/district/towns/5');
    expect(screen.getByText('乙镇一村党支部')).toBeTruthy();
    const tile = screen.getByTestId('district-tile-rectification');
    expect(within(tile).queryAllByRole('link')).toEqual([]);
  });

  it('刷新 asks the server to compute every town now and shows the new figures and times', async () => {
    const calls = installFetch(server((call) => {
      if (call.path === '/api/district/refresh' && call.method === 'POST') return jsonResponse(200, REFRESHED);
      return call.path === '/api/district/dashboard' ? jsonResponse(200, BOARD) : undefined;
    }, QUWEI));
    await renderRoutes(routes, '/district');
    await screen.findByTestId('district-table');
    fireEvent.click(screen.getByRole('button', { name: /刷\s*新/ }));
    await screen.findByText('数据计算于 2026-12-07 12:20(北京时间,各镇中最早)');
    expect(calls.filter((c) => c.path === '/api/district/refresh').map((c) => c.method)).toEqual(['POST']);
    const late = within(screen.getByTestId('district-table')).getByText('已逾期').closest('tr') as HTMLElement;
    expect([...late.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['整改已逾期', '0', '1', '1']);
    expect(screen.getAllByTestId('computed-7')[0].textContent).toBe('数据计算于 2026-12-07 12:20');
  });

  it('refuses a town account', async () => {
    installFetch(server(() => undefined, me(['town_admin'])));
    await renderRoutes(routes, '/district');
    expect(await screen.findByText('区级驾驶舱供区委组织部使用。')).toBeTruthy();
  });
});
