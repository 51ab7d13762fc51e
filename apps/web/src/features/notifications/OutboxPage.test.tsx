import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { routes } from '../../app/router';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { ALL } from '../../test/org-fixtures';
import { renderRoutes } from '../../test/render';

beforeAll(() => installDomShims());
afterEach(() => cleanup());

const ENTRY = {
  id: 1, channel: 'sms', userId: 4, userDisplayName: '营子村党支部书记', recipientMasked: '138****1234', body: '【组织生活提醒】营子村党支部 主题党日 截止 11-28',
  status: 'failed', attempts: 3, adapter: 'http', lastError: '短信网关返回 502', createdAt: '2026-11-27T00:00:00.000Z', sentAt: null,
};

describe('短信发送记录', () => {
  it('shows every message with the masked number, its status and why it failed', async () => {
    const calls = installFetch((call) => {
      if (call.path === '/api/auth/me') return jsonResponse(200, me(['town_admin']));
      if (call.path === '/api/organizations') return jsonResponse(200, { items: ALL });
      if (call.path === '/api/outbox') return jsonResponse(200, { items: [ENTRY] });
      if (call.path === '/api/notifications') return jsonResponse(200, { items: [], unread: 0 });
      return jsonResponse(404, { code: 'NOT_FOUND', message: '不存在' });
    });
    await renderRoutes(routes, '/settings/outbox');
    const row = (await screen.findByText(/138\*\*\*\*1234/)).closest('tr') as HTMLElement;
    expect(within(row).getByText('发送失败')).toBeTruthy();
    expect(within(row).getByText('短信网关返回 502')).toBeTruthy();
    expect(calls.some((c) => c.path === '/api/outbox')).toBe(true);
  });

  it('is closed to everyone but the town admin, without asking the server', async () => {
    const calls = installFetch((call) => {
      if (call.path === '/api/auth/me') return jsonResponse(200, me(['branch_secretary'], [{ organizationId: 3, name: '王庄村党支部', path: '/1/3/' }]));
      if (call.path === '/api/notifications') return jsonResponse(200, { items: [], unread: 0 });
      return jsonResponse(200, { items: [] });
    });
    await renderRoutes(routes, '/settings/outbox');
    expect(await screen.findByText('没有权限查看')).toBeTruthy();
    expect(calls.some((c) => c.path === '/api/outbox')).toBe(false);
  });
});
