import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { activityDetail } from '../../test/activity-detail';
import type { MyActivity } from './api';

const base = { place: '村党群服务中心', organizationName: '王庄村党支部', myResponse: null, myAttendance: null, held: false, canRespond: true } as const;
const done = { held: true, canRespond: false } as const;
const ITEMS: MyActivity[] = [
  { ...base, id: 61, kind: 'theme_day', heldOn: '2099-08-01', topic: '主题党日:学习党章' },
  { ...base, id: 62, kind: 'party_lecture', heldOn: '2099-08-20', topic: '书记讲党课', myResponse: 'confirm' },
  { ...base, ...done, id: 51, kind: 'general_meeting', heldOn: '2020-06-10', topic: '发展党员表决', myAttendance: 'present' },
  { ...base, ...done, id: 52, kind: 'group_meeting', heldOn: '2020-05-10', topic: '党小组学习', myAttendance: 'excused' },
];

function server(items: MyActivity[] = ITEMS, elderMode = false) {
  const member = me(['member'], [{ organizationId: 3, name: '王庄村党支部', path: '/1/3/' }]);
  return (call: RecordedCall) => {
    if (call.path === '/api/auth/me') return jsonResponse(200, { ...member, user: { ...member.user, elderMode } });
    if (call.path === '/api/my/activities') return jsonResponse(200, { items });
    if (call.path === '/api/activities/61/responses' && call.method === 'POST') return jsonResponse(200, activityDetail({ id: 61 }));
    return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
  };
}

const responseCalls = (calls: RecordedCall[]) => calls.filter((c) => c.path.endsWith('/responses')).map((c) => [c.path, c.body]);
const button = (container: HTMLElement, name: string | RegExp) => within(container).getByRole('button', { name, hidden: true });

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('我的组织生活', () => {
  it('shows upcoming answers and past attendance, and says answering only helps the secretary', async () => {
    installFetch(server());
    await renderRoutes(routes, '/my');
    const upcoming = await screen.findByTestId('my-upcoming');
    await within(upcoming).findByText('主题党日:学习党章');
    expect(screen.getByText(/帮助支部书记做好准备/)).toBeTruthy();
    expect(within(screen.getByTestId('my-upcoming-61')).getByText('尚未答复')).toBeTruthy();
    expect(within(screen.getByTestId('my-upcoming-62')).getByText('已答复:参加')).toBeTruthy();
    expect(within(screen.getByTestId('my-past-51')).getByText('出席')).toBeTruthy();
    expect(within(screen.getByTestId('my-past-52')).getByText('请假')).toBeTruthy();
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toContain('我的组织生活');
  });

  it('13.8 a meeting already held today is under 最近参加的 without 参加/请假; one the member is not expected at asks nothing', async () => {
    // Dated in the future on purpose: "held" is the server's word (attendance recorded), not the page's arithmetic.
    installFetch(server([
      { ...base, ...done, id: 71, kind: 'party_lecture', heldOn: '2099-09-01', topic: '上午已开的党课', myAttendance: 'present' },
      { ...base, id: 72, kind: 'group_meeting', heldOn: '2099-09-05', topic: '别组的党小组会', canRespond: false },
      { ...base, id: 73, kind: 'theme_day', heldOn: '2099-09-28', topic: '本月主题党日' },
    ]));
    await renderRoutes(routes, '/my');
    const upcoming = await screen.findByTestId('my-upcoming');
    await within(upcoming).findByText('本月主题党日');
    expect(within(upcoming).queryByText('上午已开的党课')).toBeNull();
    const held = within(screen.getByTestId('my-past')).getByTestId('my-past-71');
    expect(within(held).queryByRole('button', { hidden: true })).toBeNull();
    const other = screen.getByTestId('my-upcoming-72');
    expect(within(other).queryByRole('button', { name: /参\s*加|请\s*假/, hidden: true })).toBeNull();
    expect(other.textContent).toContain('您不在本次活动的应到名单中,无需答复');
    expect(button(screen.getByTestId('my-upcoming-73'), /参\s*加/)).toBeTruthy();
  });

  it('13.8 the home address opens 我的组织生活 for a 党员', async () => {
    installFetch(server());
    const { router } = await renderRoutes(routes, '/', { opens: ['/my'] });
    await waitFor(() => expect(router.state.location.pathname).toBe('/my'));
    expect(await screen.findByTestId('my-upcoming')).toBeTruthy();
  });

  it('asks for a reason before sending a leave request', async () => {
    const calls = installFetch(server());
    await renderRoutes(routes, '/my');
    const card = await screen.findByTestId('my-upcoming-61');
    fireEvent.click(button(card, /请\s*假/));
    const dialog = await findDialog(/请假原因/);
    fireEvent.click(button(dialog, '提交请假'));
    expect(await within(dialog).findByText('请填写请假原因')).toBeTruthy();
    expect(responseCalls(calls)).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText('请假原因'), { target: { value: '外出务工' } });
    fireEvent.click(button(dialog, '提交请假'));
    await waitFor(() =>
      expect(responseCalls(calls)).toEqual([['/api/activities/61/responses', { response: 'leave', reason: '外出务工' }]]),
    );
  });

  it('sends a plain confirmation for 参加', async () => {
    const calls = installFetch(server());
    await renderRoutes(routes, '/my');
    const card = await screen.findByTestId('my-upcoming-61');
    fireEvent.click(button(card, /参\s*加/));
    await waitFor(() => expect(responseCalls(calls)).toEqual([['/api/activities/61/responses', { response: 'confirm' }]]));
  });

  it('适老化 (issue 21 point 3): the next meeting first with full-width answers; the explanation and past meetings under 更多', async () => {
    const calls = installFetch(server(ITEMS, true));
    await renderRoutes(routes, '/my');
    const next = await screen.findByTestId('my-upcoming-61');
    const cards = within(screen.getByTestId('my-upcoming')).getAllByTestId(/^my-upcoming-/);
    expect(cards[0]).toBe(next);
    expect(next.textContent).toContain('下一次组织生活');
    expect(next.textContent).toContain('地点:村党群服务中心');
    expect(within(screen.getByTestId('my-upcoming-62')).queryByText('下一次组织生活')).toBeNull();
    // The answers are a column of full-width buttons.
    expect(button(next, /参\s*加/).closest('.elder-actions')).toBeTruthy();
    // Folded, not removed: the organisation, the explanation and the past meetings sit in closed disclosures.
    const more = screen.getByTestId('my-more');
    expect(more.tagName).toBe('DETAILS');
    expect(more.hasAttribute('open')).toBe(false);
    expect(more.querySelector('summary')?.textContent).toBe('更多:说明和最近参加的(2)');
    expect(within(more).getByTestId('my-past-51').textContent).toContain('出席');
    expect(within(more).getByText(/帮助支部书记做好准备/)).toBeTruthy();
    expect(within(next).getByText('王庄村党支部').closest('details')).toBeTruthy();
    // Same answers as in the ordinary layout.
    fireEvent.click(button(next, /参\s*加/));
    await waitFor(() => expect(responseCalls(calls)).toEqual([['/api/activities/61/responses', { response: 'confirm' }]]));
  });

  it('without 适老化 nothing is folded', async () => {
    installFetch(server());
    await renderRoutes(routes, '/my');
    await screen.findByTestId('my-upcoming-61');
    expect(screen.queryByTestId('my-more')).toBeNull();
    expect(screen.getByTestId('my-past-51').closest('details')).toBeNull();
  });
});
