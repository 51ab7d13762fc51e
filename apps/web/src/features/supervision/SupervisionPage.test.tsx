import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Me } from '@dj/contracts';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import type { SupervisionQueue, SupervisorAssignments } from './api';
import { activityDetail } from '../../test/activity-detail';

const QUEUE: SupervisionQueue = {
  plans: [{ id: 52, organizationName: '镇政府办公室党支部', kind: 'party_lecture', heldOn: '2026-08-05', topic: '七一党课', comments: 2 }],
  toSignOff: [
    { id: 41, organizationName: '王庄村党支部', kind: 'theme_day', heldOn: '2026-07-10', topic: '学习党章', submittedAt: '2026-07-11T02:00:00.000Z', signOffDueOn: '2026-07-18', overdue: true },
  ],
};
const ASSIGNMENTS: SupervisorAssignments = {
  supervisors: [{ userId: 9, name: '李督导' }, { userId: 10, name: '赵督导' }],
  branches: [
    { organizationId: 3, organizationName: '王庄村党支部', supervisorIds: [9] },
    { organizationId: 5, organizationName: '镇政府办公室党支部', supervisorIds: [] },
  ],
};

function server(who: Me) {
  return (call: RecordedCall) => {
    if (call.path === '/api/auth/me') return jsonResponse(200, who);
    if (call.path === '/api/supervision/queue') return jsonResponse(200, QUEUE);
    if (call.path === '/api/supervision/assignments' && call.method === 'GET') return jsonResponse(200, ASSIGNMENTS);
    if (call.path === '/api/supervision/assignments' && call.method === 'PUT') {
      const body = call.body as { organizationId: number; userIds: number[] };
      return jsonResponse(200, {
        ...ASSIGNMENTS,
        branches: ASSIGNMENTS.branches.map((b) => (b.organizationId === body.organizationId ? { ...b, supervisorIds: body.userIds } : b)),
      });
    }
    if (call.path === '/api/activities/41/reviews' && call.method === 'POST') return jsonResponse(200, activityDetail());
    return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
  };
}

const reviewCalls = (calls: RecordedCall[]) => calls.filter((c) => c.path === '/api/activities/41/reviews').map((c) => c.body);
const button = (container: HTMLElement, name: string | RegExp) => within(container).getByRole('button', { name, hidden: true });

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('督导', () => {
  it('lists the records to sign off and the plans, and signs off after a confirmation', async () => {
    const calls = installFetch(server(me(['supervisor'])));
    await renderRoutes(routes, '/supervision');
    const queue = await screen.findByTestId('signoff-queue');
    const record = (await within(queue).findAllByTestId('signoff-record'))[0];
    expect(record.textContent).toContain('王庄村党支部');
    expect(record.textContent).toContain('主题党日');
    expect(record.textContent).toContain('2026-07-10');
    expect(record.textContent).toContain('学习党章');
    expect(within(record).getByRole('link', { name: '查看' }).getAttribute('href')).toBe('/activities/41');
    // 13.3: the overdue sign-off is the supervisor's, on the supervisor's list.
    expect(within(record).getByTestId('signoff-overdue').textContent).toBe('签认已逾期(应于2026-07-18前)');

    const plans = screen.getByTestId('plan-queue');
    expect(within(plans).getByRole('link', { name: '七一党课' }).getAttribute('href')).toBe('/activities/52');
    expect(plans.textContent).toContain('已留言 2 条');
    // A supervisor does not arrange assignments.
    expect(screen.queryByRole('tab', { name: '督导安排' })).toBeNull();
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toContain('督导');

    fireEvent.click(button(record, /签\s*认/));
    expect(reviewCalls(calls)).toEqual([]);
    fireEvent.click(await screen.findByRole('button', { name: '确认签认', hidden: true }));
    await waitFor(() => expect(reviewCalls(calls)).toEqual([{ action: 'sign_off' }]));
    expect(calls.find((c) => c.path === '/api/activities/41/reviews')?.headers.get('x-csrf-token')).toBe('csrf-1');
    expect(await screen.findByText('已签认“学习党章”')).toBeTruthy();
  });

  it('returns a record only with a reason', async () => {
    const calls = installFetch(server(me(['supervisor'])));
    await renderRoutes(routes, '/supervision');
    const queue = await screen.findByTestId('signoff-queue');
    const record = (await within(queue).findAllByTestId('signoff-record'))[0];

    fireEvent.click(button(record, /退\s*回/));
    const dialog = await findDialog(/退回原因/);
    fireEvent.click(button(dialog, /退\s*回/));
    expect(await within(dialog).findByText('请填写退回原因,告诉支部需要补充或更正什么')).toBeTruthy();
    expect(reviewCalls(calls)).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText('退回原因'), { target: { value: '缺少现场照片' } });
    fireEvent.click(button(dialog, /退\s*回/));
    await waitFor(() => expect(reviewCalls(calls)).toEqual([{ action: 'return', text: '缺少现场照片' }]));
  });

  it('lets the town admin save the supervisors of one branch', async () => {
    const calls = installFetch(server(me(['town_admin'])));
    await renderRoutes(routes, '/supervision');
    fireEvent.click(await screen.findByRole('tab', { name: '督导安排' }));
    const office = await screen.findByTestId('assignment-5');
    fireEvent.mouseDown(within(office).getByLabelText('镇政府办公室党支部的督导干部'));
    fireEvent.click(await screen.findByTitle('赵督导'));
    fireEvent.click(button(office, /保\s*存/));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([{ organizationId: 5, userIds: [10] }]),
    );
    expect(await screen.findByText('已保存镇政府办公室党支部的督导安排')).toBeTruthy();
  });

  it('is not offered to a branch secretary', async () => {
    const calls = installFetch(server(me(['branch_secretary'])));
    await renderRoutes(routes, '/supervision');
    expect(await screen.findByText('没有权限查看')).toBeTruthy();
    expect(calls.some((c) => c.path.startsWith('/api/supervision'))).toBe(false);
  });
});
