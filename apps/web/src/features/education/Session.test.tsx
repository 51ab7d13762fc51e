import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Training } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { WANGZHUANG } from '../../test/org-fixtures';
import { renderRoutes } from '../../test/render';
import { server } from '../../test/server';
import { training } from './education-fixtures';
import { SessionNewPage } from './SessionNewPage';
import { SessionPage } from './SessionPage';

// Issue 19 point 1 on the web: registering a session (contract limits, Chinese messages), its attendance with 全部出席
// and the 学时 credited, and the detail that readers see without any edit button.
beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const routes = [
  { path: '/education/sessions/new', element: <SessionNewPage /> },
  { path: '/education/sessions/:id', element: <SessionPage /> },
];
const OPTIONS = { items: [
  { personId: 101, name: '王甲', source: 'member', note: '党员' }, { personId: 102, name: '李乙', source: 'member', note: '党员' },
  { personId: 103, name: '张丙', source: 'person', note: '后备人才' },
] };

function sessionServer(detail: Training = training()) {
  const base = server((call: RecordedCall) => {
    if (call.path === '/api/education/sessions' && call.method === 'POST') return jsonResponse(200, { ...detail, id: 30 });
    if (call.path === '/api/education/attendee-options') return jsonResponse(200, OPTIONS);
    if (call.path.startsWith('/api/education/sessions/')) return jsonResponse(200, detail);
    return undefined;
  });
  // The secretary's tree holds one branch: the organiser is chosen already.
  return (call: RecordedCall) => (call.path === '/api/organizations' ? jsonResponse(200, { items: [WANGZHUANG] }) : base(call));
}

function typeDate(input: HTMLElement, value: string) {
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
}
const button = (container: HTMLElement, name: string | RegExp) => within(container).getByRole('button', { name, hidden: true });

describe('登记培训', () => {
  it('says in Chinese what is missing or too long, with counters from the contract, and sends nothing', async () => {
    const calls = installFetch(sessionServer());
    await renderRoutes(routes, '/education/sessions/new');
    const form = await screen.findByRole('form', { name: '培训信息' });
    expect(within(form).getAllByText('0 / 80')).toHaveLength(2);
    expect(within(form).getByText('0 / 120')).toBeTruthy();
    expect(within(form).getByText('0 / 500')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('主题'), { target: { value: '学' } });
    fireEvent.click(button(document.body, /^登\s*记$/));
    expect(await within(form).findByText('主题至少2个字')).toBeTruthy();
    expect(within(form).getByText(/请(填写|选择)开始日期/)).toBeTruthy();
    expect(within(form).getByText(/请(填写|选择)学时/)).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('地点'), { target: { value: '讲'.repeat(81) } });
    expect(await within(form).findByText('地点不能超过80个字')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('refuses an end before the start beside the field, then registers and opens the attendance', async () => {
    const calls = installFetch(sessionServer());
    const { router } = await renderRoutes(routes, '/education/sessions/new', { opens: ['/education/sessions/30'] });
    const form = await screen.findByRole('form', { name: '培训信息' });
    await waitFor(() => expect(within(form).getByTitle('王庄村党支部')).toBeTruthy());
    fireEvent.change(within(form).getByLabelText('主题'), { target: { value: '学习党章' } });
    typeDate(within(form).getByLabelText('开始日期'), '2026-03-28');
    typeDate(within(form).getByLabelText('结束日期'), '2026-03-27');
    fireEvent.change(within(form).getByLabelText('学时'), { target: { value: '3' } });
    fireEvent.click(button(document.body, /^登\s*记$/));
    expect(await within(form).findByText('结束日期不能早于开始日期')).toBeTruthy();
    typeDate(within(form).getByLabelText('结束日期'), '2026-03-28');
    fireEvent.click(button(document.body, /^登\s*记$/));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      organizationId: 3, kind: 'branch_study', title: '学习党章', startsOn: '2026-03-28', endsOn: '2026-03-28', hours: 3, venue: null, lecturers: null, note: null,
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/education/sessions/30'));
    expect(await screen.findByTestId('attendees-editor')).toBeTruthy();
  });
});

describe('出席与学时', () => {
  it('adds people from the options, marks everyone present at once with the session\'s hours, and saves them', async () => {
    const calls = installFetch(sessionServer());
    await renderRoutes(routes, '/education/sessions/21?attendance=1');
    const editor = await screen.findByTestId('attendees-editor');
    await waitFor(() => expect(button(editor, /添加全部/)).toBeTruthy());
    await waitFor(() => expect((button(editor, /添加全部/) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button(editor, /添加全部/));
    expect(within(editor).getByText('张丙')).toBeTruthy();
    fireEvent.click(button(editor, '全部出席'));
    expect(within(editor).getByText(/已登记3人,出席3人/)).toBeTruthy();
    fireEvent.change(within(editor).getByLabelText('张丙计入学时'), { target: { value: '1.5' } });
    fireEvent.click(button(editor, '保存出席名单'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({ path: '/api/education/sessions/21/attendees', body: { attendees: [
      { personId: 101, villagerName: null, state: 'present', hoursCredited: 3 },
      { personId: 102, villagerName: null, state: 'present', hoursCredited: 3 },
      { personId: 103, villagerName: null, state: 'present', hoursCredited: 1.5 },
    ] } });
  });

  it('refuses more hours than the session lasted before saving', async () => {
    const calls = installFetch(sessionServer());
    await renderRoutes(routes, '/education/sessions/21?attendance=1');
    const editor = await screen.findByTestId('attendees-editor');
    fireEvent.change(within(editor).getByLabelText('王甲计入学时'), { target: { value: '5' } });
    expect(await within(editor).findByText('计入学时不能超过本次培训的3学时')).toBeTruthy();
    expect((button(editor, '保存出席名单') as HTMLButtonElement).disabled).toBe(true);
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('offers villagers by name only at a 田间学校 course', async () => {
    installFetch(sessionServer(training({ kind: 'field_school' })));
    await renderRoutes(routes, '/education/sessions/21?attendance=1');
    const editor = await screen.findByTestId('attendees-editor');
    fireEvent.click(button(editor, '添加村民'));
    expect(await within(editor).findByText('请填写村民姓名')).toBeTruthy();
    cleanup();
    installFetch(sessionServer());
    await renderRoutes(routes, '/education/sessions/21?attendance=1');
    const plain = await screen.findByTestId('attendees-editor');
    expect(within(plain).queryByRole('button', { name: '添加村民', hidden: true })).toBeNull();
  });
});

describe('培训详情', () => {
  it('shows a reader everything read-only, the material\'s time in Beijing, and no edit buttons', async () => {
    installFetch(sessionServer(training({ can: { edit: false } })));
    await renderRoutes(routes, '/education/sessions/21');
    expect(await screen.findByText('逐章学习')).toBeTruthy();
    expect(screen.getByText('村党群服务中心')).toBeTruthy();
    const attendees = screen.getByTestId('attendees-view');
    expect(within(attendees).getByText('王甲').closest('a')?.getAttribute('href')).toBe('/education/people/101?year=2026');
    expect(within(attendees).getByText('缺席')).toBeTruthy();
    expect(screen.getByTestId('session-responses').textContent).toContain('请假:张丙(外出务工)');
    expect(screen.getByText(/2026-03-29 00:30/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '下载课件.pdf', hidden: true })).toBeTruthy();
    for (const name of ['修改培训信息', '登记出席与学时', '删除课件.pdf']) expect(screen.queryByRole('button', { name, hidden: true })).toBeNull();
    expect(screen.queryByLabelText('上传培训材料')).toBeNull();
  });

  it('gives the holder 修改 with the form filled, and saves the change with PATCH', async () => {
    const calls = installFetch(sessionServer());
    await renderRoutes(routes, '/education/sessions/21');
    fireEvent.click(await screen.findByRole('button', { name: '修改培训信息', hidden: true }));
    const form = await screen.findByRole('form', { name: '培训信息' });
    expect((within(form).getByLabelText('主题') as HTMLInputElement).value).toBe('学习党章');
    expect(within(form).queryByLabelText('组织单位')).toBeNull();
    fireEvent.change(within(form).getByLabelText('授课人'), { target: { value: '镇党委书记' } });
    fireEvent.click(screen.getByRole('button', { name: /^保\s*存$/, hidden: true }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    // Only the contract's fields: the API's schema is strict.
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({
      kind: 'branch_study', title: '学习党章', startsOn: '2026-03-28', endsOn: '2026-03-28', hours: 3, venue: '村党群服务中心', lecturers: '镇党委书记', note: '逐章学习',
    });
    expect(screen.getByLabelText('上传培训材料')).toBeTruthy();
  });

  it('lets the holder upload a material as multipart and delete one after confirming', async () => {
    const calls = installFetch(sessionServer());
    await renderRoutes(routes, '/education/sessions/21');
    const input = await screen.findByLabelText('上传培训材料');
    fireEvent.change(input, { target: { files: [new File(['%PDF'], '讲稿.pdf', { type: 'application/pdf' })] } });
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/education/sessions/21/files')).toBe(true));
    expect((calls.find((c) => c.method === 'POST')!.form!.get('file') as File).name).toBe('讲稿.pdf');
    fireEvent.click(screen.getByRole('button', { name: '删除课件.pdf', hidden: true }));
    fireEvent.click(await screen.findByRole('button', { name: /^删\s*除$/, hidden: true }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/education/sessions/21/files/5')).toBe(true));
  });
});
