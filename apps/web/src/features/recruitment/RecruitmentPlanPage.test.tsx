import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { server } from '../../test/server';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const PLAN = {
  year: 2026,
  items: [
    { organizationId: 3, organizationName: '王庄村党支部', quota: 2, note: null },
    { organizationId: 5, organizationName: '镇政府办公室党支部', quota: null, note: null },
  ],
};

describe('年度发展计划', () => {
  it('lets the town admin set the quotas and saves them', async () => {
    const calls = installFetch(
      server((call) => (call.path === '/api/recruitment/plans' ? jsonResponse(200, PLAN) : undefined), me(['town_admin'])),
    );
    await renderRoutes(routes, '/recruitment/plans?year=2026');
    const quota = await screen.findByLabelText('镇政府办公室党支部计划名额');
    fireEvent.change(quota, { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('镇政府办公室党支部说明'), { target: { value: '机关新进人员多' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      year: 2026,
      items: [
        { organizationId: 3, quota: 2, note: null },
        { organizationId: 5, quota: 3, note: '机关新进人员多' },
      ],
    });
  });

  it('is read-only for a branch secretary', async () => {
    installFetch(server((call) => (call.path === '/api/recruitment/plans' ? jsonResponse(200, PLAN) : undefined)));
    await renderRoutes(routes, '/recruitment/plans?year=2026');
    const table = await screen.findByTestId('plan-table');
    expect(await within(table).findByText('未定')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /保\s*存/ })).toBeNull();
    expect(screen.queryByLabelText('王庄村党支部计划名额')).toBeNull();
  });
});
