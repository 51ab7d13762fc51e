import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { BenchmarkBoard, BenchmarkCell } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { SECRETARY, server } from '../../test/server';
import { BenchmarkPage } from './BenchmarkPage';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const routes = [{ path: '/dashboard/benchmark', element: <BenchmarkPage /> }];
const ADMIN = me(['town_admin']);
const cell = (year: number, c: Partial<BenchmarkCell>): BenchmarkCell => ({
  year, own: null, ownSource: null, benchmark: null, source: null, gap: null, ratio: null, ahead: null, enteredBy: null, enteredAt: null, ...c,
});
const BOARD: BenchmarkBoard = {
  town: { id: 1, name: '周庄镇', note: '对标镇(演示)' },
  years: [2025, 2026],
  indicators: [
    {
      id: 11, catalogueKey: 'recruited', name: '当年发展党员数', unit: '人', group: 'party_building', higherIsBetter: true, computed: true, percent: false,
      cells: [cell(2025, { own: 2, benchmark: 4, source: '周庄镇年度工作报告', gap: -2, ratio: 0.5, ahead: false }), cell(2026, { own: 5, ownSource: '截至2026-12-07,党员名册' })],
    },
    {
      id: 12, catalogueKey: 'collective_income_per_village', name: '村均集体经济收入', unit: '万元', group: 'innovation', higherIsBetter: true, computed: false, percent: false,
      cells: [cell(2025, { own: 30, ownSource: '镇经管站报表', benchmark: 20, source: '周庄镇年度工作报告', gap: 10, ratio: 1.5, ahead: true }), cell(2026, {})],
    },
  ],
  can: { manage: true },
};

describe('对标', () => {
  it('shows each indicator by year with own, benchmark and the gap coloured by direction, and which values are entered by hand', async () => {
    installFetch(server((call) => (call.path === '/api/benchmark' ? jsonResponse(200, BOARD) : undefined), ADMIN));
    await renderRoutes(routes, '/dashboard/benchmark');
    const table = await screen.findByTestId('benchmark-table');
    expect(screen.getByText('对标:周庄镇')).toBeTruthy();
    const gaps = within(table).getAllByTestId('benchmark-gap');
    expect(gaps.map((g) => g.textContent)).toEqual(['-2(为对标镇的50%)', '+10(为对标镇的150%)']);
    expect(gaps[0].className).toContain('danger');
    expect(gaps[1].className).toContain('success');
    expect(within(table).getAllByText('来源:手工录入').length).toBeGreaterThan(0);
    expect(within(table).getByText('来源:手工录入(镇经管站报表)')).toBeTruthy();
  });

  it('enters a year\'s benchmark value with its source (a counter on the source), and refuses it without a source', async () => {
    const calls = installFetch(server((call) => {
      if (call.path === '/api/benchmark') return jsonResponse(200, BOARD);
      if (call.path === '/api/benchmark/indicators/11/values/2026' && call.method === 'PUT') return jsonResponse(200, { ok: true });
      return undefined;
    }, ADMIN));
    await renderRoutes(routes, '/dashboard/benchmark');
    fireEvent.click(await screen.findByRole('button', { name: '录入2026年当年发展党员数' }));
    const dialog = await screen.findByRole('dialog');
    // A computed indicator takes no own value: the records give it.
    expect(within(dialog).queryByLabelText(/本镇数值\(/)).toBeNull();
    fireEvent.change(within(dialog).getByLabelText('周庄镇数值(人)'), { target: { value: '6' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('请填写对标镇数值来源')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('周庄镇数值来源'), { target: { value: '周庄镇2026年工作报告' } });
    expect(within(dialog).getByText('12 / 200')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ benchmarkValue: 6, source: '周庄镇2026年工作报告', ownValue: null, ownSource: null });
  });

  it('adds an indicator from the catalogue (the ones already picked left out) or a 自定义 one', async () => {
    const calls = installFetch(server((call) => {
      if (call.path === '/api/benchmark') return jsonResponse(200, BOARD);
      if (call.path === '/api/benchmark/indicators' && call.method === 'POST') return jsonResponse(200, { id: 13 });
      return undefined;
    }, ADMIN));
    await renderRoutes(routes, '/dashboard/benchmark');
    fireEvent.click(await screen.findByRole('button', { name: '添加指标' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.mouseDown(within(dialog).getByLabelText('目录指标'));
    const options = await waitFor(() => {
      const items = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].map((el) => el.textContent ?? '');
      if (!items.length) throw new Error('没有选项');
      return items;
    });
    expect(options.some((o) => o.includes('当年发展党员数'))).toBe(false);
    expect(options).toContain('基层治理 · 三务公开按期公开率(%)');
    fireEvent.click(within(dialog).getByText('自定义指标'));
    fireEvent.change(within(dialog).getByLabelText('指标名称'), { target: { value: '农村电商年销售额' } });
    fireEvent.change(within(dialog).getByLabelText('单位'), { target: { value: '万元' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ name: '农村电商年销售额', unit: '万元', group: 'party_building', higherIsBetter: true });
  });

  it('on a 390 px phone reads each indicator as a card of years, not a wide table', async () => {
    const original = window.matchMedia;
    window.matchMedia = (query: string) => ({
      matches: query === '(max-width: 767.98px)', media: query, onchange: null, addListener: () => {}, removeListener: () => {},
      addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false,
    }) as MediaQueryList;
    try {
      installFetch(server((call) => (call.path === '/api/benchmark' ? jsonResponse(200, BOARD) : undefined), ADMIN));
      await renderRoutes(routes, '/dashboard/benchmark');
      const cards = await screen.findByTestId('benchmark-cards');
      expect(within(cards).getAllByText('2025年')).toHaveLength(2);
      expect(within(cards).getByText('-2(为对标镇的50%)')).toBeTruthy();
      expect(document.querySelector('.ant-table')).toBeNull();
    } finally {
      window.matchMedia = original;
    }
  });

  it('asks for the benchmark town first when there is none', async () => {
    installFetch(server((call) => (call.path === '/api/benchmark' ? jsonResponse(200, { ...BOARD, town: null, indicators: [] }) : undefined), ADMIN));
    await renderRoutes(routes, '/dashboard/benchmark');
    expect(await screen.findByText(/尚未填写对标镇/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '填写对标镇' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '添加指标' })).toBeNull();
  });

  it('is not open to a village\'s secretary', async () => {
    const calls = installFetch(server(() => undefined, SECRETARY));
    await renderRoutes(routes, '/dashboard/benchmark');
    expect(await screen.findByText('没有权限查看')).toBeTruthy();
    expect(calls.some((c) => c.path === '/api/benchmark')).toBe(false);
  });
});
