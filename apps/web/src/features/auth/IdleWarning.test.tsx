import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { OkSchema, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS } from '@dj/contracts';
import { apiRequest, setCsrfToken } from '../../lib/api-client';
import { pageLoads } from '../../lib/sign-in-target';
import { ABSOLUTE_WARNING_MS, IDLE_WARNING_MS, noteSignedIn } from '../../lib/idle-session';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { otherPage, renderRoutes } from '../../test/render';
import { IdleWarning } from './IdleWarning';
import { RequireAuth } from './RequireAuth';

/**
 * Issue 21 point 3 (WCAG 2.2.1): the session's idle end is announced two minutes before, 继续使用 renews it, and an
 * unanswered warning ends in the sign-in page with a notice. Before: the session ended silently at the next request.
 */
const routes = [
  { path: '/my', element: <RequireAuth><IdleWarning />{otherPage('我的组织生活页面')}</RequireAuth> },
];
// The earliest the server may end the session after the last request, and when the warning opens before that.
const END_MS = SESSION_IDLE_MS - SESSION_TOUCH_MS;
const WARN_MS = END_MS - IDLE_WARNING_MS;

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  localStorage.clear();
  setCsrfToken(null);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

let day = 0;

/** Signed in on a fake clock; `signedInAgo`: the session began that long ago (as the sign-in page notes it). */
async function signedIn(signedInAgo?: number): Promise<RecordedCall[]> {
  // A day later than the test before (and than any other test's clock): no earlier request this browser remembers counts.
  day += 1;
  vi.useFakeTimers({
    shouldAdvanceTime: true, now: new Date(Date.UTC(2030, 0, day)),
    // The dialog's opening animation runs on real animation frames.
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
  // What other files left in the shared store is not this test's session.
  localStorage.clear();
  if (signedInAgo !== undefined) noteSignedIn(Date.now() - signedInAgo);
  let signedInNow = true;
  const calls = installFetch((call) => {
    if (call.path === '/api/auth/logout') signedInNow = false;
    if (call.path === '/api/auth/me') return signedInNow ? jsonResponse(200, me(['member'])) : jsonResponse(401, { code: 'UNAUTHENTICATED', message: '未登录' });
    return jsonResponse(200, { ok: true });
  });
  await renderRoutes(routes, '/my');
  await screen.findByText('我的组织生活页面');
  return calls;
}

describe('the idle warning', () => {
  it('opens as an alertdialog before the idle end, and 继续使用 renews the session with “who am I”', async () => {
    const calls = await signedIn();
    await act(() => vi.advanceTimersByTimeAsync(WARN_MS - 5_000));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    const dialog = await screen.findByRole('alertdialog', { name: '即将自动退出登录' });
    expect(dialog.textContent).toContain('30分钟内没有操作会自动退出登录');
    const before = calls.filter((c) => c.path === '/api/auth/me').length;
    fireEvent.click(screen.getByRole('button', { name: '继续使用' }));
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(calls.filter((c) => c.path === '/api/auth/me')).toHaveLength(before + 1);
    // Past the old end: still signed in, the clock started again from the renewal.
    await act(() => vi.advanceTimersByTimeAsync(IDLE_WARNING_MS + 10_000));
    expect(screen.getByText('我的组织生活页面')).toBeTruthy();
    expect(calls.some((c) => c.path === '/api/auth/logout')).toBe(false);
  });

  it('unanswered, ends the session and loads the sign-in page, which says why and brings the user back', async () => {
    const go = vi.spyOn(pageLoads, 'go').mockImplementation(() => {});
    const calls = await signedIn();
    await act(() => vi.advanceTimersByTimeAsync(WARN_MS));
    expect(await screen.findByRole('alertdialog')).toBeTruthy();
    await act(() => vi.advanceTimersByTimeAsync(IDLE_WARNING_MS));
    expect(calls.filter((c) => c.path === '/api/auth/logout' && c.method === 'POST')).toHaveLength(1);
    expect(go.mock.calls[0]).toEqual(['/login?next=%2Fmy&ended=idle']);
  });

  it('退出登录 in the warning signs out at once, for the sign-in page with no return address', async () => {
    const go = vi.spyOn(pageLoads, 'go').mockImplementation(() => {});
    const calls = await signedIn();
    await act(() => vi.advanceTimersByTimeAsync(WARN_MS));
    fireEvent.click(await screen.findByRole('button', { name: '退出登录' }));
    await vi.waitFor(() => expect(go).toHaveBeenCalledWith('/login'));
    expect(calls.some((c) => c.path === '/api/auth/logout')).toBe(true);
  });

  it('a background request (the bell’s poll) does not put the warning off; a request of the user does', async () => {
    await signedIn();
    await act(() => vi.advanceTimersByTimeAsync(WARN_MS - 10_000));
    await act(() => apiRequest('/api/notifications', OkSchema, { background: true }));
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(await screen.findByRole('alertdialog')).toBeTruthy();
  });

  it('ten minutes before the 12-hour end since sign-in, says so once; 知道了 closes it; at the end the sign-in page says why', async () => {
    const go = vi.spyOn(pageLoads, 'go').mockImplementation(() => {});
    // The 12-hour end comes 15 minutes from now, well before the idle end.
    const toEnd = 15 * 60_000 - SESSION_TOUCH_MS;
    await signedIn(SESSION_ABSOLUTE_MS - 15 * 60_000);
    await act(() => vi.advanceTimersByTimeAsync(toEnd - ABSOLUTE_WARNING_MS - 5_000));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    const dialog = await screen.findByRole('alertdialog', { name: '即将到达登录时长上限' });
    expect(dialog.textContent).toContain('每次登录最长可用12小时');
    fireEvent.click(screen.getByRole('button', { name: '知道了' }));
    // Closed (its closing animation runs on real frames), and not opened again by the checks of the next minutes.
    await vi.waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await act(() => vi.advanceTimersByTimeAsync(2 * 60_000));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(go).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(ABSOLUTE_WARNING_MS));
    await vi.waitFor(() => expect(go).toHaveBeenCalledWith('/login?next=%2Fmy&ended=absolute'));
  });
});
