import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { todayInShanghai, type Household, type HouseholdList } from '@dj/contracts';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';

// Issue 20 point 3, 党员联户 for the secretary: the 待办 item's link opens the list filtered to one member's overdue
// households, and 代为登记走访 sends the member who visited.
beforeAll(async () => {
  installDomShims();
  await import('./HouseholdsPage');
});
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const H: Household = {
  id: 7, organizationId: 3, villageName: '王庄村', headName: '孙大爷', hamlet: '一组', address: '前街3号', people: 2, situation: '独居老人',
  phoneMasked: '139****5678', links: [{ personId: 5, name: '王联户', since: '2026-01-01', until: null }], lastVisitOn: '2026-01-10', dueOn: '2026-04-10',
  overdue: true, isDemo: false, can: { edit: true },
};
const LIST: HouseholdList = {
  villages: [{ organizationId: 3, villageName: '王庄村', canEdit: true, hamlets: ['一组'], members: [{ personId: 5, name: '王联户' }] }],
  items: [H], total: 1, page: 1, pageSize: 50, intervalDays: 90,
};

function server() {
  return (call: RecordedCall) => {
    if (call.path === '/api/auth/me') return jsonResponse(200, me(['branch_secretary'], [{ organizationId: 3, name: '王庄村党支部', path: '/1/3/' }]));
    if (call.path === '/api/households') return jsonResponse(200, LIST);
    if (call.path === '/api/households/7/visits') return jsonResponse(200, { ...H, overdue: false, history: H.links, visits: [] });
    return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
  };
}

describe('党员联户 (书记)', () => {
  it('opens from 待办 filtered to a member\'s overdue households', async () => {
    const calls = installFetch(server());
    await renderRoutes(routes, '/households?orgId=3&personId=5&due=true');
    const table = await screen.findByTestId('households-table');
    expect(await within(table).findByText('孙大爷')).toBeTruthy();
    const listCall = calls.find((c) => c.path === '/api/households')!;
    expect(Object.fromEntries(new URL(listCall.url, 'http://x').searchParams)).toMatchObject({ orgId: '3', personId: '5', due: 'true' });
    expect(within(table).getByText('超期未走访(应于2026-04-10前)')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: '只看未走访超期' })).toHaveProperty('checked', true);
  });

  it('enters a visit for the member who made it (代为登记走访)', async () => {
    const calls = installFetch(server());
    await renderRoutes(routes, '/households?orgId=3');
    const table = await screen.findByTestId('households-table');
    await within(table).findByText('孙大爷');
    fireEvent.click(within(table).getByRole('button', { name: '代为登记走访', hidden: true }));
    const dialog = await findDialog(/走访党员/);
    fireEvent.click(within(dialog).getByRole('button', { name: '保存走访', hidden: true }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ personId: 5, visitedOn: todayInShanghai(), method: 'door', raised: null, note: null });
  });
});
