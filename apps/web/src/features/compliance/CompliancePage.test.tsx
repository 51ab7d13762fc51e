import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Me } from '@dj/contracts';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { currentMonth } from '@dj/contracts';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { ALL } from '../../test/org-fixtures';
import { renderRoutes } from '../../test/render';
import type { Compliance, ComplianceRow } from './api';
import { TOWN_ADMIN_MENU } from '../../test/menus';

const LECTURE_SOURCE = '《中国共产党支部工作条例(试行)》第十七条: 党课每季度至少1次';
const MEETING_SOURCE = '《中国共产党支部工作条例(试行)》第十七条: 支部委员会会议一般每月召开1次';

function row(partial: Partial<ComplianceRow> & Pick<ComplianceRow, 'ruleKey' | 'kind' | 'label' | 'status'>): ComplianceRow {
  return {
    groupId: null, periodLabel: '2026年7月', deadline: '2026-07-31', expected: 1, done: 0, unit: 'times', awaitingSignOff: 0, source: MEETING_SOURCE,
    ...partial,
  };
}

/** The office branch comes first on purpose: it has more late rows, and the page must not reorder by performance. */
const BOARD: Compliance = {
  period: '2026-07',
  branches: [
    {
      organizationId: 5,
      organizationName: '镇政府办公室党支部',
      rows: [
        row({ ruleKey: 'party_lecture', kind: 'party_lecture', label: '党课', status: 'late', periodLabel: '2026年第二季度', deadline: '2026-06-30', source: LECTURE_SOURCE }),
        row({ ruleKey: 'committee_meeting', kind: 'committee_meeting', label: '支部委员会会议', status: 'due_soon', awaitingSignOff: 2 }),
      ],
      summary: { total: 2, done: 0, awaitingSignOff: 0, due: 0, dueSoon: 1, late: 1 },
    },
    {
      organizationId: 3,
      organizationName: '王庄村党支部',
      rows: [
        row({ ruleKey: 'committee_meeting', kind: 'committee_meeting', label: '支部委员会会议', status: 'done', done: 1 }),
        row({ ruleKey: 'heart_talk', kind: 'heart_talk', label: '谈心谈话', status: 'due', expected: 12, done: 7, unit: 'members', periodLabel: '2026年度', deadline: '2026-12-31' }),
      ],
      summary: { total: 2, done: 1, awaitingSignOff: 0, due: 1, dueSoon: 0, late: 0 },
    },
  ],
};

function server({ who = me(['town_admin']), board = (_call: RecordedCall) => BOARD }: { who?: Me; board?: (call: RecordedCall) => Compliance } = {}) {
  return (call: RecordedCall) => {
    if (call.path === '/api/auth/me') return jsonResponse(200, who);
    if (call.path === '/api/organizations') return jsonResponse(200, { items: ALL });
    if (call.path === '/api/compliance') return jsonResponse(200, board(call));
    return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
  };
}

const complianceCalls = (calls: RecordedCall[]) =>
  calls.filter((c) => c.path === '/api/compliance').map((c) => Object.fromEntries(new URL(c.url, 'http://localhost').searchParams));

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('组织生活日历', () => {
  it('shows each branch in the server order with plain counts, the rows and their status, and no ranking', async () => {
    const calls = installFetch(server());
    // 逐支部明细: the per-branch tables (the town's grid is the default, see 13.12).
    await renderRoutes(routes, '/compliance?view=detail');
    const board = await screen.findByTestId('compliance-board');
    await within(board).findByText('镇政府办公室党支部');

    expect(screen.getByText(/按期限提醒,不打分、不排名/)).toBeTruthy();
    const cards = [...board.querySelectorAll('[data-testid^="compliance-branch-"]')].map((c) => c.getAttribute('data-testid'));
    expect(cards).toEqual(['compliance-branch-5', 'compliance-branch-3']);

    const office = within(board).getByTestId('compliance-branch-5');
    const summary = within(office).getByTestId('compliance-summary');
    expect([...summary.querySelectorAll('.ant-tag')].map((t) => t.textContent)).toEqual(['已完成 0', '已开展·待签认 0', '待完成 0', '即将到期 1', '已逾期 1']);
    const officeRows = within(office).getAllByTestId('compliance-row');
    expect(officeRows).toHaveLength(2);
    expect(officeRows[0].textContent).toContain('党课');
    expect(officeRows[0].textContent).toContain('2026年第二季度');
    expect(officeRows[0].textContent).toContain('2026-06-30');
    expect(officeRows[0].textContent).toContain('0/1');
    expect(within(officeRows[0]).getByText('已逾期').closest('.ant-tag')?.className).toContain('red');
    expect(within(officeRows[1]).getByText('即将到期').closest('.ant-tag')?.className).toContain('orange');
    expect(within(officeRows[0]).getByLabelText(`依据:${LECTURE_SOURCE}`)).toBeTruthy();
    // Held records waiting for the supervisor are shown next to the status, and do not count as done.
    expect(within(officeRows[0]).queryByTestId('awaiting-signoff')).toBeNull();
    const awaiting = within(officeRows[1]).getByTestId('awaiting-signoff');
    expect(awaiting.textContent).toBe('待签认 2');
    expect(awaiting.className).toContain('blue');
    expect(officeRows[1].textContent).toContain('0/1');

    // Each branch links to its activities of the month and offers its ledgers.
    const links = within(office).getByTestId('compliance-links');
    expect(within(links).getByRole('link', { name: '查看活动' }).getAttribute('href')).toBe('/activities?orgId=5&month=2026-07');
    expect(within(links).getByRole('button', { name: /月度台账\(PDF\)/, hidden: true })).toBeTruthy();
    expect(within(links).getByRole('button', { name: /2026年度台账\(PDF\)/, hidden: true })).toBeTruthy();
    expect(within(links).getByRole('button', { name: /2026年度台账\(Word\)/, hidden: true })).toBeTruthy();

    const village = within(board).getByTestId('compliance-branch-3');
    const villageRows = within(village).getAllByTestId('compliance-row');
    expect(within(villageRows[0]).getByText('已完成').closest('.ant-tag')?.className).toContain('green');
    expect(villageRows[1].textContent).toContain('7/12');
    expect(within(villageRows[1]).getByText('待完成')).toBeTruthy();

    // Counts only: no rates, no places, no scores.
    const text = board.textContent ?? '';
    expect(text).not.toMatch(/%|第\s*\d+\s*名|排名|得分|\d+\s*分/);

    expect(complianceCalls(calls)).toEqual([{ period: currentMonth() }]);
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual(TOWN_ADMIN_MENU);
  });

  it('13.12 the town admin sees the month as one branch × requirement grid, each branch’s detail one click away', async () => {
    const group = (groupId: number, status: ComplianceRow['status'], done: number) =>
      row({ ruleKey: 'group_meeting.monthly', kind: 'group_meeting', label: '党小组会', status, done, groupId });
    const board: Compliance = {
      ...BOARD,
      branches: [...BOARD.branches, {
        organizationId: 7, organizationName: '西花沟村党支部',
        // Two groups: one met, one is late — the branch's cell is late, counted 1/2.
        rows: [group(71, 'done', 1), group(72, 'late', 0),
          row({ ruleKey: 'theme_day.monthly', kind: 'theme_day', label: '主题党日', status: 'awaiting_sign_off', awaitingSignOff: 1 })],
        summary: { total: 3, done: 1, awaitingSignOff: 1, due: 0, dueSoon: 0, late: 1 },
      }],
    };
    const { router } = await (async () => {
      installFetch(server({ board: () => board }));
      return renderRoutes(routes, '/compliance?period=2026-07');
    })();
    const matrix = await screen.findByTestId('compliance-matrix');
    expect([...matrix.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['党支部', '党课', '支部委员会会议', '谈心谈话', '党小组会', '主题党日']);
    // Rows in the server's order, never ranked.
    expect([...matrix.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-testid'))).toEqual(['matrix-branch-5', 'matrix-branch-3', 'matrix-branch-7']);
    const cells = (id: number) => [...within(matrix).getByTestId(`matrix-branch-${id}`).querySelectorAll('td')].map((td) => `${td.getAttribute('data-status') ?? '-'} ${td.textContent}`);
    expect(cells(5)).toEqual(['late 逾期0/1', 'due_soon 将到期0/1', '- —', '- —', '- —']);
    expect(cells(3)).toEqual(['- —', 'done 完成1/1', 'due 待完成7/12', '- —', '- —']);
    expect(cells(7)).toEqual(['- —', '- —', '- —', 'late 逾期1/2', 'awaiting_sign_off 待签认0/1']);
    expect(screen.queryAllByTestId('compliance-row')).toHaveLength(0);
    // Counts only: no rates, no places, no scores.
    expect(matrix.textContent).not.toMatch(/%|第\s*\d+\s*名|排名|得分|\d+\s*分/);

    fireEvent.click(within(matrix).getByRole('link', { name: '西花沟村党支部' }));
    await waitFor(() => expect(router.state.location.search).toBe('?period=2026-07&orgId=7'));
  });

  it('13.3 a theme day held on time and waiting for the sign-off reads 已开展·待签认, never 已逾期', async () => {
    const board: Compliance = {
      period: '2026-07',
      branches: [{
        organizationId: 3, organizationName: '王庄村党支部',
        rows: [row({ ruleKey: 'theme_day.monthly', kind: 'theme_day', label: '主题党日', status: 'awaiting_sign_off', awaitingSignOff: 1, deadline: '2026-07-28' })],
        summary: { total: 1, done: 0, awaitingSignOff: 1, due: 0, dueSoon: 0, late: 0 },
      }],
    };
    installFetch(server({ board: () => board }));
    await renderRoutes(routes, '/compliance');
    const [themeDay] = await screen.findAllByTestId('compliance-row');
    expect(within(themeDay).getByText('已开展·待签认').closest('.ant-tag')?.className).toContain('blue');
    expect(themeDay.textContent).not.toContain('逾期');
    // The status says it already; no second 待签认 tag beside it.
    expect(within(themeDay).queryByTestId('awaiting-signoff')).toBeNull();
    const summary = screen.getByTestId('compliance-summary');
    expect([...summary.querySelectorAll('.ant-tag')].map((t) => t.textContent)).toContain('已开展·待签认 1');
  });

  it('asks for the month and organisation from the address, and changes the organisation there', async () => {
    const calls = installFetch(server());
    const { router } = await renderRoutes(routes, '/compliance?period=2026-03&orgId=5');
    const board = await screen.findByTestId('compliance-board');
    await within(board).findByText('镇政府办公室党支部');
    expect(complianceCalls(calls)).toEqual([{ orgId: '5', period: '2026-03' }]);
    expect(screen.getByText(/2026年3月各党支部/)).toBeTruthy();

    fireEvent.mouseDown(screen.getByLabelText('组织'));
    fireEvent.click(await screen.findByTitle('王庄村党支部'));
    await waitFor(() => expect(router.state.location.search).toBe('?period=2026-03&orgId=3'));
    await waitFor(() => expect(complianceCalls(calls).at(-1)).toEqual({ orgId: '3', period: '2026-03' }));
  });

  it('downloads the month\'s ledger at once and starts the year\'s as an export (issue 14 point 6)', async () => {
    const files: RecordedCall[] = [];
    const started: RecordedCall[] = [];
    installFetch((call) => {
      if (call.path === '/api/ledger') {
        files.push(call);
        return new Response(new Blob(['%PDF']), { status: 200, headers: { 'content-disposition': "attachment; filename*=UTF-8''ledger.pdf" } });
      }
      if (call.path === '/api/exports' && call.method === 'POST') {
        started.push(call);
        return jsonResponse(201, {
          id: 1, kind: 'branch_ledger', title: '王庄村党支部 2026年 支部组织生活台账(Word)', status: 'queued', progress: 0,
          fileName: null, size: null, error: null, createdAt: '2026-07-01T00:00:00.000Z', finishedAt: null, expiresAt: null,
        });
      }
      if (call.path === '/api/exports') return jsonResponse(200, { items: [] });
      return server()(call);
    });
    await renderRoutes(routes, '/compliance?period=2026-07&view=detail');
    const board = await screen.findByTestId('compliance-board');
    const village = await within(board).findByTestId('compliance-branch-3');
    fireEvent.click(within(village).getByRole('button', { name: /月度台账/, hidden: true }));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(Object.fromEntries(new URL(files[0].url, 'http://localhost').searchParams)).toEqual({ orgId: '3', period: '2026-07', format: 'pdf' });
    fireEvent.click(within(village).getByRole('button', { name: /年度台账\(Word\)/, hidden: true }));
    await waitFor(() => expect(started).toHaveLength(1));
    expect(started[0].body).toEqual({ kind: 'branch_ledger', orgId: 3, period: '2026', format: 'docx' });
    expect(files).toHaveLength(1);
    // The 我的导出 drawer opens on the new export.
    expect(await screen.findByText('我的导出', { selector: '.ant-drawer-title' })).toBeTruthy();
  });

  it('starts every branch\'s yearly ledger as one zip export of the town (issue 14 point 6)', async () => {
    const started: RecordedCall[] = [];
    installFetch((call) => {
      if (call.path === '/api/exports' && call.method === 'POST') {
        started.push(call);
        return jsonResponse(201, {
          id: 2, kind: 'town_ledgers', title: '西王庄镇党委 2026年 所辖各支部组织生活台账(压缩包)(Word)', status: 'queued', progress: 0,
          fileName: null, size: null, error: null, createdAt: '2026-07-01T00:00:00.000Z', finishedAt: null, expiresAt: null,
        });
      }
      if (call.path === '/api/exports') return jsonResponse(200, { items: [] });
      return server()(call);
    });
    await renderRoutes(routes, '/compliance?period=2026-07');
    fireEvent.click(await screen.findByRole('button', { name: /导出各支部2026年度台账/ }));
    fireEvent.click(await screen.findByText('Word 文档(压缩包)'));
    await waitFor(() => expect(started).toHaveLength(1));
    expect(started[0].body).toEqual({ kind: 'town_ledgers', orgId: 1, period: '2026', format: 'docx' });
  });

  it('says so when there is no branch in scope', async () => {
    installFetch(server({ board: () => ({ period: '2026-07', branches: [] }) }));
    await renderRoutes(routes, '/compliance');
    const board = await screen.findByTestId('compliance-board');
    expect(await within(board).findByText('所选范围内没有党支部')).toBeTruthy();
  });

  it('is not offered to a plain member and never asks the server', async () => {
    const calls = installFetch(server({ who: me(['member'], [{ organizationId: 3, name: '王庄村党支部', path: '/1/3/' }]) }));
    await renderRoutes(routes, '/compliance');
    expect(await screen.findByText('没有权限查看')).toBeTruthy();
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['组织架构', '党员名册', '我的组织生活', '我的学习', '我的联户', '我培养联系的人']);
    expect(calls.some((c) => c.path === '/api/compliance')).toBe(false);
  });
});
