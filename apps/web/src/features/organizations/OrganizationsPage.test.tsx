import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Me, Organization, OrganizationDetail, OrganizationHistoryEntry } from '@dj/contracts';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { pageLoads } from '../../lib/sign-in-target';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { ALL, GENERAL, TOWN, WANGZHUANG, org } from '../../test/org-fixtures';
import { renderRoutes } from '../../test/render';
import { TOWN_ADMIN_MENU } from '../../test/menus';

const ME: Me = {
  user: { id: 1, username: 'admin', displayName: '王书记', roles: ['town_admin'], tenantId: 1, tenantName: '西王庄镇', isDemo: true },
  scope: [{ organizationId: 1, name: '西王庄镇党委', path: '/1/' }],
  passwordChange: null,
  csrfToken: 'csrf-1',
};

function detail(o: Organization, can: Partial<OrganizationDetail['can']> = {}): OrganizationDetail {
  return {
    ...o,
    memberCounts: { full: 2, probationary: 1, total: 3 },
    activeChildCount: 2,
    warnings: [{ code: 'BRANCH_INCOMPLETE', level: 'warning', message: '正式党员2人,不足3人', rule: '《中国共产党支部工作条例(试行)》第四条' }],
    can: { createChild: true, edit: true, move: true, close: false, ...can },
  };
}

const HISTORY: OrganizationHistoryEntry[] = [
  { id: 1, action: 'rename', at: '2024-01-31T16:05:00.000Z', userName: '王书记', before: { name: '镇党委' }, after: { name: '西王庄镇党委' }, note: null },
];

const NEW_ORG = org({ id: 8, name: '王庄村第二党小组', path: '/1/3/8/', kind: 'group' });

function server(extra: Organization[] = []) {
  return (call: RecordedCall) => {
    const url = new URL(call.url, 'http://localhost');
    const all = [...ALL, ...extra];
    if (call.path === '/api/auth/me') return jsonResponse(200, ME);
    if (call.path === '/api/villages') return jsonResponse(200, { items: [{ id: 11, code: '371402001', name: '王庄村' }] });
    if (call.path === '/api/organizations' && call.method === 'POST') return jsonResponse(201, detail(NEW_ORG));
    if (call.path === '/api/organizations') {
      const rootId = Number(url.searchParams.get('rootId'));
      const items = rootId ? all.filter((o) => o.parentId === rootId) : all;
      return jsonResponse(200, { items });
    }
    const match = /^\/api\/organizations\/(\d+)(\/history)?$/.exec(call.path);
    const found = match && all.find((o) => o.id === Number(match[1]));
    if (!found) return jsonResponse(404, { code: 'NOT_FOUND', message: '组织不存在或无权查看' });
    if (match[2]) return jsonResponse(200, { items: found.id === TOWN.id ? HISTORY : [] });
    return jsonResponse(200, detail(found));
  };
}

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('organisation page', () => {
  it('shows the layout, the tree with the top levels open and the first root selected', async () => {
    installFetch(server());
    const { router } = await renderRoutes(routes, '/organizations');

    expect(await screen.findByTestId('org-detail-name')).toHaveProperty('textContent', '西王庄镇党委');
    await waitFor(() => expect(router.state.location.search).toBe('?id=1'));
    expect(screen.getByText(/演示数据:本系统中除文章所列组织名称外/)).toBeTruthy();
    expect(screen.getByTestId('tenant-name').textContent).toBe('西王庄镇');
    expect(screen.getByText('镇党委管理员')).toBeTruthy();
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual(TOWN_ADMIN_MENU);

    const tree = within(screen.getByTestId('org-tree'));
    expect(tree.getByText('王庄村第一党小组')).toBeTruthy();
    expect(tree.getByText('镇政府办公室党支部')).toBeTruthy();
    expect(tree.queryByText('李庄村党支部')).toBeNull();

    const card = within(screen.getByTestId('org-detail'));
    expect(card.getByRole('button', { name: /新建下级组织/ })).toBeTruthy();
    expect(card.queryByRole('button', { name: /撤\s*销/ })).toBeNull();
    expect(card.getByText('正式党员2人,不足3人')).toBeTruthy();
    expect(card.getByText('依据:《中国共产党支部工作条例(试行)》第四条')).toBeTruthy();

    expect(await screen.findByText('组织名称:镇党委 → 西王庄镇党委')).toBeTruthy();
    expect(screen.getByText('2024-02-01 00:05')).toBeTruthy();
  });

  it('shows closed organisations on request and filters by name', async () => {
    installFetch(server());
    await renderRoutes(routes, '/organizations?id=1');
    const tree = within(await screen.findByTestId('org-tree'));
    await tree.findByText('王庄村党支部');

    fireEvent.click(screen.getByRole('switch', { name: '显示已撤销' }));
    expect(await tree.findByText('李庄村党支部')).toBeTruthy();
    expect(tree.getByText('已撤销')).toBeTruthy();

    fireEvent.change(screen.getByRole('searchbox', { name: '按名称搜索组织' }), { target: { value: '办公室' } });
    await waitFor(() => expect(tree.queryByText('王庄村党支部')).toBeNull());
    expect(tree.getByText(GENERAL.name)).toBeTruthy();
  });

  it('selects a node from the tree', async () => {
    installFetch(server());
    const { router } = await renderRoutes(routes, '/organizations?id=1');
    const tree = within(await screen.findByTestId('org-tree'));
    fireEvent.click(await tree.findByText(WANGZHUANG.name));
    await waitFor(() => expect(screen.getByTestId('org-detail-name').textContent).toBe(WANGZHUANG.name));
    expect(router.state.location.search).toBe('?id=3');
  });

  it('creates a child with the csrf token and selects it', async () => {
    const calls = installFetch(server([NEW_ORG]));
    const { router } = await renderRoutes(routes, '/organizations?id=3');
    await waitFor(() => expect(screen.getByTestId('org-detail-name').textContent).toBe(WANGZHUANG.name));

    fireEvent.click(screen.getByRole('button', { name: /新建下级组织/ }));
    fireEvent.change(await screen.findByLabelText('组织名称'), { target: { value: '王庄村第二党小组' } });
    fireEvent.click(screen.getByRole('button', { name: /确\s*定/ }));

    await waitFor(() => expect(router.state.location.search).toBe('?id=8'));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.headers.get('x-csrf-token')).toBe('csrf-1');
    expect(post?.body).toEqual({ parentId: 3, name: '王庄村第二党小组', kind: 'group', sector: 'village', isJoint: false });
    expect(await within(screen.getByTestId('org-tree')).findByText('王庄村第二党小组')).toBeTruthy();
  });

  it('13.9 a group name over 60 characters is kept whole, counted and refused with the limit named, not sent', async () => {
    const calls = installFetch(server([NEW_ORG]));
    await renderRoutes(routes, '/organizations?id=3');
    await waitFor(() => expect(screen.getByTestId('org-detail-name').textContent).toBe(WANGZHUANG.name));

    fireEvent.click(screen.getByRole('button', { name: /新建下级组织/ }));
    const name = await screen.findByLabelText('组织名称');
    const long = '王庄村'.repeat(20) + '组';
    fireEvent.change(name, { target: { value: long } });
    expect(name).toHaveProperty('value', long); // maxLength cut it at 60 without a word
    expect(screen.getByText('61 / 60')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /确\s*定/ }));
    expect(await screen.findByText('组织名称不能超过60个字')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')).toBeUndefined();
  });

  it('sends a signed-out user to the sign-in page, which brings them back here', async () => {
    // The sign-in page is not the app's (login.html): a page load, watched here (lib/sign-in-target).
    const go = vi.spyOn(pageLoads, 'go').mockImplementation(() => {});
    installFetch(() => jsonResponse(401, { code: 'UNAUTHENTICATED', message: '未登录' }));
    await renderRoutes(routes, '/organizations?id=1');
    await waitFor(() => expect(go).toHaveBeenCalledWith('/login?next=%2Forganizations%3Fid%3D1'));
    go.mockRestore();
  });
});
