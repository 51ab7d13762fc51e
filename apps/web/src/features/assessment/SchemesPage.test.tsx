import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AssessmentSchemeDetail, AssessmentSchemeList, AssessmentVersion, SchemePreviewSources } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { server } from '../../test/server';
import { SchemesPage } from './SchemesPage';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const routes = [{ path: '/assessment/schemes', element: <SchemesPage /> }];
const ADMIN = me(['town_admin']);

const VERSION: AssessmentVersion = {
  id: 11, version: 1, effectiveFrom: '2026-01', posts: ['secretary'], note: null, createdBy: '镇党委管理员', createdAt: '2026-01-02T08:00:00.000Z',
  bands: [{ label: '优秀', min: 90 }, { label: '合格', min: 60 }, { label: '不合格', min: 0 }],
  indicators: [
    { key: 'party', name: '党建工作', weight: 60, scorer: null, measure: null, evidence: null, children: [
      { key: 'life', name: '组织生活按期开展', weight: 40, scorer: 'measure', measure: 'organization_life_on_time', evidence: null, children: [] },
      { key: 'open', name: '三务公开', weight: 20, scorer: 'town_office', measure: null, evidence: '公开栏照片', children: [] },
    ] },
    { key: 'work', name: '重点工作', weight: 40, scorer: 'supervisor', measure: null, evidence: '包村干部记录', children: [] },
  ],
};
const DETAIL: AssessmentSchemeDetail = {
  id: 5, name: '村级"3+7"激励机制(示例,本镇可改)', audience: 'village_cadre', periodKind: 'month', isExample: true,
  createdAt: '2026-01-02T08:00:00.000Z', updatedAt: '2026-01-02T08:00:00.000Z', versions: [VERSION], currentVersion: 1, can: { manage: true },
};
const LIST: AssessmentSchemeList = {
  rows: [{
    id: 5, name: DETAIL.name, audience: 'village_cadre', periodKind: 'month', isExample: true, createdAt: DETAIL.createdAt, updatedAt: DETAIL.updatedAt,
    current: { version: 1, effectiveFrom: '2026-01', posts: ['secretary'], indicatorCount: 4, bands: VERSION.bands }, versionCount: 1, nextEffectiveFrom: null,
  }],
  can: { manage: true },
};

/** 王庄村's month: 三务公开 scored 16 of 20, 重点工作 none; 组织生活 5 of 6 on time in the records. */
const SOURCES: SchemePreviewSources = {
  organizationId: 3, organizationName: '王庄村党支部', period: '2026-10', periodId: 9, periodStatus: 'locked',
  entries: [{ indicatorKey: 'open', name: '三务公开', points: 16, weight: 20 }],
  measures: [{ measure: 'organization_life_on_time', label: '组织生活按期', numerator: 5, denominator: 6, ratioBasisPoints: 8333, display: '83.33%', link: '/compliance' }],
  nothingDuePct: 100,
};

function api(detail: AssessmentSchemeDetail = DETAIL) {
  return server((call) => {
    if (call.path === '/api/assessment/scheme-preview') return jsonResponse(200, SOURCES);
    if (call.path === '/api/assessment/schemes') return jsonResponse(200, LIST);
    if (call.path === '/api/assessment/schemes/5' && call.method === 'GET') return jsonResponse(200, detail);
    if (call.path === '/api/assessment/schemes/5/versions') return jsonResponse(200, detail);
    return undefined;
  }, detail.can.manage ? ADMIN : undefined);
}

describe('考核方案', () => {
  it('lists the example schemes, marked as examples the town edits, and shows a version\'s tree with who scores each indicator', async () => {
    installFetch(api());
    await renderRoutes(routes, '/assessment/schemes');
    const card = await screen.findByTestId('scheme-5');
    expect(within(card).getByText('示例,本镇可改')).toBeTruthy();
    expect(within(card).getByText(/村干部 · 月度考核 · 第1版\(自2026年1月起\)/)).toBeTruthy();
    fireEvent.click(within(card).getByText(/^查\s*看$/).closest('button')!);
    const version = await screen.findByTestId('scheme-version');
    expect(within(version).getByText('组织生活按期(取自组织生活合规日历)')).toBeTruthy();
    expect(within(version).getByText('包村干部/督导')).toBeTruthy();
    expect(within(version).getByText('下级指标得分之和')).toBeTruthy();
  });

  it('the town edits a scheme as its next version: a total that does not add up blocks saving, the fixed tree is sent', async () => {
    const calls = installFetch(api());
    await renderRoutes(routes, '/assessment/schemes');
    fireEvent.click(within(await screen.findByTestId('scheme-5')).getByText(/^查\s*看$/).closest('button')!);
    fireEvent.click(await screen.findByText('修改(生成新版本)'));
    const editor = await screen.findByTestId('scheme-editor');
    const weight = within(editor).getByLabelText('一级指标2分值');
    fireEvent.change(weight, { target: { value: '30' } });
    expect(await within(editor).findByText(/一级指标分值合计应为100,现为90/)).toBeTruthy();
    const save = screen.getByText('保存为新版本').closest('button')!;
    expect(save.hasAttribute('disabled')).toBe(true);
    fireEvent.change(within(editor).getByLabelText('一级指标1分值'), { target: { value: '70' } });
    fireEvent.change(within(editor).getByLabelText('二级指标1.1分值'), { target: { value: '50' } });
    await waitFor(() => expect(within(editor).queryByText(/分值还没有对上/)).toBeNull());
    fireEvent.click(save);
    await waitFor(() => expect(calls.some((c) => c.path === '/api/assessment/schemes/5/versions')).toBe(true));
    const body = calls.find((c) => c.path === '/api/assessment/schemes/5/versions')!.body as { indicators: { weight: number; children: { weight: number }[] }[] };
    expect(body.indicators.map((i) => i.weight)).toEqual([70, 30]);
    expect(body.indicators[0].children.map((c) => c.weight)).toEqual([50, 20]);
  });

  it('previews a village\'s month under the tree being edited, recomputed as a 分值 changes', async () => {
    const calls = installFetch(api());
    await renderRoutes(routes, '/assessment/schemes');
    fireEvent.click(within(await screen.findByTestId('scheme-5')).getByText(/^查\s*看$/).closest('button')!);
    fireEvent.click(await screen.findByText('修改(生成新版本)'));
    const preview = await screen.findByTestId('scheme-preview');
    fireEvent.mouseDown(within(preview).getByLabelText('预览村'));
    fireEvent.click(await screen.findByTitle('王庄村党支部'));
    // 组织生活 40 × 83.33 % = 33, 三务公开 16 of 20, 重点工作 not scored that month: 49, 不合格.
    const total = await within(preview).findByTestId('preview-total');
    expect(total.textContent).toMatch(/49分.*不合格.*1项该月无得分/);
    expect(calls.find((c) => c.path === '/api/assessment/scheme-preview')!.url).toMatch(/orgId=3/);
    fireEvent.change(within(screen.getByTestId('scheme-editor')).getByLabelText('二级指标1.2分值'), { target: { value: '10' } });
    await waitFor(() => expect(within(preview).getByTestId('preview-total').textContent).toMatch(/41分/)); // 16 of 20 → 8 of 10
    expect(within(preview).getByText('该月考核期得分 16/20,按新分值10折算')).toBeTruthy();
  });

  it('warns at once when an indicator asks for what the 减负 rules forbid', async () => {
    installFetch(api());
    await renderRoutes(routes, '/assessment/schemes');
    fireEvent.click(within(await screen.findByTestId('scheme-5')).getByText(/^查\s*看$/).closest('button')!);
    fireEvent.click(await screen.findByText('修改(生成新版本)'));
    const editor = await screen.findByTestId('scheme-editor');
    fireEvent.change(within(editor).getByLabelText('一级指标2名称'), { target: { value: '学习强国积分排名' } });
    expect(await within(editor).findByText(/含有“积分”:根据整治形式主义为基层减负有关规定/)).toBeTruthy();
  });

  it('a village secretary reads the schemes but cannot change them', async () => {
    installFetch(api({ ...DETAIL, can: { manage: false } }));
    await renderRoutes(routes, '/assessment/schemes');
    fireEvent.click(within(await screen.findByTestId('scheme-5')).getByText(/^查\s*看$/).closest('button')!);
    await screen.findByTestId('scheme-version');
    expect(screen.queryByText('修改(生成新版本)')).toBeNull();
  });
});
