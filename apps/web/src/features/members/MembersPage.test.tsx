import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Me, MemberDetail } from '@dj/contracts';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me, member, memberDetail } from '../../test/member-fixtures';
import { ALL } from '../../test/org-fixtures';
import { renderRoutes } from '../../test/render';
import { TOWN_ADMIN_MENU } from '../../test/menus';

const MEMBERS = Array.from({ length: 45 }, (_, i) =>
  member({ id: i + 1, name: `党员${String(i + 1).padStart(2, '0')}`, idNumberMasked: `370402********${String(1000 + i)}` }),
);
const ZHANG = member({ id: 7, name: '张建国', idNumberMasked: '370402********123X', phoneMasked: '138****5678' });

interface ServerOptions {
  me?: Me;
  detail?: MemberDetail;
  reveal?: (call: RecordedCall) => Response;
  stepUp?: (call: RecordedCall) => Response;
  /** The server's estimate past its exact limit (issue 14): the total it answers and says is estimated. */
  estimate?: number;
}

function server({ me: who = me(['town_admin']), detail = memberDetail(ZHANG), reveal, stepUp, estimate }: ServerOptions = {}) {
  return (call: RecordedCall) => {
    const url = new URL(call.url, 'http://localhost');
    if (call.path === '/api/auth/me') return jsonResponse(200, who);
    if (call.path === '/api/auth/step-up' && stepUp) return stepUp(call);
    if (call.path === '/api/organizations') return jsonResponse(200, { items: ALL });
    if (call.path === '/api/members') {
      const page = Number(url.searchParams.get('page') ?? 1);
      const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
      const q = url.searchParams.get('q');
      const matching = q ? MEMBERS.filter((m) => m.idNumberMasked.endsWith(q) || m.name.includes(q)) : MEMBERS;
      const total = estimate ? { total: estimate, totalIsEstimate: true } : { total: matching.length };
      return jsonResponse(200, { items: matching.slice((page - 1) * pageSize, page * pageSize), ...total, page, pageSize });
    }
    if (call.path === `/api/members/${detail.id}/reveal`) {
      return reveal ? reveal(call) : jsonResponse(200, { field: 'idNumber', value: '37040219800315123X' });
    }
    if (call.path === `/api/members/${detail.id}`) return jsonResponse(200, detail);
    return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
  };
}

const listCalls = (calls: RecordedCall[]) =>
  calls.filter((c) => c.path === '/api/members').map((c) => Object.fromEntries(new URL(c.url, 'http://localhost').searchParams));

function rowNames(): string[] {
  return [...screen.getByTestId('member-table').querySelectorAll('tr.member-row')].map((row) => row.querySelector('td')?.textContent ?? '');
}

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('党员名册', () => {
  it('14.2 shows an estimated total as 约 N', async () => {
    installFetch(server({ estimate: 68_000 }));
    await renderRoutes(routes, '/members');
    expect(await within(await screen.findByTestId('member-table')).findByText('党员01')).toBeTruthy();
    expect(screen.getByText('约 68000 名党员')).toBeTruthy();
    expect(screen.queryByText(/共 .* 名党员/)).toBeNull();
  });

  it('shows the first page of the roster with masked numbers and pages on the server', async () => {
    const calls = installFetch(server());
    const { router } = await renderRoutes(routes, '/members');

    expect(await within(await screen.findByTestId('member-table')).findByText('党员01')).toBeTruthy();
    expect(rowNames()).toHaveLength(20);
    expect(rowNames()[19]).toBe('党员20');
    expect(screen.getByText('370402********1000')).toBeTruthy();
    expect(screen.getByText('共 45 名党员')).toBeTruthy();
    // The single scope root is the default organisation, the whole subtree the default range.
    expect(listCalls(calls)[0]).toEqual({ orgId: '1', range: 'subtree', filter: 'all', page: '1', pageSize: '20' });
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual(TOWN_ADMIN_MENU);
    expect(screen.getByRole('button', { name: /登记党员/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /批量导入/ })).toBeTruthy();

    fireEvent.click(screen.getByTitle('3'));
    await waitFor(() => expect(rowNames()).toEqual(['党员41', '党员42', '党员43', '党员44', '党员45']));
    expect(listCalls(calls).at(-1)).toMatchObject({ page: '3', pageSize: '20' });
    expect(router.state.location.search).toBe('?page=3');
  });

  it('searches by the last four digits of the ID number and starts again from page 1', async () => {
    const calls = installFetch(server());
    const { router } = await renderRoutes(routes, '/members?page=2');
    await within(await screen.findByTestId('member-table')).findByText('党员21');

    const search = screen.getByTestId('member-search');
    expect(search.getAttribute('placeholder')).toBe('姓名 或 身份证号后4位');
    fireEvent.change(search, { target: { value: ' 1005 ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });

    await waitFor(() => expect(rowNames()).toEqual(['党员06']));
    expect(listCalls(calls).at(-1)).toMatchObject({ q: '1005', page: '1' });
    expect(router.state.location.search).toBe('?q=1005');
  });

  it('says what to try when nothing matches', async () => {
    installFetch(server());
    await renderRoutes(routes, '/members?q=9999');
    expect(await screen.findByText(/没有找到与“9999”匹配的党员/)).toBeTruthy();
  });

  it('hides the registration buttons from roles that cannot enter members', async () => {
    installFetch(server({ me: me(['supervisor'], [{ organizationId: 3, name: '王庄村党支部', path: '/1/3/' }]) }));
    await renderRoutes(routes, '/members');
    await within(await screen.findByTestId('member-table')).findByText('党员01');
    expect(screen.queryByRole('button', { name: /登记党员/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /批量导入/ })).toBeNull();
    expect(screen.getByRole('button', { name: /导出名册/ })).toBeTruthy();
  });

  it('opens a member by clicking the row and keeps the detail in the address', async () => {
    installFetch(server());
    const { router } = await renderRoutes(routes, '/members?filter=all&page=1', { opens: ['/members/7'] });
    const table = await screen.findByTestId('member-table');
    fireEvent.click(await within(table).findByText('党员07'));

    await waitFor(() => expect(router.state.location.pathname).toBe('/members/7'));
    const detail = await screen.findByTestId('member-detail');
    expect(await within(detail).findByText('资料待补充:工作单位')).toBeTruthy();
    expect(within(detail).getByText('接收为预备党员')).toBeTruthy();
    expect(within(detail).getByRole('button', { name: /编\s*辑/ })).toBeTruthy();
    expect(within(detail).getByRole('button', { name: /记录党籍变动/ })).toBeTruthy();
  });
});

describe('查看完整号码', () => {
  it('requires a reason, sends it with the csrf token and shows the number', async () => {
    const calls = installFetch(server());
    await renderRoutes(routes, '/members/7');
    const detail = await screen.findByTestId('member-detail');
    expect(await within(detail).findByText('370402********123X')).toBeTruthy();
    const links = within(detail).getAllByRole('button', { name: '查看完整号码' });
    expect(links).toHaveLength(2); // ID number and phone
    fireEvent.click(links[0]);

    const dialog = await findDialog(/查看完整身份证号/);
    expect(within(dialog).getByText(/查看记录\(含原因\)将记入审计日志/)).toBeTruthy();
    const submit = within(dialog).getByRole('button', { name: /^查\s*看$/ });

    fireEvent.click(submit);
    expect(await within(dialog).findByText('请填写查看原因')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('查看原因'), { target: { value: ' 核 ' } });
    fireEvent.click(submit);
    expect(await within(dialog).findByText('请填写查看原因(至少2个字)')).toBeTruthy();
    expect(calls.some((c) => c.path.endsWith('/reveal'))).toBe(false);
    expect(screen.queryByTestId('reveal-value')).toBeNull();

    fireEvent.change(within(dialog).getByLabelText('查看原因'), { target: { value: '办理组织关系转接' } });
    fireEvent.click(submit);

    expect((await screen.findByTestId('reveal-value')).textContent).toContain('37040219800315123X');
    expect(screen.getByText(/本次查看及查看原因已记入审计日志/)).toBeTruthy();
    const post = calls.find((c) => c.path === '/api/members/7/reveal');
    expect(post?.method).toBe('POST');
    expect(post?.body).toEqual({ field: 'idNumber', reason: '办理组织关系转接' });
    expect(post?.headers.get('x-csrf-token')).toBe('csrf-1');
  });

  it("shows the server's refusal and no number", async () => {
    installFetch(server({ reveal: () => jsonResponse(403, { code: 'FORBIDDEN', message: '只有镇党委管理员和本支部书记可以查看完整号码' }) }));
    await renderRoutes(routes, '/members/7');
    const detail = await screen.findByTestId('member-detail');
    fireEvent.click((await within(detail).findAllByRole('button', { name: '查看完整号码' }))[1]);
    const dialog = await findDialog(/查看完整联系电话/);
    fireEvent.change(within(dialog).getByLabelText('查看原因'), { target: { value: '联系本人' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /^查\s*看$/ }));
    expect(await within(dialog).findByText('只有镇党委管理员和本支部书记可以查看完整号码')).toBeTruthy();
    expect(screen.queryByTestId('reveal-value')).toBeNull();
  });

  it('安全测试清单第26项: asks for the sign-in password in the same form when the server wants a step-up, then shows the number', async () => {
    let steppedUp = false;
    const calls = installFetch(server({
      reveal: () => steppedUp
        ? jsonResponse(200, { field: 'idNumber', value: '37040219800315123X' })
        : jsonResponse(403, { code: 'STEP_UP_REQUIRED', message: '查看完整号码前请再次输入登录密码确认身份' }),
      stepUp: (call) => {
        if ((call.body as { password: string }).password !== 'demo123456') {
          return jsonResponse(401, { code: 'UNAUTHENTICATED', message: '用户名或密码错误,或账号已被暂时锁定' });
        }
        steppedUp = true;
        return jsonResponse(200, { steppedUpUntil: '2026-11-27T01:10:00.000Z' });
      },
    }));
    await renderRoutes(routes, '/members/7');
    const detail = await screen.findByTestId('member-detail');
    fireEvent.click((await within(detail).findAllByRole('button', { name: '查看完整号码' }))[0]);
    const dialog = await findDialog(/查看完整身份证号/);
    expect(within(dialog).queryByLabelText('登录密码')).toBeNull();
    fireEvent.change(within(dialog).getByLabelText('查看原因'), { target: { value: '办理组织关系转接' } });
    const submit = within(dialog).getByRole('button', { name: /^查\s*看$/ });
    fireEvent.click(submit);

    // Refused for want of a step-up: the reason stays, the password is asked below it, nothing is shown.
    expect((await within(dialog).findByTestId('step-up-notice')).textContent).toContain('查看完整号码前请再次输入登录密码确认身份');
    const password = within(dialog).getByLabelText('登录密码');
    expect((within(dialog).getByLabelText('查看原因') as HTMLTextAreaElement).value).toBe('办理组织关系转接');
    expect(screen.queryByTestId('reveal-value')).toBeNull();
    expect(dialog.querySelector('.ant-alert-error')).toBeNull();

    fireEvent.click(submit);
    expect(await within(dialog).findByText('请填写登录密码')).toBeTruthy();
    expect(calls.some((c) => c.path === '/api/auth/step-up')).toBe(false);

    // A wrong password is refused like a failed sign-in; the user stays signed in and in the dialog.
    fireEvent.change(password, { target: { value: 'wrong-password' } });
    fireEvent.click(submit);
    expect(await within(dialog).findByText('用户名或密码错误,或账号已被暂时锁定')).toBeTruthy();
    expect(calls.filter((c) => c.path === '/api/members/7/reveal')).toHaveLength(1);
    expect(screen.queryByTestId('reveal-value')).toBeNull();

    fireEvent.change(within(dialog).getByLabelText('登录密码'), { target: { value: 'demo123456' } });
    fireEvent.click(submit);
    expect((await screen.findByTestId('reveal-value')).textContent).toContain('37040219800315123X');
    const stepUps = calls.filter((c) => c.path === '/api/auth/step-up');
    expect(stepUps.map((c) => c.body)).toEqual([{ password: 'wrong-password' }, { password: 'demo123456' }]);
    expect(stepUps[1].method).toBe('POST');
    expect(stepUps[1].headers.get('x-csrf-token')).toBe('csrf-1');
    // The reveal is retried with the same reason; the password never goes to it.
    const reveals = calls.filter((c) => c.path === '/api/members/7/reveal');
    expect(reveals).toHaveLength(2);
    expect(reveals[1].body).toEqual({ field: 'idNumber', reason: '办理组织关系转接' });
    expect(calls.findIndex((c) => c === stepUps[1])).toBeLessThan(calls.findIndex((c) => c === reveals[1]));
  });

  it('offers no reveal link without the permission', async () => {
    installFetch(server({ detail: memberDetail(ZHANG, { can: { edit: false, reveal: false, recordEvent: false } }) }));
    await renderRoutes(routes, '/members/7');
    const detail = await screen.findByTestId('member-detail');
    expect(await within(detail).findByText('370402********123X')).toBeTruthy();
    expect(within(detail).queryByRole('button', { name: '查看完整号码' })).toBeNull();
    expect(within(detail).queryByRole('button', { name: /编\s*辑/ })).toBeNull();
  });
});

describe('a member on a phone', () => {
  it('sees only their own card and can open it', async () => {
    const original = window.matchMedia;
    window.matchMedia = (query: string) =>
      ({
        matches: query === '(max-width: 767.98px)',
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList;
    try {
      const self = member({ id: 7, name: '张建国' });
      const calls = installFetch((call) => {
        if (call.path === '/api/auth/me') return jsonResponse(200, me(['member'], [{ organizationId: 3, name: '王庄村党支部', path: '/1/3/' }]));
        if (call.path === '/api/members') return jsonResponse(200, { items: [self], total: 1, page: 1, pageSize: 20 });
        if (call.path === '/api/members/7') {
          return jsonResponse(200, memberDetail(self, { can: { edit: false, reveal: false, recordEvent: false } }));
        }
        return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
      });
      const { router } = await renderRoutes(routes, '/members', { opens: ['/members/7'] });

      const cards = await screen.findByTestId('member-cards');
      expect(await within(cards).findByText('张建国')).toBeTruthy();
      expect(within(cards).getAllByTestId('member-card')).toHaveLength(1);
      expect(screen.getByText('我的党员信息')).toBeTruthy();
      expect(screen.queryByTestId('member-search')).toBeNull();
      expect(screen.queryByTestId('member-table')).toBeNull();
      expect(calls.some((c) => c.path === '/api/organizations')).toBe(false);

      fireEvent.click(within(cards).getByTestId('member-card'));
      await waitFor(() => expect(router.state.location.pathname).toBe('/members/7'));
      const detail = await screen.findByTestId('member-detail');
      expect(await within(detail).findByText('王庄村党支部')).toBeTruthy();
      expect(within(detail).queryByRole('button', { name: '查看完整号码' })).toBeNull();
    } finally {
      window.matchMedia = original;
    }
  });
});
