import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { renderRoutes } from '../../test/render';
import { ADMIN, ITEMS, positionRoutes, server, use } from './test-fixtures';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const LIST = {
  items: ITEMS,
  adoptions: [{ organizationId: 3, organizationName: '王庄村党支部', items: [{ itemId: 2, adoptedOn: '2026-01-05' }] }],
  can: { editItems: true },
};

function microServer(onWrite?: (call: RecordedCall) => Response) {
  return server((call) => {
    if (call.path === '/api/micro-power/items' && call.method === 'GET') return jsonResponse(200, LIST);
    if (call.path === '/api/micro-power/uses' && call.method === 'GET') return jsonResponse(200, { items: [use()] });
    if (call.method !== 'GET' && onWrite) return onWrite(call);
    return undefined;
  }, ADMIN);
}

const tab = (name: string) => fireEvent.click(screen.getByText(name, { selector: '[role="tab"] *, [role="tab"]' }));

describe('小微权力清单', () => {
  it('shows the town list by area with legal basis and the steps as a flow, and lets the town admin add items', async () => {
    const calls = installFetch(microServer(() => jsonResponse(201, ITEMS[0])));
    await renderRoutes(positionRoutes, '/positions?tab=micro-power');
    const list = await screen.findByTestId('micro-power-list');
    expect(within(list).getByText('集体资产资源管理(1 项)')).toBeTruthy();
    const item = within(list).getByTestId('item-1');
    expect(within(item).getByText('依据:《村民委员会组织法》第二十四条')).toBeTruthy();
    expect(within(item).getByText('公开招标')).toBeTruthy();
    expect(calls.find((c) => c.path === '/api/micro-power/items')?.url).toContain('orgId=3');

    fireEvent.click(screen.getByText('新增事项'));
    const dialog = await findDialog(/新增小微权力事项/);
    fireEvent.change(within(dialog).getByLabelText('事项名称'), { target: { value: '村级工程项目建设' } });
    fireEvent.change(within(dialog).getByLabelText('法律依据'), { target: { value: '《招标投标法》' } });
    fireEvent.change(within(dialog).getByLabelText('类别'), { target: { value: '工程建设' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      area: '工程建设', name: '村级工程项目建设', legalBasis: '《招标投标法》', steps: ['申请', '审核', '公示', '办结'], active: true,
    });
  });

  it('saves the items the village adopts', async () => {
    const calls = installFetch(microServer(() => jsonResponse(200, LIST.adoptions[0])));
    await renderRoutes(positionRoutes, '/positions?tab=micro-power');
    await screen.findByTestId('micro-power-list');
    tab('本村采用');
    const adoptions = await screen.findByTestId('adoptions');
    expect(within(adoptions).getByText('2026-01-05 起采用')).toBeTruthy();
    fireEvent.click(within(adoptions).getByLabelText('村集体资产发包租赁'));
    fireEvent.click(within(adoptions).getByText(/^保\s*存$/));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe('/api/micro-power/adoptions/by-org/3');
    expect(put?.body).toEqual({ itemIds: [2, 1] });
  });

  it('records the next step of a use in order and shows the server refusal', async () => {
    const calls = installFetch(
      microServer((call) =>
        call.path.endsWith('/steps')
          ? jsonResponse(400, { code: 'VALIDATION', message: '请按顺序记录:下一步是“村级审查”' })
          : jsonResponse(200, use({ publishable: true })),
      ),
    );
    await renderRoutes(positionRoutes, '/positions?tab=micro-power');
    await screen.findByTestId('micro-power-list');
    tab('运行记录');
    const card = await screen.findByTestId('use-31');
    expect(within(card).getByText('2026-03-02 · 张某某')).toBeTruthy();

    fireEvent.click(within(card).getByLabelText('可公开张某某宅基地申请'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ publishable: true });

    fireEvent.click(within(card).getByLabelText('记录下一步张某某宅基地申请'));
    const dialog = await findDialog(/记录第2步:村级审查/);
    fireEvent.change(within(dialog).getByLabelText('经办人'), { target: { value: '李会计' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('请按顺序记录:下一步是“村级审查”')).toBeTruthy();
    const post = calls.find((c) => c.path.endsWith('/steps'));
    expect(post?.path).toBe('/api/micro-power/uses/31/steps');
    expect(post?.body).toMatchObject({ index: 1, by: '李会计', note: null });
  });
});
