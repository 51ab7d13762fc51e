import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import type { Me } from '@dj/contracts';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { ALL } from '../../test/org-fixtures';
import { renderRoutes } from '../../test/render';
import type { BranchDues } from './api';

const SUMMARY: BranchDues = {
  month: '2026-06',
  dueFen: 300001,
  paidFen: 12050,
  paidCount: 38,
  unpaidCount: 4,
  noBasisCount: 2,
  review: [{ memberId: 12, name: '李国强', organizationName: '王庄村党支部', consecutiveUnpaid: 7 }],
};

function server(who: Me = me(['supervisor'], [{ organizationId: 3, name: '王庄村党支部', path: '/1/3/' }])) {
  return (call: RecordedCall) => {
    if (call.path === '/api/auth/me') return jsonResponse(200, who);
    if (call.path === '/api/organizations') return jsonResponse(200, { items: ALL });
    if (call.path === '/api/dues') return jsonResponse(200, SUMMARY);
    return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
  };
}

const stat = (key: string) => screen.getByTestId(`dues-stat-${key}`).querySelector('.ant-statistic-content')?.textContent;

beforeAll(installDomShims);
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-07-15T04:00:00.000Z'));
});
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('党费收缴', () => {
  it('shows the month\'s totals in 元, the counts and the review list with its note', async () => {
    const calls = installFetch(server());
    await renderRoutes(routes, '/dues?month=2026-06&orgId=3');
    await screen.findByTestId('dues-summary');
    await waitFor(() => expect(stat('due')).toBe('¥3,000.01'));
    expect(stat('paid')).toBe('¥120.50');
    expect(stat('paidCount')).toBe('38人');
    expect(stat('unpaidCount')).toBe('4人');
    expect(stat('noBasis')).toBe('2人');

    const review = screen.getByTestId('dues-review');
    const item = within(review).getByTestId('dues-review-item');
    expect(within(item).getByRole('link', { name: '李国强' }).getAttribute('href')).toBe('/members/12');
    expect(item.textContent).toContain('已连续7个月未交纳党费');
    expect(review.textContent).toContain('本名单仅供党支部了解情况,不是处理决定。');
    expect(review.textContent).toContain('系统不会自动处理');

    const query = calls.filter((c) => c.path === '/api/dues').map((c) => Object.fromEntries(new URL(c.url, 'http://localhost').searchParams));
    expect(query).toEqual([{ orgId: '3', month: '2026-06' }]);
    expect(screen.getByLabelText('月份')).toHaveProperty('value', '2026-06');
  });

  it('defaults to this month and ignores a month in the future', async () => {
    const calls = installFetch(server());
    await renderRoutes(routes, '/dues?month=2027-01');
    await screen.findByTestId('dues-summary');
    expect(new URL(calls.find((c) => c.path === '/api/dues')!.url, 'http://localhost').searchParams.get('month')).toBe('2026-07');
  });

  it('is not offered to a plain member', async () => {
    const calls = installFetch(server(me(['member'], [{ organizationId: 3, name: '王庄村党支部', path: '/1/3/' }])));
    await renderRoutes(routes, '/dues');
    expect(await screen.findByText('没有权限查看')).toBeTruthy();
    expect(calls.some((c) => c.path === '/api/dues')).toBe(false);
  });
});
