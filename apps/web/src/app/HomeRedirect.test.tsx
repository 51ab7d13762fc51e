import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import type { Me } from '@dj/contracts';
import { setCsrfToken } from '../lib/api-client';
import { installDomShims } from '../test/dom';
import { installFetch, jsonResponse } from '../test/fetch-mock';
import { me } from '../test/member-fixtures';
import { otherPage, renderRoutes } from '../test/render';
import { RequireAuth } from '../features/auth/RequireAuth';
import { HomeRedirect } from './HomeRedirect';

/** The sign-in page sends a user to '/' (src/sign-in); the app opens their role's own page from there. */
const routes = [
  { path: '/', element: <RequireAuth><HomeRedirect /></RequireAuth> },
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

describe('HomeRedirect', () => {
  // 13.8 and 17: the town admin on the 驾驶舱, a secretary of one branch on its 村情卡, a 党员 on 我的组织生活.
  for (const [who, path, text] of [
    [me(['town_admin']), '/dashboard', '驾驶舱页面'],
    [me(['branch_secretary'], [{ organizationId: 1, name: '王庄村党支部', path: '/9/1/' }]), '/dashboard/villages/1', '村情卡页面'],
    [me(['member'], [{ organizationId: 3, name: '王庄村党支部', path: '/9/3/' }]), '/my', '我的组织生活页面'],
  ] as const) {
    it(`13.8 opens a ${who.user.roles[0]}'s own page, ${path}`, async () => {
      installFetch(({ path: p }) => (p === '/api/auth/me' ? jsonResponse(200, who satisfies Me) : jsonResponse(200, {})));
      const { router } = await renderRoutes(routes, '/', { opens: [path] });
      expect(await screen.findByText(text)).toBeTruthy();
      await waitFor(() => expect(router.state.location.pathname).toBe(path));
    });
  }
});
