import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../../app/providers';
import type { Me } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { otherPage, renderRoutes } from '../../test/render';
import { LoginPage, redirectTarget } from './LoginPage';

const ME: Me = {
  user: { id: 1, username: 'admin', displayName: '王书记', roles: ['town_admin'], tenantId: 1, tenantName: '西王庄镇', isDemo: true },
  scope: [{ organizationId: 1, name: '西王庄镇党委', path: '/1/' }],
  passwordChange: null,
  csrfToken: 'csrf-1',
};

const routes = [
  { path: '/login', element: <LoginPage /> },
  { path: '/organizations', element: otherPage('组织架构页面') },
  { path: '/tasks', element: otherPage('待办页面') },
  { path: '/dashboard', element: otherPage('驾驶舱页面') },
  { path: '/dashboard/villages/:orgId', element: otherPage('村情卡页面') },
  { path: '/my', element: otherPage('我的组织生活页面') },
];

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

/** Waits for the "am I signed in" probe to finish, then fills in and submits the form. */
async function fillAndSubmit(username: string, password: string) {
  fireEvent.change(await screen.findByLabelText('用户名'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
}

describe('LoginPage', () => {
  it("shows the server's message when the credentials are wrong", async () => {
    const calls = installFetch(({ path }) =>
      path === '/api/auth/login'
        ? jsonResponse(401, { code: 'UNAUTHENTICATED', message: '用户名或密码错误,请重新输入' })
        : jsonResponse(401, { code: 'UNAUTHENTICATED', message: '未登录' }),
    );
    const { router } = await renderRoutes(routes, '/login');

    await fillAndSubmit('admin', 'wrong');

    expect(await screen.findByText('用户名或密码错误,请重新输入')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    const login = calls.find((c) => c.path === '/api/auth/login');
    expect(login?.method).toBe('POST');
    expect(login?.body).toEqual({ username: 'admin', password: 'wrong' });
  });

  it('does not call the server while a field is empty', async () => {
    const calls = installFetch(() => jsonResponse(401, { code: 'UNAUTHENTICATED', message: '未登录' }));
    await renderRoutes(routes, '/login');

    await fillAndSubmit('', '');

    expect(await screen.findByText('请填写用户名')).toBeTruthy();
    expect(calls.some((c) => c.path === '/api/auth/login')).toBe(false);
  });

  // 13.8 and 17: the town admin on the 驾驶舱, a secretary of one branch on its 村情卡, a 党员 on 我的组织生活.
  for (const [roles, path, text] of [
    [['town_admin'], '/dashboard', '驾驶舱页面'], [['branch_secretary'], '/dashboard/villages/1', '村情卡页面'], [['member'], '/my', '我的组织生活页面'],
  ] as const) {
    it(`13.8 signs in a ${roles[0]} and lands on ${path}`, async () => {
      const who: Me = { ...ME, user: { ...ME.user, roles: [...roles] } };
      installFetch(({ path: p }) => (p === '/api/auth/login' ? jsonResponse(200, who) : jsonResponse(401, { code: 'UNAUTHENTICATED', message: '未登录' })));
      const { router } = await renderRoutes(routes, '/login');
      await fillAndSubmit('admin', 'right');
      expect(await screen.findByText(text)).toBeTruthy();
      await waitFor(() => expect(router.state.location.pathname).toBe(path));
    });
  }

  it('13.8 a page asked for before signing in still wins over the role\'s page', async () => {
    installFetch(({ path }) => (path === '/api/auth/login' ? jsonResponse(200, ME) : jsonResponse(401, { code: 'UNAUTHENTICATED', message: '未登录' })));
    const router = createMemoryRouter(routes, { initialEntries: [{ pathname: '/login', state: { from: '/organizations' } }] });
    render(<AppProviders queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}><RouterProvider router={router} /></AppProviders>);
    await fillAndSubmit('admin', 'right');
    expect(await screen.findByText('组织架构页面')).toBeTruthy();
  });
});

describe('redirectTarget', () => {
  it('only follows same-app paths', () => {
    expect(redirectTarget({ from: '/organizations?id=3' })).toBe('/organizations?id=3');
    // Anything else is null: the user lands on their role's page (lib/roles homePath).
    expect(redirectTarget({ from: '//evil.example' })).toBeNull();
    expect(redirectTarget({ from: '/login' })).toBeNull();
    expect(redirectTarget({ from: '/' })).toBeNull();
    expect(redirectTarget(null)).toBeNull();
  });
});
