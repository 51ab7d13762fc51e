import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AssessmentPeriodDetail } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { server, SECRETARY } from '../../test/server';
import { entry, periodDetail, subject } from './period-fixtures';
import { PeriodPage } from './PeriodPage';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const routes = [{ path: '/assessment/periods/:id', element: <PeriodPage /> }];
const ADMIN = me(['town_admin']);
const OBJECTION = {
  id: 41, indicatorKey: 'open', reason: '公开栏照片已按期上传', raisedBy: '王书记', raisedAt: '2026-12-04T01:00:00.000Z',
  ruling: null, correctedPoints: null, rulingNote: null, ruledBy: null, ruledAt: null,
};

/** GET answers `detail`; each step answers `after` (the period as the server would return it). */
function api(detail: AssessmentPeriodDetail, who = ADMIN, after: AssessmentPeriodDetail = detail) {
  let current = detail;
  return server((call: RecordedCall) => {
    if (call.path === '/api/assessment/periods/7' && call.method === 'GET') return jsonResponse(200, current);
    if (call.path.startsWith('/api/assessment/periods/7/') && call.method === 'POST') {
      current = after;
      return jsonResponse(200, current);
    }
    return undefined;
  }, who);
}

const button = (container: HTMLElement, name: RegExp) => within(container).getByText(name).closest('button')!;
const posted = (calls: RecordedCall[], path: string) => calls.filter((c) => c.method === 'POST' && c.path === `/api/assessment/periods/7${path}`);

describe('考核期:公示、异议、裁定、审批与调整', () => {
  it('公示 waits until every leaf entered by hand is scored, and says who is missing', async () => {
    installFetch(api(periodDetail()));
    await renderRoutes(routes, '/assessment/periods/7');
    expect((await screen.findByTestId('publish-waits')).textContent).toBe('还有2个对象未评完(东村缺1项、南村缺1项),全部评分后方可公示。');
    expect(button(screen.getByTestId('period-actions'), /^公示$/).disabled).toBe(true);
  });

  it('the town publishes the draft after a confirm that says what it means', async () => {
    const done = [entry('open', 18), entry('work', 30)];
    const scored = periodDetail({ subjects: [subject(31, '东村', { entries: done }), subject(32, '西村', { entries: done })] });
    const calls = installFetch(api(scored, ADMIN, { ...scored, status: 'objection', objectionUntil: '2026-12-10', publishedAt: '2026-12-03T01:00:00.000Z' }));
    await renderRoutes(routes, '/assessment/periods/7');
    fireEvent.click(button(await screen.findByTestId('period-actions'), /^公示$/));
    expect(await screen.findByText(/公示后不能再评分/)).toBeTruthy();
    expect(screen.queryByTestId('publish-waits')).toBeNull();
    expect(posted(calls, '/publish')).toHaveLength(0);
    fireEvent.click(button(document.querySelector<HTMLElement>('.ant-popconfirm-buttons')!, /^公\s*示$/));
    expect(await screen.findByText('异议期至 2026-12-10 止;期满且异议全部裁定后可审批。')).toBeTruthy();
    expect(posted(calls, '/publish')).toHaveLength(1);
    expect(screen.getByTestId('period-status').textContent).toBe('异议期');
  });

  it('a village sees its own points with the evidence and objects to one leaf with a reason', async () => {
    const own = periodDetail({
      status: 'objection', objectionUntil: '2026-12-10', can: { score: false, manage: false, object: true },
      subjects: [subject(31, '东村', { score: 35, grade: '合格', entries: [entry('open', 10, '公开栏缺本月财务公开照片'), entry('work', 25)] })],
    });
    const calls = installFetch(api(own, SECRETARY, { ...own, subjects: [{ ...own.subjects[0], objections: [OBJECTION] }] }));
    await renderRoutes(routes, '/assessment/periods/7');
    expect(await screen.findByText('公开栏缺本月财务公开照片')).toBeTruthy();
    expect(screen.queryByTestId('band-distribution')).toBeNull();
    expect(screen.getByText(/异议期至 2026-12-10 止:对某项得分有异议/)).toBeTruthy();
    const row = screen.getByText('三务公开').closest('tr')!;
    fireEvent.click(button(row, /提出异议/));
    const dialog = await findDialog(/异议理由/);
    expect(within(dialog).getByText('东村 · 三务公开')).toBeTruthy();
    fireEvent.click(button(dialog, /提交异议/));
    expect(await within(dialog).findByText('请填写异议理由')).toBeTruthy();
    expect(within(dialog).getByText('0 / 300')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: '公开栏照片已按期上传' } });
    fireEvent.click(button(dialog, /提交异议/));
    await waitFor(() => expect(posted(calls, '/objections')).toHaveLength(1));
    expect(posted(calls, '/objections')[0].body).toEqual({ subjectId: 31, indicatorKey: 'open', reason: '公开栏照片已按期上传' });
    expect(await screen.findByText('异议待裁定:公开栏照片已按期上传')).toBeTruthy();
  });

  it('the town upholds an objection with corrected points within the 分值, and a note', async () => {
    const withObjection = periodDetail({
      status: 'objection', objectionUntil: '2026-12-10', can: { score: false, manage: true, object: false },
      subjects: [subject(31, '东村', { score: 35, grade: '合格', entries: [entry('open', 10), entry('work', 25)], objections: [OBJECTION] })],
    });
    const ruled = { ...OBJECTION, ruling: 'upheld' as const, correctedPoints: 20, rulingNote: '核实照片已按期上传', ruledBy: '镇党委管理员', ruledAt: '2026-12-05T01:00:00.000Z' };
    const calls = installFetch(api(withObjection, ADMIN, { ...withObjection, subjects: [{ ...withObjection.subjects[0], objections: [ruled] }] }));
    await renderRoutes(routes, '/assessment/periods/7');
    fireEvent.click(await screen.findByRole('tab', { name: '异议(1条待裁定)' }));
    const item = await screen.findByTestId('objection-41');
    expect(item.textContent).toContain('理由:公开栏照片已按期上传');
    fireEvent.click(button(item, /^裁定$/));
    const dialog = await findDialog(/裁定结果/);
    fireEvent.click(within(dialog).getByLabelText('异议成立'));
    await within(dialog).findByLabelText('更正后得分');
    fireEvent.click(button(dialog, /提交裁定/));
    expect(await within(dialog).findByText('请填写更正后得分')).toBeTruthy();
    expect(await within(dialog).findByText('请填写裁定说明')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('更正后得分'), { target: { value: '30' } });
    fireEvent.change(within(dialog).getByLabelText('裁定说明'), { target: { value: '核实照片已按期上传' } });
    fireEvent.click(button(dialog, /提交裁定/));
    expect(await within(dialog).findByText('更正后得分应为0到20分(分值)之间的整数')).toBeTruthy();
    expect(posted(calls, '/objections/41/ruling')).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText('更正后得分'), { target: { value: '20' } });
    fireEvent.click(button(dialog, /提交裁定/));
    await waitFor(() => expect(posted(calls, '/objections/41/ruling')).toHaveLength(1));
    expect(posted(calls, '/objections/41/ruling')[0].body).toEqual({ ruling: 'upheld', correctedPoints: 20, note: '核实照片已按期上传' });
    expect(await screen.findByText(/裁定:更正为20分;核实照片已按期上传/)).toBeTruthy();
  });

  it('the town rejects an objection without corrected points', async () => {
    const withObjection = periodDetail({ status: 'objection', objectionUntil: '2026-12-10', subjects: [subject(31, '东村', { entries: [entry('open', 10)], objections: [OBJECTION] })] });
    const calls = installFetch(api(withObjection));
    await renderRoutes(routes, '/assessment/periods/7');
    fireEvent.click(await screen.findByRole('tab', { name: '异议(1条待裁定)' }));
    fireEvent.click(button(await screen.findByTestId('objection-41'), /^裁定$/));
    const dialog = await findDialog(/裁定结果/);
    fireEvent.click(within(dialog).getByLabelText('异议不成立'));
    expect(within(dialog).queryByLabelText('更正后得分')).toBeNull();
    fireEvent.change(within(dialog).getByLabelText('裁定说明'), { target: { value: '照片为上月所拍' } });
    fireEvent.click(button(dialog, /提交裁定/));
    await waitFor(() => expect(posted(calls, '/objections/41/ruling')).toHaveLength(1));
    expect(posted(calls, '/objections/41/ruling')[0].body).toEqual({ ruling: 'rejected', correctedPoints: null, note: '照片为上月所拍' });
  });

  it('the town approves with a note; the locked period takes an adjustment, listed under its subject', async () => {
    const waiting = periodDetail({ status: 'approval', objectionUntil: '2026-12-10', can: { score: false, manage: true, object: false } });
    const locked = { ...waiting, status: 'locked' as const, approvedAt: '2026-12-12T02:00:00.000Z', approvedBy: '镇党委管理员', approvalNote: '同意' };
    const calls = installFetch(api(waiting, ADMIN, locked));
    await renderRoutes(routes, '/assessment/periods/7');
    fireEvent.click(button(await screen.findByTestId('period-actions'), /审批/));
    const dialog = await findDialog(/审批后本期锁定/);
    fireEvent.change(within(dialog).getByLabelText('审批意见'), { target: { value: '同意' } });
    fireEvent.click(button(dialog, /审批并锁定/));
    await waitFor(() => expect(screen.getByTestId('period-status').textContent).toBe('已锁定'));
    expect(posted(calls, '/approve')[0].body).toEqual({ note: '同意' });
    expect(screen.getByText('同意')).toBeTruthy();

    fireEvent.click(screen.getByTestId('subject-31'));
    fireEvent.click(button(await screen.findByTestId('subject-results'), /^录入调整$/));
    const adjust = await findDialog(/原得分不变/);
    fireEvent.click(button(adjust.querySelector<HTMLElement>('.ant-modal-footer')!, /^录入调整$/));
    expect(await within(adjust).findByText('请填写调整理由')).toBeTruthy();
    expect(posted(calls, '/adjustments')).toHaveLength(0);
  });

  it('a correction after locking is an adjustment entry with its delta and reason, listed under the subject', async () => {
    const locked = periodDetail({ status: 'locked', objectionUntil: '2026-12-10', approvedAt: '2026-12-12T02:00:00.000Z', approvedBy: '镇党委管理员', can: { score: false, manage: true, object: false } });
    const adjustment = { id: 51, indicatorKey: 'work', delta: -3, reason: '复核发现重点工作台账缺一项', by: '镇党委管理员', at: '2026-12-20T02:00:00.000Z' };
    const after = { ...locked, subjects: locked.subjects.map((s) => (s.subjectId === 31 ? { ...s, score: 32, adjustments: [adjustment] } : s)) };
    const calls = installFetch(api(locked, ADMIN, after));
    await renderRoutes(routes, '/assessment/periods/7');
    expect((await screen.findByTestId('period-status')).textContent).toBe('已锁定');
    fireEvent.click(screen.getByTestId('subject-31'));
    fireEvent.click(button(await screen.findByTestId('subject-results'), /^录入调整$/));
    const dialog = await findDialog(/原得分不变/);
    fireEvent.mouseDown(within(dialog).getByLabelText('指标'));
    fireEvent.click(await waitFor(() => [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find((el) => el.textContent === '重点工作(分值40)')!));
    fireEvent.change(within(dialog).getByLabelText('调整分值'), { target: { value: '-3' } });
    fireEvent.change(within(dialog).getByLabelText('调整理由'), { target: { value: '复核发现重点工作台账缺一项' } });
    fireEvent.click(button(dialog.querySelector<HTMLElement>('.ant-modal-footer')!, /^录入调整$/));
    await waitFor(() => expect(posted(calls, '/adjustments')).toHaveLength(1));
    expect(posted(calls, '/adjustments')[0].body).toEqual({ subjectId: 31, indicatorKey: 'work', delta: -3, reason: '复核发现重点工作台账缺一项' });
    expect((await screen.findByTestId('adjustments-31')).textContent).toContain('重点工作 -3分:复核发现重点工作台账缺一项');
  });

  it('on a 390 px phone the village reads its leaves as blocks, not a wide table', async () => {
    const original = window.matchMedia;
    window.matchMedia = (query: string) => ({
      matches: query === '(max-width: 767.98px)', media: query, onchange: null, addListener: () => {}, removeListener: () => {},
      addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false,
    }) as MediaQueryList;
    try {
      installFetch(api(periodDetail({
        status: 'objection', objectionUntil: '2026-12-10', can: { score: false, manage: false, object: true },
        subjects: [subject(31, '东村', { score: 35, grade: '合格', entries: [entry('open', 10, '公开栏缺本月财务公开照片')] })],
      }), SECRETARY));
      await renderRoutes(routes, '/assessment/periods/7');
      const leaf = await screen.findByTestId('leaf-31-open');
      expect(leaf.textContent).toContain('公开栏缺本月财务公开照片');
      expect(within(leaf).getByText('提出异议')).toBeTruthy();
      expect(screen.getByTestId('leaf-31-life').textContent).toContain('由平台记录自动计算,公示时计入');
      expect(document.querySelector('.ant-table')).toBeNull();
    } finally {
      window.matchMedia = original;
    }
  });
});
