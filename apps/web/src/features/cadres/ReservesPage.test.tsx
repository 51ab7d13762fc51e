import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Reserve, ReserveBoard, VillageReserves } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { SECRETARY, server } from '../../test/server';
import { ReservesPage } from './ReservesPage';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const routes = [{ path: '/reserves', element: <ReservesPage /> }];
const ADMIN = me(['town_admin']);

const reserve = (partial: Partial<Reserve> & Pick<Reserve, 'id' | 'name'>): Reserve => ({
  organizationId: 3, personId: partial.id, gender: 'male', birthDate: '1992-01-01', idNumberMasked: '370402********123X', isMember: true,
  source: 'local_talent', sourceNote: null, stage: 'training', stageSince: '2025-06-01', enteredOn: '2025-01-10', status: 'active', leftOn: null, leftReason: null,
  appointedPost: null, mentorPostId: 1, mentorName: '王书记', mentorPost: 'secretary', recruitment: null, evaluationDueOn: '2099-01-01',
  moves: [{ id: 1, kind: 'enter', fromStage: null, toStage: 'reserve', occurredOn: '2025-01-10', reason: null, mentorName: '王书记' }], evaluations: [], ...partial,
});

const VILLAGE: VillageReserves = {
  organizationId: 3, name: '王庄村党支部', target: 2, active: 1,
  reserves: [reserve({
    id: 5, name: '李青年', isMember: false, source: 'returnee', stage: 'ready', evaluationDueOn: '2020-01-01',
    recruitment: { id: 44, status: 'active', phase: 'activist' },
  })],
  candidates: [{ personId: 7, name: '赵会计', isMember: true }],
  mentors: [{ cadrePostId: 1, personId: 1, name: '王书记', post: 'secretary' }],
  can: { edit: false },
};

const BOARD: ReserveBoard = {
  villages: [
    { organizationId: 3, name: '王庄村党支部', byStage: { reserve: 0, training: 0, practice: 0, ready: 1 }, active: 1, target: 2, shortBy: 1, evaluationsDue: 1 },
    { organizationId: 4, name: '李庄村党支部', byStage: { reserve: 1, training: 1, practice: 1, ready: 0 }, active: 3, target: 2, shortBy: 0, evaluationsDue: 0 },
  ],
  target: 2, belowTarget: 1, totals: { reserve: 1, training: 1, practice: 1, ready: 1, active: 4 },
};

function reserveServer(village: VillageReserves, who = SECRETARY, onWrite?: (call: RecordedCall) => Response) {
  return server((call) => {
    if (call.path === '/api/reserves/villages/3' && call.method === 'GET') return jsonResponse(200, village);
    if (call.path === '/api/reserves/board') return jsonResponse(200, BOARD);
    if (call.method !== 'GET' && onWrite) return onWrite(call);
    return undefined;
  }, who);
}

async function choose(container: HTMLElement, label: string, option: string) {
  fireEvent.mouseDown(within(container).getByLabelText(label));
  const found = await waitFor(() => {
    const item = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((el) => el.title === option || el.textContent === option);
    if (!item) throw new Error(`没有选项 ${option}`);
    return item;
  });
  fireEvent.click(found);
}

describe('后备人才', () => {
  it('shows a secretary their village: stage, the 发展党员 link with its phase, an overdue evaluation, the shortfall; no forms', async () => {
    installFetch(reserveServer(VILLAGE));
    await renderRoutes(routes, '/reserves');
    const card = await screen.findByTestId('reserve-card');
    expect(within(card).getByText('可任用')).toBeTruthy();
    expect(within(card).getByText('非党员')).toBeTruthy();
    expect(within(card).getByRole('link', { name: /入党积极分子/ }).getAttribute('href')).toBe('/recruitment/recruitments/44');
    expect(within(card).getByText('考评已逾期(2020-01-01)')).toBeTruthy();
    expect(screen.getByText('低于本镇每村2人的储备目标,还差1人')).toBeTruthy();
    expect(screen.queryByText('列入后备人才')).toBeNull();
    expect(screen.queryByText('全镇一览')).toBeNull();
  });

  it('shows the town admin the board by stage against the target, in the tree order', async () => {
    installFetch(reserveServer(VILLAGE, ADMIN));
    await renderRoutes(routes, '/reserves');
    const board = await screen.findByTestId('reserve-board');
    expect(within(board).getByText('差1人')).toBeTruthy();
    const names = within(board).getAllByRole('button').map((b) => b.textContent);
    expect(names).toEqual(['王庄村', '李庄村']);
  });

  it('asks for the reason of a step back before anything is sent', async () => {
    const calls = installFetch(reserveServer({ ...VILLAGE, can: { edit: true } }, ADMIN, () => jsonResponse(200, VILLAGE)));
    await renderRoutes(routes, '/reserves?tab=village&orgId=3');
    fireEvent.click(await screen.findByRole('button', { name: '调整阶段' }));
    const dialog = await findDialog(/调整阶段:李青年/);
    await choose(dialog, '转入阶段', '培养(退回)');
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    expect(await within(dialog).findByText('退回前一阶段须说明原因(至少2个字)')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(within(dialog).getByLabelText('原因'), { target: { value: '挂职出勤不足' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/api/reserves/5/moves');
    expect(post?.body).toMatchObject({ toStage: 'training', reason: '挂职出勤不足' });
  });
});
