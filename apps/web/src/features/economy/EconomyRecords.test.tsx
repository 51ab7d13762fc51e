import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Actor, EconomyLinkOptions, EconomyOverview, Product, Project } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { server } from '../../test/server';
import { ActorsTab } from './ActorsTab';
import { EconomyPage } from './EconomyPage';
import { ProductsTab } from './ProductsTab';
import { ProjectsTab } from './ProjectsTab';

/** The 集体经济 page's 一村一品, 经营主体 and 村级项目 sections (issue 18 points 4–5). */
beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

/** Each section on its own route, so a test renders only the section it is about; the page's tabs have a test of their own. */
const routes = [
  { path: '/economy', element: <EconomyPage /> }, { path: '/products', element: <ProductsTab /> },
  { path: '/actors', element: <ActorsTab /> }, { path: '/projects', element: <ProjectsTab /> },
];
const WAN = 1_000_000;
const VILLAGES = [{ organizationId: 3, villageName: '金茂村', canEdit: true }, { organizationId: 4, villageName: '赵庄村', canEdit: true }];
const OVERVIEW: EconomyOverview = { years: [2026], thresholdFen: 10 * WAN, thresholdSource: '', villages: [], town: [], can: { enter: true, approve: true, import: true } };
const PRODUCT: Product = {
  id: 1, organizationId: 3, villageName: '金茂村', name: '金茂木耳', category: 'fungi', naturalVillage: null, areaMu: 120.5, outputAmount: 300, outputUnit: '吨',
  valueFen: 450 * WAN, figuresYear: 2025, households: 86, brand: '绿色食品认证', note: null, isDemo: false, updatedAt: '2026-03-01T02:00:00.000Z', can: { edit: true },
};
const ACTOR: Actor = {
  id: 7, organizationId: 3, villageName: '金茂村', kind: 'cooperative', name: '金茂食用菌专业合作社', representative: '张三', leaderTalentId: 5, leaderName: '王致富',
  members: 45, households: 120, business: '木耳种植与销售', note: null, isDemo: false, updatedAt: '2026-03-01T02:00:00.000Z', can: { edit: true },
  support: [{ id: 11, kind: 'funds', year: 2024, amountFen: 20 * WAN, description: null, source: '区农业农村局' }], supportFen: 20 * WAN,
};
const PROJECT: Project = {
  id: 9, organizationId: 3, villageName: '金茂村', name: '木耳大棚二期', investmentFen: 80 * WAN, funding: [{ source: '财政衔接资金', amountFen: 80 * WAN }],
  stage: 'building', approvedOn: '2024-03-01', startedOn: '2024-05-10', acceptedOn: null, operatingOn: null, acceptanceNote: null, note: null,
  fourTwo: { id: 21, title: '木耳大棚二期建设' }, disclosure: null, incomes: [{ year: 2025, amountFen: 6 * WAN, note: '大棚租金' }], incomeFen: 6 * WAN,
  photos: [{ id: 31, caption: '大棚', size: 2048, uploadedAt: '2026-03-01T02:00:00.000Z' }], isDemo: false, updatedAt: '2026-03-01T02:00:00.000Z', can: { edit: true },
};
const LINKS: EconomyLinkOptions = { talents: [{ id: 5, name: '王致富' }, { id: 6, name: '李带头' }], fourTwo: [{ id: 21, title: '木耳大棚二期建设', status: 'open' }], disclosures: [] };

function recordsServer() {
  return server((call: RecordedCall) => {
    if (call.path === '/api/economy') return jsonResponse(200, OVERVIEW);
    if (call.path === '/api/economy/products') return jsonResponse(200, call.method === 'GET' ? { villages: VILLAGES, items: [PRODUCT] } : { ...PRODUCT, id: 2 });
    if (call.path === '/api/economy/actors') return jsonResponse(200, { villages: VILLAGES, items: [ACTOR] });
    if (call.path === '/api/economy/actors/7/support') return jsonResponse(200, ACTOR);
    if (call.path === '/api/economy/projects') return jsonResponse(200, { villages: VILLAGES, items: [PROJECT] });
    if (call.path.startsWith('/api/economy/projects/9')) return jsonResponse(200, PROJECT);
    if (call.path === '/api/economy/villages/3/link-options') return jsonResponse(200, LINKS);
    return undefined;
  }, me(['town_admin']));
}

const SECTIONS: Record<string, string> = { 一村一品: '/products', 经营主体: '/actors', 村级项目: '/projects' };
const openTab = (name: string) => renderRoutes(routes, SECTIONS[name]);

function typeDate(input: HTMLElement, value: string) {
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
}

/** Picks an option of the antd Select labelled `label` inside `scope`. */
async function choose(scope: HTMLElement, label: string, option: string) {
  const input = within(scope).getByLabelText(label);
  fireEvent.mouseDown(input.closest('.ant-select')!.querySelector('.ant-select-selector') ?? input);
  fireEvent.click(await screen.findByTitle(option));
}

describe('集体经济 · 一村一品, 经营主体, 村级项目', () => {
  it('lists each village\'s products in a card and says when a village has none', async () => {
    installFetch(recordsServer());
    await openTab('一村一品');
    const list = await screen.findByTestId('products');
    expect(within(screen.getByTestId('products-3')).getByText('金茂木耳')).toBeTruthy();
    expect(within(screen.getByTestId('products-3')).getByText(/120.5亩 · 年产300吨 · 年产值450万元 · 带动86户/)).toBeTruthy();
    expect(within(screen.getByTestId('products-4')).getByText('暂无一村一品')).toBeTruthy();
    expect(list).toBeTruthy();
  });

  it('files a new product from the village card, the counter from the contract, 万元 sent as 分', async () => {
    const calls = installFetch(recordsServer());
    await openTab('一村一品');
    await screen.findByTestId('products');
    fireEvent.click(within(screen.getByTestId('products-4')).getByRole('button', { name: /登记产品/ }));
    const form = await screen.findByRole('form', { name: '一村一品' });
    fireEvent.change(within(form).getByLabelText('产品名称'), { target: { value: '赵庄良种' } });
    // The counter of a limited field, from the contract's limit.
    expect(within(form).getByText('4 / 60')).toBeTruthy();
    await choose(form, '产品类别', '良种');
    fireEvent.change(within(form).getByLabelText('所在自然村'), { target: { value: '赵庄' } });
    fireEvent.change(within(form).getByLabelText('年产值(万元)'), { target: { value: '88.5' } });
    fireEvent.click(within(form).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/economy/products' && c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({ organizationId: 4, name: '赵庄良种', category: 'seed', naturalVillage: '赵庄', valueFen: 88_500_000 });
  });

  it('shows an actor\'s 致富带头人 and support, and records a support row from its drawer', async () => {
    const calls = installFetch(recordsServer());
    await openTab('经营主体');
    const card = await screen.findByTestId('actors-3');
    expect(within(card).getByText(/致富带头人:王致富/)).toBeTruthy();
    expect(within(card).getByText('扶持1项,资金20万元')).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: '修改' }));
    const support = await screen.findByTestId('actor-support');
    expect(within(support).getByText(/2024年 · 资金 · 20万元 · 区农业农村局/)).toBeTruthy();
    const form = within(support).getByRole('form', { name: '记录扶持' });
    fireEvent.change(within(form).getByLabelText('扶持内容'), { target: { value: '食用菌技术培训' } });
    fireEvent.change(within(form).getByLabelText('扶持来源'), { target: { value: '镇农业站' } });
    fireEvent.click(within(form).getByRole('button', { name: /添加扶持记录/ }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/economy/actors/7/support')).toBe(true));
    expect(calls.find((c) => c.path === '/api/economy/actors/7/support')!.body).toMatchObject({ kind: 'funds', description: '食用菌技术培训', source: '镇农业站', amountFen: null });
  });

  it('opens a project with its stage, links, 收益 and photos, and uploads a photo', async () => {
    const calls = installFetch(recordsServer());
    await openTab('村级项目');
    const card = await screen.findByTestId('projects-3');
    expect(within(card).getByText('建设中')).toBeTruthy();
    expect(within(card).getByText('四议两公开')).toBeTruthy();
    expect(within(card).getByText(/投资80万元 · 立项2024-03-01 · 累计收益6万元 · 照片1张/)).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: '修改' }));
    const form = await screen.findByRole('form', { name: '村级项目' });
    // 建设中: 立项 and 开工 dates, no 验收 yet.
    expect(within(form).getByLabelText('开工日期')).toBeTruthy();
    expect(within(form).queryByLabelText('验收日期')).toBeNull();
    expect(within(screen.getByTestId('project-incomes')).getByText(/2025年 · 6万元 · 大棚租金/)).toBeTruthy();
    const photos = screen.getByTestId('project-photos');
    expect(photos.querySelector('img.ant-image-img')!.getAttribute('src')).toBe('/api/economy/projects/9/photos/31');
    fireEvent.change(within(photos).getByLabelText('上传照片'), { target: { files: [new File(['jpeg'], '大棚.jpg', { type: 'image/jpeg' })] } });
    await waitFor(() => expect(calls.some((c) => c.path === '/api/economy/projects/9/photos' && c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.path === '/api/economy/projects/9/photos')!.form?.get('file')).toBeTruthy();
  });

  it('moves a project to 已验收: the 验收 date and note appear, and the edit is sent with its dates and links', async () => {
    const calls = installFetch(recordsServer());
    await openTab('村级项目');
    fireEvent.click(within(await screen.findByTestId('projects-3')).getByRole('button', { name: '修改' }));
    const form = await screen.findByRole('form', { name: '村级项目' });
    await choose(form, '进度', '已验收');
    typeDate(await within(form).findByLabelText('验收日期'), '2024-10-01');
    fireEvent.change(within(form).getByLabelText('验收意见'), { target: { value: '镇农业站验收合格' } });
    fireEvent.click(within(form).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/economy/projects/9' && c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({
      name: '木耳大棚二期', investmentFen: 80 * WAN, funding: [{ source: '财政衔接资金', amountFen: 80 * WAN }], stage: 'accepted',
      approvedOn: '2024-03-01', startedOn: '2024-05-10', acceptedOn: '2024-10-01', operatingOn: null, acceptanceNote: '镇农业站验收合格',
      fourTwoId: 21, disclosureId: null,
    });
  });

  it('the 集体经济 page offers the three sections as tabs beside the income', async () => {
    installFetch(recordsServer());
    await renderRoutes(routes, '/economy');
    fireEvent.click(await screen.findByRole('tab', { name: '村级项目' }));
    expect(await screen.findByTestId('projects')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /导入三资收入表/ })).toBeNull();
  });

  it('shows the empty state when no village is in scope', async () => {
    installFetch(server((call) => {
      if (call.path === '/api/economy') return jsonResponse(200, OVERVIEW);
      if (call.path === '/api/economy/projects') return jsonResponse(200, { villages: [], items: [] });
      return undefined;
    }, me(['town_admin'])));
    await openTab('村级项目');
    expect(await screen.findByText('没有可查看的村')).toBeTruthy();
  });
});
