import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { member } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import type { ActivityDetail } from './api';
import { queryOf, server } from '../../test/server';
import { activity, detail } from './test-fixtures';

const SETTING = {
  key: 'activity.themeDayOfMonth', label: '每月主题党日(党员活动日)', value: 26, defaultValue: 28, unit: '日', min: 1, max: 28,
  source: '本镇规定', updatedBy: null, updatedAt: null,
};
const TEMPLATE = {
  id: 2, name: '四定两挂一戴', kinds: ['theme_day', 'combined_day'], source: null, active: true,
  items: [
    { key: 'fix_time', label: '定时间', satisfiedBy: 'confirm' },
    { key: 'hang_flag', label: '挂党旗', satisfiedBy: 'confirm' },
  ],
};
const MEMBERS = [member({ id: 101, name: '张三' }), member({ id: 102, name: '李四' })];
const LAST = activity({ id: 40, kind: 'theme_day', heldOn: '2026-06-28', place: '王庄村党群服务中心', host: '王书记', recorder: '李会计' });
const OLDER = activity({ id: 30, kind: 'theme_day', heldOn: '2026-05-28', place: '村委会议室', host: '别人', recorder: '别人' });

function saved(partial: Partial<ActivityDetail> = {}): ActivityDetail {
  return detail({
    id: 50, kind: 'theme_day', heldOn: '2026-07-26',
    checklists: [{
      templateId: 2, name: '四定两挂一戴',
      items: TEMPLATE.items.map((i) => ({ ...i, satisfiedBy: 'confirm' as const, done: false, evidence: null, fileIds: [] })),
    }],
    ...partial,
  });
}

function api(call: RecordedCall): Response | undefined {
  const q = queryOf(call);
  if (call.path === '/api/activities' && call.method === 'GET') {
    // This month is empty; the year before holds the last theme days.
    return jsonResponse(200, { items: q.from === '2026-07-01' ? [] : [OLDER, LAST] });
  }
  if (call.path === '/api/settings') return jsonResponse(200, { items: [SETTING] });
  if (call.path === '/api/checklist-templates') return jsonResponse(200, { items: [TEMPLATE] });
  if (call.path === '/api/activities/expected') return jsonResponse(200, { items: MEMBERS.map((m) => ({ memberId: m.id, name: m.name })) });
  if (call.path === '/api/activities' && call.method === 'POST') return jsonResponse(201, saved());
  if (call.path === '/api/activities/50/reviews') return jsonResponse(200, saved({ reviewStatus: 'submitted' }));
  if (call.path.startsWith('/api/activities/50') && call.method !== 'GET') return jsonResponse(200, saved());
  if (call.path === '/api/activities/50') return jsonResponse(200, saved({ reviewStatus: 'submitted' }));
  return undefined;
}

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('记录本月主题党日', () => {
  it('pre-fills from the town setting and the last theme day, then saves everything in order and opens the record', async () => {
    const calls = installFetch(server(api));
    const { router } = await renderRoutes(routes, '/activities/theme-day?orgId=3&month=2026-07', { opens: ['/activities/50'] });

    const date = (await screen.findByLabelText('活动日期')) as HTMLInputElement;
    expect(date.value).toBe('2026-07-26');
    expect((screen.getByLabelText('活动地点') as HTMLInputElement).value).toBe('王庄村党群服务中心');
    expect((screen.getByLabelText('主持人') as HTMLInputElement).value).toBe('王书记');
    expect((screen.getByLabelText('记录人') as HTMLInputElement).value).toBe('李会计');
    expect((screen.getByLabelText('活动主题') as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('attendance-101').textContent).toContain('张三');
    // The 灯塔 upload is registered on the same form: today and the 记录人 are ready, the 编号 is what is typed.
    expect((screen.getByLabelText('上传人') as HTMLInputElement).value).toBe('李会计');

    fireEvent.change(screen.getByLabelText('活动主题'), { target: { value: '学习《中国共产党支部工作条例》' } });
    // 李四 is away: tap 请假 and give the reason.
    fireEvent.click(screen.getByTestId('attendance-102').querySelectorAll('.ant-segmented-item')[1]);
    fireEvent.change(await screen.findByLabelText('李四的请假原因'), { target: { value: '外出务工' } });
    const photo = new File(['jpeg'], '现场.jpg', { type: 'image/jpeg' });
    fireEvent.change(screen.getByLabelText('现场照片'), { target: { files: [photo] } });
    const plan = new File(['plan'], '方案.docx', { type: 'application/msword' });
    fireEvent.change(screen.getByLabelText('活动方案'), { target: { files: [plan] } });
    fireEvent.click(screen.getByText('挂党旗'));
    fireEvent.change(screen.getByLabelText('活动内容'), { target: { value: '集中学习条例第三章,交流发言。' } });
    fireEvent.change(screen.getByLabelText('决议事项'), { target: { value: '无' } });
    fireEvent.change(screen.getByLabelText('灯塔记录编号'), { target: { value: 'DT-2026-07' } });

    fireEvent.click(screen.getByText('保存并提交督导签认').closest('button')!);
    await waitFor(() => expect(router.state.location.pathname).toBe('/activities/50'));

    const writes = calls.filter((c) => c.method !== 'GET');
    expect(writes.map((c) => `${c.method} ${c.path}${c.form ? `?${new URL(c.url, 'http://x').search.slice(1)}` : ''}`)).toEqual([
      'POST /api/activities',
      'PUT /api/activities/50/attendance',
      'POST /api/activities/50/files?category=photo',
      'POST /api/activities/50/files?category=plan',
      'POST /api/activities/50/checks',
      'PUT /api/activities/50/dengta-upload',
      'POST /api/activities/50/reviews',
    ]);
    expect(writes[0].body).toEqual({
      organizationId: 3, kind: 'theme_day', heldOn: '2026-07-26', place: '王庄村党群服务中心', topic: '学习《中国共产党支部工作条例》',
      host: '王书记', recorder: '李会计', minutes: '集中学习条例第三章,交流发言。', resolutions: '无',
    });
    expect(writes[1].body).toEqual({
      records: [
        { memberId: 101, state: 'present', reason: null, makeupOn: null },
        { memberId: 102, state: 'excused', reason: '外出务工', makeupOn: null },
      ],
    });
    expect((writes[2].form?.get('file') as File).name).toBe('现场.jpg');
    expect(writes[4].body).toEqual({ templateId: 2, itemKey: 'hang_flag', done: true });
    expect(writes[5].body).toMatchObject({ uploadedBy: '李会计', reference: 'DT-2026-07' });
    expect(writes[6].body).toEqual({ action: 'submit' });
  });

  it('13.7 this month opens on today, not the coming town day, so the button records rather than plans', async () => {
    // Only Date is faked: the queries' timers run as usual.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-07-05T02:00:00Z')); // 10:00 on 5 July in Beijing; the town's day is the 26th
    try {
      installFetch(server(api));
      await renderRoutes(routes, '/activities/theme-day?orgId=3&month=2026-07');
      const date = (await screen.findByLabelText('活动日期')) as HTMLInputElement;
      expect(date.value).toBe('2026-07-05');
      expect(screen.getByText('保存并提交督导签认')).toBeTruthy();
      expect(screen.queryByText('保存活动计划')).toBeNull();
      expect((screen.getByLabelText('上传日期') as HTMLInputElement).value).toBe('2026-07-05');
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops at the first error with the server’s message, and a retry updates instead of creating again', async () => {
    let failAttendance = true;
    const calls = installFetch(
      server((call) => {
        if (call.path === '/api/activities/50/attendance' && failAttendance) {
          return jsonResponse(400, { code: 'VALIDATION', message: '出席名单中有不属于本支部的党员', fields: [] });
        }
        return api(call);
      }),
    );
    const { router } = await renderRoutes(routes, '/activities/theme-day?orgId=3&month=2026-07', { opens: ['/activities/50'] });
    fireEvent.change(await screen.findByLabelText('活动主题'), { target: { value: '主题党日' } });
    fireEvent.click(screen.getByText('保存并提交督导签认').closest('button')!);
    expect(await screen.findByText('保存出席情况失败:出席名单中有不属于本支部的党员')).toBeTruthy();
    expect(calls.filter((c) => c.method !== 'GET').map((c) => c.path)).toEqual(['/api/activities', '/api/activities/50/attendance']);

    failAttendance = false;
    fireEvent.click(screen.getByText('保存并提交督导签认').closest('button')!);
    await waitFor(() => expect(router.state.location.pathname).toBe('/activities/50'));
    const writes = calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path}`);
    expect(writes.slice(2)).toEqual(['PATCH /api/activities/50', 'PUT /api/activities/50/attendance', 'POST /api/activities/50/reviews']);
  });
});
