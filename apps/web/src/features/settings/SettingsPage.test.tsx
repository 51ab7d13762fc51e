import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Me, Setting } from '@dj/contracts';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { valueText } from './SettingsPage';
import { BRANCH_SECRETARY_MENU, TOWN_ADMIN_MENU } from '../../test/menus';

const FARMER: Setting = {
  key: 'dues.farmerFen', label: '农民党员每月党费', value: 20, defaultValue: 20, unit: '分', min: 20, max: 100,
  source: '中组发〔2008〕3号:农民党员每月交纳党费0.2元至1元', updatedBy: null, updatedAt: null,
};
const LETTER: Setting = {
  key: 'transfer.letterValidDays', label: '组织关系介绍信有效期', value: 60, defaultValue: 90, unit: '天', min: 7, max: 180,
  source: '介绍信有效期由开具党组织填写,各地常用1至3个月', updatedBy: '王书记', updatedAt: '2026-05-01T02:30:00.000Z',
};

function server({ who = me(['town_admin']), patch }: { who?: Me; patch?: (call: RecordedCall) => Response } = {}) {
  return (call: RecordedCall) => {
    if (call.path === '/api/auth/me') return jsonResponse(200, who);
    if (call.path === '/api/settings') return jsonResponse(200, { items: [FARMER, LETTER] });
    if (call.path.startsWith('/api/settings/') && call.method === 'PATCH' && patch) return patch(call);
    return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
  };
}

/** `hidden: true` skips the visibility check, which is slow in jsdom once antd has injected its styles. */
const button = (container: HTMLElement, name: string | RegExp) => within(container).getByRole('button', { name, hidden: true });

const rowOf = (table: HTMLElement, label: string) => {
  const row = within(table).getByText(label).closest('tr');
  if (!row) throw new Error(`没有找到“${label}”这一行`);
  return row as HTMLElement;
};

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('本镇设置', () => {
  it('lists each setting with its value, default, source and last change', async () => {
    installFetch(server());
    await renderRoutes(routes, '/settings');
    const table = await screen.findByTestId('settings-table');
    await within(table).findByText('组织关系介绍信有效期');

    const letter = rowOf(table, '组织关系介绍信有效期');
    expect([...letter.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '组织关系介绍信有效期',
      '60天修改',
      '90天',
      '介绍信有效期由开具党组织填写,各地常用1至3个月',
      '王书记 · 2026-05-01 10:30',
    ]);
    const farmer = rowOf(table, '农民党员每月党费');
    expect(farmer.textContent).toContain('20分(¥0.20)');
    expect(farmer.textContent).toContain('未修改(使用默认值)');
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual(TOWN_ADMIN_MENU);
  });

  it('edits a value inline, saves it with PATCH and shows the server\'s field error', async () => {
    let answer = jsonResponse(400, {
      code: 'VALIDATION',
      message: '提交的数据不正确',
      fields: [{ path: 'value', message: '组织关系介绍信有效期应为7至180之间的整数(单位:天)' }],
    });
    const calls = installFetch(server({ patch: () => answer }));
    await renderRoutes(routes, '/settings');
    const table = await screen.findByTestId('settings-table');
    await within(table).findByText('组织关系介绍信有效期');

    fireEvent.click(button(rowOf(table, '组织关系介绍信有效期'), '修改组织关系介绍信有效期'));
    const input = await within(table).findByLabelText('组织关系介绍信有效期');
    expect(input).toHaveProperty('value', '60');
    expect(within(table).getByText('可设范围:7至180天')).toBeTruthy();

    fireEvent.change(input, { target: { value: '120' } });
    fireEvent.click(button(table, /保\s*存/));
    expect(await within(table).findByText('组织关系介绍信有效期应为7至180之间的整数(单位:天)')).toBeTruthy();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.path).toBe('/api/settings/transfer.letterValidDays');
    expect(patch?.body).toEqual({ value: 120 });
    expect(patch?.headers.get('x-csrf-token')).toBe('csrf-1');

    answer = jsonResponse(200, { ...LETTER, value: 120, updatedBy: '王书记', updatedAt: '2026-07-15T01:00:00.000Z' });
    fireEvent.click(button(table, /保\s*存/));

    expect(await screen.findByText('已将“组织关系介绍信有效期”改为120天')).toBeTruthy();
    await waitFor(() => expect(within(table).getByTestId('setting-value-transfer.letterValidDays').textContent).toBe('120天'));
    expect(rowOf(table, '组织关系介绍信有效期').textContent).toContain('2026-07-15 09:00');
    expect(within(table).queryByRole('button', { name: /保\s*存/, hidden: true })).toBeNull();
  });

  it('is neither in the menu nor open to other roles', async () => {
    const calls = installFetch(server({ who: me(['branch_secretary'], [{ organizationId: 3, name: '王庄村党支部', path: '/1/3/' }]) }));
    await renderRoutes(routes, '/settings');
    expect(await screen.findByText('没有权限查看')).toBeTruthy();
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual(BRANCH_SECRETARY_MENU);
    expect(calls.some((c) => c.path === '/api/settings')).toBe(false);
    expect(screen.queryByTestId('settings-table')).toBeNull();
  });

  it('reads an amount kept in 分 in 元 as well', () => {
    expect(valueText(20, '分')).toBe('20分(¥0.20)');
    expect(valueText(90, '天')).toBe('90天');
  });
});
