// 13.4 Beijing time everywhere: the browser here is set to New York. Node reads process.env.TZ whenever it changes,
// and jsdom's Date is Node's, so setting it before the first render makes every local-zone call (getHours,
// toLocaleString, dayjs().format) answer in New York time; the test checks that it really does before trusting it.
// The web project shares one module cache per worker (isolate: false), so the zone is put back after the file.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { routes } from '../app/router';
import { AppProviders } from '../app/providers';
import { setCsrfToken } from './api-client';
import { formatDateTime, formatDayOf, formatShortDateTime } from './format';
import { installDomShims } from '../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../test/fetch-mock';
import { me } from '../test/member-fixtures';
import { ALL } from '../test/org-fixtures';
import { renderRoutes } from '../test/render';
import { FilesSection } from '../features/activities/FilesSection';
import { detail } from '../features/activities/test-fixtures';

// The web's types know no Node; the test runs in Node all the same.
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
const savedZone = env.TZ;
beforeAll(() => {
  env.TZ = 'America/New_York';
  installDomShims();
});
afterAll(() => {
  if (savedZone === undefined) delete env.TZ;
  else env.TZ = savedZone;
});
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

// A photo taken at 09:30 in Beijing, as the API sends it (captured_at is timestamptz, sent as UTC).
const PHOTO_AT = '2026-03-28T01:30:00.000Z';

describe('13.4 Beijing time everywhere (browser in America/New_York)', () => {
  it('13.4 the test browser really is in New York', () => {
    // New York is UTC−4 in summer (240 minutes behind), UTC−5 in winter; Beijing would be −480.
    expect(new Date('2026-07-28T12:00:00Z').getTimezoneOffset()).toBe(240);
    expect(new Date('2026-01-28T12:00:00Z').getTimezoneOffset()).toBe(300);
    expect(new Date(PHOTO_AT).getHours()).toBe(21);
  });

  it('13.4 the helper shows Beijing time and the Beijing day', () => {
    expect(formatDateTime(PHOTO_AT)).toBe('2026-03-28 09:30');
    expect(formatDayOf('2026-03-27T17:00:00.000Z')).toBe('2026-03-28');
    expect(formatShortDateTime('2026-11-27T00:00:05.000Z')).toBe('11月27日 08:00');
    expect([formatDateTime(null), formatDayOf(undefined), formatShortDateTime('不是时间')]).toEqual(['—', '—', '不是时间']);
  });

  it('13.4 the activity page shows a 09:30 photo as 09:30', () => {
    const activity = detail({
      id: 21, kind: 'theme_day', heldOn: '2026-03-28',
      files: [{
        id: 8, category: 'photo', filename: 'IMG_1.jpg', mime: 'image/jpeg', size: 2048000, width: 4000, height: 3000,
        capturedAt: PHOTO_AT, hadLocation: false, uploadedBy: '王书记', uploadedAt: '2026-03-28T05:00:00.000Z', reusedIn: [],
      }],
    });
    render(<AppProviders queryClient={new QueryClient()}><FilesSection detail={activity} editable={false} /></AppProviders>);
    expect(within(screen.getByTestId('photo-grid')).getByText('拍摄时间 2026-03-28 09:30')).toBeTruthy();
  });

  it('13.4 the notification bell shows Beijing time', async () => {
    const items = [{ id: 2, kind: 'compliance', title: '组织生活临近截止', body: '主题党日 截止 11-28', link: null, readAt: null, createdAt: '2026-11-27T00:00:05.000Z' }];
    installFetch((call: RecordedCall) => {
      if (call.path === '/api/auth/me') return jsonResponse(200, me(['branch_secretary']));
      if (call.path === '/api/organizations') return jsonResponse(200, { items: ALL });
      if (call.path === '/api/notifications') return jsonResponse(200, { items, unread: 1 });
      return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
    });
    await renderRoutes(routes, '/tasks');
    fireEvent.click(await screen.findByRole('button', { name: '提醒(1条未读)' }));
    expect(await screen.findByText('11月27日 08:00')).toBeTruthy();
  });
});
