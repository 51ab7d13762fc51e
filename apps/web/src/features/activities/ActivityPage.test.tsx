import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { renderRoutes } from '../../test/render';
import { server } from '../../test/server';
import { detail } from './test-fixtures';
import type { ActivityDetail } from './api';

const QUORUM = {
  fullMembers: 10, probationaryMembers: 1, presentFull: 5, presentProbationary: 1, required: 6, met: false,
  message: '到会正式党员5人,未超过应到会正式党员的半数(须6人),不能进行表决', source: '《中国共产党支部工作条例(试行)》',
};

const DETAIL: ActivityDetail = detail({
  id: 21,
  kind: 'combined_day',
  heldOn: '2026-07-28',
  countedAs: ['combined_day', 'theme_day', 'general_meeting'],
  reviewStatus: 'returned',
  isDemo: true,
  attendances: [{ memberId: 101, name: '张三', state: 'present', reason: null, makeupOn: null }],
  responses: [{ memberId: 102, name: '李四', response: 'leave', reason: '外出务工', respondedAt: '2026-07-27T02:00:00.000Z' }],
  reviews: [{ id: 1, action: 'return', text: '缺少现场照片', userName: '赵科长', createdAt: '2026-07-29T02:00:00.000Z' }],
  quorum: QUORUM,
  files: [
    {
      id: 7, category: 'plan', filename: '活动方案.docx', mime: 'application/msword', size: 20480, width: null, height: null,
      capturedAt: null, hadLocation: false, uploadedBy: '王书记', uploadedAt: '2026-07-20T02:00:00.000Z', reusedIn: [],
    },
    {
      id: 8, category: 'photo', filename: 'IMG_1.jpg', mime: 'image/jpeg', size: 2048000, width: 4000, height: 3000,
      capturedAt: '2026-07-28T01:12:00.000Z', hadLocation: true, uploadedBy: '王书记', uploadedAt: '2026-07-28T05:00:00.000Z',
      reusedIn: [{ activityId: 5, label: '2026-06-28 主题党日' }],
    },
  ],
  checklists: [
    {
      templateId: 1,
      name: '五个一',
      items: [
        { key: 'plan', label: '制定一个活动方案', satisfiedBy: 'plan', done: true, evidence: '活动方案.docx', fileIds: [7] },
        { key: 'material', label: '发放一套学习资料', satisfiedBy: 'material', done: false, evidence: null, fileIds: [] },
        { key: 'upload', label: '上传一次"灯塔—党建在线"', satisfiedBy: 'upload', done: false, evidence: null, fileIds: [] },
      ],
    },
    {
      templateId: 2,
      name: '四定两挂一戴',
      items: [{ key: 'hang_flag', label: '挂党旗', satisfiedBy: 'confirm', done: false, evidence: null, fileIds: [] }],
    },
  ],
});

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('组织生活记录详情', () => {
  it('三日合一 (issue 20 point 4): the meeting shows the day’s agendas and the matters raised and discussed at it, each linked', async () => {
    const matter = (id: number, title: string, stage: 'raised' | 'discussed') => ({
      id, receipt: `R${id}`, organizationId: 3, villageName: '王庄村', source: 'say_day', category: 'livelihood', title, raisedOn: '2026-07-28',
      stage, ownerName: null, dueOn: null, rating: null, reopened: false, late: false, escalated: false, daysOverdue: 0, isDemo: false,
    });
    installFetch(server((call) => {
      if (call.path === '/api/activities/21') return jsonResponse(200, DETAIL);
      if (call.path === '/api/matters/meetings/21') {
        return jsonResponse(200, {
          activity: { id: 21, kind: 'combined_day', title: '七月三日合一', heldOn: '2026-07-28', parts: [{ kind: 'villager_say_day', text: '群众说事:修路' }] },
          raised: [matter(5, '村东路灯不亮', 'raised')], discussed: [matter(6, '修缮生产路', 'discussed')],
        });
      }
      return undefined;
    }));
    await renderRoutes(routes, '/activities/21');
    fireEvent.click(await screen.findByRole('tab', { name: '村民说事' }));
    const panel = await screen.findByTestId('meeting-matters');
    expect(within(panel).getByText('村民说事日').closest('li')?.textContent).toBe('村民说事日:群众说事:修路');
    expect(within(panel).getByText('村东路灯不亮').closest('a')?.getAttribute('href')).toBe('/matters/5');
    expect(within(panel).getByText('当天议事(1)')).toBeTruthy();
    expect(within(panel).getByText('修缮生产路').closest('a')?.getAttribute('href')).toBe('/matters/6');
  });

  it('shows the header, attendance with members’ answers, the quorum alert before a disabled vote form, and the checklists', async () => {
    const calls = installFetch(
      server((call) => {
        if (call.path === '/api/activities/21' && call.method === 'GET') return jsonResponse(200, DETAIL);
        if (call.path === '/api/activities/21/checks') return jsonResponse(200, DETAIL);
        return undefined;
      }),
    );
    await renderRoutes(routes, '/activities/21');
    expect(await screen.findByText('三日合一')).toBeTruthy();
    expect(screen.getByTestId('review-status').textContent).toBe('已退回');
    expect(screen.getByText('演示数据')).toBeTruthy();

    // 李四 asked for leave beforehand: shown and pre-filled as 请假 with the reason.
    const li = screen.getByTestId('attendance-102');
    expect(within(li).getByText('请假:外出务工')).toBeTruthy();
    expect((within(li).getByLabelText('李四的请假原因') as HTMLInputElement).value).toBe('外出务工');

    const alert = screen.getByTestId('quorum-alert');
    expect(alert.textContent).toContain(QUORUM.message);
    expect(alert.className).toContain('error');
    const vote = screen.getByTestId('vote-section');
    expect(alert.compareDocumentPosition(within(vote).getByLabelText('表决事项')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect((within(vote).getByLabelText('表决事项') as HTMLInputElement).disabled).toBe(true);
    expect(within(vote).getByText(/未达到法定人数,不能进行表决/)).toBeTruthy();

    fireEvent.click(screen.getByText('材料与检查清单'));
    const plan = await screen.findByTestId('checklist-item-plan');
    expect(plan.getAttribute('data-done')).toBe('true');
    expect(within(plan).getByText('活动方案.docx')).toBeTruthy();
    const material = screen.getByTestId('checklist-item-material');
    expect(material.getAttribute('data-done')).toBe('false');
    expect(within(material).getByText('缺少:上传学习资料')).toBeTruthy();
    expect(within(material).getByText('上传学习资料').closest('button')).toBeTruthy();
    expect(within(screen.getByTestId('checklist-item-upload')).getByText('登记灯塔上传').closest('button')).toBeTruthy();

    // The photo: capture time, location removed, and a possible reuse flagged (not refused).
    const grid = screen.getByTestId('photo-grid');
    expect(within(grid).getByText('拍摄时间 2026-07-28 09:12')).toBeTruthy();
    expect(within(grid).getByText('已去除位置信息')).toBeTruthy();
    expect(within(grid).getByText(/疑似重复使用/).textContent).toContain('2026-06-28 主题党日');
    expect(grid.querySelector('img')?.getAttribute('src')).toBe('/api/activities/21/files/8?thumb=1');

    fireEvent.click(screen.getByTestId('checklist-item-hang_flag').querySelector('input[type=checkbox]')!);
    await waitFor(() => expect(calls.some((c) => c.path === '/api/activities/21/checks')).toBe(true));
    expect(calls.find((c) => c.path === '/api/activities/21/checks')?.body).toEqual({ templateId: 2, itemKey: 'hang_flag', done: true });
  });

  it('locks editing once signed off and says why', async () => {
    const signed = { ...DETAIL, reviewStatus: 'signed_off' as const, quorum: { ...QUORUM, met: true, message: '到会人数符合规定' } };
    installFetch(server((call) => (call.path === '/api/activities/21' ? jsonResponse(200, signed) : undefined)));
    await renderRoutes(routes, '/activities/21');
    expect(await screen.findByText('督导干部已签认,记录已锁定')).toBeTruthy();
    expect(screen.getByTestId('quorum-alert').className).toContain('success');
    expect(screen.queryByText('编辑')).toBeNull();
    expect(screen.queryByText('保存出席情况')).toBeNull();
    expect((screen.getByLabelText('表决事项') as HTMLInputElement).disabled).toBe(true);
  });

  it('民主评议: shows the one-third ceiling while grading and asks for the 支委会 confirmation above it', async () => {
    const appraisal: ActivityDetail = {
      ...DETAIL, kind: 'appraisal', countedAs: ['appraisal'], reviewStatus: 'none', quorum: null,
      appraisal: {
        members: [
          { memberId: 101, name: '张三', standing: 'full', grade: null }, { memberId: 102, name: '李四', standing: 'full', grade: null },
          { memberId: 103, name: '王五', standing: 'full', grade: null }, { memberId: 104, name: '赵六', standing: 'probationary', grade: null },
        ],
        graded: 3, excellentLimit: 1, warnings: [], sources: [],
      },
    };
    const calls = installFetch(server((call) => {
      if (call.path === '/api/activities/21' && call.method === 'GET') return jsonResponse(200, appraisal);
      if (call.path === '/api/activities/21/appraisal') return jsonResponse(200, appraisal);
      return undefined;
    }));
    await renderRoutes(routes, '/activities/21');
    const section = await screen.findByTestId('appraisal-section');
    expect(within(section).getByText('预备党员 · 不评定等次')).toBeTruthy();
    for (const name of ['张三', '李四']) fireEvent.click(within(within(section).getByLabelText(`${name}的评定等次`)).getByText('优秀'));
    const save = within(section).getByRole('button', { name: /保存评议结果/ }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.click(within(section).getByText('优秀超过三分之一,已经支委会研究确认'));
    fireEvent.click(save);
    await waitFor(() => expect(calls.some((c) => c.path === '/api/activities/21/appraisal')).toBe(true));
    expect(calls.find((c) => c.path === '/api/activities/21/appraisal')?.body).toEqual({
      grades: [{ memberId: 101, grade: 'excellent' }, { memberId: 102, grade: 'excellent' }, { memberId: 103, grade: 'qualified' }, { memberId: 104, grade: null }],
      confirmExcellentOverLimit: true,
    });
  });
});
