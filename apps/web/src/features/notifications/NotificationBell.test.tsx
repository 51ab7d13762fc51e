import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { BACKGROUND_REQUEST_HEADER } from '@dj/contracts';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { ALL } from '../../test/org-fixtures';
import { renderRoutes } from '../../test/render';

const ITEMS = [
  { id: 2, kind: 'compliance', title: '组织生活临近截止', body: '营子村党支部 2026年11月 主题党日 截止 11-28,尚未完成', link: '/compliance?orgId=3&period=2026-11', readAt: null, createdAt: '2026-11-27T00:00:05.000Z' },
  { id: 1, kind: 'compliance', title: '组织生活已逾期', body: '营子村党支部 2026年10月 支部委员会 截止 10-31,已逾期', link: null, readAt: '2026-11-01T02:00:00.000Z', createdAt: '2026-11-01T00:00:05.000Z' },
];

function server(items = ITEMS) {
  return (call: RecordedCall) => {
    if (call.path === '/api/auth/me') return jsonResponse(200, me(['branch_secretary']));
    if (call.path === '/api/organizations') return jsonResponse(200, { items: ALL });
    if (call.path === '/api/notifications') return jsonResponse(200, { items, unread: items.filter((n) => !n.readAt).length });
    if (call.path === '/api/notifications/2/read') return jsonResponse(200, { ...items[0], readAt: '2026-11-27T01:00:00.000Z' });
    if (call.path === '/api/notifications/read-all') return jsonResponse(200, { updated: 1 });
    return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
  };
}

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('提醒 bell', () => {
  it('shows the unread count, lists the reminders, marks one read and follows its link', async () => {
    const calls = installFetch(server());
    const { router } = await renderRoutes(routes, '/tasks', { opens: ['/compliance?orgId=3&period=2026-11'] });
    // The unread count arrives after the shell itself; a busy runner needs more than the default wait.
    const bell = await screen.findByRole('button', { name: '提醒(1条未读)' });
    // The poll is the page's, not the user's: marked so it does not keep an unused tab signed in (issue 21 point 3).
    expect(calls.find((c) => c.path === '/api/notifications')?.headers.get(BACKGROUND_REQUEST_HEADER)).toBe('1');
    fireEvent.click(bell);
    const item = await screen.findByText(ITEMS[0].body);
    expect(screen.getByText(ITEMS[1].body)).toBeTruthy();
    fireEvent.click(item);
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/notifications/2/read')).toBe(true));
    await waitFor(() => expect(router.state.location.pathname + router.state.location.search).toBe('/compliance?orgId=3&period=2026-11'));
  });

  it('says 暂无提醒 when there are none', async () => {
    installFetch(server([]));
    await renderRoutes(routes, '/tasks');
    fireEvent.click(await screen.findByRole('button', { name: '提醒' }));
    expect(await screen.findByText('暂无提醒')).toBeTruthy();
  });
});
