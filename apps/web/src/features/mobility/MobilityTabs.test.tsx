import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MemberDetail, MemberMobility } from '@dj/contracts';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me, member, memberDetail } from '../../test/member-fixtures';
import { ALL } from '../../test/org-fixtures';
import { renderRoutes } from '../../test/render';

const ZHANG = member({ id: 7, name: '张建国', isMobile: true });
const UNREACHABLE = {
  code: 'UNREACHABLE',
  message: '已7个月未能取得联系(最后一次联系为2025-12-01),请党支部设法查找',
  rule: '《中国共产党党员教育管理工作条例》第二十四条: 与党组织失去联系6个月以上、经查找仍然没有取得联系的党员,应当停止其党籍',
};

type Flow = MemberMobility['flows'][number];
type Letter = MemberMobility['letters'][number];

const ENDED: Flow = {
  id: 1, direction: 'outflow', startedOn: '2021-03-01', endedOn: '2022-01-10', destination: '浙江省宁波市', workUnit: null,
  hasFixedPlace: false, activityCardNo: null, hostBranch: null, lastContactOn: null, contacts: [], warnings: [],
};
const OPEN: Flow = {
  id: 2, direction: 'outflow', startedOn: '2025-06-01', endedOn: null, destination: '江苏省苏州市工业园区', workUnit: '苏州某电子厂',
  hasFixedPlace: true, activityCardNo: 'LD-2025-018', hostBranch: '苏州工业园区流动党员党支部', lastContactOn: '2025-12-01',
  contacts: [
    { id: 11, contactedOn: '2025-08-15', method: 'phone', note: '在厂里上班,一切正常', recordedBy: '王书记' },
    { id: 12, contactedOn: '2025-12-01', method: 'wechat', note: null, recordedBy: '王书记' },
  ],
  warnings: [UNREACHABLE],
};
const OVERDUE_LETTER: Letter = {
  id: 31, letterNo: '西组〔2026〕3号', destination: '中共济南市某街道工作委员会', issuedOn: '2026-01-05', validDays: 90, receiptReturnedOn: null,
  warnings: [{ code: 'RECEIPT_OVERDUE', message: '组织关系介绍信于2026-01-05开具,有效期90天(至2026-04-05),至今未收到回执,请与接收党组织核实' }],
};
const RETURNED_LETTER: Letter = {
  id: 30, letterNo: '西组〔2024〕9号', destination: '中共某县某镇委员会', issuedOn: '2024-03-01', validDays: 60, receiptReturnedOn: '2024-03-20', warnings: [],
};

interface Options {
  detail?: MemberDetail;
  mobility?: MemberMobility;
  post?: (call: RecordedCall) => Response;
}

function server({ detail = memberDetail(ZHANG), mobility = { flows: [ENDED, OPEN], letters: [] }, post }: Options = {}) {
  return (call: RecordedCall) => {
    if (call.path === '/api/auth/me') return jsonResponse(200, me(['town_admin']));
    if (call.path === '/api/organizations') return jsonResponse(200, { items: ALL });
    if (call.path === '/api/members') return jsonResponse(200, { items: [ZHANG], total: 1, page: 1, pageSize: 20 });
    if (call.path === '/api/settings') {
      return jsonResponse(200, {
        items: [{ key: 'transfer.letterValidDays', label: '组织关系介绍信有效期', value: 60, defaultValue: 90, unit: '天', min: 7, max: 180, source: '', updatedBy: null, updatedAt: null }],
      });
    }
    if (call.path === '/api/members/7/mobility') return jsonResponse(200, mobility);
    if (call.method === 'POST' && call.path.startsWith('/api/members/7/') && post) return post(call);
    if (call.path === '/api/members/7') return jsonResponse(200, detail);
    return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
  };
}

/** Types a date into an antd DatePicker and confirms it with Enter, as a keyboard user would. */
function typeDate(input: HTMLElement, value: string) {
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
}

async function openTab(testId: string, paneId: string): Promise<HTMLElement> {
  const detail = await screen.findByTestId('member-detail');
  fireEvent.click(await within(detail).findByTestId(testId));
  return screen.findByTestId(paneId);
}

beforeAll(installDomShims);
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-07-15T04:00:00.000Z'));
});
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('流动登记 tab', () => {
  it('lists the open flow first with its details, warning and rule, and the contacts newest first', async () => {
    installFetch(server());
    await renderRoutes(routes, '/members/7');
    const tab = await openTab('member-tab-flows', 'member-flows');

    const cards = within(tab).getAllByTestId('flow-card');
    expect(cards).toHaveLength(2);
    expect(cards[0].textContent).toContain('流动中');
    expect(cards[1].textContent).toContain('已结束');
    const open = within(cards[0]);
    for (const text of ['江苏省苏州市工业园区', '2025-06-01', 'LD-2025-018', '苏州工业园区流动党员党支部', '苏州某电子厂']) {
      expect(open.getByText(text)).toBeTruthy();
    }
    expect(open.getByText('最后联系').closest('tr')?.textContent).toContain('2025-12-01');
    const warning = open.getByTestId('flow-warnings');
    expect(warning.textContent).toContain(UNREACHABLE.message);
    expect(warning.textContent).toContain(`依据:${UNREACHABLE.rule}`);

    const timeline = cards[0].querySelector('.member-timeline') as HTMLElement;
    const text = timeline.textContent ?? '';
    expect(text.indexOf('2025-12-01')).toBeLessThan(text.indexOf('2025-08-15'));
    expect(text).toContain('微信');
    expect(text).toContain('在厂里上班,一切正常');

    // One open flow at a time: registering another waits until this one ends.
    expect(within(tab).getByRole('button', { name: /登记外出流动/ })).toHaveProperty('disabled', true);
    expect(within(cards[1]).queryByRole('button', { name: /记录联系/ })).toBeNull();
  });

  it('records a contact and refreshes the member', async () => {
    const updated: MemberMobility = {
      flows: [ENDED, { ...OPEN, lastContactOn: '2026-07-14', warnings: [], contacts: [...OPEN.contacts, { id: 13, contactedOn: '2026-07-14', method: 'visit', note: '回村探亲时走访', recordedBy: '王书记' }] }],
      letters: [],
    };
    const calls = installFetch(server({ post: () => jsonResponse(200, updated) }));
    await renderRoutes(routes, '/members/7');
    const tab = await openTab('member-tab-flows', 'member-flows');
    fireEvent.click(within(tab).getByRole('button', { name: /记录联系/ }));
    const dialog = await findDialog(/联系方式/);

    typeDate(within(dialog).getByLabelText('联系日期'), '2026-07-14');
    fireEvent.mouseDown(within(dialog).getByLabelText('联系方式'));
    fireEvent.click(await screen.findByTitle('走访'));
    fireEvent.change(within(dialog).getByLabelText('联系情况'), { target: { value: '回村探亲时走访' } });
    const detailLoads = calls.filter((c) => c.path === '/api/members/7').length;
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));

    expect(await screen.findByText('已记录联系')).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/api/members/7/flows/2/contacts');
    expect(post?.body).toEqual({ contactedOn: '2026-07-14', method: 'visit', note: '回村探亲时走访' });
    expect(await within(tab).findByText('回村探亲时走访')).toBeTruthy();
    expect(within(tab).queryByTestId('flow-warnings')).toBeNull();
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/members/7').length).toBeGreaterThan(detailLoads));
  });

  it('registers a new outflow and shows the server\'s refusal when one is already open', async () => {
    const calls = installFetch(
      server({
        mobility: { flows: [ENDED], letters: [] },
        post: () => jsonResponse(409, { code: 'CONFLICT', message: '该党员已有未结束的流动登记,请先结束后再登记' }),
      }),
    );
    await renderRoutes(routes, '/members/7');
    const tab = await openTab('member-tab-flows', 'member-flows');
    fireEvent.click(within(tab).getByRole('button', { name: /登记外出流动/ }));
    const dialog = await findDialog(/流动类型/);

    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    expect(await within(dialog).findByText('请填写流向地')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('流向地'), { target: { value: ' 广东省深圳市 ' } });
    fireEvent.click(within(dialog).getByLabelText('是'));
    fireEvent.change(within(dialog).getByLabelText('《流动党员活动证》编号'), { target: { value: 'LD-2026-001' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));

    expect(await screen.findByText('该党员已有未结束的流动登记,请先结束后再登记')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      direction: 'outflow', startedOn: '2026-07-15', destination: '广东省深圳市', workUnit: null, hasFixedPlace: true,
      activityCardNo: 'LD-2026-001', hostBranch: null,
    });
  });

  it('shows flows read-only without the permission', async () => {
    installFetch(server({ detail: memberDetail(ZHANG, { can: { edit: false, reveal: false, recordEvent: false } }) }));
    await renderRoutes(routes, '/members/7');
    const tab = await openTab('member-tab-flows', 'member-flows');
    expect(within(tab).getAllByTestId('flow-card')).toHaveLength(2);
    expect(within(tab).queryByRole('button')).toBeNull();
  });
});

describe('介绍信 tab', () => {
  it('shows the receipt state and the overdue warning, and records a receipt', async () => {
    const calls = installFetch(
      server({
        mobility: { flows: [], letters: [RETURNED_LETTER, OVERDUE_LETTER] },
        post: () => jsonResponse(200, { flows: [], letters: [RETURNED_LETTER, { ...OVERDUE_LETTER, receiptReturnedOn: '2026-07-10', warnings: [] }] }),
      }),
    );
    await renderRoutes(routes, '/members/7');
    const tab = await openTab('member-tab-letters', 'member-letters');

    const rows = [...within(tab).getByTestId('letter-table').querySelectorAll('tbody tr')] as HTMLElement[];
    expect(rows.map((row) => row.querySelector('td')?.textContent)).toEqual(['西组〔2026〕3号', '西组〔2024〕9号']);
    expect(rows[0].textContent).toContain('未退回');
    expect(rows[0].textContent).toContain('回执逾期');
    expect(rows[0].textContent).toContain('至 2026-04-05');
    expect(rows[1].textContent).toContain('已退回 2024-03-20');
    // `hidden: true` skips the visibility check, which is slow in jsdom inside an antd table.
    expect(within(rows[1]).queryByRole('button', { name: /登记回执/, hidden: true })).toBeNull();
    expect(within(tab).getByTestId('letter-warnings').textContent).toContain('至今未收到回执');

    fireEvent.click(within(rows[0]).getByRole('button', { name: /登记回执/, hidden: true }));
    const dialog = await findDialog(/回执退回日期/);
    typeDate(within(dialog).getByLabelText('回执退回日期'), '2026-07-10');
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));

    expect(await screen.findByText('已登记介绍信回执')).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/api/members/7/letters/31/receipt');
    expect(post?.body).toEqual({ receiptReturnedOn: '2026-07-10' });
    await waitFor(() => expect(within(tab).queryByText('回执逾期')).toBeNull());
  });

  it('issues a letter with the town default validity and refreshes the roster and the member', async () => {
    const issued: Letter = { id: 40, letterNo: '西组〔2026〕8号', destination: '中共某县某镇委员会', issuedOn: '2026-07-15', validDays: 60, receiptReturnedOn: null, warnings: [] };
    const calls = installFetch(server({ mobility: { flows: [], letters: [] }, post: () => jsonResponse(200, { flows: [], letters: [issued] }) }));
    await renderRoutes(routes, '/members/7');
    const tab = await openTab('member-tab-letters', 'member-letters');
    expect(within(tab).getByText('暂无介绍信记录')).toBeTruthy();

    fireEvent.click(within(tab).getByRole('button', { name: /开具介绍信\(转往本镇以外\)/ }));
    const dialog = await findDialog(/介绍信编号/);
    expect(await within(dialog).findByText(/不填写则按本镇设置的有效期\(当前为60天\)/)).toBeTruthy();
    expect(within(dialog).getByText(/该党员将不再出现在本镇党员名册中/)).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('介绍信编号'), { target: { value: '西组〔2026〕8号' } });
    fireEvent.change(within(dialog).getByLabelText('转往党组织'), { target: { value: '中共某县某镇委员会' } });
    const rosterLoads = calls.filter((c) => c.path === '/api/members').length;
    const detailLoads = calls.filter((c) => c.path === '/api/members/7').length;
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));

    expect(await screen.findByText('已开具介绍信并记录组织关系转出,该党员已不在本镇党员名册中')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      letterNo: '西组〔2026〕8号', destination: '中共某县某镇委员会', issuedOn: '2026-07-15',
    });
    expect(await within(tab).findByText('西组〔2026〕8号')).toBeTruthy();
    await waitFor(() => {
      expect(calls.filter((c) => c.path === '/api/members').length).toBeGreaterThan(rosterLoads);
      expect(calls.filter((c) => c.path === '/api/members/7').length).toBeGreaterThan(detailLoads);
    });
  });
});
