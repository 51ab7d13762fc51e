import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { SECRETARY, server } from '../../test/server';
import { disclosure } from './test-fixtures';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const events = [
  { kind: 'submitted' as const, note: null, byName: '王书记', at: '2026-11-02T02:00:00.000Z' },
  { kind: 'reviewed' as const, note: null, byName: '包村干部刘', at: '2026-11-03T02:00:00.000Z' },
  { kind: 'approved' as const, note: null, byName: '镇党委张', at: '2026-11-04T02:00:00.000Z' },
];

const REFUSAL = {
  code: 'VALIDATION',
  message: '公开内容含有个人信息,不能公开:表格第2行第3列有身份证号',
  fields: [{ path: '表格第2行第3列', message: '表格第2行第3列有身份证号(370402********1234),请删除后再公开' }],
};

describe('一条公开事项', () => {
  it('edits a draft (text, imported table, attachments) and submits it', async () => {
    const submitted = disclosure({ status: 'submitted', events: events.slice(0, 1), can: { ...disclosure().can, edit: false, submit: false } });
    const calls = installFetch(
      server((call) => {
        if (call.path === '/api/disclosures/41' && call.method === 'GET') return jsonResponse(200, disclosure());
        if (call.path === '/api/disclosures/41' && call.method === 'PATCH') return jsonResponse(200, disclosure({ content: '本月收入12000元,支出8500元。' }));
        if (call.path === '/api/disclosures/41/table') return jsonResponse(200, disclosure({ table: { header: ['日期', '摘要', '金额'], rows: [['2026-10-05', '保洁费', '800'], ['2026-10-20', '电费', '300']] } }));
        if (call.path === '/api/disclosures/41/submit') return jsonResponse(200, submitted);
        return undefined;
      }, SECRETARY),
    );
    await renderRoutes(routes, '/disclosures/41');
    const steps = await screen.findByTestId('disclosure-steps');
    expect([...steps.querySelectorAll('.ant-steps-item-title')].map((t) => t.textContent)).toEqual(['提出', '审核', '审批', '公开']);
    expect(screen.getByTestId('disclosure-status').textContent).toBe('草稿');
    expect(within(screen.getByTestId('table-preview')).getByText('保洁费')).toBeTruthy();
    expect(within(screen.getByTestId('disclosure-files')).getByText('凭证.pdf')).toBeTruthy();

    const xlsx = new File(['xlsx'], '收支明细.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    fireEvent.change(screen.getByLabelText('导入Excel表格'), { target: { files: [xlsx] } });
    expect(await within(screen.getByTestId('table-preview')).findByText('电费')).toBeTruthy();
    expect((calls.find((c) => c.path === '/api/disclosures/41/table')?.form?.get('file') as File).name).toBe('收支明细.xlsx');

    const editor = screen.getByTestId('disclosure-editor');
    fireEvent.change(within(editor).getByLabelText('公开内容'), { target: { value: '本月收入12000元,支出8500元。' } });
    fireEvent.click(within(screen.getByTestId('flow-actions')).getByRole('button', { name: '提交' }));
    await waitFor(() => expect(screen.getByTestId('disclosure-status').textContent).toBe('已提出(待审核)'));
    const patch = calls.find((c) => c.path === '/api/disclosures/41' && c.method === 'PATCH');
    expect(patch?.body).toMatchObject({ content: '本月收入12000元,支出8500元。' });
    const submit = calls.findIndex((c) => c.path === '/api/disclosures/41/submit');
    expect(submit).toBeGreaterThan(calls.indexOf(patch!));
    expect(screen.queryByTestId('disclosure-editor')).toBeNull();
    expect(within(screen.getByTestId('disclosure-events')).getByText('提出')).toBeTruthy();
  });

  it('shows the refusal prominently when publishing finds a personal number, and says where', async () => {
    const approved = disclosure({
      status: 'approved', events,
      can: { edit: false, submit: false, review: false, approve: false, publish: true, return: false, correct: false },
    });
    const calls = installFetch(
      server((call) => {
        if (call.path === '/api/disclosures/41' && call.method === 'GET') return jsonResponse(200, approved);
        if (call.path === '/api/disclosures/41/publish') return jsonResponse(400, REFUSAL);
        return undefined;
      }, me(['town_admin'])),
    );
    await renderRoutes(routes, '/disclosures/41');
    const actions = await screen.findByTestId('flow-actions');
    expect(within(actions).queryByRole('button', { name: '提交' })).toBeNull();
    const steps = screen.getByTestId('disclosure-steps');
    expect(steps.textContent).toContain('镇党委张');
    fireEvent.click(within(actions).getByRole('button', { name: '公开' }));
    const alert = await screen.findByTestId('publish-refusal');
    expect(alert.className).toContain('ant-alert-error');
    expect(alert.textContent).toContain('不能公开:公开内容含有个人信息');
    expect(alert.textContent).toContain('表格第2行第3列有身份证号(370402********1234)');
    expect(calls.find((c) => c.path === '/api/disclosures/41/publish')?.method).toBe('POST');
    expect(screen.getByTestId('disclosure-status').textContent).toBe('已审批(待公开)');
  });

  it('offers 更正 on a published disclosure, which opens a new draft replacing it', async () => {
    const published = disclosure({
      status: 'published', publishedAt: '2026-11-05T02:00:00.000Z', events,
      can: { edit: false, submit: false, review: false, approve: false, publish: false, return: false, correct: true },
    });
    const calls = installFetch(
      server((call) => {
        if (call.path === '/api/disclosures/41') return jsonResponse(200, published);
        if (call.path === '/api/disclosures' && call.method === 'POST') return jsonResponse(200, disclosure({ id: 43, supersedesId: 41 }));
        if (call.path === '/api/disclosures/43') return jsonResponse(200, disclosure({ id: 43, supersedesId: 41 }));
        return undefined;
      }, SECRETARY),
    );
    const { router } = await renderRoutes(routes, '/disclosures/41', { opens: ['/disclosures/43'] });
    fireEvent.click(await screen.findByRole('button', { name: '更正' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/disclosures/43'));
    expect(calls.find((c) => c.path === '/api/disclosures' && c.method === 'POST')?.body).toMatchObject({ supersedesId: 41, organizationId: 3, period: '2026-10' });
    expect(await screen.findByText(/的更正,公开后替换原内容/)).toBeTruthy();
  });
});
