import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MemberExportPreview, MemberExportRequest } from '@dj/contracts';
import { routes } from '../app/router';
import { setCsrfToken } from '../lib/api-client';
import { findDialog, installDomShims } from '../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../test/fetch-mock';
import { me, member } from '../test/member-fixtures';
import { ALL } from '../test/org-fixtures';
import { renderRoutes } from '../test/render';

const PREVIEW_WITHIN: MemberExportPreview = { rows: 30, fullNumbers: true, needsApproval: false, quotaLeft: 5, threshold: 50 };
const EXPORT_REQUIRED = { code: 'STEP_UP_REQUIRED', message: '导出完整身份证号和手机号前请再次输入登录密码确认身份' };
const APPROVED: MemberExportRequest = {
  id: 6, query: { orgId: 1 }, scopeName: '营子村党支部', reason: '换届选举核对', rows: 60, status: 'approved', requestedBy: 1,
  requestedByName: '王书记', createdAt: '2026-11-27T01:00:00.000Z', decidedByName: '镇党委书记 孙立华', decidedAt: '2026-11-27T02:00:00.000Z',
  decisionNote: null, approvedUntil: '2026-11-28T02:00:00.000Z', downloadedAt: null, expired: false, can: { decide: false, download: true },
};

/** A server whose full-number downloads answer STEP_UP_REQUIRED until the right password was posted to /api/auth/step-up. */
function server() {
  let steppedUp = false;
  return (call: RecordedCall) => {
    if (call.path === '/api/auth/me') return jsonResponse(200, me(['branch_secretary']));
    if (call.path === '/api/auth/step-up') {
      if ((call.body as { password: string }).password !== 'demo123456') {
        return jsonResponse(401, { code: 'UNAUTHENTICATED', message: '用户名或密码错误,或账号已被暂时锁定' });
      }
      steppedUp = true;
      return jsonResponse(200, { steppedUpUntil: '2026-11-27T01:10:00.000Z' });
    }
    if (call.path === '/api/organizations') return jsonResponse(200, { items: ALL });
    if (call.path === '/api/members') return jsonResponse(200, { items: [member({ id: 1, name: '党员01' })], total: 1, page: 1, pageSize: 20 });
    if (call.path === '/api/members/completeness') return jsonResponse(200, { items: [] });
    if (call.path === '/api/members/export/preview') return jsonResponse(200, PREVIEW_WITHIN);
    if (call.path === '/api/member-exports') return jsonResponse(200, { items: [APPROVED] });
    if (call.path === '/api/members/export' || call.path === '/api/member-exports/6/file') {
      if (!steppedUp) return jsonResponse(403, EXPORT_REQUIRED);
      // A string body: jsdom's Blob is not one the fetch Response of Node accepts.
      return new Response('xlsx', { status: 200, headers: { 'content-disposition': "attachment; filename*=UTF-8''roster.xlsx" } });
    }
    return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
  };
}

beforeAll(() => {
  installDomShims();
  if (!URL.createObjectURL) Object.assign(URL, { createObjectURL: () => 'blob:roster', revokeObjectURL: () => {} });
});
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('StepUpModal (安全测试清单第26项): downloads of full numbers ask for the password and retry', () => {
  it('a roster export refused with STEP_UP_REQUIRED opens the password modal and downloads after the right password', async () => {
    const calls = installFetch(server());
    await renderRoutes(routes, '/members');
    fireEvent.click(await screen.findByRole('button', { name: /导出名册/ }));
    const dialog = await findDialog(/确认身份/);
    expect(dialog.textContent).toContain('导出完整身份证号和手机号前请再次输入登录密码确认身份');
    const exports = () => calls.filter((c) => c.path === '/api/members/export');
    expect(exports()).toHaveLength(1);

    const ok = within(dialog).getByRole('button', { name: '确认' });
    fireEvent.click(ok);
    expect(await within(dialog).findByText('请填写登录密码')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('登录密码'), { target: { value: 'wrong-password' } });
    fireEvent.click(ok);
    expect(await within(dialog).findByText('用户名或密码错误,或账号已被暂时锁定')).toBeTruthy();
    expect(exports()).toHaveLength(1);

    fireEvent.change(within(dialog).getByLabelText('登录密码'), { target: { value: 'demo123456' } });
    fireEvent.click(ok);
    await waitFor(() => expect(exports()).toHaveLength(2));
    expect(await screen.findByText(/已开始下载/)).toBeTruthy();
    const stepUp = calls.filter((c) => c.path === '/api/auth/step-up').at(-1);
    expect(stepUp?.body).toEqual({ password: 'demo123456' });
    expect(stepUp?.headers.get('x-csrf-token')).toBe('csrf-1');
  });

  it('an approved download asks the same way; cancelling does not retry', async () => {
    const calls = installFetch(server());
    await renderRoutes(routes, '/members/exports');
    const table = await screen.findByTestId('export-requests');
    const download = async () => (await within(table).findByText('下载')).closest('button') as HTMLButtonElement;
    const files = () => calls.filter((c) => c.path === '/api/member-exports/6/file');

    fireEvent.click(await download());
    const first = await findDialog(/确认身份/);
    fireEvent.click(within(first).getByRole('button', { name: /取\s*消/ }));
    expect(files()).toHaveLength(1);

    fireEvent.click(await download());
    const dialog = await findDialog(/确认身份/);
    fireEvent.change(within(dialog).getByLabelText('登录密码'), { target: { value: 'demo123456' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    await waitFor(() => expect(files()).toHaveLength(3));
    expect(await screen.findByText(/已开始下载/)).toBeTruthy();
  });
});
