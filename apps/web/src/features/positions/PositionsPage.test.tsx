import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { renderRoutes } from '../../test/render';
import { center, positionRoutes, procedure, server } from './test-fixtures';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('阵地建设:党群服务中心', () => {
  it('lists the centres with standard, area, rooms and hours, and creates the centre of a village without one', async () => {
    const calls = installFetch(
      server((call) => {
        if (call.path === '/api/service-centers') {
          return jsonResponse(200, { items: [center()], missing: [{ organizationId: 9, organizationName: '李庄村党支部' }] });
        }
        if (call.path === '/api/service-centers/by-org/9' && call.method === 'PUT') return jsonResponse(200, center({ id: 22, organizationId: 9 }));
        if (call.path === '/api/service-centers/22') return jsonResponse(200, center({ id: 22, organizationId: 9 }));
        return undefined;
      }),
    );
    const { router } = await renderRoutes(positionRoutes, '/positions', { opens: ['/positions/service-centers/22'] });
    const link = await screen.findByRole('link', { name: '王庄村党群服务中心' });
    expect(link.getAttribute('href')).toBe('/positions/service-centers/21');
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('高标准')).toBeTruthy();
    expect(within(row).getByText('620 ㎡')).toBeTruthy();
    expect(within(row).getByText('2 间')).toBeTruthy();
    expect(within(row).getByText('周一至周五 8:30-17:30')).toBeTruthy();

    fireEvent.click(within(screen.getByTestId('missing-centers')).getByRole('button', { name: /新建李庄村党支部服务中心/ }));
    const dialog = await findDialog(/新建党群服务中心/);
    // An empty centre starts from the 四室一厅 list.
    expect((within(dialog).getByLabelText('房间1名称') as HTMLInputElement).value).toBe('党员教育室');
    expect(within(dialog).getByLabelText('房间5名称')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('地址'), { target: { value: '李庄村中心街8号' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe('/api/service-centers/by-org/9');
    const body = put?.body as { name: string; address: string; rooms: { name: string }[]; standard: string };
    expect(body.name).toBe('李庄村党群服务中心');
    expect(body.address).toBe('李庄村中心街8号');
    expect(body.rooms).toHaveLength(5);
    expect(body.standard).toBe('basic');
    await waitFor(() => expect(router.state.location.pathname).toBe('/positions/service-centers/22'));
  });

  it('shows a failed load with a retry', async () => {
    installFetch(server((call) => (call.path === '/api/service-centers' ? jsonResponse(500, { code: 'SERVER_ERROR', message: '数据库暂时不可用' }) : undefined)));
    await renderRoutes(positionRoutes, '/positions');
    expect(await screen.findByText('党群服务中心加载失败')).toBeTruthy();
    expect(screen.getByText('数据库暂时不可用')).toBeTruthy();
  });
});

describe('阵地建设:四议两公开', () => {
  it('lists the village matters with their status and opens a new one after creating it', async () => {
    const calls = installFetch(
      server((call) => {
        if (call.path === '/api/four-two' && call.method === 'GET') return jsonResponse(200, { items: [procedure()] });
        if (call.path === '/api/four-two' && call.method === 'POST') return jsonResponse(201, procedure({ id: 42, stages: [], nextStage: 'proposal' }));
        if (call.path === '/api/four-two/42') return jsonResponse(200, procedure({ id: 42, stages: [], nextStage: 'proposal' }));
        return undefined;
      }),
    );
    const { router } = await renderRoutes(positionRoutes, '/positions?tab=four-two', { opens: ['/positions/four-two/42'] });
    const item = await screen.findByTestId('four-two-41');
    expect(within(item).getByText('村集体果园对外承包')).toBeTruthy();
    expect(within(item).getByText('进行中')).toBeTruthy();
    expect(within(item).getByText(/下一步:审议/)).toBeTruthy();
    expect(calls.find((c) => c.path === '/api/four-two')?.url).toContain('orgId=3');

    fireEvent.click(screen.getByRole('button', { name: /新建事项/ }));
    const dialog = await findDialog(/新建事项/);
    fireEvent.change(within(dialog).getByLabelText('事项名称'), { target: { value: '修建村内道路' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '新建' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/positions/four-two/42'));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ organizationId: 3, title: '修建村内道路', category: 'collective_project' });
  });
});
