import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MemberDetail, MemberDues } from '@dj/contracts';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me, member, memberDetail } from '../../test/member-fixtures';
import { ALL } from '../../test/org-fixtures';
import { renderRoutes } from '../../test/render';
import { basisBody } from './DuesBasisModal';
import { payableMonths } from './DuesPaymentModal';

const ZHANG = member({ id: 7, name: '张建国', joinedAt: '2005-07-01' });
const RULE = '中组发〔2008〕3号: 在职党员按每月工资收入(税后)5000.00元以上至10000.00元(含)的,交纳1.5%';

const paid = (month: string, paidOn: string, paidBy: string | null = null) => ({
  month, dueFen: 12000, paidFen: 12000, paidOn, paidBy, status: 'paid' as const,
});
const unpaid = (month: string) => ({ month, dueFen: 12000, paidFen: null, paidOn: null, paidBy: null, status: 'unpaid' as const });

/** Today is 2026-07-15: January to March paid (March by someone else), April on unpaid, and December 2025 too old to pay here. */
function dues(partial: Partial<MemberDues> = {}): MemberDues {
  return {
    monthlyFen: 12000,
    rule: RULE,
    basis: {
      effectiveFrom: '2024-01', category: 'salaried', baseFen: 800000, reduction: null, approvalNote: null,
      recordedAt: '2024-01-05T02:00:00.000Z',
    },
    months: [
      paid('2026-01', '2026-01-20'), paid('2026-02', '2026-02-18'), paid('2026-03', '2026-03-25', '李秀英'),
      unpaid('2026-04'), unpaid('2026-05'), unpaid('2026-06'), unpaid('2026-07'),
    ],
    arrearsFen: 48000,
    unpaidMonths: ['2025-12', '2026-04', '2026-05', '2026-06', '2026-07'],
    consecutiveUnpaid: 3,
    warning: null,
    ...partial,
  };
}

interface Options {
  detail?: MemberDetail;
  memberDues?: (call: RecordedCall) => MemberDues;
  payment?: (call: RecordedCall) => Response;
  basis?: (call: RecordedCall) => Response;
}

function server({ detail = memberDetail(ZHANG), memberDues = () => dues(), payment, basis }: Options = {}) {
  return (call: RecordedCall) => {
    if (call.path === '/api/auth/me') return jsonResponse(200, me(['town_admin']));
    if (call.path === '/api/organizations') return jsonResponse(200, { items: ALL });
    if (call.path === '/api/members') return jsonResponse(200, { items: [ZHANG], total: 1, page: 1, pageSize: 20 });
    if (call.path === '/api/members/7/dues' && call.method === 'GET') return jsonResponse(200, memberDues(call));
    if (call.path === '/api/members/7/dues/payments' && payment) return payment(call);
    if (call.path === '/api/members/7/dues/basis' && basis) return basis(call);
    if (call.path === '/api/members/7') return jsonResponse(200, detail);
    return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
  };
}

async function openDuesTab(): Promise<HTMLElement> {
  const detail = await screen.findByTestId('member-detail');
  fireEvent.click(await within(detail).findByTestId('member-tab-dues'));
  return screen.findByTestId('member-dues');
}

/** The table row of one month, found by its first cell ('4月'). */
function monthRow(tab: HTMLElement, label: string): HTMLElement {
  const rows = [...within(tab).getByTestId('dues-months').querySelectorAll('tbody tr')] as HTMLElement[];
  const row = rows.find((r) => r.querySelector('td')?.textContent === label);
  if (!row) throw new Error(`没有找到${label}这一行`);
  return row;
}

const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((td) => td.textContent);

beforeAll(installDomShims);
beforeEach(() => {
  // Only Date is faked: antd animations and testing-library's waitFor keep their real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-07-15T04:00:00.000Z'));
});
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('党费 tab', () => {
  it('shows the monthly amount, the rule, the basis and twelve months in 元', async () => {
    const calls = installFetch(server());
    await renderRoutes(routes, '/members/7');
    const tab = await openDuesTab();

    expect(within(tab).getByTestId('dues-monthly').textContent).toContain('¥120.00');
    expect(within(tab).getByTestId('dues-rule').textContent).toBe(`计算依据:${RULE}`);
    expect(within(tab).getByText('在职(按月工资)')).toBeTruthy();
    expect(within(tab).getByText('¥8,000.00')).toBeTruthy();
    expect(within(tab).getByText('无(按标准交纳)')).toBeTruthy();
    expect(within(tab).getByTestId('dues-arrears').textContent).toContain('¥480.00');
    expect(within(tab).getByTestId('dues-unpaid-months').textContent).toBe('未交月份共4个:2025年12月、2026年4月、2026年5月、2026年6月');

    expect(within(tab).getByTestId('dues-months').querySelectorAll('tbody tr')).toHaveLength(12);
    expect(cells(monthRow(tab, '1月'))).toEqual(['1月', '¥120.00', '¥120.00', '2026-01-20', '—', '已交']);
    expect(cells(monthRow(tab, '3月'))).toEqual(['3月', '¥120.00', '¥120.00', '2026-03-25', '李秀英', '已交']);
    expect(cells(monthRow(tab, '4月'))).toEqual(['4月', '¥120.00', '—', '—', '—', '未交']);
    expect(cells(monthRow(tab, '8月'))).toEqual(['8月', '—', '—', '—', '—', '未到期']);

    const get = calls.find((c) => c.path === '/api/members/7/dues');
    expect(new URL(get!.url, 'http://localhost').searchParams.get('year')).toBe('2026');
    expect(within(tab).queryByTestId('dues-warning')).toBeNull();
  });

  it('shows the six-month warning with its rule, as something to look into', async () => {
    const warning = {
      code: 'DUES_UNPAID_6_MONTHS',
      message: '已连续6个月未交纳党费,请党支部了解原因;无正当理由的,由支部大会讨论处理(系统不会自动处理)',
      rule: '党章: 党员无正当理由,连续六个月不交纳党费,就被认为是自行脱党',
    };
    installFetch(server({ memberDues: () => dues({ consecutiveUnpaid: 6, warning }) }));
    await renderRoutes(routes, '/members/7');
    const tab = await openDuesTab();
    const alert = within(tab).getByTestId('dues-warning');
    expect(alert.textContent).toContain(warning.message);
    expect(alert.textContent).toContain(`依据:${warning.rule}`);
  });

  it('records a payment for the chosen months with the 代缴人, and maps the server\'s months error', async () => {
    let answer = jsonResponse(400, {
      code: 'VALIDATION',
      message: '提交的数据不正确',
      fields: [{ path: 'months', message: '2026-04的党费已登记' }],
    });
    const calls = installFetch(server({ payment: () => answer }));
    await renderRoutes(routes, '/members/7');
    const tab = await openDuesTab();
    fireEvent.click(within(tab).getByRole('button', { name: /登记交纳/ }));
    const dialog = await findDialog(/交纳日期/);

    // Only this month and the six before it; December 2025 is named as too old.
    const boxes = within(dialog).getAllByRole('checkbox');
    expect(boxes.map((box) => box.closest('label')?.textContent)).toEqual([
      '2026年4月(应交 ¥120.00)',
      '2026年5月(应交 ¥120.00)',
      '2026年6月(应交 ¥120.00)',
      '2026年7月(应交 ¥120.00)',
    ]);
    expect(within(dialog).getByText(/另有1个月\(2025年12月起\)超过6个月/)).toBeTruthy();
    expect(within(dialog).getByLabelText('交纳日期')).toHaveProperty('value', '2026-07-15');

    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    expect(await within(dialog).findByText('请至少选择一个月份')).toBeTruthy();
    expect(calls.some((c) => c.path.endsWith('/payments'))).toBe(false);

    fireEvent.click(within(dialog).getByLabelText('2026年6月(应交 ¥120.00)'));
    fireEvent.click(within(dialog).getByLabelText('2026年4月(应交 ¥120.00)'));
    expect(await within(dialog).findByText('合计应交 ¥240.00(金额按各月标准计算)')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('代缴人'), { target: { value: ' 王秀兰 ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));

    expect(await within(dialog).findByText('2026-04的党费已登记')).toBeTruthy();
    const post = calls.find((c) => c.path === '/api/members/7/dues/payments');
    expect(post?.method).toBe('POST');
    expect(post?.headers.get('x-csrf-token')).toBe('csrf-1');
    expect(post?.body).toEqual({ months: ['2026-04', '2026-06'], paidOn: '2026-07-15', paidBy: '王秀兰' });

    const after = dues({
      months: [...dues().months.slice(0, 3), paid('2026-04', '2026-07-15', '王秀兰'), unpaid('2026-05'), paid('2026-06', '2026-07-15', '王秀兰'), unpaid('2026-07')],
      arrearsFen: 24000,
      unpaidMonths: ['2025-12', '2026-05', '2026-07'],
    });
    answer = jsonResponse(200, after);
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));

    expect(await screen.findByText('已登记2个月的党费')).toBeTruthy();
    await waitFor(() => expect(cells(monthRow(tab, '4月'))).toEqual(['4月', '¥120.00', '¥120.00', '2026-07-15', '王秀兰', '已交']));
    expect(within(tab).getByTestId('dues-arrears').textContent).toContain('¥240.00');
  });

  it('sets a basis: 月收入 only for income categories, 元 sent as 分, approval required for a reduction', async () => {
    const calls = installFetch(server({ basis: () => jsonResponse(200, dues()) }));
    await renderRoutes(routes, '/members/7');
    const tab = await openDuesTab();
    fireEvent.click(within(tab).getByRole('button', { name: /设置党费标准/ }));
    const dialog = await findDialog(/自某月起/);

    // Starts from the basis in force, from this month on.
    // The form fills in after the dialog opens: wait for it rather than read the first render.
    await waitFor(() => expect(within(dialog).getByLabelText('自某月起')).toHaveProperty('value', '2026-07'));
    await waitFor(async () => expect(await within(dialog).findByLabelText('月收入(元)')).toHaveProperty('value', '8000.00'));

    // 农民党员 pay a flat amount: no income asked.
    fireEvent.mouseDown(within(dialog).getByLabelText('类别'));
    fireEvent.click(await screen.findByTitle('农民'));
    await waitFor(() => expect(within(dialog).queryByLabelText('月收入(元)')).toBeNull());
    fireEvent.mouseDown(within(dialog).getByLabelText('类别'));
    fireEvent.click(await screen.findByTitle('离退休'));
    const income = await within(dialog).findByLabelText('月收入(元)');
    expect(within(dialog).getByText(/按每月离退休费总额填写/)).toBeTruthy();

    fireEvent.change(income, { target: { value: '3000.015' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    expect(await within(dialog).findByText('金额最多保留两位小数(精确到分)')).toBeTruthy();

    fireEvent.change(income, { target: { value: '3000.01' } });
    fireEvent.click(within(dialog).getByLabelText('少交'));
    // The reduction fields appear once the form has seen the choice.
    await within(dialog).findByLabelText('批准文件');
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    expect(await within(dialog).findByText('少交或免交党费须经上一级党委批准,请填写批准文件或说明')).toBeTruthy();
    expect(await within(dialog).findByText('请填写每月金额')).toBeTruthy();
    expect(calls.some((c) => c.path.endsWith('/basis'))).toBe(false);

    fireEvent.change(within(dialog).getByLabelText('每月少交后的金额(元)'), { target: { value: '0.5' } });
    fireEvent.change(within(dialog).getByLabelText('批准文件'), { target: { value: '西党字〔2026〕5号' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));

    expect(await screen.findByText('已保存党费标准')).toBeTruthy();
    const put = calls.find((c) => c.path === '/api/members/7/dues/basis');
    expect(put?.method).toBe('PUT');
    expect(put?.body).toEqual({
      effectiveFrom: '2026-07',
      category: 'retired',
      baseFen: 300001,
      reduction: { kind: 'reduced', amountFen: 50 },
      approvalNote: '西党字〔2026〕5号',
    });
  });

  it('hides the buttons from read-only roles', async () => {
    installFetch(server({ detail: memberDetail(ZHANG, { can: { edit: false, reveal: false, recordEvent: false } }) }));
    await renderRoutes(routes, '/members/7');
    const tab = await openDuesTab();
    expect(within(tab).getByTestId('dues-monthly').textContent).toContain('¥120.00');
    expect(within(tab).queryByRole('button', { name: /登记交纳/ })).toBeNull();
    expect(within(tab).queryByRole('button', { name: /设置党费标准/ })).toBeNull();
  });
});

describe('dues helpers', () => {
  it('offers only unpaid months from six months back to this month', () => {
    expect(payableMonths({ unpaidMonths: ['2026-07', '2025-12', '2026-01', '2025-06'] }, '2026-07')).toEqual({
      payable: ['2026-01', '2026-07'],
      tooOld: ['2025-06', '2025-12'],
    });
  });

  it('sends no base for flat-rate categories and no approval note without a reduction', () => {
    expect(
      basisBody({ effectiveFrom: '2026-07', category: 'farmer', baseYuan: '3000', reductionKind: 'none', approvalNote: '旧说明' }),
    ).toEqual({ effectiveFrom: '2026-07', category: 'farmer', baseFen: null, reduction: null, approvalNote: null });
    expect(basisBody({ effectiveFrom: '2026-07', category: 'retired', baseYuan: '4,500.5', reductionKind: 'exempt', approvalNote: ' 批文 ' })).toEqual({
      effectiveFrom: '2026-07', category: 'retired', baseFen: 450050, reduction: { kind: 'exempt' }, approvalNote: '批文',
    });
  });
});
