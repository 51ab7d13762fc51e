import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Me } from '@dj/contracts';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import type { ChecklistTemplate } from './api';
import { withItemKeys } from './ChecklistTemplatesPanel';

const LOCAL: ChecklistTemplate = {
  id: 2, name: '四定两挂一戴', kinds: ['theme_day'], active: true,
  source: '本镇理解:定时间、定地点、定主题、定人员;挂党旗、挂标语;戴党徽(各地说法不一)',
  items: [
    { key: 'plan', label: '定主题(活动方案)', satisfiedBy: 'plan' },
    { key: 'flag', label: '挂党旗', satisfiedBy: 'photo' },
  ],
};

function server(who: Me) {
  return (call: RecordedCall) => {
    if (call.path === '/api/auth/me') return jsonResponse(200, who);
    if (call.path === '/api/checklist-templates' && call.method === 'GET') return jsonResponse(200, { items: [LOCAL] });
    if (call.path === '/api/checklist-templates/2' && call.method === 'PUT') return jsonResponse(200, { ...(call.body as object), id: 2 });
    return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
  };
}

const button = (container: HTMLElement, name: string | RegExp) => within(container).getByRole('button', { name, hidden: true });

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('检查清单', () => {
  it('names new items after their position without reusing a code', () => {
    expect(withItemKeys([{ key: 'item_2', label: 'a', satisfiedBy: 'photo' }, { label: ' b ' }, { label: 'c', satisfiedBy: 'plan' }])).toEqual([
      { key: 'item_2', label: 'a', satisfiedBy: 'photo' },
      { key: 'item_3', label: 'b', satisfiedBy: 'confirm' },
      { key: 'item_4', label: 'c', satisfiedBy: 'plan' },
    ]);
  });

  it('shows the source and lets the town admin edit and save a template', async () => {
    const calls = installFetch(server(me(['town_admin'])));
    await renderRoutes(routes, '/settings/checklists');
    const card = await screen.findByTestId('checklist-template-2');
    expect(within(card).getByTestId('checklist-source').textContent).toContain('各地说法不一');
    expect(card.textContent).toContain('主题党日');
    expect(card.textContent).toContain('挂党旗(上传现场照片)');

    fireEvent.click(button(card, '编辑四定两挂一戴'));
    const dialog = await findDialog(/来源说明/);
    fireEvent.click(button(dialog, /添加条目/));
    fireEvent.change(await within(dialog).findByLabelText('第3条'), { target: { value: '戴党徽' } });
    fireEvent.click(button(dialog, /保\s*存/));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      name: '四定两挂一戴',
      kinds: ['theme_day'],
      items: [
        { key: 'plan', label: '定主题(活动方案)', satisfiedBy: 'plan' },
        { key: 'flag', label: '挂党旗', satisfiedBy: 'photo' },
        { key: 'item_3', label: '戴党徽', satisfiedBy: 'confirm' },
      ],
      source: LOCAL.source,
      active: true,
    });
    expect(await screen.findByText('已保存“四定两挂一戴”')).toBeTruthy();
  });

  it('is read-only for others', async () => {
    installFetch(server(me(['branch_secretary'])));
    await renderRoutes(routes, '/settings/checklists');
    const card = await screen.findByTestId('checklist-template-2');
    expect(within(card).queryByRole('button', { hidden: true })).toBeNull();
    expect(screen.queryByRole('button', { name: /新建检查清单/, hidden: true })).toBeNull();
  });
});
