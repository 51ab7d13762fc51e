import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { server } from '../../test/server';
import { result, round } from './test-fixtures';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const INSPECTOR = me(['inspector']);
const base = round();
const recorded = round({
  villages: [
    {
      ...base.villages[0],
      results: [
        ...base.villages[0].results,
        result({ id: 40, itemKey: 'duty_roster', outcome: 'finding', note: '值班记录缺失', rectificationId: 80, rectificationStatus: 'open' }),
      ],
    },
    base.villages[1],
  ],
});

describe('检查员手机现场检查', () => {
  it('records a finding with owner, deadline, required evidence and a photo', async () => {
    const calls = installFetch(
      server((call) => {
        if (call.path === '/api/inspections/9' && call.method === 'GET') return jsonResponse(200, base);
        if (call.path === '/api/inspections/9/results') return jsonResponse(200, recorded);
        if (call.path === '/api/inspections/9/results/40/photos') return jsonResponse(200, recorded);
        if (call.path === '/api/settings') return jsonResponse(200, { items: [{ key: 'rectification.defaultDays', label: '默认整改期限', value: 15, defaultValue: 15, unit: '天', min: 1, max: 90, source: '本地', updatedBy: null, updatedAt: null }] });
        return undefined;
      }, INSPECTOR),
    );
    await renderRoutes(routes, '/inspections/9/villages/3');
    const page = await screen.findByTestId('inspector-village');
    expect(within(page).getByText('营子村党支部')).toBeTruthy();
    const card = within(page).getByTestId('item-duty_roster');
    expect(within(card).getByText('未查')).toBeTruthy();
    const photoInputs = within(page).getAllByLabelText(/照片/, { selector: 'input' });
    expect(photoInputs.every((input) => input.getAttribute('capture') === 'environment' && input.getAttribute('accept') === 'image/*')).toBe(true);

    fireEvent.click(within(card).getByRole('button', { name: /发现问题/ }));
    const form = await within(card).findByTestId('finding-form-duty_roster');
    await waitFor(() => expect((within(form).getByLabelText('整改期限') as HTMLInputElement).value).toMatch(/^\d{4}-\d{2}-\d{2}$/));
    fireEvent.change(within(form).getByLabelText('发现的问题'), { target: { value: '值班记录缺失' } });
    fireEvent.change(within(form).getByLabelText('整改责任人'), { target: { value: '李会计' } });
    fireEvent.change(within(form).getByLabelText('整改佐证要求'), { target: { value: '补齐的值班记录照片' } });
    const photo = new File(['jpeg'], '值班表.jpg', { type: 'image/jpeg' });
    fireEvent.change(within(form).getByLabelText('坐班值班问题照片'), { target: { files: [photo] } });
    expect(await within(form).findByText('值班表.jpg')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));

    await waitFor(() => expect(calls.some((c) => c.path === '/api/inspections/9/results/40/photos')).toBe(true));
    const post = calls.find((c) => c.path === '/api/inspections/9/results');
    expect(post?.method).toBe('POST');
    expect(post?.body).toMatchObject({
      organizationId: 3, itemKey: 'duty_roster', outcome: 'finding', note: '值班记录缺失', ownerName: '李会计', requiredEvidence: '补齐的值班记录照片',
    });
    expect((post?.body as { dueOn?: string }).dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const upload = calls.find((c) => c.path === '/api/inspections/9/results/40/photos');
    expect((upload?.form?.get('file') as File).name).toBe('值班表.jpg');
    await waitFor(() => expect(within(within(page).getByTestId('item-duty_roster')).getByRole('link', { name: '查看整改任务' }).getAttribute('href')).toBe('/rectifications/80'));
  });

  it('records 合格 with one tap', async () => {
    const calls = installFetch(
      server((call) => {
        if (call.path === '/api/inspections/9' && call.method === 'GET') return jsonResponse(200, base);
        if (call.path === '/api/inspections/9/results') return jsonResponse(200, base);
        return undefined;
      }, INSPECTOR),
    );
    await renderRoutes(routes, '/inspections/9/villages/3');
    const card = await screen.findByTestId('item-cleanliness');
    fireEvent.click(within(card).getByRole('button', { name: /合格/ }));
    await waitFor(() => expect(calls.find((c) => c.path === '/api/inspections/9/results')?.body).toEqual({ organizationId: 3, itemKey: 'cleanliness', outcome: 'ok' }));
  });
});
