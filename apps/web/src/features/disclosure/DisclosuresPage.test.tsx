import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { renderRoutes } from '../../test/render';
import { queryOf, server } from '../../test/server';
import { BOARD, disclosure, summary } from './test-fixtures';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const RULES = {
  dueDay: 10, dueSoonDays: 7,
  items: [
    { key: 'finance_monthly', category: 'finance', label: '财务收支(每月)', schedule: 'monthly', items: '各项收支', source: '《村民委员会组织法》第三十条', periodExample: '2026-10' },
    { key: 'party_quarterly', category: 'party', label: '党务(每季度)', schedule: 'quarterly', items: '党务事项', source: '党务公开条例', periodExample: '2026-Q3' },
  ],
};

const LIST = [summary({ id: 41 }), summary({ id: 40, category: 'party', title: '第三季度党务公开', status: 'published', period: '2026-Q3' })];

const disclosures = server((call) => {
  if (call.path === '/api/disclosures/board') return jsonResponse(200, BOARD);
  if (call.path === '/api/disclosures' && call.method === 'GET') return jsonResponse(200, { items: LIST });
  if (call.path === '/api/disclosures' && call.method === 'POST') return jsonResponse(200, disclosure({ id: 42 }));
  if (call.path === '/api/disclosures/42') return jsonResponse(200, disclosure({ id: 42 }));
  if (call.path === '/api/disclosure/rules') return jsonResponse(200, RULES);
  if (call.path === '/api/villages') return jsonResponse(200, { items: [{ id: 11, code: '371402001', name: '王庄村' }] });
  return undefined;
});

describe('三务公开', () => {
  it('shows the board of each village and rule with its period and deadline status, without scores', async () => {
    installFetch(disclosures);
    await renderRoutes(routes, '/disclosures');
    const board = await screen.findByTestId('disclosure-board');
    const row = await within(board).findByTestId('board-branch-3');
    expect(within(within(row).getByTestId('board-cell-finance_monthly')).getByText('即将到期')).toBeTruthy();
    expect(within(row).getByTestId('board-cell-finance_monthly').textContent).toContain('2026-10');
    expect(within(row).getByTestId('board-cell-finance_monthly').textContent).toContain('截止 2026-11-10');
    expect(within(within(row).getByTestId('board-cell-village_quarterly')).getByText('已逾期')).toBeTruthy();
    expect(within(row).getByTestId('board-cell-village_quarterly').textContent).toContain('另有1期未公开');
    expect(within(within(row).getByTestId('board-cell-party_quarterly')).getByText('已公开')).toBeTruthy();
    expect(within(within(row).getByTestId('board-cell-party_yearly')).getByText('期限内')).toBeTruthy();
    expect(board.textContent).not.toMatch(/得分|排名/);

    const list = screen.getByTestId('disclosure-list');
    expect(within(list).getByRole('link', { name: '2026年10月财务收支公开' }).getAttribute('href')).toBe('/disclosures/41');
    expect(within(list).getByText('已公开')).toBeTruthy();
    // The secretary's one village: its public board opens in a new tab.
    const link = await screen.findByRole('link', { name: /公开栏/ });
    expect(link.getAttribute('href')).toBe('/public/villages/371402001');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('filters the list and creates a disclosure for a rule and period', async () => {
    const calls = installFetch(disclosures);
    const { router } = await renderRoutes(routes, '/disclosures?category=finance&status=draft', { opens: ['/disclosures/42'] });
    await screen.findByTestId('disclosure-list');
    const get = calls.filter((c) => c.path === '/api/disclosures').at(-1)!;
    expect(queryOf(get)).toEqual({ category: 'finance', status: 'draft' });

    fireEvent.click(screen.getByRole('button', { name: /新建公开/ }));
    const dialog = await findDialog(/公开期间/);
    fireEvent.change(within(dialog).getByLabelText('公开期间'), { target: { value: '2026-10' } });
    fireEvent.change(within(dialog).getByLabelText('标题'), { target: { value: '2026年10月财务收支公开' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/disclosures/42'));
    const post = calls.find((c) => c.path === '/api/disclosures' && c.method === 'POST');
    expect(post?.body).toMatchObject({ organizationId: 3, category: 'finance', period: '2026-10', title: '2026年10月财务收支公开' });
  });
});
