import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Me, PasswordPolicy, SessionInfo } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { AccountPage } from './AccountPage';
import { RequireAuth } from './RequireAuth';

// The page alone, and behind the sign-in gate for the forced change: the app's layout is not what is tested here.
const routes = [{ path: '/account', element: <RequireAuth><AccountPage /></RequireAuth> }];

/** Issue 12 point 2 in the web: 账号与安全 (/account) and the forced change after a one-time password. */
const POLICY: PasswordPolicy = { minLength: 10, dengbaoMode: false, complexityClasses: null, maxAgeDays: null };
const SESSIONS: SessionInfo[] = [
  { id: 7, createdAt: '2026-12-05T00:30:00.000Z', lastSeenAt: '2026-12-05T01:00:00.000Z', ip: '198.51.100.20', current: true },
  { id: 9, createdAt: '2026-12-04T02:00:00.000Z', lastSeenAt: '2026-12-04T03:00:00.000Z', ip: '203.0.113.66', current: false },
];

function server({ who = me(['branch_secretary']), change }: { who?: Me; change?: (call: RecordedCall) => Response } = {}) {
  let current = who;
  const calls = installFetch((call) => {
    if (call.path === '/api/auth/me') return jsonResponse(200, current);
    if (call.path === '/api/auth/password-policy') return jsonResponse(200, POLICY);
    if (call.path === '/api/auth/sessions') return jsonResponse(200, { items: SESSIONS });
    if (call.path.startsWith('/api/auth/sessions/') && call.method === 'DELETE') return jsonResponse(200, { ok: true });
    if (call.path === '/api/auth/password' && call.method === 'POST') {
      const answer = change?.(call) ?? jsonResponse(200, { ok: true, endedSessions: 1 });
      if (answer.status === 200) current = { ...current, passwordChange: null };
      return answer;
    }
    if (call.path === '/api/organizations') return jsonResponse(200, { items: [] });
    return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
  });
  return calls;
}

async function fillPasswords(current: string, next: string, confirm = next) {
  fireEvent.change(await screen.findByLabelText('当前密码'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText('新密码'), { target: { value: next } });
  fireEvent.change(screen.getByLabelText('再次输入新密码'), { target: { value: confirm } });
  fireEvent.click(screen.getByRole('button', { name: '修改密码', hidden: true }));
}

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('账号与安全', () => {
  it("shows the town rules and checks the form by the contract and the town's shortest length", async () => {
    const calls = server();
    await renderRoutes(routes, '/account');
    expect((await screen.findByTestId('password-policy')).textContent).toBe('本镇密码规则:至少10位;不能是常见密码或用户名。');
    await fillPasswords('demo123456', 'Zq7#kd9x', 'Zq7#kd9y');
    expect(await screen.findByText('新密码至少10位(本镇密码规则:最短长度)')).toBeTruthy();
    expect(await screen.findByText('两次输入的新密码不一致')).toBeTruthy();
    expect(calls.some((c) => c.path === '/api/auth/password')).toBe(false);
  });

  it('posts the current and the new password', async () => {
    const calls = server();
    await renderRoutes(routes, '/account');
    await screen.findByTestId('password-policy');
    await fillPasswords('demo123456', '红旗渠精神2026qs');
    await waitFor(() => expect(calls.some((c) => c.path === '/api/auth/password')).toBe(true));
    expect(calls.find((c) => c.path === '/api/auth/password')?.body).toEqual({ currentPassword: 'demo123456', newPassword: '红旗渠精神2026qs' });
  });

  it("shows the server's refusal under the field it names", async () => {
    server({ change: () => jsonResponse(400, { code: 'VALIDATION', message: '当前密码不正确', fields: [{ path: 'currentPassword', message: '当前密码不正确,或因多次输错已被暂时锁定,请稍后再试' }] }) });
    await renderRoutes(routes, '/account');
    await fillPasswords('wrong-one', '红旗渠精神2026qs');
    expect(await screen.findByText('当前密码不正确,或因多次输错已被暂时锁定,请稍后再试')).toBeTruthy();
  });

  it('lists the signed-in devices with this one marked, and ends another', async () => {
    const calls = server();
    await renderRoutes(routes, '/account');
    const table = await screen.findByTestId('sessions-table');
    await within(table).findByText('203.0.113.66');
    expect(within(table).getByText('本机')).toBeTruthy();
    fireEvent.click(within(table).getByRole('button', { name: '退出该设备', hidden: true }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/auth/sessions/9')).toBe(true));
  });
});

describe('账号与安全 in 适老化 (issue 21 point 3)', () => {
  it('lists the devices as rows with a full-width button, no table', async () => {
    const calls = server({ who: { ...me(['member']), user: { ...me(['member']).user, elderMode: true } } });
    await renderRoutes(routes, '/account');
    const list = await screen.findByTestId('sessions-list');
    await within(list).findByText(/203\.0\.113\.66/);
    expect(screen.queryByTestId('sessions-table')).toBeNull();
    expect(document.querySelector('table')).toBeNull();
    const end = within(list).getByRole('button', { name: '退出该设备', hidden: true });
    expect(end.className).toContain('ant-btn-block');
    fireEvent.click(end);
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/auth/sessions/9')).toBe(true));
  });
});

describe('forced password change', () => {
  it('shows only the change form until the password is changed, then the page asked for', async () => {
    server({ who: { ...me(['branch_secretary']), passwordChange: 'one_time' } });
    await renderRoutes(routes, '/account');
    expect(await screen.findByText('请先修改密码')).toBeTruthy();
    expect(screen.getByText(/一次性密码/)).toBeTruthy();
    expect(screen.queryByTestId('sessions-table')).toBeNull();
    await fillPasswords('Otp-Kq7#2026x', '红旗渠精神2026qs');
    expect(await screen.findByTestId('sessions-table')).toBeTruthy();
  });
});
