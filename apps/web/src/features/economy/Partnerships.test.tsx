import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { PartnershipDetail, PartnershipList } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { server } from '../../test/server';
import { PartnershipReceivedNote } from './PartnershipReceivedNote';
import { PartnershipsSection } from './PartnershipsSection';

// Issue 18 point 3, 村企合作 on the 集体经济 page: the list with status and renewal date, the form with its counters,
// the yearly rows entered in 元 and saved in 分, and the phone's cards.
beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const routes = [{ path: '/economy', element: <PartnershipsSection /> }];
const ADMIN = me(['town_admin']);
const WAN = 1_000_000;
const ITEM = {
  id: 7, organizationId: 3, villageName: '王庄村', partnerKind: 'park', partnerName: '泰和水处理剂专业园', status: 'active', incomeSource: 'contracting',
  signedOn: '2023-12-20', startsOn: '2024-01-01', endsOn: '2026-12-31', due: 'due', thisYear: { year: 2026, plannedFen: 8 * WAN, receivedFen: null, note: null }, files: 0,
} as const;
const LIST: PartnershipList = { items: [ITEM], dueDays: 60, dueSource: '本地选择,无上级规定', villages: [{ organizationId: 3, villageName: '王庄村' }, { organizationId: 4, villageName: '赵庄村' }] };
const DETAIL: PartnershipDetail = {
  ...ITEM, terms: '村集体土地出租园区', partnerBranchName: null, linkedOrgs: [], agreementFiles: [], can: { edit: true },
  years: [{ year: 2025, plannedFen: 8 * WAN, receivedFen: 6 * WAN, note: null }],
};

function partnershipServer(list: PartnershipList = LIST) {
  return server((call: RecordedCall) => {
    if (call.path === '/api/economy/partnerships' && call.method === 'GET') return jsonResponse(200, list);
    if (call.path === '/api/economy/partnerships' && call.method === 'POST') return jsonResponse(200, { ...DETAIL, id: 8 });
    if (call.path.startsWith('/api/economy/partnerships/')) return jsonResponse(200, DETAIL);
    return undefined;
  }, ADMIN);
}

describe('村企合作', () => {
  it('lists each agreement with its status, the renewal tag and date, and this year\'s money', async () => {
    installFetch(partnershipServer());
    await renderRoutes(routes, '/economy');
    const table = await screen.findByTestId('partnership-table');
    expect(within(table).getByText('履行中')).toBeTruthy();
    expect(within(table).getByText('即将到期')).toBeTruthy();
    expect(within(table).getByText('2026-12-31')).toBeTruthy();
    expect(within(table).getByText('约定 8.00 · 到账 未登记')).toBeTruthy();
    expect(within(table).getByText('未上传')).toBeTruthy();
    expect(screen.getByText(/到期前60天提醒续签/)).toBeTruthy();
  });

  it('registers an agreement: counters on the limited fields, the body as the contract says', async () => {
    // A village's secretary: the one village is chosen already.
    const calls = installFetch(partnershipServer({ ...LIST, villages: [{ organizationId: 4, villageName: '赵庄村' }] }));
    await renderRoutes(routes, '/economy');
    fireEvent.click(await screen.findByText('登记合作'));
    const form = await screen.findByRole('form', { name: '村企合作' });
    expect(within(form).getByText('0 / 500')).toBeTruthy();
    expect(within(form).getAllByText('0 / 60')).toHaveLength(2);
    expect(within(form).getByTitle('赵庄村')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('合作企业(园区)'), { target: { value: '旺达创业创新示范园' } });
    fireEvent.change(within(form).getByLabelText('合作内容'), { target: { value: '入股分红' } });
    expect(within(form).getByText('4 / 500')).toBeTruthy();
    fireEvent.click(screen.getByText(/^登\s*记$/));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({
      organizationId: 4, partnerKind: 'park', partnerName: '旺达创业创新示范园', status: 'negotiating', incomeSource: 'contracting', terms: '入股分红', linkedOrgIds: [],
    });
  });

  it('opens from a 待办 link on its summary and saves the yearly rows entered in 元 as 分', async () => {
    const calls = installFetch(partnershipServer());
    await renderRoutes(routes, '/economy?partnership=7');
    const years = await screen.findByRole('form', { name: '各年度金额' });
    expect(screen.getByText('村集体土地出租园区')).toBeTruthy();
    expect(screen.getByText('修改合作信息')).toBeTruthy();
    expect(within(years).getAllByTestId('partnership-year-row')).toHaveLength(1);
    fireEvent.click(within(years).getByText('添加年度'));
    const rows = within(years).getAllByTestId('partnership-year-row');
    expect(rows).toHaveLength(2);
    fireEvent.change(within(rows[1]).getByLabelText('约定金额'), { target: { value: '80000' } });
    fireEvent.change(within(rows[1]).getByLabelText('到账金额'), { target: { value: '12345.6' } });
    fireEvent.click(within(years).getByText('保存各年度金额'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ years: [
      { year: 2025, plannedFen: 8 * WAN, receivedFen: 6 * WAN, note: null },
      { year: 2026, plannedFen: 8_000_000, receivedFen: 1_234_560, note: null },
    ] });
  });

  it('on a 390 px phone reads each agreement as a card; without agreements says so', async () => {
    const original = window.matchMedia;
    window.matchMedia = (query: string) => ({
      matches: query === '(max-width: 767.98px)', media: query, onchange: null, addListener: () => {}, removeListener: () => {},
      addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false,
    }) as MediaQueryList;
    try {
      installFetch(partnershipServer());
      await renderRoutes(routes, '/economy');
      const cards = await screen.findByTestId('partnership-cards');
      expect(within(cards).getByText('王庄村 · 泰和水处理剂专业园')).toBeTruthy();
      expect(document.querySelector('[data-testid="partnership-table"]')).toBeNull();
    } finally {
      window.matchMedia = original;
    }
    cleanup();
    installFetch(partnershipServer({ ...LIST, items: [] }));
    await renderRoutes(routes, '/economy');
    expect(await screen.findByText('还没有登记村企合作')).toBeTruthy();
  });

  it('shows 其中村企合作到账 beside the income line and warns when it is above the line, as a reference only', async () => {
    installFetch(server((call) => (call.path === '/api/economy/villages/3/years/2025/partnerships' ? jsonResponse(200, {
      year: 2025, against: 'approved',
      sources: [{ source: 'contracting', receivedFen: 6 * WAN, incomeFen: 5 * WAN, exceeds: true }],
      items: [{ id: 7, partnerName: '泰和水处理剂专业园', source: 'contracting', receivedFen: 6 * WAN }],
    }) : undefined), ADMIN));
    await renderRoutes([{ path: '/economy', element: <PartnershipReceivedNote target={{ orgId: 3, year: 2025 }} /> }], '/economy');
    const note = await screen.findByTestId('partnership-received');
    expect(within(note).getByText('发包及上交收入:其中村企合作到账 6.00 万元')).toBeTruthy();
    expect(within(note).getByText('(已审核收入 5.00 万元)')).toBeTruthy();
    expect(within(note).getByText(/村企合作到账超过已审核收入中的发包及上交收入,请与三资账目核对/)).toBeTruthy();
    expect(within(note).getByText('泰和水处理剂专业园 6.00 万元')).toBeTruthy();
  });
});
