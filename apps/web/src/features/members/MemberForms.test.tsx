import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MemberDetail } from '@dj/contracts';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me, member, memberDetail } from '../../test/member-fixtures';
import { ALL } from '../../test/org-fixtures';
import { renderRoutes } from '../../test/render';
import { updateBody, valuesFromMember } from './MemberFormModal';
import { createBody, emptyValues } from './member-form-values';
import { confirmedAtText, partyYearsText } from './labels';

const ZHANG = member({ id: 7, name: '张建国', workUnit: null });

function server(handlers: { patch?: (call: RecordedCall) => Response; event?: (call: RecordedCall) => Response } = {}) {
  return (call: RecordedCall) => {
    if (call.path === '/api/auth/me') return jsonResponse(200, me(['town_admin']));
    if (call.path === '/api/organizations') return jsonResponse(200, { items: ALL });
    if (call.path === '/api/members') return jsonResponse(200, { items: [ZHANG], total: 1, page: 1, pageSize: 20 });
    if (call.path === '/api/members/7' && call.method === 'PATCH' && handlers.patch) return handlers.patch(call);
    if (call.path === '/api/members/7/events' && handlers.event) return handlers.event(call);
    if (call.path === '/api/members/7') return jsonResponse(200, memberDetail(ZHANG));
    return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
  };
}

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('登记党员', () => {
  it('fills in the birth date and gender from the ID number and checks its check digit', async () => {
    installFetch(server());
    await renderRoutes(routes, '/members');
    await within(await screen.findByTestId('member-table')).findByText('张建国');
    fireEvent.click(screen.getByRole('button', { name: /登记党员/ }));
    const dialog = await findDialog(/基本信息/);

    const id = within(dialog).getByLabelText('身份证号');
    fireEvent.change(id, { target: { value: '370402199211080020' } });
    await waitFor(() => expect(within(dialog).getByLabelText('出生日期')).toHaveProperty('value', '1992-11-08'));
    expect(within(dialog).getByLabelText('女')).toHaveProperty('checked', true);

    fireEvent.change(id, { target: { value: '370402199211080021' } });
    fireEvent.blur(id);
    expect(await within(dialog).findByText('身份证号校验位不正确,请核对')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('联系电话'), { target: { value: '1380000' } });
    fireEvent.blur(within(dialog).getByLabelText('联系电话'));
    expect(await within(dialog).findByText('联系电话格式不正确(应为11位手机号或带区号的固定电话)')).toBeTruthy();
  });
});

describe('13.9 no silent truncation', () => {
  it('13.9 a name over 20 characters is kept whole, counted (21 / 20) and refused with the limit named', async () => {
    installFetch(server());
    await renderRoutes(routes, '/members');
    await within(await screen.findByTestId('member-table')).findByText('张建国');
    fireEvent.click(screen.getByRole('button', { name: /登记党员/ }));
    const dialog = await findDialog(/基本信息/);

    const name = within(dialog).getByLabelText('姓名');
    expect(name.getAttribute('maxlength')).toBeNull(); // maxLength would cut pasted text at 20 without a word
    const long = '欧阳'.repeat(10) + '娜';
    fireEvent.change(name, { target: { value: long } });
    fireEvent.blur(name);
    expect(name).toHaveProperty('value', long);
    expect(within(dialog).getByText('21 / 20')).toBeTruthy();
    expect(await within(dialog).findByText('姓名不能超过20个字')).toBeTruthy();
  });
});

describe('编辑党员信息', () => {
  it('sends only what changed, leaves the numbers alone unless typed, and maps server field errors', async () => {
    let answer: Response = jsonResponse(400, {
      code: 'VALIDATION',
      message: '联系电话已被其他党员登记',
      fields: [{ path: 'phone', message: '该手机号已被其他党员登记' }],
    });
    const calls = installFetch(server({ patch: () => answer }));
    await renderRoutes(routes, '/members/7');
    const detail = await screen.findByTestId('member-detail');
    fireEvent.click(await within(detail).findByRole('button', { name: /编\s*辑/ }));
    const dialog = await findDialog(/编辑党员信息/);

    const id = within(dialog).getByLabelText('身份证号');
    const phone = within(dialog).getByLabelText('联系电话');
    expect(id).toHaveProperty('value', '');
    expect(id.getAttribute('placeholder')).toBe('不修改请留空');
    expect(phone.getAttribute('placeholder')).toBe('不修改请留空');
    // Dates and the branch change through 党籍 events only.
    expect(within(dialog).getByDisplayValue('2005-07-01')).toHaveProperty('disabled', true);
    expect(within(dialog).getByDisplayValue('王庄村党支部')).toHaveProperty('disabled', true);

    fireEvent.change(within(dialog).getByLabelText('工作单位'), { target: { value: ' 王庄村委会 ' } });
    fireEvent.change(phone, { target: { value: '13800001111' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));

    expect(await within(dialog).findByText('该手机号已被其他党员登记')).toBeTruthy();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.path).toBe('/api/members/7');
    expect(patch?.headers.get('x-csrf-token')).toBe('csrf-1');
    expect(patch?.body).toEqual({ workUnit: '王庄村委会', phone: '13800001111' });

    answer = jsonResponse(200, memberDetail({ ...ZHANG, workUnit: '王庄村委会' }));
    fireEvent.change(phone, { target: { value: '13800002222' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('已保存')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PATCH').at(-1)?.body).toEqual({ workUnit: '王庄村委会', phone: '13800002222' });
  });

  it('builds an empty change when nothing was touched', () => {
    const detail: MemberDetail = memberDetail(ZHANG);
    expect(updateBody(detail, valuesFromMember(detail))).toEqual({});
    expect(updateBody(detail, { ...valuesFromMember(detail), nativePlace: '' })).toEqual({ nativePlace: null });
    expect(updateBody(detail, { ...valuesFromMember(detail), idNumber: ' 370402199211080020 ' })).toEqual({ idNumber: '370402199211080020' });
  });
});

describe('转正日期不详', () => {
  it('registers a 正式党员 whose 转正日期 is unknown, and shows 不详 rather than 尚未转正 or a 党龄', () => {
    const values = {
      ...emptyValues(3), name: '周老党', gender: 'male' as const, birthDate: '1970-04-05', idNumber: '370402197004050012',
      joinedAt: '1995-07-01', confirmedDateUnknown: true,
    };
    expect(createBody(values)).toMatchObject({ confirmedAt: null, confirmedDateUnknown: true });
    // A typed date wins over the box: the member is then simply dated.
    expect(createBody({ ...values, confirmedAt: '1996-07-01' })).toMatchObject({ confirmedAt: '1996-07-01', confirmedDateUnknown: false });
    const undated = member({ id: 8, name: '周老党', confirmedAt: null, partyYears: null, confirmedDateUnknown: true });
    expect(confirmedAtText(undated, '尚未转正')).toBe('不详');
    expect(partyYearsText(undated)).toBe('不详');
    expect(confirmedAtText({ ...undated, confirmedDateUnknown: false }, '尚未转正')).toBe('尚未转正');
  });
});

describe('记录党籍变动', () => {
  it('asks where the letter goes for a transfer out of town, then closes the detail when the member leaves sight', async () => {
    const calls = installFetch(server({ event: () => jsonResponse(200, { member: null }) }));
    const { router } = await renderRoutes(routes, '/members/7?filter=all', { opens: ['/members'] });
    const detail = await screen.findByTestId('member-detail');
    fireEvent.click(await within(detail).findByRole('button', { name: /记录党籍变动/ }));
    const dialog = await findDialog(/变动类型/);

    fireEvent.mouseDown(within(dialog).getByLabelText('变动类型'));
    fireEvent.click(await screen.findByTitle('组织关系转出'));
    expect(await within(dialog).findByText('转入本镇党支部')).toBeTruthy();
    expect(within(dialog).getByLabelText('转往党组织(介绍信去向)')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    expect(await within(dialog).findByText('请填写转往的党组织(介绍信去向)')).toBeTruthy();
    expect(calls.some((c) => c.path.endsWith('/events'))).toBe(false);

    fireEvent.change(within(dialog).getByLabelText('转往党组织(介绍信去向)'), { target: { value: '中共某县某镇委员会' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/members'));
    expect(router.state.location.search).toBe('?filter=all');
    const post = calls.find((c) => c.path === '/api/members/7/events');
    expect(post?.body).toMatchObject({ kind: 'transferred_out', reason: '中共某县某镇委员会', toOrganizationId: null });
    expect(await screen.findByText('已记录组织关系转出,该党员已不在您的管理范围内')).toBeTruthy();
  });
});
