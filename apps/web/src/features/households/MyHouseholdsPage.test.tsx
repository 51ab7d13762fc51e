import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { todayInShanghai, type MyHousehold, type MyHouseholds } from '@dj/contracts';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';

// Issue 20 point 3, 我的联户 on a member's phone: their own households, the one past the interval first and marked, a
// visit logged in a few taps (day, how, what was raised) — no check-in, no location, no score of members.
beforeAll(async () => {
  installDomShims();
  // The route's page is lazy: loaded once here, so the first test measures the page, not the module's first transform.
  await import('./MyHouseholdsPage');
});
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const today = todayInShanghai();
const household = (partial: Partial<MyHousehold>): MyHousehold => ({
  id: 7, organizationId: 3, villageName: '王庄村', headName: '孙大爷', hamlet: '一组', address: '前街3号', people: 2, situation: '独居老人',
  phoneMasked: '139****5678', links: [{ personId: 5, name: '王联户', since: '2026-01-01', until: null }], lastVisitOn: '2026-01-10', dueOn: '2026-04-10',
  overdue: true, isDemo: false, can: { edit: false }, visits: [{
    id: 1, householdId: 7, personId: 5, personName: '王联户', visitedOn: '2026-01-10', method: 'phone', raised: '路灯不亮', note: null, matterId: null, matterStage: null, canRaise: false, proxy: true, enteredByName: '书记',
  }], ...partial,
});
const MINE: MyHouseholds = {
  intervalDays: 90,
  items: [household({}), household({ id: 8, headName: '周大娘', overdue: false, lastVisitOn: today, dueOn: '2099-01-01', visits: [], situation: null, phoneMasked: null })],
};

function server(data: MyHouseholds = MINE, elderMode = false) {
  const member = me(['member'], [{ organizationId: 3, name: '王庄村党支部', path: '/1/3/' }]);
  return (call: RecordedCall) => {
    if (call.path === '/api/auth/me') return jsonResponse(200, { ...member, user: { ...member.user, elderMode } });
    if (call.path === '/api/my/households') return jsonResponse(200, data);
    if (call.path === '/api/my/households/7/visits/1/matter') {
      return jsonResponse(200, household({ visits: [{ ...household({}).visits[0], matterId: 40, matterStage: 'raised', canRaise: false }] }));
    }
    if (call.path === '/api/my/households/7/visits') return jsonResponse(200, household({ overdue: false, lastVisitOn: today }));
    return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
  };
}
const visitCalls = (calls: RecordedCall[]) => calls.filter((c) => c.path.endsWith('/visits')).map((c) => [c.path, c.body]);

describe('我的联户', () => {
  it('lists my households with the overdue one marked, masked phones, the menu entry and no ranking', async () => {
    installFetch(server());
    await renderRoutes(routes, '/my/households');
    const first = await screen.findByTestId('my-household-7');
    expect(within(first).getByText('超期未走访(应于2026-04-10前)')).toBeTruthy();
    expect(within(first).getByText(/139\*\*\*\*5678/)).toBeTruthy();
    expect(within(first).getByText(/反映:路灯不亮\(代为登记\)/)).toBeTruthy();
    expect(within(screen.getByTestId('my-household-8')).getByText(/2099-01-01前再访/)).toBeTruthy();
    expect(screen.getByTestId('my-households-summary').textContent).toBe('联系2户,每户至少每90天走访一次;1户已超期,请尽快走访');
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toContain('我的联户');
    expect(screen.queryByText(/第\d+名|排行|得分/)).toBeNull();
  });

  it('logs a visit in a few taps: today by default, the way chosen, what was raised; no location is sent', async () => {
    const calls = installFetch(server());
    await renderRoutes(routes, '/my/households');
    const card = await screen.findByTestId('my-household-7');
    fireEvent.click(within(card).getByRole('button', { name: /登记走访/, hidden: true }));
    const dialog = await findDialog(/走访方式/);
    fireEvent.click(within(dialog).getByText('微信'));
    fireEvent.change(within(dialog).getByLabelText('群众反映的事项(没有可不填)'), { target: { value: '想了解大棚补贴' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存走访', hidden: true }));
    await waitFor(() => expect(visitCalls(calls)).toHaveLength(1));
    expect(visitCalls(calls)[0]).toEqual(['/api/my/households/7/visits', { visitedOn: today, method: 'wechat', raised: '想了解大棚补贴', note: null }]);
  });

  it('says so when the branch has not assigned any household yet', async () => {
    installFetch(server({ intervalDays: 90, items: [] }));
    await renderRoutes(routes, '/my/households');
    expect(await screen.findByText('您还没有联系的农户,由村党支部安排')).toBeTruthy();
  });

  it('turns a raised matter of my own visit into a 村民说事 case in one tap, then shows the case\'s stage', async () => {
    const mine = household({ visits: [{ ...household({}).visits[0], canRaise: true }] });
    const converted = household({ visits: [{ ...mine.visits[0], matterId: 40, matterStage: 'raised', canRaise: false }] });
    let done = false;
    const base = server({ intervalDays: 90, items: [mine] });
    // The server's 我的联户 after the conversion names the case (the page refetches it).
    const calls = installFetch((call) => {
      if (call.path.endsWith('/matter')) done = true;
      return done && call.path === '/api/my/households' ? jsonResponse(200, { intervalDays: 90, items: [converted] }) : base(call);
    });
    await renderRoutes(routes, '/my/households');
    fireEvent.click(await screen.findByTestId('visit-matter-1'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/my/households/7/visits/1/matter']));
    expect(await screen.findByText('村民说事:待议事')).toBeTruthy();
  });

  it('适老化 (issue 21 point 3): name, due date and 登记走访 in view; address, situation and visits under 更多', async () => {
    installFetch(server(MINE, true));
    await renderRoutes(routes, '/my/households');
    const card = await screen.findByTestId('my-household-7');
    expect(within(card).getByText(/超期未走访/)).toBeTruthy();
    expect(within(card).getByRole('button', { name: /登记走访/, hidden: true }).closest('details')).toBeNull();
    for (const text of ['独居老人', /前街3号/, /路灯不亮/]) expect(within(card).getByText(text).closest('details')).toBeTruthy();
    expect(screen.getByTestId('my-households-more').textContent).toContain('不打分、不排名');
  });
});
