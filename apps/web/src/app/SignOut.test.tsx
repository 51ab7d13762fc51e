import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me } from '@dj/contracts';
import { setCsrfToken } from '../lib/api-client';
import { RequireAuth } from '../features/auth/RequireAuth';
import { LoginPage } from '../features/auth/LoginPage';
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
  { path: '/login', element: <LoginPage /> },
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
const MEMBER: Me = me(['member'], [{ organizationId: 3, name: '王庄村党支部', path: '/1/3/' }]);

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

async function signIn(username: string) {
  fireEvent.change(await screen.findByLabelText('用户名'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'right-password' } });
  fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
}

describe('signing out', () => {
  it('sends the next user to their own page, not to the page the previous one signed out from', async () => {
    let current: Me | null = ADMIN;
    installFetch((call) => {
      if (call.path === '/api/auth/me') return current ? jsonResponse(200, current) : jsonResponse(401, { code: 'UNAUTHENTICATED', message: '未登录' });
      if (call.path === '/api/auth/logout') {
        current = null;
        return jsonResponse(200, { ok: true });
      }
      if (call.path === '/api/auth/login') {
        current = MEMBER;
        return jsonResponse(200, MEMBER);
      }
      return jsonResponse(200, { items: [], total: 0, unread: 0 });
    });
    const { router } = await renderRoutes(routes, '/settings/users');
    expect(await screen.findByText('账号管理页面')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /退出登录/, hidden: true }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.state?.from).toBeUndefined();
    await signIn('member');
    expect(await screen.findByText('我的组织生活页面')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/my');
  });

  it('a session that ended by itself still brings its user back to the page they were on', async () => {
    let current: Me | null = null;
    installFetch((call) => {
      if (call.path === '/api/auth/me') return current ? jsonResponse(200, current) : jsonResponse(401, { code: 'UNAUTHENTICATED', message: '未登录' });
      if (call.path === '/api/auth/login') {
        current = ADMIN;
        return jsonResponse(200, ADMIN);
      }
      return jsonResponse(200, { items: [], total: 0, unread: 0 });
    });
    const { router } = await renderRoutes(routes, '/settings/users');
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    await signIn('admin');
    expect(await screen.findByText('账号管理页面')).toBeTruthy();
  });
});
