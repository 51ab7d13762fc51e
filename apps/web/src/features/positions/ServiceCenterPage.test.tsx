import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { renderRoutes } from '../../test/render';
import { center, positionRoutes, server } from './test-fixtures';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

function centerServer(onWrite: (call: RecordedCall) => Response) {
  return server((call) => {
    if (call.path === '/api/service-centers/21' && call.method === 'GET') return jsonResponse(200, center());
    if (call.method !== 'GET') return onWrite(call);
    return undefined;
  });
}

describe('党群服务中心详情', () => {
  it('shows the details, photos and projects, and saves the form to the village branch', async () => {
    const calls = installFetch(centerServer(() => jsonResponse(400, { code: 'VALIDATION', message: '房间面积合计超过建筑面积' })));
    await renderRoutes(positionRoutes, '/positions/service-centers/21');
    const form = await screen.findByTestId('center-form');
    expect((within(form).getByLabelText('地址') as HTMLInputElement).value).toBe('王庄村文化路1号');
    expect((within(form).getByLabelText('房间2名称') as HTMLInputElement).value).toBe('便民服务大厅');
    const photo = within(screen.getByTestId('photo-grid')).getByAltText('便民服务大厅') as HTMLImageElement;
    expect(photo.getAttribute('src')).toBe('/api/service-centers/21/photos/5');
    const projects = screen.getByTestId('projects-section');
    expect(within(projects).getByText('¥350,000.00')).toBeTruthy();
    expect(within(projects).getByText('已验收 2021-06-30')).toBeTruthy();

    fireEvent.change(within(form).getByLabelText('地址'), { target: { value: '王庄村文化路2号' } });
    fireEvent.click(within(form).getByText(/^保存$/));
    expect(await within(form).findByText('房间面积合计超过建筑面积')).toBeTruthy();
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe('/api/service-centers/by-org/3');
    expect(put?.body).toMatchObject({
      name: '王庄村党群服务中心', address: '王庄村文化路2号', floorArea: 620, standard: 'high', builtOn: '2021-06-30',
      rooms: [{ name: '党员教育室', purpose: '党员学习教育', area: 60 }, { name: '便民服务大厅', purpose: '代办', area: 120 }],
    });
  });

  it('adds a project with the budget typed in 元 and sent in 分', async () => {
    const calls = installFetch(centerServer(() => jsonResponse(201, { id: 9 })));
    await renderRoutes(positionRoutes, '/positions/service-centers/21');
    const projects = await screen.findByTestId('projects-section');
    fireEvent.click(within(projects).getByText('添加项目'));
    const dialog = await findDialog(/添加建设项目/);
    fireEvent.change(within(dialog).getByLabelText('项目名称'), { target: { value: '便民服务大厅改造' } });
    fireEvent.change(within(dialog).getByLabelText('预算(元)'), { target: { value: '12345.67' } });
    fireEvent.change(within(dialog).getByLabelText('进度'), { target: { value: '40' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/api/service-centers/21/projects');
    expect(post?.body).toEqual({ name: '便民服务大厅改造', budgetFen: 1234567, progress: 40, startedOn: null, acceptedOn: null, note: null });
  });

  it('says so when the centre is not in sight', async () => {
    installFetch(server(() => undefined));
    await renderRoutes(positionRoutes, '/positions/service-centers/99');
    expect(await screen.findByText('记录不存在或无权查看')).toBeTruthy();
  });
});
