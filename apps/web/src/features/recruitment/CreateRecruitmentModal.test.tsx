import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { todayInShanghai } from '@dj/contracts';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { renderRoutes } from '../../test/render';
import { server } from '../../test/server';
import { recruitment } from './test-fixtures';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

/** Types a date into an antd DatePicker and confirms it with Enter, as a keyboard user would. */
function typeDate(input: HTMLElement, value: string) {
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
}

const button = (container: HTMLElement, name: string | RegExp) => within(container).getByRole('button', { name, hidden: true });

function listServer(onCreate: (call: RecordedCall) => Response) {
  return server((call) => {
    if (call.path === '/api/recruitments' && call.method === 'POST') return onCreate(call);
    if (call.path === '/api/recruitments') return jsonResponse(200, { items: [] });
    if (call.path === '/api/recruitments/77') return jsonResponse(200, recruitment());
    return undefined;
  });
}

async function openAndFill() {
  expect(await screen.findByText('没有符合条件的入党申请人')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: /新建入党申请/ }));
  const dialog = await findDialog(/收到入党申请书日期/);
  expect(within(dialog).getByText(/年满十八岁方可申请入党/)).toBeTruthy();
  fireEvent.change(within(dialog).getByLabelText('姓名'), { target: { value: '刘晓明' } });
  typeDate(within(dialog).getByLabelText('出生日期'), '1998-04-02');
  fireEvent.change(within(dialog).getByLabelText('身份证号'), { target: { value: '370402199804021234' } });
  await waitFor(() => expect(within(dialog).getByLabelText('出生日期')).toHaveProperty('value', '1998-04-02'));
  return dialog;
}

describe('新建入党申请', () => {
  it('posts the applicant with the branch and the date the application came in, then opens the recruitment', async () => {
    const calls = installFetch(listServer(() => jsonResponse(200, recruitment())));
    const { router } = await renderRoutes(routes, '/recruitment/recruitments', { opens: ['/recruitment/recruitments/77'] });
    const dialog = await openAndFill();
    fireEvent.click(button(dialog, /保\s*存/));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/recruitments')).toBe(true));
    const post = calls.find((c) => c.method === 'POST' && c.path === '/api/recruitments');
    expect(post?.body).toEqual({
      name: '刘晓明', gender: 'male', ethnicity: '汉族', birthDate: '1998-04-02', idNumber: '370402199804021234',
      phone: null, education: null, occupation: null, workUnit: null, address: null,
      organizationId: 3, appliedOn: todayInShanghai(),
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/recruitment/recruitments/77'));
    expect(await screen.findByTestId('next-steps')).toBeTruthy();
  });

  it('puts the server field errors under the inputs', async () => {
    installFetch(
      listServer(() =>
        jsonResponse(400, { code: 'VALIDATION', message: '身份证号已登记', fields: [{ path: 'idNumber', message: '该身份证号已有发展记录' }] }),
      ),
    );
    await renderRoutes(routes, '/recruitment/recruitments');
    const dialog = await openAndFill();
    fireEvent.click(button(dialog, /保\s*存/));
    expect(await within(dialog).findByText('该身份证号已有发展记录')).toBeTruthy();
    expect(within(dialog).getByTestId('create-recruitment-error').textContent).toContain('身份证号已登记');
  });
});
