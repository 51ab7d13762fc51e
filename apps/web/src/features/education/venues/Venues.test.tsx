import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { todayInShanghai, type BookingList, type HostedGroupList, type VenueList } from '@dj/contracts';
import { setCsrfToken } from '../../../lib/api-client';
import { installDomShims } from '../../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../../test/fetch-mock';
import { me } from '../../../test/member-fixtures';
import { renderRoutes } from '../../../test/render';
import { queryOf, server } from '../../../test/server';
import { VenuesPage } from './VenuesPage';

// Issue 19 point 5, 培训阵地: venues with capacity, the coming bookings by day, a booking refused on its field (the
// server's Chinese rule shown under 人数), and the groups hosted with each year's count (no ranking).
beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const routes = [{ path: '/education/venues', element: <VenuesPage /> }];
const ADMIN = me(['town_admin']);
const thisYear = Number(todayInShanghai().slice(0, 4));
const VENUES: VenueList = {
  organizers: [{ id: 1, name: '西王庄镇党委' }],
  items: [
    { id: 1, organizationId: 1, organizationName: '西王庄镇党委', name: '乡村振兴讲习所', capacity: 120, areaSqm: 150, address: null, note: null, can: { manage: true } },
    { id: 2, organizationId: 1, organizationName: '西王庄镇党委', name: '耕读文化展馆', capacity: 60, areaSqm: null, address: null, note: null, can: { manage: true } },
  ],
};
const BOOKINGS: BookingList = {
  from: '2026-12-07', to: '2027-02-05',
  items: [
    { id: 7, venueId: 1, venueName: '乡村振兴讲习所', date: '2026-12-10', startsAt: '09:00', endsAt: '11:30', purpose: '党员集中轮训', people: 80, bookedByName: '组织委员', can: { cancel: true } },
    { id: 8, venueId: 2, venueName: '耕读文化展馆', date: '2026-12-10', startsAt: '14:00', endsAt: '16:00', purpose: '参观接待', people: 30, bookedByName: null, can: { cancel: true } },
  ],
};
const HOSTED: HostedGroupList = {
  year: thisYear,
  items: [{ id: 3, organizationId: 1, organizationName: '西王庄镇党委', visitedOn: `${thisYear}-05-10`, unit: '市中区某镇党委', people: 25, topic: '组织振兴引领乡村振兴', venueId: 1, venueName: '乡村振兴讲习所', can: { remove: true } }],
  years: [{ year: thisYear, groups: 1, people: 25 }, { year: thisYear - 1, groups: 2, people: 42 }],
};

function venueServer(over: { venues?: VenueList; bookings?: BookingList; book?: Response } = {}) {
  return server((call: RecordedCall) => {
    if (call.path === '/api/education/venues') return jsonResponse(200, over.venues ?? VENUES);
    if (call.path === '/api/education/bookings') return jsonResponse(200, over.bookings ?? BOOKINGS);
    if (call.path === '/api/education/hosted-groups') return jsonResponse(200, { ...HOSTED, year: Number(queryOf(call).year) });
    if (call.path.endsWith('/bookings') && call.method === 'POST') return over.book ?? jsonResponse(200, BOOKINGS.items[0]);
    return undefined;
  }, ADMIN);
}

describe('培训阵地', () => {
  it('shows the venues with capacity and area, and the coming bookings grouped by day', async () => {
    installFetch(venueServer());
    await renderRoutes(routes, '/education/venues');
    const venues = await screen.findByTestId('venues');
    expect(await within(venues).findByText('容纳120人 · 150平方米')).toBeTruthy();
    expect(within(venues).getByText('容纳60人')).toBeTruthy();
    const day = await screen.findByTestId('day-2026-12-10');
    expect(within(day).getByText('2026-12-10 星期四')).toBeTruthy();
    expect(within(day).getByText('09:00–11:30 乡村振兴讲习所 · 党员集中轮训 · 80人 · 组织委员')).toBeTruthy();
    expect(within(day).getByText('14:00–16:00 耕读文化展馆 · 参观接待 · 30人')).toBeTruthy();
  });

  it('shows the empty states when nothing is registered or booked', async () => {
    installFetch(venueServer({ venues: { items: [], organizers: [] }, bookings: { ...BOOKINGS, items: [] } }));
    await renderRoutes(routes, '/education/venues');
    expect(await screen.findByText('还没有登记培训场地')).toBeTruthy();
    expect(await screen.findByText('近期没有预约')).toBeTruthy();
    expect(screen.queryByText('登记场地')).toBeNull();
  });

  it('books a venue, and shows the server\'s refusal under 人数 when over capacity', async () => {
    const refusal = { code: 'VALIDATION', message: '人数:130人超过“乡村振兴讲习所”的容纳人数120人,请减少人数或另选场地', fields: [{ path: 'people', message: '人数:130人超过“乡村振兴讲习所”的容纳人数120人,请减少人数或另选场地' }] };
    const calls = installFetch(venueServer({ book: jsonResponse(400, refusal) }));
    await renderRoutes(routes, '/education/venues');
    const venues = await screen.findByTestId('venues');
    fireEvent.click((await within(venues).findAllByRole('button', { name: /^预\s*约$/ }))[0]);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('该场地容纳120人')).toBeTruthy();
    expect(within(dialog).getByText('0 / 100')).toBeTruthy();
    const date = within(dialog).getByLabelText('日期');
    fireEvent.mouseDown(date);
    fireEvent.focus(date);
    fireEvent.change(date, { target: { value: '2026-12-20' } });
    fireEvent.keyDown(date, { key: 'Enter', code: 'Enter', keyCode: 13 });
    fireEvent.change(within(dialog).getByLabelText('开始时间'), { target: { value: '09:00' } });
    fireEvent.change(within(dialog).getByLabelText('结束时间'), { target: { value: '11:00' } });
    fireEvent.change(within(dialog).getByLabelText('用途'), { target: { value: '灯塔大课堂' } });
    fireEvent.change(within(dialog).getByLabelText('人数'), { target: { value: '130' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '预约' }));
    expect(await within(dialog).findByText('人数:130人超过“乡村振兴讲习所”的容纳人数120人,请减少人数或另选场地')).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/api/education/venues/1/bookings');
    expect(post.body).toEqual({ date: '2026-12-20', startsAt: '09:00', endsAt: '11:00', purpose: '灯塔大课堂', people: 130 });
  });

  it('shows each year\'s count of groups hosted, latest first, and the year\'s groups', async () => {
    const calls = installFetch(venueServer());
    await renderRoutes(routes, '/education/venues');
    const years = await screen.findByTestId('hosted-years');
    const rows = within(years).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual([`${thisYear}年1批25人次`, `${thisYear - 1}年2批42人次`]);
    expect(screen.getByText(`${thisYear}-05-10 市中区某镇党委 · 25人`)).toBeTruthy();
    await waitFor(() => expect(calls.some((c) => c.path === '/api/education/hosted-groups' && queryOf(c).year === String(thisYear))).toBe(true));
  });
});
