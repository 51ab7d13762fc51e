import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { Navigate } from 'react-router';
import type { PasswordPolicy, TwoFactorStatus } from '@dj/contracts';
import { setCsrfToken } from '../lib/api-client';
import { installDomShims } from '../test/dom';
import { installFetch, jsonResponse } from '../test/fetch-mock';
import { me } from '../test/member-fixtures';
import { renderRoutes } from '../test/render';
import { AccountRoute } from './AccountRoute';

// As app/router.tsx has them: one page, and the old second-factor address leading to it.
const routes = [
  { path: '/account', element: <AccountRoute /> },
  { path: '/account/security', element: <Navigate to="/account#two-factor" replace /> },
];
const POLICY: PasswordPolicy = { minLength: 10, dengbaoMode: false, complexityClasses: null, maxAgeDays: null };
const STATUS: TwoFactorStatus = { enabled: true, required: true, enabledAt: '2026-12-01T02:00:00.000Z', recoveryCodesLeft: 8 };

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('账号与安全 (/account)', () => {
  it('shows 修改密码, 登录设备 and 手机验证器 on one page, also from the old /account/security address', async () => {
    installFetch((call) => {
      if (call.path === '/api/auth/me') return jsonResponse(200, me(['town_admin']));
      if (call.path === '/api/auth/password-policy') return jsonResponse(200, POLICY);
      if (call.path === '/api/auth/sessions') return jsonResponse(200, { items: [] });
      if (call.path === '/api/two-factor/status') return jsonResponse(200, STATUS);
      return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
    });
    const { router } = await renderRoutes(routes, '/account/security');
    expect(await screen.findByText('剩余恢复码')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/account');
    expect(screen.getByText('修改密码', { selector: '.ant-card-head-title' })).toBeTruthy();
    expect(screen.getByText('登录设备', { selector: '.ant-card-head-title' })).toBeTruthy();
    expect(screen.getByText('手机验证器(登录第二步)')).toBeTruthy();
  });
});
