import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { safeSignInNext } from '@dj/contracts';
import { jsonResponse } from '../test/fetch-mock';
import { me } from '../test/member-fixtures';
import { PENDING_SECOND_STEP_KEY } from '../lib/sign-in-target';
import { startSignIn, type SignInDeps } from './sign-in';
import loginHtml from '../../login.html?raw';

/** The plain sign-in page (login.html) as the browser gets it, its script started with a recorded fetch and page load. */
const page = loginHtml;
const body = page.slice(page.indexOf('<body>') + 6, page.indexOf('</body>'));
const SIGNED_IN = me(['town_admin']);

interface Started { go: ReturnType<typeof vi.fn>; fetch: ReturnType<typeof vi.fn>; stored: Map<string, string> }

function start(answer: () => Response | Promise<Response>, search = ''): Started {
  document.body.innerHTML = body;
  const stored = new Map<string, string>();
  const go = vi.fn();
  const fetch = vi.fn(async () => answer());
  startSignIn(document, { fetch: fetch as unknown as SignInDeps['fetch'], go, storage: { setItem: (k, v) => stored.set(k, v) }, search });
  return { go, fetch, stored };
}

function submit(username: string, password: string) {
  fireEvent.input(screen.getByLabelText('用户名'), { target: { value: username } });
  fireEvent.input(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
}

beforeEach(() => { document.body.innerHTML = ''; });
// The web tests share one document per worker: nothing this file notes may reach another file's clock.
afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
});

describe('the plain sign-in page (issue 21 point 4)', () => {
  it('is a form the first paint shows, its button enabled only once the script runs', () => {
    document.body.innerHTML = body;
    expect((screen.getByRole('button', { name: /登\s*录/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(document.querySelector('form')?.getAttribute('method')).toBe('post');
    start(() => jsonResponse(200, SIGNED_IN));
    expect((screen.getByRole('button', { name: /登\s*录/ }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("takes the fields' limits from the contract", () => {
    start(() => jsonResponse(200, SIGNED_IN));
    expect((screen.getByLabelText('用户名') as HTMLInputElement).maxLength).toBe(64);
    expect((screen.getByLabelText('密码') as HTMLInputElement).maxLength).toBe(128);
  });

  it('does not call the server while a field is empty: the message is under the field, which gets the focus', () => {
    const { fetch } = start(() => jsonResponse(200, SIGNED_IN));
    submit('', 'x');
    const username = screen.getByLabelText('用户名');
    expect(document.getElementById('username-error')?.textContent).toBe('请填写用户名');
    expect(username.getAttribute('aria-invalid')).toBe('true');
    expect(username.getAttribute('aria-describedby')).toBe('username-error');
    expect(document.activeElement).toBe(username);
    expect(fetch).not.toHaveBeenCalled();
    fireEvent.input(username, { target: { value: 'a' } });
    expect(username.getAttribute('aria-invalid')).toBeNull();
  });

  it("shows the server's message in the alert when the credentials are wrong, and stays", async () => {
    const { go, fetch } = start(() => jsonResponse(401, { code: 'UNAUTHENTICATED', message: '用户名或密码错误,请重新输入' }));
    submit('admin', 'wrong');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('用户名或密码错误,请重新输入'));
    expect(go).not.toHaveBeenCalled();
    expect(fetch).toHaveBeenCalledWith('/api/auth/login', expect.objectContaining({ method: 'POST', body: JSON.stringify({ username: 'admin', password: 'wrong' }) }));
    expect((screen.getByRole('button', { name: /登\s*录/ }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("puts the server's message for a field under that field (the contract's error body names it by path)", async () => {
    start(() => jsonResponse(400, { code: 'VALIDATION', message: '提交的数据不正确', fields: [{ path: 'username', message: '用户名不能超过64个字符' }] }));
    submit('admin', 'pw');
    await waitFor(() => expect(document.getElementById('username-error')?.textContent).toBe('用户名不能超过64个字符'));
    expect(screen.getByLabelText('用户名').getAttribute('aria-invalid')).toBe('true');
  });

  it('says so when the server cannot be reached', async () => {
    start(() => { throw new TypeError('Failed to fetch'); });
    submit('admin', 'pw');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('无法连接服务器,请检查网络后重试'));
  });

  it('notes when the session began, for the warning before its 12-hour end', async () => {
    localStorage.removeItem('dj.signedInAt');
    const { go } = start(() => jsonResponse(200, SIGNED_IN));
    submit('admin', 'right');
    await waitFor(() => expect(go).toHaveBeenCalled());
    expect(Math.abs(Number(localStorage.getItem('dj.signedInAt')) - Date.now())).toBeLessThan(5_000);
  });

  // 13.8 and 17: straight to the role's own page (lib/roles homePath, whose own cases are HomeRedirect.test's).
  for (const [who, path] of [[me(['town_admin']), '/dashboard'], [me(['member'], [{ organizationId: 3, name: '王庄村党支部', path: '/9/3/' }]), '/my']] as const) {
    it(`13.8 signs a ${who.user.roles[0]} in straight to ${path}`, async () => {
      const { go } = start(() => jsonResponse(200, who));
      submit('admin', 'right');
      await waitFor(() => expect(go).toHaveBeenCalledWith(path));
    });
  }

  it("an answer outside the contract still leaves the page, for '/'", async () => {
    const { go } = start(() => jsonResponse(200, { ok: true }));
    submit('admin', 'right');
    await waitFor(() => expect(go).toHaveBeenCalledWith('/'));
  });

  it("13.8 a page asked for before signing in still wins over the role's page; another site's address does not", async () => {
    const asked = start(() => jsonResponse(200, SIGNED_IN), '?next=%2Forganizations%3Fid%3D3');
    submit('admin', 'right');
    await waitFor(() => expect(asked.go).toHaveBeenCalledWith('/organizations?id=3'));
    const foreign = start(() => jsonResponse(200, SIGNED_IN), '?next=%2F%2Fevil.example');
    submit('admin', 'right');
    await waitFor(() => expect(foreign.go).toHaveBeenCalledWith('/dashboard'));
  });

  it('says why when the session ended by itself (issue 21 point 3), and nothing otherwise', () => {
    start(() => jsonResponse(200, SIGNED_IN), '?next=%2Fmy&ended=idle');
    expect(screen.getByRole('status').textContent).toBe('30分钟内没有操作,为保护账号安全已自动退出。请重新登录,登录后回到原来的页面。');
    start(() => jsonResponse(200, SIGNED_IN), '?next=%2Fmy&ended=absolute');
    expect(screen.getByRole('status').textContent).toBe('本次登录已满12小时,为保护账号安全已自动退出。请重新登录,登录后回到原来的页面。');
    for (const search of ['?next=%2Fmy', '?ended=toString']) {
      start(() => jsonResponse(200, SIGNED_IN), search);
      expect(screen.getByRole('status', { hidden: true }).textContent).toBe('');
    }
  });

  it('hands a pending second step to the app in session storage, not in the address', async () => {
    const pending = { step: 'verify', expiresAt: '2026-12-05T02:10:00.000Z', csrfToken: 'pending-csrf' };
    const { go, stored } = start(() => jsonResponse(200, { secondFactor: pending }), '?next=%2Ftasks');
    submit('shuji', 'right');
    await waitFor(() => expect(go).toHaveBeenCalledWith('/login/second-step?next=%2Ftasks'));
    expect(JSON.parse(stored.get(PENDING_SECOND_STEP_KEY) ?? '')).toEqual(pending);
  });
});

describe('safeSignInNext', () => {
  it('only follows same-app paths, never the sign-in pages', () => {
    expect(safeSignInNext('/organizations?id=3')).toBe('/organizations?id=3');
    for (const refused of ['//evil.example', '/\\evil.example', 'https://evil.example', '/login', '/login?next=/x', '/login/second-step', '/', null, 3]) {
      expect(safeSignInNext(refused)).toBeNull();
    }
  });
});
