import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { server } from '../../test/server';
import { round } from './test-fixtures';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('一次联督联查', () => {
  it('shows villages × items as 合格 / 发现问题 / 未查, the progress, the report and closing', async () => {
    installFetch(server((call) => (call.path === '/api/inspections/9' ? jsonResponse(200, round()) : undefined), me(['town_admin'])));
    await renderRoutes(routes, '/inspections/9');
    const grid = await screen.findByTestId('round-grid');
    const row = within(grid).getByRole('link', { name: '营子村党支部' }).closest('tr') as HTMLElement;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['营子村党支部', '发现问题', '合格', '未查', '未查']);
    expect(within(grid).getByRole('link', { name: '营子村党支部' }).getAttribute('href')).toBe('/inspections/9/villages/3');
    expect(screen.getByTestId('round-progress').textContent).toContain('已查 3 / 8 项');
    expect(screen.getByRole('button', { name: '检查情况报告·Word' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '检查情况报告·PDF' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /结束检查/ })).toBeTruthy();
  });
});
