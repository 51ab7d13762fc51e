import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { renderRoutes } from '../../test/render';
import { datesOfMonth, rotateWorkdays } from './DutyScheduleModal';
import { positionRoutes, server, shift } from './test-fixtures';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const LIST = {
  month: '2026-03',
  items: [
    shift({ id: 1, onDate: '2026-03-02' }),
    shift({ id: 2, onDate: '2026-03-03', slot: 'am', personName: '王书记', swappedWithName: '李主任', swapReason: '外出开会', onDutyName: '李主任', presence: 'present' }),
  ],
  summary: { scheduled: 2, present: 1, absent: 0, excused: 0, unrecorded: 1 },
  byOrganization: [],
};

function dutyServer(onWrite?: (call: RecordedCall) => Response) {
  return server((call) => {
    if (call.path === '/api/duty-shifts' && call.method === 'GET') return jsonResponse(200, LIST);
    if (call.method !== 'GET' && onWrite) return onWrite(call);
    return undefined;
  });
}

describe('坐班值班', () => {
  it('shows the month per village with swaps and counts, and records presence for a past shift', async () => {
    const calls = installFetch(dutyServer(() => jsonResponse(200, shift({ id: 1, onDate: '2026-03-02', presence: 'absent' }))));
    await renderRoutes(positionRoutes, '/positions?tab=duty&month=2026-03');
    const swapped = await screen.findByText('李主任');
    const row = swapped.closest('tr') as HTMLElement;
    expect(within(row).getByText('替 王书记')).toBeTruthy();
    expect(within(row).getByText('换班原因:外出开会')).toBeTruthy();
    expect(within(row).getByText('在岗')).toBeTruthy();
    const get = calls.find((c) => c.path === '/api/duty-shifts');
    expect(get?.url).toContain('orgId=3');
    expect(get?.url).toContain('month=2026-03');
    const summary = screen.getByTestId('duty-summary');
    expect(within(summary).getByText('未登记')).toBeTruthy();
    // No GPS, no check-in button for the person on duty.
    const buttons = [...document.querySelectorAll('button')].map((b) => `${b.textContent ?? ''}${b.getAttribute('aria-label') ?? ''}`);
    expect(buttons.some((text) => /打卡|签到|定位/.test(text))).toBe(false);

    fireEvent.click(screen.getByLabelText('登记2026-03-02全天王书记'));
    const dialog = await findDialog(/在岗情况:2026-03-02/);
    fireEvent.click(within(dialog).getByText('缺岗'));
    fireEvent.change(within(dialog).getByLabelText('说明'), { target: { value: '未到岗' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/api/duty-shifts/1/presence');
    expect(post?.body).toEqual({ presence: 'absent', note: '未到岗' });
  });

  it('schedules a whole month in one form', async () => {
    const calls = installFetch(dutyServer(() => jsonResponse(201, { items: [] })));
    await renderRoutes(positionRoutes, '/positions?tab=duty&month=2026-03');
    await screen.findByText('李主任');
    fireEvent.click(screen.getByText(/^排\s*班$/));
    const dialog = await findDialog(/排班:王庄村党支部 2026年3月/);
    fireEvent.change(within(dialog).getByLabelText('值班人员'), { target: { value: '王书记、李主任' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /按工作日轮流生成/ }));
    await waitFor(() => expect(within(dialog).getByLabelText('第22行值班人')).toBeTruthy());
    fireEvent.click(within(dialog).getByRole('button', { name: '保存排班' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/api/duty-shifts');
    const body = post?.body as { organizationId: number; shifts: { onDate: string; slot: string; personName: string }[] };
    expect(body.organizationId).toBe(3);
    expect(body.shifts).toHaveLength(22);
    expect(body.shifts[0]).toEqual({ onDate: '2026-03-02', slot: 'day', personName: '王书记' });
    expect(body.shifts[1]).toEqual({ onDate: '2026-03-03', slot: 'day', personName: '李主任' });
  });

  it('shows the server refusal of a swap', async () => {
    installFetch(dutyServer(() => jsonResponse(409, { code: 'CONFLICT', message: '该班次已登记在岗情况,不能换班' })));
    await renderRoutes(positionRoutes, '/positions?tab=duty&month=2026-03');
    fireEvent.click(await screen.findByLabelText('换班2026-03-02全天王书记'));
    const dialog = await findDialog(/换班:2026-03-02/);
    fireEvent.change(within(dialog).getByLabelText('替班人'), { target: { value: '赵委员' } });
    fireEvent.change(within(dialog).getByLabelText('换班原因'), { target: { value: '生病' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('该班次已登记在岗情况,不能换班')).toBeTruthy();
  });
});

describe('排班辅助', () => {
  it('knows the days of a month and rotates names over the workdays', () => {
    expect(datesOfMonth('2026-02')).toHaveLength(28);
    const rows = rotateWorkdays('2026-03', ['甲', '乙', '丙'], 'am');
    expect(rows).toHaveLength(22);
    expect(rows[3]).toEqual({ onDate: '2026-03-05', slot: 'am', personName: '甲' });
  });
});
