import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MyPay, PeriodPay, PersonPay } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { SECRETARY, server } from '../../test/server';
import { MyPayPage } from './MyPayPage';
import { PeriodPayPanel } from './PeriodPayPanel';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const ADMIN = me(['town_admin']);
const PERSON: PersonPay = {
  key: 'c-3-41', organizationId: 3, personId: 41, userId: null, name: '张立新', unit: '王庄村', post: 'committee_member', postLabel: '村委会委员',
  combined: false, employed: false, daysInPost: 16, monthDays: 31, score: 92, grade: 'excellent',
  pay: {
    totalFen: 122_258,
    lines: [
      { kind: 'base', label: '基本报酬', amountFen: 72_258, why: '书记基本报酬标准 2,000.00 元 × 村委会委员比例 70% × 在岗 16/31 天' },
      { kind: 'reward', label: '奖励绩效:招商引资', amountFen: 50_000, why: '固定金额 500.00 元' },
    ],
  },
  items: [{ id: 7, kind: 'reward', item: { kind: 'investment', rule: 'fixed', amountFen: 50_000 }, by: '镇党委管理员', at: '2026-12-05T02:00:00.000Z' }],
};
const PAY = (over: Partial<PeriodPay> = {}): PeriodPay => ({
  periodId: 9, period: '2026-12', schemeName: '村级"3+7"激励机制', audience: 'village_cadre', status: 'scoring',
  people: [PERSON], totalFen: PERSON.pay.totalFen, can: { editItems: true, payroll: false, townPayroll: false }, ...over,
});

describe('报酬 of a period (PeriodPayPanel)', () => {
  it('lists each person with the total; the row opens the breakdown with the why of every line; the town enters a 扣减 before locking', async () => {
    const calls = installFetch(server((call) => {
      if (call.path === '/api/assessment/periods/9/pay') return jsonResponse(200, PAY());
      if (call.path === '/api/assessment/periods/9/pay-items' && call.method === 'POST') return jsonResponse(200, PAY());
      return undefined;
    }, ADMIN));
    await renderRoutes([{ path: '/p', element: <PeriodPayPanel periodId={9} /> }], '/p');
    const panel = await screen.findByTestId('period-pay');
    expect(within(panel).getAllByText('¥1,222.58').length).toBeGreaterThan(0);
    expect(within(panel).getByText(/审批锁定后可导出报酬发放表/)).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: /展开行|Expand row/ }));
    const breakdown = await screen.findByTestId('pay-breakdown-c-3-41');
    expect(within(breakdown).getByText(/在岗 16\/31 天/)).toBeTruthy();
    expect(within(breakdown).getByText('奖励绩效:招商引资')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: '奖励/扣减' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByText('扣减'));
    fireEvent.change(await within(dialog).findByLabelText('扣减原因'), { target: { value: '会议缺席' } });
    fireEvent.change(within(dialog).getByLabelText('扣减金额(元)'), { target: { value: '100.5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/assessment/periods/9/pay-items')).toBe(true));
    const sent = calls.find((c) => c.path === '/api/assessment/periods/9/pay-items');
    expect(sent?.body).toEqual({ kind: 'deduction', person: { organizationId: 3, personId: 41 }, item: { reason: '会议缺席', amountFen: 10_050 } });
  });

  it('offers the 报酬发放表 downloads once the period is locked, and no entry any more', async () => {
    installFetch(server((call) => (call.path === '/api/assessment/periods/9/pay'
      ? jsonResponse(200, PAY({ status: 'locked', can: { editItems: false, payroll: true, townPayroll: false } })) : undefined)));
    await renderRoutes([{ path: '/p', element: <PeriodPayPanel periodId={9} /> }], '/p');
    const panel = await screen.findByTestId('period-pay');
    expect(within(panel).getByRole('button', { name: '报酬发放表(Excel)' })).toBeTruthy();
    expect(within(panel).getByRole('button', { name: '打印签字版(PDF)' })).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: '奖励/扣减' })).toBeNull();
  });
});

describe('我的考核与报酬', () => {
  const MINE: MyPay = { months: [{ periodId: 9, period: '2026-12', schemeName: '村级"3+7"激励机制', status: 'locked', pay: PERSON }] };

  it('shows the caller\'s own months with score, grade and the breakdown lines with their why', async () => {
    installFetch(server((call) => (call.path === '/api/assessment/my-pay' ? jsonResponse(200, MINE) : undefined), SECRETARY));
    await renderRoutes([{ path: '/assessment/my-pay', element: <MyPayPage /> }], '/assessment/my-pay');
    const card = await screen.findByTestId('my-pay-9');
    expect(within(card).getByText('2026年12月')).toBeTruthy();
    expect(within(card).getByText('已锁定')).toBeTruthy();
    expect(within(card).getByText('优秀')).toBeTruthy();
    expect(within(card).getByText('¥1,222.58')).toBeTruthy();
    fireEvent.click(within(card).getByText('计算明细(每项金额的来历)'));
    expect(await within(card).findByText('固定金额 500.00 元')).toBeTruthy();
  });

  it('says so when there is no published month yet; a plain 党员 has no such page', async () => {
    installFetch(server((call) => (call.path === '/api/assessment/my-pay' ? jsonResponse(200, { months: [] }) : undefined)));
    await renderRoutes([{ path: '/assessment/my-pay', element: <MyPayPage /> }], '/assessment/my-pay');
    expect(await screen.findByText('还没有已公示的月度考核')).toBeTruthy();
    cleanup();
    installFetch(server(() => undefined, me(['member'], [{ organizationId: 3, name: '王庄村党支部', path: '/1/3/' }])));
    await renderRoutes([{ path: '/assessment/my-pay', element: <MyPayPage /> }], '/assessment/my-pay');
    expect(await screen.findByText('没有权限查看')).toBeTruthy();
  });
});
