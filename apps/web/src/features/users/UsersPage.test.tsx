import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CreateUserResult, Credential, UserSummary } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me, member } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { queryOf, server, type Route } from '../../test/server';
import { UsersPage } from './UsersPage';

/** Issue 12 point 1 in the web: /settings/users for the town admin. */
const routes = [{ path: '/settings/users', element: <UsersPage /> }];
const ADMIN = me(['town_admin']);

function user(partial: Partial<UserSummary> & Pick<UserSummary, 'id' | 'username' | 'displayName'>): UserSummary {
  return {
    person: null,
    grants: [],
    disabled: false,
    locked: false,
    mustChangePassword: false,
    twoFactorEnrolled: false,
    lastSeenAt: null,
    createdAt: '2026-11-01T02:00:00.000Z',
    ...partial,
  };
}

const LIU = user({
  id: 21, username: 'liuqiang', displayName: '刘强', person: { id: 7, name: '刘强', branchName: '王庄村党支部' },
  grants: [{ role: 'branch_secretary', organizationId: 3, organizationName: '王庄村党支部' }],
  lastSeenAt: '2026-12-04T01:30:00.000Z', twoFactorEnrolled: true,
});
const ZHAO = user({ id: 22, username: 'zhaomin', displayName: '赵敏', locked: true, mustChangePassword: true });
const credential = (u: UserSummary, oneTimePassword: string): Credential => ({
  userId: u.id, username: u.username, displayName: u.displayName, organizationName: '王庄村党支部', oneTimePassword,
});

/** `items` is the list the page shows: tests that do not act on a row start from an empty town (a table costs seconds under load). */
function usersServer(extra: Route = () => undefined, items: UserSummary[] = [LIU, ZHAO]) {
  return installFetch(server((call) => {
    const answer = extra(call);
    if (answer) return answer;
    if (call.path === '/api/users' && call.method === 'GET') return jsonResponse(200, { items });
    return undefined;
  }, ADMIN));
}

/**
 * The open dialog whose text matches, found by its role attribute: test/dom's findDialog asks Testing Library for
 * accessible dialogs, which computes the style of every element of this button-heavy page on each retry (seconds
 * on a loaded machine).
 */
function findDialog(text: RegExp): Promise<HTMLElement> {
  return waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('[role="dialog"]')].filter((d) => text.test(d.textContent ?? '')).at(-1);
    if (!found) throw new Error(`没有找到内容匹配 ${text} 的对话框`);
    return found;
  });
}

const posted = (calls: RecordedCall[], path: string, method = 'POST') => calls.filter((c) => c.path === path && c.method === method);

/** Opens an antd Select by its label and clicks the option with that text. */
async function choose(container: HTMLElement, label: string, option: string) {
  fireEvent.mouseDown(within(container).getByLabelText(label));
  const found = await waitFor(() => {
    const item = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((el) => el.title === option || el.textContent === option);
    if (!item) throw new Error(`没有选项 ${option}`);
    return item;
  });
  fireEvent.click(found);
}

const type = (container: HTMLElement, label: string, value: string) => fireEvent.change(within(container).getByLabelText(label), { target: { value } });

beforeAll(() => {
  installDomShims();
  if (!URL.createObjectURL) Object.assign(URL, { createObjectURL: () => 'blob:sheet', revokeObjectURL: () => {} });
});
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('账号管理 list', () => {
  it('lists accounts with grants as tags, the statuses and Beijing time, and filters by role and status', async () => {
    const calls = usersServer();
    await renderRoutes(routes, '/settings/users');
    const table = await screen.findByTestId('users-table');
    expect(within(table).getByText('支部书记 · 王庄村党支部')).toBeTruthy();
    expect(within(table).getByText('2026-12-04 09:30')).toBeTruthy();
    expect(within(table).getByText('已锁定')).toBeTruthy();
    expect(within(table).getByText('待改密码')).toBeTruthy();
    expect(within(table).getByText('已绑定')).toBeTruthy();
    // 解除锁定 only where a lock is in force.
    expect(within(table).getAllByRole('button', { name: '解除锁定', hidden: true })).toHaveLength(1);
    await choose(document.body, '按角色筛选', '支部书记');
    await waitFor(() => expect(calls.some((c) => c.path === '/api/users' && queryOf(c).role === 'branch_secretary')).toBe(true));
  });

  it('is refused to anyone but a town admin', async () => {
    installFetch(server(() => undefined, me(['branch_secretary'])));
    await renderRoutes(routes, '/settings/users');
    expect(await screen.findByText('没有权限查看')).toBeTruthy();
  });
});

describe('新建账号', () => {
  const created = (u: UserSummary, otp: string): CreateUserResult => ({ user: u, credential: credential(u, otp) });

  // The roster lists members by their member id (41), not the person behind them (7): the body names the member.
  it('creates an account for a member chosen from the roster, sending the member id, and shows the one-time password', async () => {
    const calls = usersServer((call) => {
      if (call.path === '/api/members') return jsonResponse(200, { items: [member({ id: 41, name: '刘强' })], total: 1, page: 1, pageSize: 20 });
      if (call.path === '/api/users' && call.method === 'POST') return jsonResponse(200, created(LIU, 'Kq7-mPz4-Wx9r'));
      return undefined;
    }, []);
    await renderRoutes(routes, '/settings/users');
    fireEvent.click(await screen.findByRole('button', { name: /新建账号/, hidden: true }));
    const dialog = await findDialog(/账号使用人/);
    type(dialog, '用户名', 'liuqiang');
    const search = within(dialog).getByLabelText('党员');
    fireEvent.mouseDown(search);
    fireEvent.change(search, { target: { value: '刘' } });
    await waitFor(() => expect(calls.some((c) => c.path === '/api/members' && queryOf(c).q === '刘')).toBe(true));
    await choose(dialog, '党员', '刘强 · 王庄村党支部');
    await waitFor(() => expect((within(dialog).getByLabelText('显示名称') as HTMLInputElement).value).toBe('刘强'));
    await choose(dialog, '授权1角色', '支部书记');
    await choose(dialog, '授权1所属组织', '王庄村党支部');
    fireEvent.click(within(dialog).getByRole('button', { name: '创建账号', hidden: true }));

    await waitFor(() => expect(posted(calls, '/api/users')).toHaveLength(1));
    expect(posted(calls, '/api/users')[0].body).toEqual({
      username: 'liuqiang', displayName: '刘强', person: { kind: 'member', memberId: 41 },
      grants: [{ role: 'branch_secretary', organizationId: 3 }],
    });
    expect((await screen.findByTestId('one-time-password')).textContent).toBe('Kq7-mPz4-Wx9r');
  });

  async function openOtherPerson() {
    await renderRoutes(routes, '/settings/users');
    fireEvent.click(await screen.findByRole('button', { name: /新建账号/, hidden: true }));
    const dialog = await findDialog(/账号使用人/);
    fireEvent.click(within(dialog).getByLabelText('其他人员'));
    await within(dialog).findByLabelText('身份证号');
    return dialog;
  }

  it('refuses an empty form for another person by the contract, before any request', async () => {
    const calls = usersServer(undefined, []);
    const dialog = await openOtherPerson();
    fireEvent.click(within(dialog).getByRole('button', { name: '创建账号', hidden: true }));
    expect(await within(dialog).findByText('请填写姓名')).toBeTruthy();
    expect(within(dialog).getByText('请填写身份证号')).toBeTruthy();
    expect(posted(calls, '/api/users')).toHaveLength(0);
  });

  it('creates an account for another person with name, 身份证号 and phone', async () => {
    const calls = usersServer((call) => {
      if (call.path === '/api/users' && call.method === 'POST') return jsonResponse(200, created(ZHAO, 'Zt5-Ab2c-Qq8w'));
      return undefined;
    }, []);
    const dialog = await openOtherPerson();
    type(dialog, '用户名', 'zhaomin');
    type(dialog, '显示名称', '赵敏');
    type(dialog, '姓名', '赵敏');
    type(dialog, '身份证号', '37040219800315123X');
    type(dialog, '联系电话', '13800001111');
    await choose(dialog, '授权1角色', '纪委/民政检查员');
    await choose(dialog, '授权1所属组织', '西王庄镇党委');
    fireEvent.click(within(dialog).getByRole('button', { name: '创建账号', hidden: true }));
    await waitFor(() => expect(posted(calls, '/api/users')).toHaveLength(1));
    expect(posted(calls, '/api/users')[0].body).toEqual({
      username: 'zhaomin', displayName: '赵敏', person: { kind: 'other', name: '赵敏', idNumber: '37040219800315123X', phone: '13800001111' },
      grants: [{ role: 'inspector', organizationId: 1 }],
    });
    expect((await screen.findByTestId('one-time-password')).textContent).toBe('Zt5-Ab2c-Qq8w');
  });
});

describe('account actions', () => {
  it('edits the grants: the current ones load, a row is added and one removed, and the whole list is sent back', async () => {
    const calls = usersServer((call) => {
      if (call.path === '/api/users/21' && call.method === 'PATCH') return jsonResponse(200, { ...LIU, grants: [{ role: 'supervisor', organizationId: 5, organizationName: '镇政府办公室党支部' }] });
      return undefined;
    }, [LIU]);
    await renderRoutes(routes, '/settings/users');
    const table = await screen.findByTestId('users-table');
    fireEvent.click(within(table).getAllByRole('button', { name: '编辑角色', hidden: true })[0]);
    const dialog = await findDialog(/编辑角色/);
    expect(await within(dialog).findByTitle('王庄村党支部')).toBeTruthy();
    // A row added, the loaded row removed, and the new row filled: the list sent back is the edited one.
    fireEvent.click(within(dialog).getByRole('button', { name: /添加授权/, hidden: true }));
    fireEvent.click(within(dialog).getByRole('button', { name: '删除授权1', hidden: true }));
    await choose(dialog, '授权1角色', '包村干部');
    await choose(dialog, '授权1所属组织', '镇政府办公室党支部');
    fireEvent.click(within(dialog).getByRole('button', { name: '保存', hidden: true }));
    await waitFor(() => expect(posted(calls, '/api/users/21', 'PATCH')).toHaveLength(1));
    expect(posted(calls, '/api/users/21', 'PATCH')[0].body).toEqual({ displayName: '刘强', grants: [{ role: 'supervisor', organizationId: 5 }] });
    expect(await screen.findByText('已保存“刘强”的角色')).toBeTruthy();
  });

  it('disables an account only after the confirmation', async () => {
    const calls = usersServer((call) => {
      if (call.path === '/api/users/21/disable') return jsonResponse(200, { ...LIU, disabled: true });
      return undefined;
    }, [LIU]);
    await renderRoutes(routes, '/settings/users');
    const table = await screen.findByTestId('users-table');
    fireEvent.click(within(table).getAllByRole('button', { name: /停\s*用/, hidden: true })[0]);
    const confirm = await screen.findByText(/停用“刘强”的账号/);
    expect(posted(calls, '/api/users/21/disable')).toHaveLength(0);
    const popover = confirm.closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(popover).getByRole('button', { name: /停\s*用/, hidden: true }));
    await waitFor(() => expect(posted(calls, '/api/users/21/disable')).toHaveLength(1));
    expect(await screen.findByText('“刘强”已停用')).toBeTruthy();
  });

  it('resets a password: the one-time password is shown once, and 打印交接单 posts it, never in the address', async () => {
    const calls = usersServer((call) => {
      if (call.path === '/api/users/22/reset-password') return jsonResponse(200, { credential: credential(ZHAO, 'Rs3-Tt4u-Vv5w') });
      if (call.path === '/api/users/credential-sheet') return new Response(new Blob(['%PDF-1.7']), { status: 200, headers: { 'content-type': 'application/pdf' } });
      return undefined;
    }, [ZHAO]);
    await renderRoutes(routes, '/settings/users');
    const table = await screen.findByTestId('users-table');
    fireEvent.click(within(table).getAllByRole('button', { name: '重置密码', hidden: true })[0]);
    const popover = (await screen.findByText(/重置后原密码失效/)).closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(popover).getByRole('button', { name: /重\s*置/, hidden: true }));
    const shown = await findDialog(/一次性密码只显示这一次/);
    expect(within(shown).getByTestId('one-time-password').textContent).toBe('Rs3-Tt4u-Vv5w');
    fireEvent.click(within(shown).getByRole('button', { name: /打印交接单/, hidden: true }));
    await waitFor(() => expect(posted(calls, '/api/users/credential-sheet')).toHaveLength(1));
    const sheet = posted(calls, '/api/users/credential-sheet')[0];
    expect(sheet.body).toEqual({ credentials: [credential(ZHAO, 'Rs3-Tt4u-Vv5w')] });
    expect(calls.every((c) => !c.url.includes('Rs3-Tt4u-Vv5w'))).toBe(true);
    // Once: after 我已记下 it is nowhere on the page, and nothing can bring it back.
    fireEvent.click(within(shown).getByRole('button', { name: '我已记下', hidden: true }));
    await waitFor(() => expect(screen.queryByTestId('one-time-password')).toBeNull());
    expect(screen.queryByText('Rs3-Tt4u-Vv5w')).toBeNull();
  });

  it("resets someone's second factor after the admin's own step-up", async () => {
    let steppedUp = false;
    const calls = usersServer((call) => {
      if (call.path === '/api/auth/step-up') {
        steppedUp = true;
        return jsonResponse(200, { steppedUpUntil: '2026-12-05T06:00:00.000Z' });
      }
      if (call.path === '/api/two-factor/users/21/reset') {
        return steppedUp ? jsonResponse(200, { ok: true }) : jsonResponse(403, { code: 'STEP_UP_REQUIRED', message: '重置他人的手机验证器前请再次输入登录密码' });
      }
      return undefined;
    }, [LIU]);
    await renderRoutes(routes, '/settings/users');
    const table = await screen.findByTestId('users-table');
    fireEvent.click(within(table).getByRole('button', { name: '重置手机验证器', hidden: true }));
    const popover = (await screen.findByText(/重新绑定手机验证器/)).closest('.ant-popover') as HTMLElement;
    fireEvent.click(within(popover).getByRole('button', { name: /重\s*置/, hidden: true }));
    const stepUp = await findDialog(/重置他人的手机验证器前请再次输入登录密码/);
    type(stepUp, '登录密码', 'admin-password-1');
    fireEvent.click(within(stepUp).getByRole('button', { name: '确认', hidden: true }));
    await waitFor(() => expect(posted(calls, '/api/two-factor/users/21/reset')).toHaveLength(2));
  });

  it('lists a user’s signed-in devices and ends one', async () => {
    const calls = usersServer((call) => {
      if (call.path === '/api/users/21/sessions') return jsonResponse(200, { items: [{ id: 5, createdAt: '2026-12-04T00:00:00.000Z', lastSeenAt: '2026-12-04T01:00:00.000Z', ip: '203.0.113.9', current: false }] });
      if (call.path === '/api/users/21/sessions/5' && call.method === 'DELETE') return jsonResponse(200, { ok: true });
      return undefined;
    }, [LIU]);
    await renderRoutes(routes, '/settings/users');
    const table = await screen.findByTestId('users-table');
    fireEvent.click(within(table).getAllByRole('button', { name: '登录设备', hidden: true })[0]);
    const sessions = await screen.findByTestId('user-sessions');
    expect(await within(sessions).findByText('203.0.113.9')).toBeTruthy();
    fireEvent.click(within(sessions).getByRole('button', { name: '退出该设备', hidden: true }));
    await waitFor(() => expect(posted(calls, '/api/users/21/sessions/5', 'DELETE')).toHaveLength(1));
  });
});

describe('账号管理 on a 390 px phone', () => {
  it('shows one card per account with its grants, status and actions', async () => {
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
      usersServer();
      await renderRoutes(routes, '/settings/users');
      const cards = await screen.findByTestId('users-cards');
      expect(screen.queryByTestId('users-table')).toBeNull();
      expect(within(cards).getByText('刘强(liuqiang)')).toBeTruthy();
      expect(within(cards).getByText('支部书记 · 王庄村党支部')).toBeTruthy();
      expect(within(cards).getByText('已锁定')).toBeTruthy();
      expect(within(cards).getAllByRole('button', { name: '编辑角色', hidden: true })).toHaveLength(2);
    } finally {
      window.matchMedia = original;
    }
  });
});
