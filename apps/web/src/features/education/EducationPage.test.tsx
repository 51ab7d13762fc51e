import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import type { BranchHours, TrainingList } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { renderRoutes } from '../../test/render';
import { server } from '../../test/server';
import { EducationPage } from './EducationPage';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const routes = [{ path: '/education', element: <EducationPage /> }];
const LIST: TrainingList = { canRecord: true, items: [{
  id: 1, organizationId: 3, organizationName: '东岭村党支部', kind: 'branch_study', title: '书记讲党课', startsOn: '2026-03-28', endsOn: '2026-03-28',
  hours: 2, venue: '村党群服务中心', lecturers: null, activityId: 9, attendees: 3, present: 2, isDemo: false,
}] };
const zero = { rotation_town: 0, rotation_county: 0, branch_study: 0, dengta_class: 0, institute_course: 0, field_school: 0, candidate_training: 0, online_study: 0 };
const HOURS: BranchHours = {
  organizationId: 3, organizationName: '东岭村党支部', year: 2026, targets: { member: 32, leader: 56, source: '《中国共产党党员教育管理工作条例》' },
  // Roster order: 李乙 first with fewer hours than 王甲.
  people: [
    { personId: 1, memberId: 11, name: '李乙', group: 'member', byKind: { ...zero, branch_study: 2 }, total: 2, target: 32, status: 'due' },
    { personId: 2, memberId: 12, name: '王甲', group: 'leader', byKind: { ...zero, rotation_town: 60 }, total: 60, target: 56, status: 'done' },
  ],
  distribution: { done: 1, due: 1, late: 0, bands: [{ label: '未开始', count: 0 }, { label: '不足一半', count: 1 }, { label: '过半未完成', count: 0 }, { label: '已完成', count: 1 }] },
  newSecretaries: [],
};

function educationServer(list: TrainingList = LIST) {
  return server((call: RecordedCall) => {
    if (call.path === '/api/education/sessions') return jsonResponse(200, list);
    if (call.path === '/api/education/hours') return jsonResponse(200, HOURS);
    return undefined;
  });
}

describe('教育培训 page', () => {
  it('lists the sessions with kind, hours and attendance, and marks one recorded from a 党课', async () => {
    installFetch(educationServer());
    await renderRoutes(routes, '/education');
    expect(await screen.findByText('书记讲党课')).toBeTruthy();
    expect(screen.getByText('来自党课')).toBeTruthy();
    expect(screen.getByText('书记讲党课').closest('a')?.getAttribute('href')).toBe('/education/sessions/1');
    expect(screen.getByRole('button', { name: '登记培训', hidden: true })).toBeTruthy();
    expect(screen.getByText(/2学时 · 东岭村党支部 · 村党群服务中心 · 出席2\/3人/)).toBeTruthy();
  });

  it('says so when a year has no sessions', async () => {
    installFetch(educationServer({ canRecord: true, items: [] }));
    await renderRoutes(routes, '/education');
    expect(await screen.findByText(/年没有培训记录/)).toBeTruthy();
  });

  it('shows a branch\'s hours as a distribution in roster order, with 应完成/已完成, never a ranking', async () => {
    installFetch(educationServer());
    await renderRoutes(routes, '/education?tab=hours&orgId=3&year=2026');
    expect(await screen.findByText('2/32')).toBeTruthy();
    const names = screen.getAllByRole('row').slice(1).map((r) => r.textContent ?? '');
    expect(names[0]).toContain('李乙');
    expect(names[1]).toContain('王甲');
    expect(screen.getByText('已完成 1人')).toBeTruthy();
    expect(screen.getByText('李乙').closest('a')?.getAttribute('href')).toBe('/education/people/1?year=2026&orgId=3');
    expect(screen.queryByText(/得分|第\d+名/)).toBeNull();
  });

  it('offers 导入线上学习 and 代为登记 on the branch\'s 学时 tab to those who record, and to no one else', async () => {
    installFetch(educationServer());
    await renderRoutes(routes, '/education?tab=hours&orgId=3&year=2026');
    fireEvent.click(await screen.findByRole('button', { name: '导入线上学习' }));
    expect(await screen.findByText(/自愿记录,不强制在线、不排名/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '代为登记线上学习', hidden: true })).toBeTruthy();
    cleanup();
    installFetch(educationServer({ canRecord: false, items: [] }));
    await renderRoutes(routes, '/education?tab=hours&orgId=3&year=2026');
    expect(await screen.findByText('2/32')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '导入线上学习' })).toBeNull();
  });
});
