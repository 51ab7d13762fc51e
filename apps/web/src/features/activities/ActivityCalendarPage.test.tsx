import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { renderRoutes } from '../../test/render';
import { queryOf, server } from '../../test/server';
import { activity, detail } from './test-fixtures';

const ITEMS = [
  activity({ id: 11, kind: 'committee_meeting', heldOn: '2026-07-03', reviewStatus: 'none' }),
  activity({ id: 12, kind: 'theme_day', heldOn: '2026-07-28', reviewStatus: 'signed_off' }),
  activity({ id: 13, kind: 'party_lecture', heldOn: '2026-07-28', reviewStatus: 'submitted', isDemo: true }),
];

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('组织生活日历(记录)', () => {
  it('shows each activity on its day, coloured by review status, lists them, and opens one', async () => {
    const calls = installFetch(server((call) => (call.path === '/api/activities' ? jsonResponse(200, { items: ITEMS }) : undefined)));
    const { router } = await renderRoutes(routes, '/activities?month=2026-07', { opens: ['/activities/theme-day', '/activities/12'] });
    const calendar = await screen.findByTestId('activity-calendar');
    await within(calendar).findByTestId('calendar-activity-12');

    const cell28 = calendar.querySelector('td[title="2026-07-28"]') as HTMLElement;
    expect(within(cell28).getByText('主题党日').closest('.ant-tag')?.className).toContain('green');
    expect(within(cell28).getByText('党课').closest('.ant-tag')?.className).toContain('gold');
    const cell3 = calendar.querySelector('td[title="2026-07-03"]') as HTMLElement;
    expect(within(cell3).getByText('支部委员会')).toBeTruthy();
    expect((calendar.querySelector('td[title="2026-07-04"]') as HTMLElement).querySelector('.ant-tag')).toBeNull();

    // The secretary's own branch is the default; the month's range is asked for.
    expect(queryOf(calls.find((c) => c.path === '/api/activities')!)).toEqual({ orgId: '3', from: '2026-07-01', to: '2026-07-31' });

    const list = screen.getByTestId('activity-list');
    expect(within(list).getAllByTestId('activity-list-item').map((i) => i.textContent?.slice(0, 10))).toEqual(['2026-07-03', '2026-07-28', '2026-07-28']);
    expect(within(list).getByText('演示数据')).toBeTruthy();

    fireEvent.click(screen.getByText('记录本月主题党日').closest('button')!);
    await waitFor(() => expect(router.state.location.pathname + router.state.location.search).toBe('/activities/theme-day?orgId=3&month=2026-07'));
    await router.navigate('/activities?month=2026-07');
    fireEvent.click(await screen.findByTestId('calendar-activity-12'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/activities/12'));
  });

  it('creates a record from 新建活动: the form posts the branch, kind, the month shown as date, place and topic, then opens the record', async () => {
    const calls = installFetch(server((call) => {
      if (call.path === '/api/activities' && call.method === 'POST') return jsonResponse(200, detail({ id: 99, kind: 'committee_meeting', heldOn: '2026-07-10' }));
      if (call.path === '/api/activities') return jsonResponse(200, { items: [] });
      return undefined;
    }));
    const { router } = await renderRoutes(routes, '/activities?month=2026-07', { opens: ['/activities/99'] });
    fireEvent.click((await screen.findByText('新建活动')).closest('button')!);
    const dialog = await screen.findByRole('dialog');
    // Nothing is sent while a required field is empty.
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText('请填写地点')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('活动地点'), { target: { value: '村党群服务中心' } });
    fireEvent.change(within(dialog).getByLabelText('活动主题'), { target: { value: '研究七月工作' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/activities/99'));
    const post = calls.find((c) => c.path === '/api/activities' && c.method === 'POST')!;
    expect(post.body).toMatchObject({ organizationId: 3, kind: 'committee_meeting', heldOn: '2026-07-01', place: '村党群服务中心', topic: '研究七月工作', countsFor: [] });
  });

  it('13.12 a busy day shows two tags and "+N" instead of clipping, the rest one tap away', async () => {
    const busy = [1, 2, 3, 4, 5].map((i) => activity({ id: 20 + i, kind: i % 2 ? 'party_lecture' : 'committee_meeting', heldOn: '2026-07-15', reviewStatus: 'none' }));
    installFetch(server((call) => (call.path === '/api/activities' ? jsonResponse(200, { items: [...ITEMS, ...busy] }) : undefined)));
    await renderRoutes(routes, '/activities?month=2026-07');
    const calendar = await screen.findByTestId('activity-calendar');
    const cell15 = (await waitFor(() => calendar.querySelector('td[title="2026-07-15"]') as HTMLElement));
    await within(cell15).findByTestId('calendar-activity-21');
    expect(cell15.querySelectorAll('[data-testid^="calendar-activity-"]')).toHaveLength(2);
    const more = within(cell15).getByTestId('calendar-more');
    expect(more.textContent).toBe('+3');
    // The 28th has two: both shown, no "+N".
    expect(within(calendar.querySelector('td[title="2026-07-28"]') as HTMLElement).queryByTestId('calendar-more')).toBeNull();
    fireEvent.click(more);
    expect(await screen.findByText('2026-07-15共5项')).toBeTruthy();
    expect(screen.getByTestId('calendar-activity-25')).toBeTruthy();
  });

  it('says so when the month has no records', async () => {
    installFetch(server((call) => (call.path === '/api/activities' ? jsonResponse(200, { items: [] }) : undefined)));
    await renderRoutes(routes, '/activities?month=2026-07');
    expect(await screen.findByText('本月还没有组织生活记录')).toBeTruthy();
  });
});
