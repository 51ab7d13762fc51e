import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { queryOf, server } from '../../test/server';
import { ITEMS, rectificationSummary, round } from './test-fixtures';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const ADMIN = me(['town_admin']);
const { villages: _v, items: _i, closedAt: _c, can: _can, ...summary } = round();

const RECTIFICATIONS = [
  rectificationSummary({ id: 71 }),
  rectificationSummary({
    id: 72, organizationName: '王庄村党支部', description: '值班记录缺失', itemLabel: '坐班值班', dueOn: '2026-10-01',
    late: true, escalated: true, daysOverdue: 12,
  }),
  rectificationSummary({ id: 73, description: '杂物堆放', itemLabel: '清洁净化', status: 'accepted', acceptedOn: '2026-10-25' }),
];

const inspections = server((call) => {
  if (call.path === '/api/inspections' && call.method === 'GET') return jsonResponse(200, { items: [summary] });
  if (call.path === '/api/rectifications') return jsonResponse(200, { items: RECTIFICATIONS });
  if (call.path === '/api/inspection/checklist') return jsonResponse(200, { items: ITEMS });
  return undefined;
}, ADMIN);

describe('联督联查', () => {
  it('lists the rounds with their progress and offers 新建检查 to the town admin', async () => {
    installFetch(inspections);
    await renderRoutes(routes, '/inspections');
    const card = await screen.findByTestId('round-9');
    expect(within(card).getByRole('link', { name: '2026年第四季度联督联查' }).getAttribute('href')).toBe('/inspections/9');
    expect(card.textContent).toContain('已查 3 / 8');
    expect(card.textContent).toContain('赵纪检(纪委)');
    expect(screen.getByRole('button', { name: /新建检查/ })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /新建检查/ }));
    const dialog = await findDialog(/检查组成员/);
    expect(await within(dialog).findByText('小微权力清单')).toBeTruthy();
    expect(within(dialog).getAllByPlaceholderText('姓名')).toHaveLength(3);
  });

  it('shows the rectification board: statuses, deadlines, overdue ones highlighted and tagged as escalated, no scores', async () => {
    const calls = installFetch(inspections);
    await renderRoutes(routes, '/inspections?tab=rectifications');
    const board = await screen.findByTestId('rectification-board');
    const late = await within(board).findByTestId('rectification-72');
    expect(within(late).getByText('已上报镇党委')).toBeTruthy();
    expect(within(late).getByText('已逾期12天')).toBeTruthy();
    expect(late.textContent).toContain('2026-10-01');
    expect((late as HTMLElement).style.background).not.toBe('');
    const open = within(board).getByTestId('rectification-71');
    expect(within(open).getByText('待整改')).toBeTruthy();
    expect(within(open).queryByText('已上报镇党委')).toBeNull();
    expect(within(open).getByRole('link', { name: '第三季度财务未公开' }).getAttribute('href')).toBe('/rectifications/71');
    expect(within(within(board).getByTestId('rectification-73')).getByText('已验收')).toBeTruthy();
    expect(board.textContent).not.toMatch(/得分|排名/);
    await waitFor(() => expect(calls.some((c) => c.path === '/api/rectifications')).toBe(true));
    expect(queryOf(calls.find((c) => c.path === '/api/rectifications')!)).toEqual({});
  });

  it('opens the board on the village a link names (the 驾驶舱\'s 村情卡)', async () => {
    const calls = installFetch(inspections);
    await renderRoutes(routes, '/inspections?tab=rectifications&orgId=3');
    await screen.findByTestId('rectification-board');
    await waitFor(() => expect(calls.some((c) => c.path === '/api/rectifications')).toBe(true));
    expect(queryOf(calls.find((c) => c.path === '/api/rectifications')!)).toEqual({ orgId: '3' });
  });
});
