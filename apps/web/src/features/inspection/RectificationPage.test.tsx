import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { SECRETARY, server } from '../../test/server';
import { rectification } from './test-fixtures';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const submitted = rectification({
  status: 'submitted',
  events: [{ id: 1, kind: 'evidence', note: '已补公开第三季度财务', byName: '王书记', at: '2026-10-28T02:00:00.000Z', files: [] }],
  can: { submitEvidence: false, review: false },
});

describe('整改任务', () => {
  it('shows the finding and lets the village submit evidence with a photo', async () => {
    const calls = installFetch(
      server((call) => {
        if (call.path === '/api/rectifications/71' && call.method === 'GET') return jsonResponse(200, rectification());
        if (call.path === '/api/rectifications/71/evidence') return jsonResponse(200, submitted);
        return undefined;
      }, SECRETARY),
    );
    await renderRoutes(routes, '/rectifications/71');
    const page = await screen.findByTestId('rectification-page');
    expect(page.textContent).toContain('第三季度财务未公开');
    expect(page.textContent).toContain('李会计');
    expect(page.textContent).toContain('2026-11-04');
    expect(page.textContent).toContain('补公开后的公开栏照片');
    expect(screen.getByTestId('rectification-status').textContent).toBe('待整改');
    expect(screen.queryByTestId('review-card')).toBeNull();

    const form = screen.getByTestId('evidence-form');
    fireEvent.change(within(form).getByLabelText('整改情况'), { target: { value: '已补公开第三季度财务' } });
    const photo = new File(['jpeg'], '公开栏新.jpg', { type: 'image/jpeg' });
    fireEvent.change(within(form).getByLabelText('整改材料文件'), { target: { files: [photo] } });
    expect(await within(form).findByText('公开栏新.jpg')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: '提交' }));

    await waitFor(() => expect(screen.getByTestId('rectification-status').textContent).toBe('已提交整改材料'));
    const post = calls.find((c) => c.path === '/api/rectifications/71/evidence');
    expect(post?.method).toBe('POST');
    expect(post?.form?.get('note')).toBe('已补公开第三季度财务');
    expect((post?.form?.get('file') as File).name).toBe('公开栏新.jpg');
    expect(within(screen.getByTestId('rectification-events')).getByText('已补公开第三季度财务')).toBeTruthy();
    expect(screen.queryByTestId('evidence-form')).toBeNull();
  });

  it('lets the inspector accept submitted evidence', async () => {
    const calls = installFetch(
      server((call) => {
        if (call.path === '/api/rectifications/71' && call.method === 'GET') return jsonResponse(200, { ...submitted, can: { submitEvidence: false, review: true } });
        if (call.path === '/api/rectifications/71/accept') return jsonResponse(200, { ...submitted, status: 'accepted', acceptedOn: '2026-10-29' });
        return undefined;
      }, me(['inspector'])),
    );
    await renderRoutes(routes, '/rectifications/71');
    const review = await screen.findByTestId('review-card');
    expect(within(review).getByRole('button', { name: '重新整改' })).toBeTruthy();
    fireEvent.click(within(review).getByRole('button', { name: '验收通过' }));
    await waitFor(() => expect(screen.getByTestId('rectification-status').textContent).toBe('已验收'));
    expect(calls.find((c) => c.path === '/api/rectifications/71/accept')?.body).toEqual({});
  });
});
