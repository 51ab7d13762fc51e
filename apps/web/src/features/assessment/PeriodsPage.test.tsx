import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { todayInShanghai, type AssessmentSchemeList } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { otherPage, renderRoutes } from '../../test/render';
import { server } from '../../test/server';
import { periodDetail, PERIOD_LIST } from './period-fixtures';
import { PeriodsPage } from './PeriodsPage';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const routes = [
  { path: '/assessment/periods', element: <PeriodsPage /> },
  { path: '/assessment/periods/:id', element: otherPage('考核期详情页') },
];
const ADMIN = me(['town_admin']);
const band = (label: string, min: number) => ({ label, min });
const SCHEMES: AssessmentSchemeList = {
  rows: [{
    id: 5, name: '村级"3+7"激励机制', audience: 'village_cadre', periodKind: 'month', isExample: true, createdAt: '2026-01-02T08:00:00.000Z', updatedAt: '2026-01-02T08:00:00.000Z',
    current: { version: 1, effectiveFrom: '2026-01', posts: ['secretary'], indicatorCount: 3, bands: [band('优秀', 90)] }, versionCount: 1, nextEffectiveFrom: null,
  }, {
    id: 6, name: '镇机关"3+1"激励机制', audience: 'town_staff', periodKind: 'quarter', isExample: true, createdAt: '2026-01-02T08:00:00.000Z', updatedAt: '2026-01-02T08:00:00.000Z',
    current: { version: 2, effectiveFrom: '2026-01', posts: [], indicatorCount: 3, bands: [band('优秀', 90)] }, versionCount: 2, nextEffectiveFrom: null,
  }],
  can: { manage: true },
};

function api(open: (call: RecordedCall) => Response = () => jsonResponse(200, periodDetail({ id: 9, period: '2026-12' })), who = ADMIN) {
  return server((call) => {
    if (call.path === '/api/assessment/periods' && call.method === 'GET') return jsonResponse(200, { ...PERIOD_LIST, can: { open: who === ADMIN } });
    if (call.path === '/api/assessment/periods' && call.method === 'POST') return open(call);
    if (call.path === '/api/assessment/schemes') return jsonResponse(200, SCHEMES);
    if (call.path === '/api/assessment/pay/year.xlsx') return new Response(new Blob(['xlsx']), { status: 200, headers: { 'content-disposition': "attachment; filename*=UTF-8''x.xlsx" } });
    return undefined;
  }, who);
}

async function choose(container: HTMLElement, label: string, option: string) {
  fireEvent.mouseDown(await within(container).findByLabelText(label));
  fireEvent.click(await waitFor(() => {
    const item = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((el) => el.title === option || el.textContent === option);
    if (!item) throw new Error(`没有选项 ${option}`);
    return item;
  }));
}

async function openDialog() {
  fireEvent.click((await screen.findByText('开启考核期')).closest('button')!);
  return waitFor(() => screen.getAllByRole('dialog').find((d) => /开启考核期/.test(d.textContent ?? ''))!);
}

describe('考核期列表', () => {
  it('lists each period with its scheme, period, stage and Beijing dates', async () => {
    installFetch(api());
    await renderRoutes(routes, '/assessment/periods');
    const rows = await screen.findAllByRole('row');
    const text = rows.map((r) => r.textContent).join('\n');
    expect(text).toContain('村级"3+7"激励机制 · 2026年11月');
    expect(text).toContain('异议期');
    expect(text).toContain('异议期至 2026-12-10');
    expect(text).toContain('镇机关"3+1"激励机制 · 2026年第3季度');
    // 16:30 UTC on the 15th is the 16th in Beijing.
    expect(text).toContain('审批 2026-10-16');
    expect(text).toContain('已锁定');
  });

  it('the town opens a month period of a scheme and lands on it', async () => {
    const calls = installFetch(api());
    const { router } = await renderRoutes(routes, '/assessment/periods', { opens: ['/assessment/periods/9'] });
    const dialog = await openDialog();
    await choose(dialog, '考核方案', '村级"3+7"激励机制(村干部 · 月度)');
    await choose(dialog, '考核月份', '5月');
    fireEvent.click(within(dialog).getByText('开启').closest('button')!);
    await waitFor(() => expect(router.state.location.pathname).toBe('/assessment/periods/9'));
    const sent = calls.find((c) => c.path === '/api/assessment/periods' && c.method === 'POST')!;
    expect(sent.body).toEqual({ schemeId: 5, period: `${todayInShanghai().slice(0, 4)}-05` });
  });

  it('a quarter scheme asks for the quarter, and the API\'s refusal of the period stands under the field', async () => {
    const calls = installFetch(api(() => jsonResponse(400, {
      code: 'VALIDATION_ERROR', message: '考核期 2026-Q4 开始时该方案尚无生效版本', fields: [{ path: 'period', message: '考核期 2026-Q4 开始时该方案尚无生效版本' }],
    })));
    await renderRoutes(routes, '/assessment/periods');
    const dialog = await openDialog();
    await choose(dialog, '考核方案', '镇机关"3+1"激励机制(镇机关工作人员 · 季度)');
    expect(await within(dialog).findByLabelText('考核季度')).toBeTruthy();
    expect(within(dialog).queryByLabelText('考核月份')).toBeNull();
    fireEvent.click(within(dialog).getByText('开启').closest('button')!);
    expect(await within(dialog).findByText('请选择考核期')).toBeTruthy();
    await choose(dialog, '考核季度', '第4季度');
    fireEvent.click(within(dialog).getByText('开启').closest('button')!);
    expect(await within(dialog).findByText('考核期 2026-Q4 开始时该方案尚无生效版本')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('a period opened twice is refused with the API\'s words', async () => {
    installFetch(api(() => jsonResponse(409, { code: 'CONFLICT', message: '“村级"3+7"激励机制”的 2026-12 考核期已开启,每期只开启一次' })));
    await renderRoutes(routes, '/assessment/periods');
    const dialog = await openDialog();
    await choose(dialog, '考核方案', '村级"3+7"激励机制(村干部 · 月度)');
    await choose(dialog, '考核月份', '5月');
    fireEvent.click(within(dialog).getByText('开启').closest('button')!);
    expect(await within(dialog).findByText(/考核期已开启,每期只开启一次/)).toBeTruthy();
  });

  it('the town downloads a year\'s 报酬年度汇总表 for the year it picks', async () => {
    const calls = installFetch(api());
    await renderRoutes(routes, '/assessment/periods');
    const page = await screen.findByTestId('periods-page');
    const lastYear = Number(todayInShanghai().slice(0, 4)) - 1;
    await choose(page, '汇总年度', `${lastYear}年`);
    fireEvent.click(within(page).getByText('报酬年度汇总表(Excel)'));
    await waitFor(() => expect(calls.find((c) => c.path === '/api/assessment/pay/year.xlsx')?.url).toMatch(new RegExp(`year=${lastYear}`)));
  });

  it('a village secretary reads the periods but does not open one', async () => {
    installFetch(api(undefined, me(['branch_secretary'], [{ organizationId: 3, name: '王庄村党支部', path: '/1/3/' }])));
    await renderRoutes(routes, '/assessment/periods');
    await screen.findAllByText(/村级"3\+7"激励机制 · 2026年11月/);
    expect(screen.queryByText('开启考核期')).toBeNull();
    expect(screen.queryByText('报酬年度汇总表(Excel)')).toBeNull();
  });
});
