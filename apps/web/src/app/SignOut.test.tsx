import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me } from '@dj/contracts';
import { setCsrfToken } from '../lib/api-client';
import { RequireAuth } from '../features/auth/RequireAuth';
import { pageLoads } from '../lib/sign-in-target';
import { installDomShims } from '../test/dom';
import { installFetch, jsonResponse } from '../test/fetch-mock';
import { me } from '../test/member-fixtures';
import { otherPage, renderRoutes } from '../test/render';
import { AppLayout } from './layout/AppLayout';

/**
 * Signing out leaves no return address: the next person to sign in on the same browser lands on their own role's
 * page, not on the page the previous user was reading (found by the issue 12 browser flow). A session that expires
 * still brings its user back where they were.
 */
const routes = [
  {
    path: '/',
    element: <RequireAuth><AppLayout /></RequireAuth>,
    children: [
      { path: 'settings/users', element: otherPage('账号管理页面') },
      { path: 'tasks', element: otherPage('待办页面') },
      { path: 'my', element: otherPage('我的组织生活页面') },
    ],
  },
];
const ADMIN: Me = me(['town_admin']);

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

// The sign-in page is plain HTML outside the app (login.html): the app sends the user there by a page load, whose
// address carries the return path or not; where the sign-in page goes next is src/sign-in's test.
describe('signing out', () => {
  it('loads the sign-in page with no return address: the next user lands on their own page', async () => {
    const go = vi.spyOn(pageLoads, 'go').mockImplementation(() => {});
    let current: Me | null = ADMIN;
    installFetch((call) => {
      if (call.path === '/api/auth/me') return current ? jsonResponse(200, current) : jsonResponse(401, { code: 'UNAUTHENTICATED', message: '未登录' });
      if (call.path === '/api/auth/logout') {
        current = null;
        return jsonResponse(200, { ok: true });
      }
      return jsonResponse(200, { items: [], total: 0, unread: 0 });
    });
    await renderRoutes(routes, '/settings/users');
    expect(await screen.findByText('账号管理页面')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /退出登录/, hidden: true }));
    await waitFor(() => expect(go).toHaveBeenCalled());
    expect(new Set(go.mock.calls.map(([address]) => address))).toEqual(new Set(['/login']));
  });

  it('a session that ended by itself still brings its user back to the page they were on', async () => {
    const go = vi.spyOn(pageLoads, 'go').mockImplementation(() => {});
    installFetch(() => jsonResponse(401, { code: 'UNAUTHENTICATED', message: '未登录' }));
    await renderRoutes(routes, '/settings/users?tab=2');
    await waitFor(() => expect(go).toHaveBeenCalledWith('/login?next=%2Fsettings%2Fusers%3Ftab%3D2'));
  });
});
