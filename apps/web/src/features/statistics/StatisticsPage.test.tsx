import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { defaultStatisticsDay, todayInShanghai, type PartyStatistics } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { renderRoutes } from '../../test/render';
import { queryOf, server } from '../../test/server';
import { StatisticsPage } from './StatisticsPage';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const routes = [{ path: '/statistics', element: <StatisticsPage /> }];
const AS_OF = defaultStatisticsDay(todayInShanghai());

function stats(n: number): PartyStatistics {
  return {
    asOf: AS_OF, periodStart: `${AS_OF.slice(0, 4)}-01-01`, unitName: '王庄村党支部',
    tables: [
      {
        key: 'member_gender', title: '党员按性别', group: 'members', drillable: true,
        columns: [{ key: 'male', label: '男' }, { key: 'female', label: '女' }],
        rows: [{ key: '3', label: '王庄村党支部', cells: [n, 1], total: n + 1 }, { key: 'total', label: '合计', cells: [n, 1], total: n + 1 }],
      },
      {
        key: 'organizations', title: '基层党组织按类别和领域', group: 'organizations', drillable: false,
        columns: [{ key: 'village', label: '农村' }],
        rows: [{ key: 'branch', label: '党支部', cells: [1], total: 1 }],
      },
      {
        key: 'flows', title: '党员增减', group: 'flows', drillable: true,
        columns: [{ key: 'start', label: '年初数' }, { key: 'died', label: '死亡' }, { key: 'end', label: '期末数' }],
        rows: [{ key: '3', label: '王庄村党支部', cells: [n + 2, 1, n + 1], total: null }, { key: 'total', label: '合计', cells: [n + 2, 1, n + 1], total: null }],
      },
    ],
  };
}

describe('党内统计', () => {
  it('shows last year-end by default and opens a figure to the members behind it', async () => {
    const calls = installFetch(server((call) => {
      if (call.path === '/api/statistics/party') return jsonResponse(200, stats(3));
      if (call.path === '/api/statistics/party/members') {
        return jsonResponse(200, { items: [{ memberId: 9, name: '张三', organizationName: '王庄村党支部', occurredOn: null }], total: 1, page: 1, pageSize: 20 });
      }
      return undefined;
    }));
    await renderRoutes(routes, '/statistics');
    const table = await screen.findByTestId('stat-member_gender');
    expect(within(table).getAllByText('合计').length).toBeGreaterThan(0);
    expect(queryOf(calls.find((c) => c.path === '/api/statistics/party')!)).toEqual({ asOf: AS_OF });
    fireEvent.click(within(table).getAllByRole('button', { name: '党员按性别 · 王庄村党支部 · 男:3人' })[0]);
    expect(await screen.findByText('张三')).toBeTruthy();
    await waitFor(() => expect(queryOf(calls.find((c) => c.path === '/api/statistics/party/members')!)).toMatchObject({ asOf: AS_OF, table: 'member_gender', row: '3', column: 'male' }));
    // The other groups of tables are tabs; the 基层党组织 figures are counts of organisations, not links to members.
    fireEvent.click(screen.getByRole('tab', { name: '基层党组织' }));
    const orgs = await screen.findByTestId('stat-organizations');
    expect(within(orgs).queryAllByRole('button')).toHaveLength(0);
  });

  it('says so when the day has no members, and downloads the xlsx for the day', async () => {
    if (!URL.createObjectURL) Object.assign(URL, { createObjectURL: () => 'blob:stats', revokeObjectURL: () => {} });
    const calls = installFetch(server((call) => {
      if (call.path === '/api/statistics/party') return jsonResponse(200, { ...stats(0), tables: stats(0).tables.map((t) => (t.group === 'organizations' ? t : { ...t, rows: t.rows.map((r) => ({ ...r, cells: r.cells.map(() => 0) })) })) });
      if (call.path === '/api/statistics/party.xlsx') {
        return new Response(new Blob(['xlsx']), { status: 200, headers: { 'content-type': 'application/octet-stream', 'content-disposition': "attachment; filename*=UTF-8''stats.xlsx" } });
      }
      return undefined;
    }));
    await renderRoutes(routes, '/statistics');
    expect(await screen.findByText('该时点没有党员记录')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /下载Excel/ }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/statistics/party.xlsx' && queryOf(c).asOf === AS_OF)).toBe(true));
  });
});
