import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AssessmentPeriodDetail, EnterAssessmentScore } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { server } from '../../test/server';
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
const SUPERVISOR = me(['supervisor']);

/** The period as GET answers it; a PUT of scores answers it with the entry entered. */
function api(detail: AssessmentPeriodDetail, who = ADMIN) {
  let current = detail;
  return server((call) => {
    if (call.path === '/api/assessment/periods/7' && call.method === 'GET') return jsonResponse(200, current);
    if (call.path === '/api/assessment/periods/7/scores' && call.method === 'PUT') {
      const body = call.body as EnterAssessmentScore;
      current = {
        ...current,
        subjects: current.subjects.map((s) => (s.subjectId === body.subjectId
          ? subject(s.subjectId, s.name, { entries: [...s.entries.filter((e) => e.indicatorKey !== body.indicatorKey), entry(body.indicatorKey, body.points, body.evidence)] }) : s)),
      };
      return jsonResponse(200, current);
    }
    return undefined;
  }, who);
}

const button = (container: HTMLElement, name: RegExp) => within(container).getByText(name).closest('button')!;

describe('考核期:等次分布与评分台', () => {
  it('shows how many subjects fall in each band, and lists the subjects in the API\'s order, not by score', async () => {
    installFetch(api(periodDetail({ can: { score: false, manage: true, object: false }, status: 'objection', objectionUntil: '2026-12-10' })));
    await renderRoutes(routes, '/assessment/periods/7');
    const bands = await screen.findByTestId('band-distribution');
    expect(within(bands).getByTestId('band-优秀').textContent).toContain('1个');
    expect(within(bands).getByTestId('band-合格').textContent).toContain('1个');
    expect(within(bands).getByTestId('band-不合格').textContent).toContain('1个');
    expect(bands.textContent).toContain('不排名次');
    const names = [...screen.getByTestId('subject-results').querySelectorAll('[data-testid^="subject-"]')].map((el) => el.textContent?.slice(0, 2));
    expect(names).toEqual(['东村', '西村', '南村']);
    expect(screen.getByText('异议期至')).toBeTruthy();
    expect(screen.queryByRole('tab', { name: '评分' })).toBeNull();
  });

  it('the town scores any leaf a person scores: points beyond the 分值 and a missing evidence are refused before sending', async () => {
    const base = periodDetail();
    const live = {
      indicatorKey: 'life', measure: 'organization_life_on_time' as const, label: '组织生活按期', source: '组织生活合规日历', weight: 40, points: 33,
      numerator: 5, denominator: 6, ratioBasisPoints: 8333, display: '83.33%', nothingDue: false, link: '/compliance?orgId=31&period=2026-11',
    };
    const calls = installFetch(api({ ...base, measuresAsOf: '2026-11-20', subjects: base.subjects.map((s) => (s.subjectId === 31 ? { ...s, measures: [live] } : s)) }));
    await renderRoutes(routes, '/assessment/periods/7');
    const desk = await screen.findByTestId('scoring-desk');
    expect(screen.getByRole('tab', { name: '评分' }).getAttribute('aria-selected')).toBe('true');
    expect(within(screen.getByTestId('period-actions')).getByText('公示')).toBeTruthy();
    expect(within(desk).getByTestId('score-progress').textContent).toBe('已评 1/2 项');
    const open = within(desk).getByTestId('score-31-open');
    expect(within(open).getByText('评分依据:公开栏照片')).toBeTruthy();
    expect(within(desk).getByTestId('score-31-work')).toBeTruthy();
    // The measure leaf is read-only: its live figure from the records, with a link to them.
    const measures = within(desk).getByTestId('measures-31');
    expect(measures.textContent).toContain('组织生活按期 83.33%(取自组织生活合规日历,实时)');
    expect(measures.textContent).toContain('33分');
    expect(within(measures).getByText('查看记录').getAttribute('href')).toBe('/compliance?orgId=31&period=2026-11');
    expect(screen.getByText(/计量指标按截至 2026-11-20 的平台记录实时计算/)).toBeTruthy();
    expect(within(desk).queryByTestId('score-31-life')).toBeNull();

    fireEvent.change(within(open).getByLabelText('三务公开得分'), { target: { value: '25' } });
    fireEvent.click(button(open, /保存得分/));
    expect(await within(open).findByText('得分应为0到20分(分值)之间的整数')).toBeTruthy();
    expect(await within(open).findByText('请填写评分依据(佐证材料及说明)')).toBeTruthy();
    expect(within(open).getByText('0 / 300')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    fireEvent.change(within(open).getByLabelText('三务公开得分'), { target: { value: '18' } });
    fireEvent.change(within(open).getByLabelText('三务公开评分依据'), { target: { value: '公开栏照片齐全,财务公开晚两天' } });
    fireEvent.click(button(open, /保存得分/));
    await waitFor(() => expect(within(desk).getByTestId('score-progress').textContent).toBe('已评 2/2 项'));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe('/api/assessment/periods/7/scores');
    expect(put.body).toEqual({ subjectId: 31, indicatorKey: 'open', points: 18, evidence: '公开栏照片齐全,财务公开晚两天' });
  });

  it('a 包村干部 scores only the supervisor\'s leaves of the villages they see', async () => {
    installFetch(api(periodDetail({ can: { score: true, manage: false, object: false } }), SUPERVISOR));
    await renderRoutes(routes, '/assessment/periods/7');
    const desk = await screen.findByTestId('scoring-desk');
    expect(within(desk).getByTestId('score-31-work')).toBeTruthy();
    expect(within(desk).queryByTestId('score-31-open')).toBeNull();
    expect(within(desk).getByTestId('score-progress').textContent).toBe('已评 1/1 项');
    expect(screen.queryByTestId('period-actions')).toBeNull();
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['得分与等次', '评分']);
  });

  it('报酬: a month period opens its pay panel on the tab; a quarter period and a 包村干部 scoring villages have none', async () => {
    const calls = installFetch(server((call) => {
      if (call.path === '/api/assessment/periods/7') return jsonResponse(200, periodDetail({ status: 'locked' }));
      if (call.path === '/api/assessment/periods/7/pay') {
        return jsonResponse(200, { periodId: 7, period: '2026-11', schemeName: '村级"3+7"激励机制', audience: 'village_cadre', status: 'locked', people: [], totalFen: 0, can: { editItems: false, payroll: true, townPayroll: true } });
      }
      return undefined;
    }, ADMIN));
    await renderRoutes(routes, '/assessment/periods/7');
    expect(calls.some((c) => c.path === '/api/assessment/periods/7/pay')).toBe(false);
    fireEvent.click(await screen.findByRole('tab', { name: '报酬' }));
    expect(await screen.findByTestId('period-pay')).toBeTruthy();
    expect(calls.some((c) => c.path === '/api/assessment/periods/7/pay')).toBe(true);
    cleanup();

    installFetch(api(periodDetail({ periodKind: 'quarter', period: '2026-Q4' })));
    await renderRoutes(routes, '/assessment/periods/7');
    await screen.findByTestId('scoring-desk');
    expect(screen.queryByRole('tab', { name: '报酬' })).toBeNull();
    cleanup();

    installFetch(api(periodDetail({ can: { score: true, manage: false, object: false } }), SUPERVISOR));
    await renderRoutes(routes, '/assessment/periods/7');
    await screen.findByTestId('scoring-desk');
    expect(screen.queryByRole('tab', { name: '报酬' })).toBeNull();
  });
});
