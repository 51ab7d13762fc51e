import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { BulkSecretaryRow, Credential } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { server } from '../../test/server';
import { UsersPage } from './UsersPage';

/** Issue 12 point 4 in the web: 批量开通书记账号 from the users page, and the A4 hand-out sheet. */
const routes = [{ path: '/settings/users', element: <UsersPage /> }];

const row = (partial: Partial<BulkSecretaryRow> & Pick<BulkSecretaryRow, 'organizationId' | 'organizationName'>): BulkSecretaryRow => ({
  personId: null, personName: null, username: null, skip: null, existingUserId: null, ...partial,
});
const PREVIEW = [
  row({ organizationId: 3, organizationName: '王庄村党支部', personId: 7, personName: '刘强', username: 'wangzhuang.sj' }),
  row({ organizationId: 5, organizationName: '镇政府办公室党支部', personId: 8, personName: '孙丽', username: 'zhengfu.sj' }),
  row({ organizationId: 9, organizationName: '李家村党支部', skip: 'no_secretary' }),
];
const CREDENTIALS: Credential[] = [
  { userId: 31, username: 'wangzhuang.sj', displayName: '刘强', organizationName: '王庄村党支部', oneTimePassword: 'Bk1-Aa2b-Cc3d' },
];

beforeAll(() => {
  installDomShims();
  if (!URL.createObjectURL) Object.assign(URL, { createObjectURL: () => 'blob:sheet', revokeObjectURL: () => {} });
});
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('批量开通书记账号', () => {
  it('previews the branches with skip reasons, creates every creatable one in one step, shows the passwords and prints the sheet by POST', async () => {
    const calls = installFetch(server((call) => {
      if (call.path === '/api/users' && call.method === 'GET') return jsonResponse(200, { items: [] });
      if (call.path === '/api/users/bulk/secretaries' && call.method === 'GET') return jsonResponse(200, { items: PREVIEW });
      if (call.path === '/api/users/bulk/secretaries' && call.method === 'POST') return jsonResponse(200, { credentials: CREDENTIALS, skipped: [] });
      if (call.path === '/api/users/credential-sheet') {
        return new Response(new Blob(['%PDF-1.7']), { status: 200, headers: { 'content-type': 'application/pdf', 'content-disposition': "attachment; filename*=UTF-8''%E8%B4%A6%E5%8F%B7.pdf" } });
      }
      return undefined;
    }, me(['town_admin'])));
    await renderRoutes(routes, '/settings/users');
    fireEvent.click(await screen.findByRole('button', { name: /批量开通书记账号/, hidden: true }));
    const preview = await screen.findByTestId('bulk-preview');
    expect(within(preview).getByText('未登记支部书记')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '开通2个书记账号', hidden: true }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/users/bulk/secretaries')).toBe(true));
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/users/bulk/secretaries')?.body).toEqual({});
    const created = await screen.findByTestId('bulk-credentials');
    expect(within(created).getByText('Bk1-Aa2b-Cc3d')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /打印账号交接单/, hidden: true }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/users/credential-sheet')).toBe(true));
    const sheet = calls.find((c) => c.path === '/api/users/credential-sheet');
    expect(sheet?.method).toBe('POST');
    expect(sheet?.body).toEqual({ credentials: CREDENTIALS });
    expect(sheet?.headers.get('accept')).toContain('application/pdf');
    expect(calls.every((c) => !c.url.includes('Bk1-Aa2b-Cc3d'))).toBe(true);
  });
});
