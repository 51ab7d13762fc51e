import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Committee, OrganizationDetail } from '@dj/contracts';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me, member } from '../../test/member-fixtures';
import { ALL, WANGZHUANG } from '../../test/org-fixtures';
import { renderRoutes } from '../../test/render';

const DETAIL: OrganizationDetail = {
  ...WANGZHUANG, memberCounts: { full: 5, probationary: 0, total: 5 }, activeChildCount: 1, warnings: [],
  can: { createChild: true, edit: true, move: true, close: false },
};
const TERMS: Committee['terms'] = [
  { memberId: 21, name: '张卫国', post: 'secretary', startedOn: '2021-03-01', endedOn: '2026-05-10' },
  { memberId: 22, name: '李秀英', post: 'deputy_secretary', startedOn: '2021-03-01', endedOn: null },
  { memberId: 23, name: '王建军', post: 'secretary', startedOn: '2026-05-11', endedOn: null },
];

const MISMATCHES: Committee['mismatches'] = [{ memberId: 21, name: '张卫国', rosterPosts: ['secretary'], termPosts: [] }];

function server(edit: boolean) {
  return (call: RecordedCall) => {
    if (call.path === '/api/auth/me') return jsonResponse(200, me(['town_admin']));
    if (call.path === '/api/villages') return jsonResponse(200, { items: [] });
    if (call.path === '/api/organizations') return jsonResponse(200, { items: ALL });
    if (call.path === '/api/organizations/3') return jsonResponse(200, DETAIL);
    if (call.path === '/api/organizations/3/history') return jsonResponse(200, { items: [] });
    if (call.path === '/api/members') {
      return jsonResponse(200, { items: TERMS.map((t) => member({ id: t.memberId, name: t.name })), total: 3, page: 1, pageSize: 100 });
    }
    if (call.path === '/api/branch-committee/3' && call.method === 'PUT') {
      const body = call.body as { terms: Committee['terms'] };
      return jsonResponse(200, { organizationId: 3, terms: body.terms.map((t) => ({ ...t, name: TERMS.find((x) => x.memberId === t.memberId)!.name })), mismatches: [], can: { edit } });
    }
    if (call.path === '/api/branch-committee/3') return jsonResponse(200, { organizationId: 3, terms: TERMS, mismatches: MISMATCHES, can: { edit } });
    return jsonResponse(404, { code: 'NOT_FOUND', message: '不存在' });
  };
}

/** The page loads its tree, detail and roster first: seconds on a loaded 2-core machine. */

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('13.2 the branch committee on the organisation page', () => {
  it('13.2 lists each seat with 任职/离任 dates, read-only without members.manage', async () => {
    installFetch(server(false));
    await renderRoutes(routes, '/organizations?id=3');
    const card = within(await screen.findByTestId('branch-committee'));
    expect(await card.findByText('张卫国')).toBeTruthy();
    expect(card.getByText('2026-05-10')).toBeTruthy();
    expect(card.getAllByText('在任')).toHaveLength(2);
    expect(card.getAllByText('书记')).toHaveLength(2);
    expect(card.queryByRole('button', { name: /保\s*存/ })).toBeNull();
    expect(card.getByTestId('committee-mismatches').textContent).toContain('张卫国：名册为书记，任职记录为无');
  });

  it('13.2 a secretary removes a mistaken term and saves the rest with their dates', async () => {
    const calls = installFetch(server(true));
    await renderRoutes(routes, '/organizations?id=3');
    const card = within(await screen.findByTestId('branch-committee'));
    await waitFor(() => expect(card.getAllByRole('button', { name: '删除这条任职记录' })).toHaveLength(3));
    fireEvent.click(card.getAllByRole('button', { name: '删除这条任职记录' })[1]);
    fireEvent.click(card.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ terms: [
      { memberId: 21, post: 'secretary', startedOn: '2021-03-01', endedOn: '2026-05-10' },
      { memberId: 23, post: 'secretary', startedOn: '2026-05-11', endedOn: null },
    ] });
  });

  it('13.2 no card and no load error where the branch\'s records are not the caller\'s (404)', async () => {
    const base = server(false);
    const calls = installFetch((call) => (call.path === '/api/branch-committee/3' ? jsonResponse(404, { code: 'NOT_FOUND', message: '党支部不存在或无权查看' }) : base(call)));
    await renderRoutes(routes, '/organizations?id=3');
    await waitFor(() => expect(screen.getByTestId('org-detail-name').textContent).toBe(WANGZHUANG.name));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/branch-committee/3')).toBe(true));
    // The history below the card answers in the same round: once it shows, the card has had its answer too.
    expect(await screen.findByText(/暂无变更记录/)).toBeTruthy();
    expect(screen.queryByTestId('branch-committee')).toBeNull();
    expect(screen.queryByText('支部委员会加载失败')).toBeNull();
  });
});
