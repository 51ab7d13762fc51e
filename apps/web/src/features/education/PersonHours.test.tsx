import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { renderRoutes } from '../../test/render';
import { queryOf, server } from '../../test/server';
import { personHours } from './education-fixtures';
import { PersonHoursPage } from './PersonHoursPage';

// Issue 19 point 2 on the web: one person's year from the branch's 学时对照 — hours by kind against their own target,
// and the sessions they were named at; no comparison with anyone else.
beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const routes = [{ path: '/education/people/:personId', element: <PersonHoursPage /> }];

describe('个人学时', () => {
  it('shows the year against the target by kind, and the sessions attended with their hours', async () => {
    const calls = installFetch(server((call: RecordedCall) => (call.path === '/api/education/people/101/hours' ? jsonResponse(200, personHours()) : undefined)));
    await renderRoutes(routes, '/education/people/101?year=2026&orgId=3');
    expect(await screen.findByText('11/32学时')).toBeTruthy();
    expect(screen.getByText('王甲的学时')).toBeTruthy();
    expect(screen.getByText('应完成')).toBeTruthy();
    const kinds = screen.getByTestId('hours-by-kind');
    expect(within(kinds).getByText('支部学习:3学时')).toBeTruthy();
    expect(within(kinds).getByText('集中轮训(镇级):8学时')).toBeTruthy();
    const sessions = screen.getByTestId('person-sessions');
    expect(within(sessions).getByText('全镇党员冬训').closest('a')?.getAttribute('href')).toBe('/education/sessions/22');
    expect(within(sessions).getByText(/2026-02-10 至 2026-02-11/)).toBeTruthy();
    expect(queryOf(calls.find((c) => c.path.endsWith('/hours'))!)).toEqual({ year: '2026' });
    expect(screen.getByText('← 学时对照').closest('a')?.getAttribute('href')).toBe('/education?tab=hours&year=2026&orgId=3');
    expect(screen.queryByText(/排名|得分/)).toBeNull();
  });

  it('says when someone outside the roster has no target, and when the year has no sessions', async () => {
    installFetch(server((call) => (call.path === '/api/education/people/103/hours'
      ? jsonResponse(200, personHours({ personId: 103, name: '张丙', target: null, group: null, status: null, total: 0, byKind: personHours().byKind, sessions: [] }))
      : undefined)));
    await renderRoutes(routes, '/education/people/103?year=2026');
    expect(await screen.findByText(/不是本镇在册党员,不设学时要求/)).toBeTruthy();
    expect(screen.getByText('2026年没有参加培训的记录')).toBeTruthy();
  });

  it('tells a failed load with a retry', async () => {
    installFetch(server(() => undefined));
    await renderRoutes(routes, '/education/people/9?year=2026');
    expect(await screen.findByText('学时加载失败')).toBeTruthy();
  });
});
