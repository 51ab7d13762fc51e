import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MyStudy, MyUpcomingTraining } from '@dj/contracts';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { personHours } from './education-fixtures';

// Issue 19 point 7, 我的学习 on a member's phone: own hours against the target, own sessions, and the branch's coming
// sessions answered 参加 / 请假 like 组织生活 — no check-in, no ranking.
beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const coming = (partial: Partial<MyUpcomingTraining>): MyUpcomingTraining => ({
  id: 41, kind: 'branch_study', title: '集中学习新党章', startsOn: '2099-04-28', endsOn: '2099-04-28', hours: 2, venue: '村党群服务中心',
  organizationName: '王庄村党支部', myResponse: null, canRespond: true, ...partial,
});
const STUDY: MyStudy = { hours: personHours(), upcoming: [coming({}), coming({ id: 42, title: '已开始登记的学习', canRespond: false, myResponse: 'confirm' })] };

function server(study: MyStudy = STUDY, elderMode = false) {
  const member = me(['member'], [{ organizationId: 3, name: '王庄村党支部', path: '/1/3/' }]);
  return (call: RecordedCall) => {
    if (call.path === '/api/auth/me') return jsonResponse(200, { ...member, user: { ...member.user, elderMode } });
    if (call.path === '/api/my/education') return jsonResponse(200, study);
    if (call.path === '/api/education/sessions/41/responses') return jsonResponse(200, coming({ myResponse: (call.body as { response: 'confirm' | 'leave' }).response }));
    return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
  };
}
const responseCalls = (calls: RecordedCall[]) => calls.filter((c) => c.path.endsWith('/responses')).map((c) => [c.path, c.body]);
const button = (container: HTMLElement, name: string | RegExp) => within(container).getByRole('button', { name, hidden: true });

describe('我的学习', () => {
  it('shows my hours against my target, my sessions and the coming ones, with the menu entry, and no ranking', async () => {
    installFetch(server());
    await renderRoutes(routes, '/my/study');
    expect(await screen.findByText('11/32学时')).toBeTruthy();
    expect(within(screen.getByTestId('person-sessions')).getByText('全镇党员冬训')).toBeTruthy();
    // The member opens no session page: their own lines are here.
    expect(within(screen.getByTestId('person-sessions')).queryByRole('link')).toBeNull();
    const first = screen.getByTestId('my-training-41');
    expect(within(first).getByText('尚未答复')).toBeTruthy();
    expect(within(first).getByText(/2099-04-28 · 支部学习 · 2学时 · 村党群服务中心/)).toBeTruthy();
    const started = screen.getByTestId('my-training-42');
    expect(within(started).queryByRole('button', { hidden: true })).toBeNull();
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toContain('我的学习');
    expect(screen.queryByText(/第\d+名|排行/)).toBeNull();
  });

  it('sends 参加 at once and asks for a reason before 请假', async () => {
    const calls = installFetch(server());
    await renderRoutes(routes, '/my/study');
    const card = await screen.findByTestId('my-training-41');
    fireEvent.click(button(card, /参\s*加/));
    await waitFor(() => expect(responseCalls(calls)).toEqual([['/api/education/sessions/41/responses', { response: 'confirm' }]]));
    fireEvent.click(button(card, /请\s*假/));
    const dialog = await findDialog(/请假原因/);
    fireEvent.click(button(dialog, '提交请假'));
    expect(await within(dialog).findByText('请填写请假原因')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('请假原因'), { target: { value: '外出务工' } });
    fireEvent.click(button(dialog, '提交请假'));
    await waitFor(() => expect(responseCalls(calls)).toHaveLength(2));
    expect(responseCalls(calls)[1]).toEqual(['/api/education/sessions/41/responses', { response: 'leave', reason: '外出务工' }]);
  });

  it('says so when nothing is coming and no hours are in yet', async () => {
    installFetch(server({ hours: personHours({ total: 0, byKind: { ...personHours().byKind, branch_study: 0, rotation_town: 0 }, sessions: [] }), upcoming: [] }));
    await renderRoutes(routes, '/my/study');
    expect(await screen.findByText('本支部近期没有安排的培训')).toBeTruthy();
    expect(screen.getByText('本年度还没有计入学时')).toBeTruthy();
    expect(screen.getByText('2026年没有参加培训的记录')).toBeTruthy();
  });

  it('适老化 (issue 21 point 3): the next session first with full-width answers, then the hours; the rest under 更多', async () => {
    installFetch(server(STUDY, true));
    await renderRoutes(routes, '/my/study');
    const next = await screen.findByTestId('my-training-41');
    expect(next.textContent).toContain('下一次学习');
    expect(next.textContent).toContain('地点:村党群服务中心');
    // The next session comes before the hours: what to do first.
    expect(next.compareDocumentPosition(screen.getByTestId('hours-summary')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(button(next, /参\s*加/).closest('.elder-actions')).toBeTruthy();
    const more = screen.getByTestId('my-study-more');
    expect(more.tagName).toBe('DETAILS');
    expect(more.hasAttribute('open')).toBe(false);
    expect(within(more).getByText('全镇党员冬训')).toBeTruthy();
    expect(within(more).getByText(/不排名、不计分/)).toBeTruthy();
  });
});
