import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ExportJob } from '@dj/contracts';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { ALL } from '../../test/org-fixtures';
import { renderRoutes } from '../../test/render';

// Issue 14 point 6: 我的导出 lists the caller's exports with a progress bar while one is being made and a download
// button once it is done. Before: no such drawer.
const job = (over: Partial<ExportJob>): ExportJob => ({
  id: 1, kind: 'branch_ledger', title: '王庄村党支部 2026年 支部组织生活台账(PDF)', status: 'running', progress: 40, fileName: null, size: null,
  error: null, createdAt: '2026-07-01T02:00:00.000Z', finishedAt: null, expiresAt: null, ...over,
});

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('我的导出', () => {
  it('shows progress while an export is made, then a download button that fetches its file', async () => {
    // A clock the test can move on (it still runs by itself, for the rendering's own timers).
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let state: ExportJob = job({});
    const files: RecordedCall[] = [];
    installFetch((call: RecordedCall) => {
      if (call.path === '/api/auth/me') return jsonResponse(200, me(['town_admin']));
      if (call.path === '/api/organizations') return jsonResponse(200, { items: ALL });
      if (call.path === '/api/exports') return jsonResponse(200, { items: [state] });
      if (call.path === '/api/exports/1/file') {
        files.push(call);
        return new Response(new Blob(['%PDF']), { status: 200, headers: { 'content-disposition': "attachment; filename*=UTF-8''ledger.pdf" } });
      }
      return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
    });
    await renderRoutes(routes, '/compliance');
    fireEvent.click(await screen.findByRole('button', { name: /我的导出/ }));
    const list = await screen.findByRole('list', { name: '导出任务列表' });
    expect(within(list).getByText('生成中')).toBeTruthy();
    expect(within(list).getByRole('progressbar')).toBeTruthy();
    state = job({ status: 'done', progress: 100, fileName: 'ledger.pdf', size: 2048, finishedAt: '2026-07-01T02:00:04.000Z', expiresAt: '2026-07-08T02:00:04.000Z' });
    // Polled every 2 s while one is running: the clock is moved on instead of waiting for it.
    await vi.advanceTimersByTimeAsync(2000);
    const download = await within(list).findByRole('button', { name: /下载/ });
    expect(within(list).getByText('已完成')).toBeTruthy();
    fireEvent.click(download);
    await waitFor(() => expect(files).toHaveLength(1));
  });
});
