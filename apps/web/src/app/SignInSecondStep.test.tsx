import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me, SecondFactorPending } from '@dj/contracts';
import { setCsrfToken } from '../lib/api-client';
import { installDomShims } from '../test/dom';
import { installFetch, jsonResponse } from '../test/fetch-mock';
import { otherPage, renderRoutes } from '../test/render';
import { LoginPage } from '../features/auth/LoginPage';
import { SecondStep } from '../features/two-factor/SecondStep';

const ME: Me = {
  user: { id: 7, username: 'shuji', displayName: '镇党委书记', roles: ['town_admin'], tenantId: 2, tenantName: '测试镇', isDemo: false },
  scope: [{ organizationId: 1, name: '测试镇党委', path: '/1/' }],
  passwordChange: null,
  csrfToken: 'session-csrf',
};
const pending = (step: 'verify' | 'enrol'): SecondFactorPending => ({
  secondFactor: { step, expiresAt: '2026-12-05T02:10:00.000Z', csrfToken: 'pending-csrf' },
});
const BAD_CODE = { code: 'UNAUTHENTICATED', message: '验证码错误,或账号已被暂时锁定' };
const SIGNED_OUT = { code: 'UNAUTHENTICATED', message: '未登录' };

// The sign-in page as the app composes it (app/router.tsx): the two-factor step drawn inside it.
const routes = [
  { path: '/login', element: <LoginPage secondStep={(slot) => <SecondStep {...slot} />} /> },
  { path: '/dashboard', element: otherPage('驾驶舱页面') },
];

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

async function password() {
  fireEvent.change(await screen.findByLabelText('用户名'), { target: { value: 'shuji' } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'right-password' } });
  fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
}

describe('SecondStep on the sign-in page (issue 12 point 3)', () => {
  it('after the password asks for the code, with its deadline in Beijing time, and shows a wrong code refused', async () => {
    installFetch(({ path }) => {
      if (path === '/api/auth/login') return jsonResponse(200, pending('verify'));
      if (path === '/api/two-factor/sign-in/verify') return jsonResponse(401, BAD_CODE);
      return jsonResponse(401, SIGNED_OUT);
    });
    const { router } = await renderRoutes(routes, '/login');
    await password();

    const code = await screen.findByLabelText('验证码');
    expect(screen.getByText(/2026-12-05 10:10/)).toBeTruthy();
    fireEvent.change(code, { target: { value: '654321' } });
    fireEvent.click(screen.getByRole('button', { name: '验证并登录' }));
    expect(await screen.findByText(BAD_CODE.message)).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('refuses a malformed code without asking the server, and signs in with the right one under the pending CSRF token', async () => {
    const calls = installFetch(({ path }) => {
      if (path === '/api/auth/login') return jsonResponse(200, pending('verify'));
      if (path === '/api/two-factor/sign-in/verify') return jsonResponse(200, ME);
      return jsonResponse(401, SIGNED_OUT);
    });
    const { router } = await renderRoutes(routes, '/login', { opens: ['/dashboard'] });
    await password();

    const code = await screen.findByLabelText('验证码');
    fireEvent.change(code, { target: { value: '12345' } });
    fireEvent.click(screen.getByRole('button', { name: '验证并登录' }));
    expect(await screen.findByText('验证码应为6位数字,或10位恢复码(如 k7m2p-x4q9r)')).toBeTruthy();
    fireEvent.change(code, { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: '验证并登录' }));
    expect(await screen.findByText('驾驶舱页面')).toBeTruthy();
    await waitFor(() => expect(router.state.location.pathname).toBe('/dashboard'));
    const verifies = calls.filter((c) => c.path === '/api/two-factor/sign-in/verify');
    expect(verifies.map((c) => c.body)).toEqual([{ code: '123456' }]);
    expect(verifies[0].headers.get('x-csrf-token')).toBe('pending-csrf');
  });

  it('where enrolment is owed, shows the QR code and key, then the recovery codes, and enters only after them', async () => {
    const codes = 'abcdefghij'.split('').map((c) => `abcd${c}-efgh${c}`);
    installFetch(({ path }) => {
      if (path === '/api/auth/login') return jsonResponse(200, pending('enrol'));
      if (path === '/api/two-factor/sign-in/enrolment') {
        return jsonResponse(200, { secret: 'JBSW Y3DP EHPK 3PXP', otpauthUri: 'otpauth://totp/x', qrCode: 'data:image/svg+xml;base64,PHN2Zy8+' });
      }
      if (path === '/api/two-factor/sign-in/enrolment/confirm') return jsonResponse(200, { me: ME, recoveryCodes: codes });
      return jsonResponse(401, SIGNED_OUT);
    });
    const { router } = await renderRoutes(routes, '/login', { opens: ['/dashboard'] });
    await password();

    fireEvent.click(await screen.findByRole('button', { name: '生成二维码' }));
    expect((await screen.findByAltText('手机验证器二维码')).getAttribute('src')).toBe('data:image/svg+xml;base64,PHN2Zy8+');
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('验证器上显示的6位数字'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: '确认启用' }));

    expect(await screen.findByText(codes[0])).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(10);
    expect(router.state.location.pathname).toBe('/login');
    fireEvent.click(screen.getByRole('button', { name: '我已保存,进入系统' }));
    expect(await screen.findByText('驾驶舱页面')).toBeTruthy();
  });
});
