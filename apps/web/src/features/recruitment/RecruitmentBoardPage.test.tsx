import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { queryOf, SECRETARY, server } from '../../test/server';
import { BOARD } from './test-fixtures';
import { MENTORING_EMPTY } from './MentoringPage';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const board = server((call) => (call.path === '/api/recruitment/board' ? jsonResponse(200, BOARD) : undefined));

describe('发展党员 board', () => {
  it('shows each branch against its quota and the deadlines falling due, without scores', async () => {
    const calls = installFetch(board);
    await renderRoutes(routes, '/recruitment');
    const page = await screen.findByTestId('recruitment-board');
    const row = (await within(page).findByText('王庄村党支部', { selector: 'td' })).closest('tr') as HTMLElement;
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toEqual(['王庄村党支部', '2', '4', '3', '1', '2', '1 / 2', '1', '2']);
    const other = screen.getByText('镇政府办公室党支部', { selector: 'td' }).closest('tr') as HTMLElement;
    expect(other.textContent).toContain('0 / 未定');
    expect(page.textContent).not.toMatch(/得分|排名/);

    const due = screen.getByTestId('board-due');
    const late = within(due).getByTestId('due-77');
    expect(within(late).getByText('已逾期')).toBeTruthy();
    expect(within(late).getByRole('link', { name: '刘晓明' }).getAttribute('href')).toBe('/recruitment/recruitments/77');
    expect(late.textContent).toContain('上级党委审批 · 2026-05-01');
    expect(within(within(due).getByTestId('due-78')).getByText('即将到期')).toBeTruthy();

    expect(screen.getByRole('button', { name: /入党申请人名单/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /新建入党申请/ })).toBeTruthy();
    // Only the town admin sets the yearly plan.
    expect(screen.queryByRole('button', { name: /年度发展计划/ })).toBeNull();
    expect(screen.getByRole('button', { name: '入党积极分子名册·Word' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '预备党员名册·PDF' })).toBeTruthy();
    const boardCall = calls.find((c) => c.path === '/api/recruitment/board');
    expect(queryOf(boardCall!).year).toBe(String(new Date().getFullYear()));
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toContain('发展党员');
  });

  it('offers the yearly plan to the town admin', async () => {
    installFetch(server((call) => (call.path === '/api/recruitment/board' ? jsonResponse(200, BOARD) : undefined), me(['town_admin'])));
    await renderRoutes(routes, '/recruitment');
    expect(await screen.findByRole('button', { name: /年度发展计划/ })).toBeTruthy();
  });

  it('is not open to a plain member, who has a mentoring page instead', async () => {
    const calls = installFetch(
      server(
        (call) => (call.path === '/api/recruitment/mentoring' ? jsonResponse(200, { items: [] }) : undefined),
        me(['member'], SECRETARY.scope),
      ),
    );
    await renderRoutes(routes, '/recruitment');
    expect(await screen.findByText('没有权限查看')).toBeTruthy();
    expect(calls.some((c) => c.path === '/api/recruitment/board')).toBe(false);
    cleanup();
    await renderRoutes(routes, '/recruitment/mentoring');
    expect(await screen.findByText(MENTORING_EMPTY)).toBeTruthy();
  });
});
