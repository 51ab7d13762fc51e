import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TalentDetail, TalentList, TalentProgress, TalentRow } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { queryOf, SECRETARY, server } from '../../test/server';
import { TalentPage } from './TalentPage';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const routes = [{ path: '/talent', element: <TalentPage /> }];
const ADMIN = me(['town_admin']);

const row = (partial: Partial<TalentRow> & Pick<TalentRow, 'id' | 'name'>): TalentRow => ({
  organizationId: 3, organizationName: '王庄村党支部', villageName: '王庄村', personId: partial.id, gender: 'male', birthDate: '1980-01-01', isMember: false,
  idNumberMasked: '370402********123X', phoneMasked: '139****5678', kind: 'rural_star', tier: 'hundred', selectedYear: 2025, field: 'planting', fieldNote: null,
  leads: [{ kind: 'cooperative', name: '绿源果蔬专业合作社' }], note: null, supportCount: 1, supportFen: 500_000, ...partial,
});
const LIST: TalentList = {
  rows: [row({ id: 1, name: '周红' }), row({ id: 2, name: '郑立', kind: 'returnee', tier: null, selectedYear: null, field: 'ecommerce', leads: [], supportCount: 0, supportFen: 0, isMember: true })],
  villages: [{ organizationId: 3, name: '王庄村' }], can: { create: true, import: true },
};
const PROGRESS: TalentProgress = {
  year: 2026, total: 2, can: { editTargets: false },
  tiers: [{ tier: 'ten', level: '市级', target: 2, selected: 0, source: 'setting' }, { tier: 'hundred', level: '区级', target: 20, selected: 1, source: 'town' }, { tier: 'thousand', level: '镇级', target: 200, selected: 0, source: 'setting' }],
  kinds: [{ kind: 'rural_star', total: 1, selected: 1 }, { kind: 'development_leader', total: 0, selected: 0 }, { kind: 'new_farmer', total: 0, selected: 0 }, { kind: 'local_talent', total: 0, selected: 0 }, { kind: 'returnee', total: 1, selected: 0 }],
};
const DETAIL: TalentDetail = { ...LIST.rows[0], support: [{ id: 5, givenOn: '2025-03-01', what: '大棚建设补贴', amountFen: 500_000, givenBy: '镇农业农村办' }], can: { edit: true, reveal: true } };

function talentServer(who = SECRETARY, progress = PROGRESS) {
  return server((call: RecordedCall) => {
    if (call.path === '/api/talent' && call.method === 'GET') return jsonResponse(200, queryOf(call).kind === 'returnee' ? { ...LIST, rows: [LIST.rows[1]] } : LIST);
    if (call.path === '/api/talent/progress') return jsonResponse(200, progress);
    if (call.path === '/api/talent/1') return jsonResponse(200, DETAIL);
    return undefined;
  }, who);
}

describe('人才', () => {
  it('lists the village\'s talents with kind, tier and leads, the year\'s progress against targets, and filters by kind', async () => {
    const calls = installFetch(talentServer());
    await renderRoutes(routes, '/talent');
    const list = await screen.findByTestId('talent-list');
    expect(within(list).getByText('周红')).toBeTruthy();
    expect(within(list).getByText(/"百"层次 · 2025年入选/)).toBeTruthy();
    expect(within(list).getByText('合作社:绿源果蔬专业合作社')).toBeTruthy();
    expect(within(await screen.findByTestId('talent-progress')).getByText(/"百"层次\(区级\):2026年入选 1 人 \/ 目标 20 人/)).toBeTruthy();
    expect(screen.queryByText('年度目标')).toBeNull();
    fireEvent.mouseDown(screen.getByLabelText('人才类别'));
    fireEvent.click(await waitFor(() => [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((el) => el.title === '回流人员')!));
    await waitFor(() => expect(within(screen.getByTestId('talent-list')).queryByText('周红')).toBeNull());
    expect(calls.some((c) => c.path === '/api/talent' && queryOf(c).kind === 'returnee')).toBe(true);
  });

  it('opens a talent in a drawer with the support given and a form to record more; the phone stays masked', async () => {
    installFetch(talentServer());
    await renderRoutes(routes, '/talent');
    fireEvent.click(await screen.findByText('周红'));
    expect(await screen.findByText('2025-03-01 大棚建设补贴')).toBeTruthy();
    expect(screen.getByText('139****5678')).toBeTruthy();
    expect(screen.getByRole('button', { name: /登记扶持/ })).toBeTruthy();
  });

  it('gives the town admin the yearly targets', async () => {
    installFetch(talentServer(ADMIN, { ...PROGRESS, can: { editTargets: true } }));
    await renderRoutes(routes, '/talent');
    expect(await screen.findByText('年度目标')).toBeTruthy();
  });
});
