import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { VillageCadres } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { SECRETARY, server } from '../../test/server';
import { CadresPage } from './CadresPage';
import { BOARD, TOWN, VILLAGE } from './test-fixtures';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const routes = [{ path: '/cadres', element: <CadresPage /> }];
const ADMIN = me(['town_admin']);

async function choose(container: HTMLElement, label: string, option: string) {
  fireEvent.mouseDown(within(container).getByLabelText(label));
  const found = await waitFor(() => {
    const item = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((el) => el.title === option || el.textContent === option);
    if (!item) throw new Error(`没有选项 ${option}`);
    return item;
  });
  fireEvent.click(found);
}

function cadreServer(village: VillageCadres, who = SECRETARY, onWrite?: (call: RecordedCall) => Response) {
  return server((call) => {
    if (call.path === '/api/cadres/villages/3' && call.method === 'GET') return jsonResponse(200, village);
    if (call.path === '/api/cadres/board') return jsonResponse(200, BOARD);
    if (call.path === '/api/cadres/structure') return jsonResponse(200, TOWN);
    if (call.method !== 'GET' && onWrite) return onWrite(call);
    return undefined;
  }, who);
}

describe('村干部', () => {
  it('shows a secretary their village: posts by committee, 一肩挑, a non-member, the history; no way to record a change', async () => {
    installFetch(cadreServer(VILLAGE));
    await renderRoutes(routes, '/cadres');
    expect(await screen.findByText('一肩挑:王书记同时担任村党支部书记和村委会主任')).toBeTruthy();
    const posts = screen.getByTestId('cadre-posts');
    expect(within(posts).getByText('村党支部委员会')).toBeTruthy();
    expect(within(posts).getByText('李秀英')).toBeTruthy();
    expect(within(posts).getByText('非党员')).toBeTruthy();
    expect(within(screen.getByTestId('cadre-history')).getByText('原因:村"两委"换届选举')).toBeTruthy();
    expect(screen.getByText(/本届:2021—2026年/)).toBeTruthy();
    expect(screen.queryByText('登记变动')).toBeNull();
    expect(screen.queryByText('全镇一览')).toBeNull();
  });

  it('shows the town admin the board: 一肩挑, assigned cadres with their period end, the adjustment list', async () => {
    installFetch(cadreServer(VILLAGE, ADMIN));
    await renderRoutes(routes, '/cadres');
    const board = await screen.findByTestId('cadre-board');
    expect(within(board).getAllByText('一肩挑'), 'the count and the village row').toHaveLength(2);
    expect(within(screen.getByTestId('assigned-cadres')).getByText('14天后期满')).toBeTruthy();
    expect(within(screen.getByTestId('adjustments')).getByText('集体经济增收慢')).toBeTruthy();
    expect(within(screen.getByTestId('adjustments')).getByRole('button', { name: '登记决定(王书记的调整)' })).toBeTruthy();
  });

  it('lets the town admin record a change, with Chinese messages before anything is sent', async () => {
    const calls = installFetch(cadreServer({ ...VILLAGE, can: { edit: true } }, ADMIN, () => jsonResponse(200, VILLAGE)));
    await renderRoutes(routes, '/cadres?tab=village&orgId=3');
    fireEvent.click(await screen.findByRole('button', { name: /登记变动/ }));
    const dialog = await findDialog(/登记干部变动:王庄村党支部/);
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    expect(await within(dialog).findByText('请选择职务')).toBeTruthy();
    expect(within(dialog).getByText('请选择人员')).toBeTruthy();
    expect(within(dialog).getByText('请填写变动原因')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await choose(dialog, '职务', '报账员');
    await choose(dialog, '姓名', '赵会计');
    fireEvent.change(within(dialog).getByLabelText('原因'), { target: { value: '村民委员会聘任' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/api/cadres/villages/3/changes');
    expect(post?.body).toMatchObject({ kind: 'election', post: 'bookkeeper', personId: 7, reason: '村民委员会聘任', termId: null });
  });

  it('shows a village its team structure with definitions and targets, 聘用制 on the holding, and the 服务队 serving it', async () => {
    installFetch(cadreServer(VILLAGE));
    await renderRoutes(routes, '/cadres');
    const structure = await screen.findByTestId('village-structure');
    expect(within(structure).getByText('47.2岁(目标≤45岁)')).toBeTruthy();
    expect(within(structure).getByText('未达目标')).toBeTruthy();
    expect(within(structure).getByText('40%(2人,学历未登记1人;目标≥30%)')).toBeTruthy();
    fireEvent.click(within(structure).getByText('指标口径与本镇换届目标'));
    expect(await within(structure).findByText(/学历未登记的计入分母/)).toBeTruthy();
    expect(within(screen.getByTestId('cadre-posts')).getByText('2022-01-01起聘用;享受事业编待遇;2025年度考核优秀')).toBeTruthy();
    expect(within(screen.getByTestId('service-team')).getByText('孙队员')).toBeTruthy();
  });

  it('shows the town the structure of every village against its targets, 聘用制 counts and the 服务队 with its period end', async () => {
    installFetch(cadreServer(VILLAGE, ADMIN));
    await renderRoutes(routes, '/cadres');
    await screen.findByTestId('cadre-board');
    const town = await screen.findByTestId('town-structure');
    expect(within(town).getByText('全镇班子结构(2026-12-06,不排名)')).toBeTruthy();
    expect(within(town).getAllByText('达标').length).toBeGreaterThan(0);
    expect(screen.getByText('享受事业编待遇')).toBeTruthy();
    expect(within(screen.getByTestId('service-team')).getByText('20天后期满')).toBeTruthy();
  });

  it('lets the town record a cadre\'s 学历 and 本土人才', async () => {
    const calls = installFetch(cadreServer({ ...VILLAGE, can: { edit: true } }, ADMIN, () => jsonResponse(200, VILLAGE)));
    await renderRoutes(routes, '/cadres?tab=village&orgId=3');
    fireEvent.click(await screen.findByRole('button', { name: '登记李秀英的学历和本土人才' }));
    const dialog = await findDialog(/学历和本土人才:李秀英/);
    await choose(dialog, '学历', '大学专科');
    fireEvent.click(within(dialog).getByRole('checkbox'));
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe('/api/cadres/villages/3/people/5/profile');
    expect(put?.body).toEqual({ education: 'college', localTalent: true });
  });
});
