import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TripDetail, TripList, TripSummary } from '@dj/contracts';
import { setCsrfToken } from '../../../lib/api-client';
import { installDomShims } from '../../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../../test/fetch-mock';
import { me } from '../../../test/member-fixtures';
import { renderRoutes } from '../../../test/render';
import { server } from '../../../test/server';
import { TripPage } from './TripPage';
import { TripsPage } from './TripsPage';

// Issue 19 point 4, 对标学习: the list (table, phone cards, empty), the form with its counters and body, a trip's
// participants with their 心得, the follow-ups with honest states, and the report downloads for the organiser.
beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

/** Types a date into an antd DatePicker and confirms it with Enter, as a keyboard user would. */
function typeDate(input: HTMLElement, value: string) {
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
}

const routes = [{ path: '/education/trips', element: <TripsPage /> }, { path: '/education/trips/:id', element: <TripPage /> }];
const ADMIN = me(['town_admin']);
const SUMMARY: TripSummary = {
  id: 5, organizationId: 1, organizationName: '西王庄镇党委', title: '赴周庄镇对标学习', destination: '江苏省无锡市周庄镇', startsOn: '2026-04-08', endsOn: '2026-04-10',
  topics: ['party_building', 'beautiful_village'], participants: 2, actions: 2, actionsOpen: 1, actionsOverdue: 1,
};
const LIST: TripList = { items: [SUMMARY], organizers: [{ id: 1, name: '西王庄镇党委' }] };
const DETAIL: TripDetail = {
  ...SUMMARY, note: null, can: { edit: true },
  participantList: [
    { id: 11, userId: 4, name: '张书记', organizationId: 3, organizationName: '付刘耀村党支部', post: '党支部书记', takeaway: '网格化治理值得学习', takeawayAt: '2026-04-12 09:00', can: { writeTakeaway: true } },
    { id: 12, userId: null, name: '王委员', organizationId: 4, organizationName: '营子村党支部', post: null, takeaway: null, takeawayAt: null, can: { writeTakeaway: true } },
  ],
  actionList: [
    { id: 21, content: '建立网格员队伍', ownerUserId: 4, ownerName: '张书记', organizationId: 3, organizationName: '付刘耀村党支部', dueOn: '2026-05-01', doneOn: null, doneNote: null, state: 'overdue', can: { update: true } },
    { id: 22, content: '制定人居环境整治方案', ownerUserId: 4, ownerName: '张书记', organizationId: 3, organizationName: '付刘耀村党支部', dueOn: '2026-04-20', doneOn: '2026-04-19', doneNote: '方案已通过', state: 'done', can: { update: true } },
  ],
};

function tripServer(list: TripList = LIST, detail: TripDetail = DETAIL) {
  return server((call: RecordedCall) => {
    if (call.path === '/api/education/trips' && call.method === 'GET') return jsonResponse(200, list);
    if (call.path === '/api/education/trips' && call.method === 'POST') return jsonResponse(200, { ...detail, id: 6 });
    if (call.path === '/api/education/trips/people') return jsonResponse(200, { items: [{ userId: 4, name: '张书记', organizationId: 3, organizationName: '付刘耀村党支部' }] });
    if (/\/report\.(pdf|docx)$/.test(call.path)) return new Response('%PDF-1.4', { status: 200, headers: { 'content-type': 'application/pdf' } });
    if (call.path.startsWith('/api/education/trips/')) return jsonResponse(200, detail);
    return undefined;
  }, ADMIN);
}

describe('对标学习', () => {
  it('lists trips with place, dates, topics, people and follow-ups left, overdue in red', async () => {
    installFetch(tripServer());
    await renderRoutes(routes, '/education/trips');
    const table = await screen.findByTestId('trip-table');
    expect(within(table).getByText('江苏省无锡市周庄镇')).toBeTruthy();
    expect(within(table).getByText('2026-04-08至2026-04-10')).toBeTruthy();
    expect(within(table).getByText('基层党建')).toBeTruthy();
    expect(within(table).getByText('美丽乡村')).toBeTruthy();
    expect(within(table).getByText('· 已逾期1')).toBeTruthy();
  });

  it('shows the empty state and no 登记 button to a reader who organises nothing', async () => {
    installFetch(tripServer({ items: [], organizers: [] }));
    await renderRoutes(routes, '/education/trips');
    expect(await screen.findByText('还没有登记对标学习')).toBeTruthy();
    expect(screen.queryByText('登记对标学习')).toBeNull();
  });

  it('registers a trip: counters on the limited fields, the article\'s topics, the body as the contract says', async () => {
    const calls = installFetch(tripServer());
    await renderRoutes(routes, '/education/trips', { opens: ['/education/trips/6'] });
    fireEvent.click(await screen.findByRole('button', { name: /登记对标学习/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('0 / 60')).toBeTruthy();
    expect(within(dialog).getByText('0 / 500')).toBeTruthy();
    for (const label of ['基层党建', '美丽乡村', '基层治理', '创新发展']) expect(within(dialog).getByLabelText(label)).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('学习主题'), { target: { value: '赴周庄镇学习' } });
    expect(within(dialog).getByText('6 / 60')).toBeTruthy();
    typeDate(within(dialog).getByLabelText('出发日期'), '2026-04-08');
    typeDate(within(dialog).getByLabelText('返回日期'), '2026-04-10');
    await waitFor(() => expect(within(dialog).getByLabelText('返回日期')).toHaveProperty('value', '2026-04-10'));
    fireEvent.click(within(dialog).getByLabelText('基层治理'));
    fireEvent.click(within(dialog).getByRole('button', { name: '登记' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      organizationId: 1, title: '赴周庄镇学习', destination: '江苏省无锡市周庄镇', startsOn: '2026-04-08', endsOn: '2026-04-10', topics: ['governance'], note: null,
    });
  });

  it('shows a trip\'s participants with their 心得, and saves one typed in', async () => {
    const calls = installFetch(tripServer());
    await renderRoutes(routes, '/education/trips/5');
    const people = await screen.findByTestId('trip-participants');
    expect(within(people).getByText('网格化治理值得学习')).toBeTruthy();
    expect(within(people).getByText('未填写学习心得')).toBeTruthy();
    fireEvent.click(within(people).getByRole('button', { name: '填写王委员的学习心得' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('0 / 2000')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('学习心得'), { target: { value: '回村推广联户' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe('/api/education/trips/5/participants/12/takeaway');
    expect(put.body).toEqual({ takeaway: '回村推广联户' });
  });

  it('shows follow-ups as 已逾期 or 已完成 with the day, and records one done', async () => {
    const calls = installFetch(tripServer());
    await renderRoutes(routes, '/education/trips/5');
    const actions = await screen.findByTestId('trip-actions');
    expect(within(actions).getByText('已逾期')).toBeTruthy();
    expect(within(actions).getByText('已完成 2026-04-19')).toBeTruthy();
    fireEvent.click(within(actions).getByRole('button', { name: '登记完成:建立网格员队伍' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('完成情况'), { target: { value: '已组建' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '登记完成' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.path).toBe('/api/education/trips/5/actions/21');
    expect(patch.body).toMatchObject({ dueOn: '2026-05-01', doneNote: '已组建', doneOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('downloads the report as Word and PDF for the organiser; a reader who is not sees no buttons', async () => {
    if (!URL.createObjectURL) Object.assign(URL, { createObjectURL: () => 'blob:trip', revokeObjectURL: () => {} });
    const calls = installFetch(tripServer());
    await renderRoutes(routes, '/education/trips/5');
    fireEvent.click(await screen.findByRole('button', { name: /下载报告\(Word\)/ }));
    fireEvent.click(screen.getByRole('button', { name: /下载报告\(PDF\)/ }));
    await waitFor(() => expect(calls.filter((c) => /report\.(docx|pdf)$/.test(c.path)).map((c) => c.path)).toEqual(['/api/education/trips/5/report.docx', '/api/education/trips/5/report.pdf']));
    cleanup();
    installFetch(tripServer(LIST, { ...DETAIL, can: { edit: false } }));
    await renderRoutes(routes, '/education/trips/5');
    await screen.findByTestId('trip-actions');
    expect(screen.queryByRole('button', { name: /下载报告/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /增加人员/ })).toBeNull();
  });

  it('on a 390 px phone reads each trip as a card', async () => {
    const original = window.matchMedia;
    window.matchMedia = (query: string) => ({
      matches: query === '(max-width: 767.98px)', media: query, onchange: null, addListener: () => {}, removeListener: () => {},
      addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false,
    }) as MediaQueryList;
    try {
      installFetch(tripServer());
      await renderRoutes(routes, '/education/trips');
      const cards = await screen.findByTestId('trip-cards');
      expect(within(cards).getByText('江苏省无锡市周庄镇 · 2026-04-08至2026-04-10')).toBeTruthy();
      expect(document.querySelector('[data-testid="trip-table"]')).toBeNull();
    } finally {
      window.matchMedia = original;
    }
  });
});
