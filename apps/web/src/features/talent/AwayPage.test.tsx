import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AwayLiaisonList, AwayList, AwayTalent, AwayTalentDetail } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { renderRoutes } from '../../test/render';
import { server } from '../../test/server';
import { AwayPage } from './AwayPage';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const routes = [{ path: '/talent/away', element: <AwayPage /> }];

const talent = (partial: Partial<AwayTalent> & Pick<AwayTalent, 'id' | 'name'>): AwayTalent => ({
  organizationId: 3, organizationName: '王庄村党支部', personId: partial.id, gender: 'male', birthDate: '1988-01-01', phoneMasked: '139****5678',
  place: '江苏省苏州市', occupation: '电子厂车间主任', employerKind: 'enterprise', employer: null, skills: '数控加工', leftOn: '2020-03-01', registeredOn: '2025-01-01',
  isMember: false, memberId: null, flow: null, status: 'away', returnedOn: null, returnPurpose: null, returnSupport: null, handedOn: null, handedNote: null,
  lastContactOn: '2025-03-01', contactDueOn: '2025-09-01', overdue: true, ...partial,
});
const OVERDUE = talent({ id: 1, name: '张在外' });
const MEMBER = talent({ id: 2, name: '李党员', isMember: true, memberId: 9, flow: { id: 4, destination: '浙江省杭州市', startedOn: '2024-01-10' }, overdue: false, contactDueOn: '2099-01-01' });
const LIST: AwayList = {
  items: [OVERDUE, MEMBER], total: 2, page: 1, pageSize: 200, counts: { away: 2, returned: 1, overdue: 1, partyMembers: 1 }, contactMonths: 6, can: { record: true },
};
const DETAIL: AwayTalentDetail = {
  talent: OVERDUE, idNumberMasked: '370402********123X',
  contacts: [{ id: 1, contactedOn: '2025-03-01', method: 'phone', contactedBy: '村党支部书记', content: '有回乡创业意向', source: 'away' }],
  liaisons: [{ id: 1, kind: 'outside_branch', name: '驻苏州流动党员党支部', contactName: '孙书记', contactPhoneMasked: '138****1111' }],
  can: { record: true },
};

describe('在外人才', () => {
  it('lists the village people away with their last contact and the due date, overdue marked', async () => {
    installFetch(server((call) => (call.path === '/api/talent/away' ? jsonResponse(200, LIST) : undefined)));
    await renderRoutes(routes, '/talent/away');
    expect(await screen.findByText(/在外2人\(党员1人\),已回流1人;每6个月至少联系一次,1人联系已逾期/)).toBeTruthy();
    expect(screen.getByText('2025-09-01 已逾期')).toBeTruthy();
    expect(screen.getByText('流动党员')).toBeTruthy();
  });

  it('opens the contact log of a person: contacts, liaison, masked phone', async () => {
    installFetch(server((call) => {
      if (call.path === '/api/talent/away') return jsonResponse(200, LIST);
      if (call.path === '/api/talent/away/1') return jsonResponse(200, DETAIL);
      return undefined;
    }));
    await renderRoutes(routes, '/talent/away?id=1');
    const drawer = await screen.findByTestId('away-drawer');
    expect(within(drawer).getByText('有回乡创业意向')).toBeTruthy();
    expect(within(drawer).getByText(/驻苏州流动党员党支部/)).toBeTruthy();
    expect(within(drawer).getByText('139****5678')).toBeTruthy();
  });

  it('adds a contact from the drawer, with Chinese messages before anything is sent', async () => {
    const calls = installFetch(server((call) => {
      if (call.path === '/api/talent/away') return jsonResponse(200, LIST);
      if (call.path === '/api/talent/away/1' && call.method === 'GET') return jsonResponse(200, DETAIL);
      if (call.path === '/api/talent/away/1/contacts') return jsonResponse(200, DETAIL);
      return undefined;
    }));
    await renderRoutes(routes, '/talent/away?id=1');
    const drawer = await screen.findByTestId('away-drawer');
    fireEvent.click(within(drawer).getByText(/^登记联系$/).closest('button')!);
    expect(await within(drawer).findByText('请填写谁联系的')).toBeTruthy();
    expect(within(drawer).getByText('请填写联系内容')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(within(drawer).getByLabelText('联系人'), { target: { value: '村党支部书记' } });
    fireEvent.change(within(drawer).getByLabelText('联系内容'), { target: { value: '春节返乡座谈' } });
    fireEvent.click(within(drawer).getByText(/^登记联系$/).closest('button')!);
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ method: 'phone', contactedBy: '村党支部书记', content: '春节返乡座谈' });
  });

  it('shows the full phone only after a reason and, when asked, the password again', async () => {
    let steppedUp = false;
    const calls = installFetch(server((call) => {
      if (call.path === '/api/talent/away') return jsonResponse(200, LIST);
      if (call.path === '/api/talent/away/1') return jsonResponse(200, DETAIL);
      if (call.path === '/api/auth/step-up') {
        steppedUp = true;
        return jsonResponse(200, { steppedUpUntil: '2099-01-01T00:00:00.000Z' });
      }
      if (call.path === '/api/talent/away/1/reveal') {
        return steppedUp ? jsonResponse(200, { value: '13912345678' }) : jsonResponse(403, { code: 'STEP_UP_REQUIRED', message: '查看完整号码前请再次输入登录密码确认身份' });
      }
      return undefined;
    }));
    await renderRoutes(routes, '/talent/away?id=1');
    const drawer = await screen.findByTestId('away-drawer');
    fireEvent.click(within(drawer).getByText('查看完整号码'));
    const reason = await screen.findByPlaceholderText('如:联系本人核实务工情况');
    fireEvent.change(reason, { target: { value: '核实务工情况' } });
    fireEvent.click(screen.getByText(/^查\s*看$/).closest('button')!);
    const password = await screen.findByLabelText(/密码/);
    fireEvent.change(password, { target: { value: 'demo123456' } });
    // getByRole walks the whole page's accessibility tree (slow in jsdom): the button by its text instead.
    fireEvent.click(screen.getByText(/^确\s*认$/).closest('button')!);
    expect(await screen.findByText('13912345678')).toBeTruthy();
    expect(calls.filter((c) => c.path === '/api/talent/away/1/reveal').map((c) => c.body)).toEqual([{ reason: '核实务工情况' }, { reason: '核实务工情况' }]);
  });

  it('changes where the person works from the drawer with PATCH', async () => {
    const calls = installFetch(server((call) => {
      if (call.path === '/api/talent/away') return jsonResponse(200, LIST);
      if (call.path === '/api/talent/away/1') return jsonResponse(200, DETAIL);
      return undefined;
    }));
    await renderRoutes(routes, '/talent/away?id=1');
    const drawer = await screen.findByTestId('away-drawer');
    fireEvent.click(within(drawer).getByText('修改在外情况'));
    const place = await screen.findByDisplayValue('江苏省苏州市');
    fireEvent.change(place, { target: { value: '浙江省舟山市' } });
    fireEvent.click(screen.getByText(/^确\s*定$/).closest('button')!);
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({ path: '/api/talent/away/1', body: { place: '浙江省舟山市', occupation: '电子厂车间主任', skills: '数控加工' } });
  });

  it('changes who a liaison keeps in touch with: those covered are preselected and the new list is sent', async () => {
    const liaison = {
      id: 7, organizationId: 3, organizationName: '王庄村党支部', kind: 'outside_branch' as const, name: '驻苏州流动党员党支部', place: null,
      contactName: null, contactPhoneMasked: null, note: null, covered: [{ id: 1, name: '张在外', organizationName: '王庄村党支部' }],
    };
    const LIAISONS: AwayLiaisonList = { items: [liaison], can: { record: true } };
    const calls = installFetch(server((call) => {
      if (call.path === '/api/talent/away') return jsonResponse(200, LIST);
      if (call.path === '/api/talent/away-liaisons') return jsonResponse(200, LIAISONS);
      if (call.path === '/api/talent/away-liaisons/7/coverage') return jsonResponse(200, { ...liaison, covered: [] });
      return undefined;
    }));
    await renderRoutes(routes, '/talent/away?tab=liaisons');
    const card = await screen.findByTestId('away-liaisons');
    fireEvent.click(within(card).getByText(/^调\s*整$/).closest('button')!);
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(/^张在外\(王庄村/)).toBeTruthy();
    fireEvent.click(dialog.querySelector('.ant-select-selection-item-remove')!);
    fireEvent.click(screen.getByText(/^确\s*定$/).closest('button')!);
    await waitFor(() => expect(calls.some((c) => c.path === '/api/talent/away-liaisons/7/coverage')).toBe(true));
    const sent = calls.find((c) => c.path === '/api/talent/away-liaisons/7/coverage')!;
    expect(sent.method).toBe('PUT');
    expect(sent.body).toEqual({ coveredIds: [] });
  });
});
