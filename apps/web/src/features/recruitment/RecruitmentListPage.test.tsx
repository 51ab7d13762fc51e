import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { renderRoutes } from '../../test/render';
import { server } from '../../test/server';
import { recruitment } from './test-fixtures';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('入党申请人名单', () => {
  it('lists recruitments with their phase, next step and deadline, and filters by name', async () => {
    const item = recruitment({
      deadline: { label: '派人谈话', date: '2026-04-01', status: 'late', binding: true, source: '细则第七条' },
    });
    const calls = installFetch(
      server((call) => (call.path === '/api/recruitments' ? jsonResponse(200, { items: [item] }) : undefined)),
    );
    await renderRoutes(routes, '/recruitment/recruitments');
    const link = await screen.findByRole('link', { name: '刘晓明' });
    expect(link.getAttribute('href')).toBe('/recruitment/recruitments/77');
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('入党申请人')).toBeTruthy();
    expect(within(row).getByText('最早 2026-04-01')).toBeTruthy();
    expect(within(row).getByText('已逾期 2026-04-01')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '刘' } });
    fireEvent.keyDown(screen.getByLabelText('姓名'), { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(calls.some((c) => c.url.includes('q=%E5%88%98'))).toBe(true));
  });
});
