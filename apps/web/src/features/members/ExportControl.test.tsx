import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Me, MemberExportPreview, MemberExportRequest } from '@dj/contracts';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me, member } from '../../test/member-fixtures';
import { ALL } from '../../test/org-fixtures';
import { renderRoutes } from '../../test/render';

const PREVIEW_ABOVE: MemberExportPreview = { rows: 612, fullNumbers: true, needsApproval: true, quotaLeft: 4, threshold: 50 };
const PREVIEW_WITHIN: MemberExportPreview = { rows: 30, fullNumbers: true, needsApproval: false, quotaLeft: 5, threshold: 50 };

function request(partial: Partial<MemberExportRequest> & Pick<MemberExportRequest, 'id'>): MemberExportRequest {
  return {
    query: { orgId: 1 }, scopeName: '西王庄镇党委', reason: '换届选举核对', rows: 612, status: 'pending', requestedBy: 2,
    requestedByName: '营子村党支部书记 张志强', createdAt: '2026-11-27T01:00:00.000Z', decidedByName: null, decidedAt: null,
    decisionNote: null, approvedUntil: null, downloadedAt: null, expired: false, can: { decide: false, download: false },
    ...partial,
  };
}

function server(preview: MemberExportPreview, who: Me = me(['town_admin']), requests: MemberExportRequest[] = []) {
  return (call: RecordedCall) => {
    if (call.path === '/api/auth/me') return jsonResponse(200, who);
    if (call.path === '/api/organizations') return jsonResponse(200, { items: ALL });
    if (call.path === '/api/members') return jsonResponse(200, { items: [member({ id: 1, name: '党员01' })], total: 1, page: 1, pageSize: 20 });
    if (call.path === '/api/members/completeness') return jsonResponse(200, { items: [] });
    if (call.path === '/api/members/export/preview') return jsonResponse(200, preview);
    if (call.path === '/api/members/export' || /\/api\/member-exports\/\d+\/file$/.test(call.path)) {
      return new Response('xlsx', { status: 200, headers: { 'content-disposition': "attachment; filename*=UTF-8''roster.xlsx" } });
    }
    if (call.path === '/api/member-exports' && call.method === 'POST') return jsonResponse(201, request({ id: 9, requestedBy: 1 }));
    if (call.path === '/api/member-exports') return jsonResponse(200, { items: requests });
    const decided = /\/api\/member-exports\/(\d+)\/(approve|reject)$/.exec(call.path);
    if (decided) return jsonResponse(200, request({ id: Number(decided[1]), status: decided[2] === 'approve' ? 'approved' : 'rejected' }));
    return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
  };
}

const exportQueries = (calls: RecordedCall[]) =>
  calls.filter((c) => c.path === '/api/members/export').map((c) => Object.fromEntries(new URL(c.url, 'http://localhost').searchParams));

beforeAll(() => {
  installDomShims();
  if (!URL.createObjectURL) Object.assign(URL, { createObjectURL: () => 'blob:roster', revokeObjectURL: () => {} });
});
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('导出名册 (安全测试清单第27项)', () => {
  it('within the threshold the export downloads straight away, after the preview', async () => {
    const calls = installFetch(server(PREVIEW_WITHIN));
    await renderRoutes(routes, '/members');
    fireEvent.click(await screen.findByRole('button', { name: /导出名册/ }));
    await waitFor(() => expect(exportQueries(calls)).toHaveLength(1));
    expect(calls.findIndex((c) => c.path === '/api/members/export/preview')).toBeLessThan(calls.findIndex((c) => c.path === '/api/members/export'));
    expect(exportQueries(calls)[0].masked).toBeUndefined();
    expect(screen.queryByText('导出完整名册须经审批')).toBeNull();
  });

  it('above the threshold explains the rule and offers the masked roster or a request with a reason', async () => {
    const calls = installFetch(server(PREVIEW_ABOVE));
    await renderRoutes(routes, '/members');
    fireEvent.click(await screen.findByRole('button', { name: /导出名册/ }));
    const dialog = await findDialog(/导出完整名册须经审批/);
    expect(dialog.textContent).toContain('612 名党员');
    expect(dialog.textContent).toContain('超过50人');
    expect(exportQueries(calls)).toHaveLength(0);

    // A request needs a reason.
    fireEvent.click(within(dialog).getByRole('button', { name: '申请导出完整名册' }));
    expect(await within(dialog).findByText('请填写导出原因')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('导出原因'), { target: { value: '换届选举核对党员信息' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '申请导出完整名册' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/member-exports' && c.method === 'POST')).toBe(true));
    const posted = calls.find((c) => c.path === '/api/member-exports' && c.method === 'POST');
    expect(posted?.body).toEqual({ query: { orgId: 1, range: 'subtree', filter: 'all' }, reason: '换届选举核对党员信息' });
    expect(await screen.findByText(/导出申请已提交/)).toBeTruthy();

    // The masked roster needs no approval.
    fireEvent.click(screen.getByRole('button', { name: /导出名册/ }));
    const again = await findDialog(/导出完整名册须经审批/);
    fireEvent.click(within(again).getByRole('button', { name: /导出脱敏名册/ }));
    await waitFor(() => expect(exportQueries(calls)).toHaveLength(1));
    expect(exportQueries(calls)[0]).toMatchObject({ orgId: '1', masked: 'true' });
  });

  it('lists export requests: a town admin decides others’ requests, the requester downloads an approved one', async () => {
    const others = request({ id: 5, can: { decide: true, download: false } });
    const mine = request({
      id: 6, requestedBy: 1, requestedByName: '王书记', status: 'approved', decidedByName: '镇党委书记 孙立华',
      approvedUntil: '2026-11-28T01:00:00.000Z', can: { decide: false, download: true },
    });
    const calls = installFetch(server(PREVIEW_ABOVE, me(['town_admin']), [others, mine]));
    await renderRoutes(routes, '/members/exports');
    const table = await screen.findByTestId('export-requests');
    expect(await within(table).findByText('王书记')).toBeTruthy();
    // Text queries, not role queries: jsdom computes accessible names of a whole antd table slowly.
    const button = (root: HTMLElement, text: string) => within(root).getByText(text).closest('button') as HTMLButtonElement;
    expect(within(table).getAllByText('同意')).toHaveLength(1);
    fireEvent.click(button(table, '同意'));
    const dialog = await findDialog(/同意导出申请/);
    fireEvent.change(within(dialog).getByLabelText('审批意见(可不填)'), { target: { value: '用后即删' } });
    fireEvent.click(button(dialog, '同意'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/member-exports/5/approve')).toBe(true));
    expect(calls.find((c) => c.path === '/api/member-exports/5/approve')?.body).toEqual({ note: '用后即删' });

    fireEvent.click(button(table, '下载'));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/member-exports/6/file')).toBe(true));
  });
});
