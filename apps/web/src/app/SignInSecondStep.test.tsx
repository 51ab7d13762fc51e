import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me, SecondFactorPending } from '@dj/contracts';
import { setCsrfToken } from '../lib/api-client';
import { installDomShims } from '../test/dom';
import { installFetch, jsonResponse } from '../test/fetch-mock';
import { otherPage, renderRoutes } from '../test/render';
import { SecondStepPage } from '../features/auth/SecondStepPage';
import { pageLoads, PENDING_SECOND_STEP_KEY } from '../lib/sign-in-target';
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

// The second step as the app composes it (app/router.tsx); the password was taken by the plain sign-in page, which
// left the pending step in session storage (src/sign-in).
const routes = [
  { path: '/login/second-step', element: <SecondStepPage secondStep={(slot) => <SecondStep {...slot} />} /> },
  { path: '/dashboard', element: otherPage('驾驶舱页面') },
  { path: '/tasks', element: otherPage('待办页面') },
];
const SECOND_STEP = '/login/second-step';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  sessionStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** What the sign-in page leaves after a right password. */
function password(step: 'verify' | 'enrol') {
  sessionStorage.setItem(PENDING_SECOND_STEP_KEY, JSON.stringify(pending(step).secondFactor));
}

describe('the second step after the sign-in page (issue 12 point 3)', () => {
  it('after the password asks for the code, with its deadline in Beijing time, and shows a wrong code refused', async () => {
    installFetch(({ path }) => {
      if (path === '/api/two-factor/sign-in/verify') return jsonResponse(401, BAD_CODE);
      return jsonResponse(401, SIGNED_OUT);
    });
    password('verify');
    const { router } = await renderRoutes(routes, SECOND_STEP);

    const code = await screen.findByLabelText('验证码');
    expect(screen.getByText(/2026-12-05 10:10/)).toBeTruthy();
    fireEvent.change(code, { target: { value: '654321' } });
    fireEvent.click(screen.getByRole('button', { name: '验证并登录' }));
    expect(await screen.findByText(BAD_CODE.message)).toBeTruthy();
    expect(router.state.location.pathname).toBe(SECOND_STEP);
  });

  it('refuses a malformed code without asking the server, and signs in with the right one under the pending CSRF token', async () => {
    const calls = installFetch(({ path }) => {
      if (path === '/api/two-factor/sign-in/verify') return jsonResponse(200, ME);
      return jsonResponse(401, SIGNED_OUT);
    });
    password('verify');
    const { router } = await renderRoutes(routes, SECOND_STEP, { opens: ['/dashboard'] });

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
    expect(sessionStorage.getItem(PENDING_SECOND_STEP_KEY)).toBeNull();
  });

  it('goes on to the page asked for before signing in', async () => {
    installFetch(({ path }) => (path === '/api/two-factor/sign-in/verify' ? jsonResponse(200, ME) : jsonResponse(401, SIGNED_OUT)));
    password('verify');
    const { router } = await renderRoutes(routes, `${SECOND_STEP}?next=%2Ftasks`, { opens: ['/tasks'] });
    fireEvent.change(await screen.findByLabelText('验证码'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: '验证并登录' }));
    expect(await screen.findByText('待办页面')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/tasks');
  });

  it('without a pending step (reloaded after it ended, another tab) sends the user back to the password', async () => {
    const go = vi.spyOn(pageLoads, 'go').mockImplementation(() => {});
    installFetch(() => jsonResponse(401, SIGNED_OUT));
    await renderRoutes(routes, `${SECOND_STEP}?next=%2Ftasks`);
    await waitFor(() => expect(go).toHaveBeenCalledWith('/login?next=%2Ftasks'));
  });

  it('返回重新输入密码 drops the pending step and loads the sign-in page', async () => {
    const go = vi.spyOn(pageLoads, 'go').mockImplementation(() => {});
    installFetch(() => jsonResponse(401, SIGNED_OUT));
    password('verify');
    await renderRoutes(routes, SECOND_STEP);
    fireEvent.click(await screen.findByRole('button', { name: '返回重新输入密码' }));
    expect(go).toHaveBeenCalledWith('/login');
    expect(sessionStorage.getItem(PENDING_SECOND_STEP_KEY)).toBeNull();
  });

  it('where enrolment is owed, shows the QR code and key, then the recovery codes, and enters only after them', async () => {
    const codes = 'abcdefghij'.split('').map((c) => `abcd${c}-efgh${c}`);
    installFetch(({ path }) => {
      if (path === '/api/two-factor/sign-in/enrolment') {
        return jsonResponse(200, { secret: 'JBSW Y3DP EHPK 3PXP', otpauthUri: 'otpauth://totp/x', qrCode: 'data:image/svg+xml;base64,PHN2Zy8+' });
      }
      if (path === '/api/two-factor/sign-in/enrolment/confirm') return jsonResponse(200, { me: ME, recoveryCodes: codes });
      return jsonResponse(401, SIGNED_OUT);
    });
    password('enrol');
    const { router } = await renderRoutes(routes, SECOND_STEP, { opens: ['/dashboard'] });

    fireEvent.click(await screen.findByRole('button', { name: '生成二维码' }));
    expect((await screen.findByAltText('手机验证器二维码')).getAttribute('src')).toBe('data:image/svg+xml;base64,PHN2Zy8+');
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('验证器上显示的6位数字'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: '确认启用' }));

    expect(await screen.findByText(codes[0])).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(10);
    expect(router.state.location.pathname).toBe(SECOND_STEP);
    fireEvent.click(screen.getByRole('button', { name: '我已保存,进入系统' }));
    expect(await screen.findByText('驾驶舱页面')).toBeTruthy();
  });
});
