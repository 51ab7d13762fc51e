import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { TASK_KINDS, type Me } from '@dj/contracts';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { ALL } from '../../test/org-fixtures';
import { renderRoutes } from '../../test/render';
import type { Task } from './api';
import { groupTasks, sectionTasks } from './TasksPage';

const UNREACHABLE_RULE = '《中国共产党党员教育管理工作条例》第二十四条: 与党组织失去联系6个月以上、经查找仍然没有取得联系的党员,应当停止其党籍';

/** Deliberately out of order: the page groups them under fixed headings. */
const TASKS: Task[] = [
  { kind: 'CONFIRMATION_DUE', memberId: 21, memberName: '赵小梅', organizationName: '王庄村党支部', message: '预备期将于2026-08-01届满,应及时讨论转正', rule: '《中国共产党发展党员工作细则》第三十二条', link: '/members/21', dueOn: '2026-08-01', overdue: false },
  { kind: 'UNREACHABLE', memberId: 12, memberName: '李国强', organizationName: '王庄村党支部', message: '已7个月未能取得联系(最后一次联系为2025-12-01),请党支部设法查找', rule: UNREACHABLE_RULE, link: '/members/12', dueOn: '2025-12-01', overdue: true },
  { kind: 'TRANSFER_DUE', memberId: 11, memberName: '王大山', organizationName: '镇政府办公室党支部', message: '该党员自2025-10-01外出已9个月且有相对固定的处所,应当转接组织关系(2026-04-01起)', rule: '《中国共产党党员教育管理工作条例》第二十五条: 外出学习、工作、生活6个月以上并且地点相对固定的,应当转接组织关系', link: '/members/11', dueOn: '2025-10-01', overdue: true },
  { kind: 'RECEIPT_OVERDUE', memberId: 13, memberName: '孙立新', organizationName: '王庄村党支部', message: '介绍信西组〔2026〕3号:至今未收到回执,请与接收党组织核实', rule: null, link: '/members/13', dueOn: null, overdue: true },
  { kind: 'UNREACHABLE', memberId: 14, memberName: '周海', organizationName: '镇政府办公室党支部', message: '已6个月未能取得联系(自2026-01-02外出后未有联系记录)', rule: UNREACHABLE_RULE, link: '/members/14', dueOn: '2026-01-02', overdue: true },
];

/** The server's answer: one page of the list (of a kind when asked), the counts per kind over all of it. */
function paged(all: Task[], call: RecordedCall) {
  const query = new URL(call.url, 'http://localhost').searchParams;
  const page = Number(query.get('page') ?? 1);
  const pageSize = Number(query.get('pageSize') ?? 50);
  const kind = query.get('kind');
  const shown = kind ? all.filter((t) => t.kind === kind) : all;
  const counts = Object.fromEntries(TASK_KINDS.map((k) => [k, all.filter((t) => t.kind === k).length]));
  return {
    items: shown.slice((page - 1) * pageSize, page * pageSize), total: shown.length, overdue: shown.filter((t) => t.overdue).length,
    page, pageSize, counts,
  };
}

function server({ who = me(['town_admin']), tasks = (_call: RecordedCall) => TASKS }: { who?: Me; tasks?: (call: RecordedCall) => Task[] } = {}) {
  return (call: RecordedCall) => {
    if (call.path === '/api/auth/me') return jsonResponse(200, who);
    if (call.path === '/api/organizations') return jsonResponse(200, { items: ALL });
    if (call.path === '/api/tasks') return jsonResponse(200, paged(tasks(call), call));
    return jsonResponse(404, { code: 'NOT_FOUND', message: '记录不存在或无权查看' });
  };
}

const taskCalls = (calls: RecordedCall[]) =>
  calls.filter((c) => c.path === '/api/tasks').map((c) => Object.fromEntries(new URL(c.url, 'http://localhost').searchParams));

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

describe('待办事项', () => {
  it('groups the items under fixed Chinese headings, each with the member link, branch, message and rule', async () => {
    const calls = installFetch(server());
    const { router } = await renderRoutes(routes, '/tasks', { opens: ['/members/14'] });
    const list = await screen.findByTestId('task-list');
    await within(list).findByText('王大山');

    const headings = [...list.querySelectorAll('[data-testid^="task-group-"] .ant-card-head-title')].map((h) => h.textContent);
    expect(headings).toEqual(['应转接组织关系1', '失联提醒2', '介绍信回执逾期1', '预备期将满1']);

    const unreachable = within(list).getByTestId('task-group-UNREACHABLE');
    const items = within(unreachable).getAllByTestId('task-item');
    expect(items.map((item) => within(item).getByRole('link').textContent)).toEqual(['李国强', '周海']);
    expect(items[0].textContent).toContain('王庄村党支部');
    expect(items[0].textContent).toContain('已7个月未能取得联系');
    expect(items[0].textContent).toContain(`依据:${UNREACHABLE_RULE}`);
    expect(within(items[0]).getByRole('link').getAttribute('href')).toBe('/members/12');

    // A task without a rule shows no 依据 line.
    const receipt = within(within(list).getByTestId('task-group-RECEIPT_OVERDUE')).getByTestId('task-item');
    expect(receipt.textContent).not.toContain('依据');

    expect(taskCalls(calls)).toEqual([{ page: '1', pageSize: '50' }]);
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toContain('待办事项');

    fireEvent.click(within(items[1]).getByRole('link'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/members/14'));
  });

  it('filters by organisation through the address and the request', async () => {
    const calls = installFetch(server({ tasks: (call) => (call.url.includes('orgId=5') ? TASKS.filter((t) => t.organizationName === '镇政府办公室党支部') : TASKS) }));
    const { router } = await renderRoutes(routes, '/tasks?orgId=5');
    const list = await screen.findByTestId('task-list');
    await within(list).findByText('王大山');
    expect(within(list).queryByText('李国强')).toBeNull();
    expect(taskCalls(calls)).toEqual([{ orgId: '5', page: '1', pageSize: '50' }]);

    fireEvent.mouseDown(screen.getByLabelText('组织'));
    fireEvent.click(await screen.findByTitle('王庄村党支部'));
    await waitFor(() => expect(router.state.location.search).toBe('?orgId=3'));
    await waitFor(() => expect(taskCalls(calls).at(-1)).toEqual({ orgId: '3', page: '1', pageSize: '50' }));
  });

  it('says everything is within its deadline when there is nothing to do', async () => {
    installFetch(server({ tasks: () => [] }));
    await renderRoutes(routes, '/tasks');
    const list = await screen.findByTestId('task-list');
    expect(await within(list).findByText('暂无待办,各项工作均在期限内')).toBeTruthy();
    expect(within(list).queryByTestId('task-item')).toBeNull();
  });

  it('is not offered to a plain member', async () => {
    const calls = installFetch(server({ who: me(['member'], [{ organizationId: 3, name: '王庄村党支部', path: '/1/3/' }]) }));
    await renderRoutes(routes, '/tasks');
    expect(await screen.findByText('没有权限查看')).toBeTruthy();
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual(['组织架构', '党员名册', '我的组织生活', '我的学习', '我的联户', '我培养联系的人']);
    expect(calls.some((c) => c.path === '/api/tasks')).toBe(false);
  });
  it('lists due and late 三务公开 of a branch with a link to the disclosures', async () => {
    const disclosureTasks: Task[] = [
      { kind: 'DISCLOSURE_LATE', memberId: null, memberName: '财务收支(每月)公开 2026-09', organizationName: '王庄村党支部', message: '应于2026-10-10前公开,已逾期', rule: '《村民委员会组织法》第三十条', link: '/disclosures?orgId=3', dueOn: '2026-10-10', overdue: true },
      { kind: 'DISCLOSURE_DUE', memberId: null, memberName: '财务收支(每月)公开 2026-10', organizationName: '王庄村党支部', message: '应于2026-11-10前公开', rule: null, link: '/disclosures?orgId=3', dueOn: '2026-11-10', overdue: false },
    ];
    installFetch(server({ tasks: () => disclosureTasks }));
    await renderRoutes(routes, '/tasks');
    const late = await screen.findByTestId('task-group-DISCLOSURE_LATE');
    expect(late.textContent).toContain('三务公开逾期');
    expect(within(late).getByRole('link', { name: '财务收支(每月)公开 2026-09' }).getAttribute('href')).toBe('/disclosures?orgId=3');
    expect(screen.getByTestId('task-group-DISCLOSURE_DUE').textContent).toContain('三务公开将到期');
  });
  it('lists overdue rectifications as escalated, with a link to the rectification', async () => {
    installFetch(server({ tasks: () => [
      { kind: 'RECTIFICATION_LATE', memberId: null, memberName: '整改:值班记录缺失', organizationName: '古屯村党支部', message: '应于2026-11-01前完成整改,已逾期26天,已上报镇党委(责任人:李建国)', rule: null, link: '/rectifications/7', dueOn: '2026-11-01', overdue: true },
    ] }));
    await renderRoutes(routes, '/tasks');
    const late = await screen.findByTestId('task-group-RECTIFICATION_LATE');
    expect(late.textContent).toContain('整改逾期(已上报镇党委)');
    expect(within(late).getByRole('link', { name: '整改:值班记录缺失' }).getAttribute('href')).toBe('/rectifications/7');
  });
  it('lists 发展党员 deadlines after the members, late before due, each opening the person\'s recruitment', async () => {
    installFetch(server({ tasks: () => [
      { kind: 'RECRUITMENT_DUE', memberId: null, memberName: '刘晓', organizationName: '营子村党支部', message: '收到入党申请书后派人谈话:应于2026-12-05前', rule: '《中国共产党发展党员工作细则》第七条', link: '/recruitment/recruitments/9', dueOn: '2026-12-05', overdue: false },
      { kind: 'RECRUITMENT_LATE', memberId: null, memberName: '陈静', organizationName: '营子村党支部', message: '上级党委审批接收预备党员(三个月内):应于2026-11-01前,已超过规定期限,办理时须写明特殊情况', rule: '《中国共产党发展党员工作细则》第二十四条', link: '/recruitment/recruitments/5', dueOn: '2026-11-01', overdue: true },
      ...TASKS.slice(0, 1),
    ] }));
    await renderRoutes(routes, '/tasks');
    const list = await screen.findByTestId('task-list');
    await within(list).findByText('陈静');
    const headings = [...list.querySelectorAll('[data-testid^="task-group-"] .ant-card-head-title')].map((h) => h.textContent);
    // 已逾期 first (issue 13 point 3), then what is only coming due.
    expect(headings).toEqual(['发展党员逾期1', '预备期将满1', '发展党员将到期1']);
    const late = screen.getByTestId('task-group-RECRUITMENT_LATE');
    expect(late.textContent).toContain('须写明特殊情况');
    expect(late.textContent).toContain('依据:《中国共产党发展党员工作细则》第二十四条');
    expect(within(late).getByRole('link', { name: '陈静' }).getAttribute('href')).toBe('/recruitment/recruitments/5');
  });
  it('shows the first items of a long group and the rest on request', async () => {
    const many: Task[] = Array.from({ length: 8 }, (_, i) => ({
      kind: 'CONFIRMATION_DUE', memberId: 100 + i, memberName: `预备党员${i + 1}`, organizationName: '王庄村党支部',
      message: `预备期将于2026-08-${String(i + 1).padStart(2, '0')}届满,应及时讨论转正`, rule: null, link: `/members/${100 + i}`,
      dueOn: `2026-08-${String(i + 1).padStart(2, '0')}`, overdue: false,
    }));
    installFetch(server({ tasks: () => many }));
    await renderRoutes(routes, '/tasks');
    const group = await screen.findByTestId('task-group-CONFIRMATION_DUE');
    expect(within(group).getAllByTestId('task-item')).toHaveLength(5);
    fireEvent.click(within(group).getByRole('button', { name: '展开全部8项' }));
    expect(within(group).getAllByTestId('task-item')).toHaveLength(8);
    expect(within(group).getByText('预备党员8')).toBeTruthy();
    fireEvent.click(within(group).getByRole('button', { name: '收起' }));
    expect(within(group).getAllByTestId('task-item')).toHaveLength(5);
  });
});

describe('13.8 and 17: where each role lands', () => {
  const cases: [string, Me, string][] = [
    ['the town admin on the 驾驶舱', me(['town_admin']), '/dashboard'],
    ['a secretary of one branch on its 村情卡', me(['branch_secretary'], [{ organizationId: 3, name: '王庄村党支部', path: '/1/3/' }]), '/dashboard/villages/3'],
  ];
  for (const [what, who, path] of cases) {
    it(`the home address opens ${path} for ${what}`, async () => {
      installFetch(server({ who }));
      const { router } = await renderRoutes(routes, '/', { opens: [path] });
      await waitFor(() => expect(router.state.location.pathname).toBe(path));
    });
  }

  it('the home address opens 待办 for a secretary of several branches (no single village card)', async () => {
    const who = me(['branch_secretary'], [{ organizationId: 3, name: '王庄村党支部', path: '/1/3/' }, { organizationId: 4, name: '李庄村党支部', path: '/1/4/' }]);
    installFetch(server({ who }));
    const { router } = await renderRoutes(routes, '/', { opens: ['/tasks'] });
    await waitFor(() => expect(router.state.location.pathname).toBe('/tasks'));
    expect(await screen.findByTestId('task-list')).toBeTruthy();
  });
});

describe('13.3 honest deadlines on 待办', () => {
  /** Deliberately out of order: the page parts them into 已逾期 and 即将到期, each by date. */
  const MIXED: Task[] = [
    { kind: 'DISCLOSURE_DUE', memberId: null, memberName: '财务收支公开', organizationName: '王庄村党支部', message: '2026-11应于2026-12-10前公开', rule: null, link: '/disclosures?orgId=3', dueOn: '2026-12-10', overdue: false },
    { kind: 'CONFIRMATION_DUE', memberId: 31, memberName: '钱将满', organizationName: '王庄村党支部', message: '预备期将于2026-12-20届满,应及时讨论转正', rule: null, link: '/members/31', dueOn: '2026-12-20', overdue: false },
    { kind: 'CONFIRMATION_LATE', memberId: 32, memberName: '孙九月', organizationName: '王庄村党支部', message: '预备期已于2026-09-30届满,尚未讨论转正,已逾期62天', rule: null, link: '/members/32', dueOn: '2026-09-30', overdue: true },
    { kind: 'CONFIRMATION_LATE', memberId: 33, memberName: '李八月', organizationName: '王庄村党支部', message: '预备期已于2026-08-15届满,尚未讨论转正,已逾期108天', rule: null, link: '/members/33', dueOn: '2026-08-15', overdue: true },
    { kind: 'CONFIRMATION_DUE', memberId: 34, memberName: '周十二', organizationName: '王庄村党支部', message: '预备期将于2026-12-08届满,应及时讨论转正', rule: null, link: '/members/34', dueOn: '2026-12-08', overdue: false },
  ];

  it('13.3 shows 已逾期 apart from 即将到期, late first, each sorted by date', async () => {
    installFetch(server({ tasks: () => MIXED }));
    await renderRoutes(routes, '/tasks');
    const list = await screen.findByTestId('task-list');
    const overdue = await within(list).findByTestId('task-section-overdue');
    const due = within(list).getByTestId('task-section-due');
    expect(overdue.compareDocumentPosition(due) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(overdue).getByRole('heading').textContent).toBe('已逾期(2项)');
    expect(within(due).getByRole('heading').textContent).toBe('即将到期(3项)');
    const names = (section: HTMLElement) => within(section).getAllByTestId('task-item').map((i) => within(i).getByRole('link').textContent);
    expect(names(overdue)).toEqual(['李八月', '孙九月']);
    expect(names(due)).toEqual(['周十二', '钱将满', '财务收支公开']);
    // A 预备期 that ended months ago is not "将满".
    expect(within(overdue).queryByText('预备期将满')).toBeNull();
    expect(within(overdue).getByTestId('task-group-CONFIRMATION_LATE').textContent).toContain('预备期已满未讨论转正');
    expect(within(overdue).getAllByTestId('task-item')[0].textContent).toContain('期限 2026-08-15(已逾期)');
  });

  it('13.3 sectionTasks leaves an empty part out', () => {
    expect(sectionTasks(MIXED.filter((t) => !t.overdue)).map((s) => s.key)).toEqual(['due']);
    expect(sectionTasks([])).toEqual([]);
  });
});

describe('groupTasks', () => {
  it('keeps the fixed order and the server order inside a group, and leaves empty groups out', () => {
    expect(groupTasks(TASKS).map((g) => [g.kind, g.items.map((i) => i.memberId)])).toEqual([
      ['TRANSFER_DUE', [11]],
      ['UNREACHABLE', [12, 14]],
      ['RECEIPT_OVERDUE', [13]],
      ['CONFIRMATION_DUE', [21]],
    ]);
    expect(groupTasks(TASKS.filter((t) => t.kind === 'UNREACHABLE')).map((g) => g.kind)).toEqual(['UNREACHABLE']);
  });
});

describe('14.2 待办 paged, with the counts per kind', () => {
  const MANY: Task[] = Array.from({ length: 120 }, (_, i) => ({
    kind: i < 70 ? 'CONFIRMATION_LATE' : 'RECRUITMENT_DUE', memberId: i < 70 ? 200 + i : null, memberName: `待办${i + 1}`,
    organizationName: '王庄村党支部', message: '请办理', rule: null, link: '/tasks', dueOn: `2026-${i < 70 ? '09' : '12'}-${String(1 + (i % 28)).padStart(2, '0')}`,
    overdue: i < 70,
  }));

  it('14.2 shows the counts of every kind over the whole list, pages on the server and narrows to a kind', async () => {
    const calls = installFetch(server({ tasks: () => MANY }));
    await renderRoutes(routes, '/tasks');
    const counts = await screen.findByTestId('task-counts');
    expect(counts.textContent).toContain('全部 120');
    expect(within(counts).getByTestId('task-count-CONFIRMATION_LATE').textContent).toBe('预备期已满未讨论转正 70');
    expect(within(counts).getByTestId('task-count-RECRUITMENT_DUE').textContent).toBe('发展党员将到期 50');
    expect(within(counts).queryByTestId('task-count-UNREACHABLE')).toBeNull();
    // The headings count the whole list, not the 50 items of the page.
    expect(within(await screen.findByTestId('task-section-overdue')).getByRole('heading').textContent).toBe('已逾期(70项)');

    fireEvent.click(screen.getByTitle('2'));
    await waitFor(() => expect(taskCalls(calls).at(-1)).toEqual({ page: '2', pageSize: '50' }));
    expect(await within(screen.getByTestId('task-list')).findByTestId('task-section-due')).toBeTruthy();

    fireEvent.click(within(counts).getByTestId('task-count-RECRUITMENT_DUE'));
    await waitFor(() => expect(taskCalls(calls).at(-1)).toEqual({ kind: 'RECRUITMENT_DUE', page: '1', pageSize: '50' }));
    await waitFor(() => expect(screen.queryByTestId('task-section-overdue')).toBeNull());
    expect(within(screen.getByTestId('task-section-due')).getByRole('heading').textContent).toBe('即将到期(50项)');
  });
});
