import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse } from '../../test/fetch-mock';
import { renderRoutes } from '../../test/render';
import { server } from '../../test/server';
import { record, recruitment } from './test-fixtures';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const button = (container: HTMLElement, name: string | RegExp) => within(container).getByRole('button', { name, hidden: true });

/** The talk (record 2) is the latest record and voidable; once voided the server answers without it. */
const before = () => {
  const r = recruitment();
  return { ...r, records: r.records.map((x) => (x.id === 2 ? { ...x, voidable: true } : x)) };
};
const after = () => {
  const r = recruitment();
  return {
    ...r, lastStepName: '递交入党申请书', lastStepOn: '2026-03-01',
    records: [record({ id: 1, stepCode: 'application', stepName: '递交入党申请书', occurredOn: '2026-03-01' })],
    voidedRecords: [{
      id: 2, stepCode: 'talk', stepName: '党组织派人谈话', occurredOn: '2026-03-20', recordedByName: '王书记',
      voidedAt: '2026-03-22T02:00:00.000Z', voidedByName: '李书记', reason: '谈话日期记错', files: [{ id: 5, name: '谈话记录.pdf', size: 20480 }],
    }],
  };
};

describe('作废 a mistaken record', () => {
  it('voids the latest record with a reason, shows the server refusal, then the voided section', async () => {
    let voided = false;
    let refuse = true;
    const calls = installFetch(server((call) => {
      if (call.path === '/api/recruitments/77' && call.method === 'GET') return jsonResponse(200, voided ? after() : before());
      if (call.path === '/api/recruitments/77/records/2/void') {
        if (refuse) {
          refuse = false;
          return jsonResponse(409, { code: 'CONFLICT', message: '只能作废最近记录的一步:请先作废“确定入党积极分子”' });
        }
        voided = true;
        return jsonResponse(200, after());
      }
      return undefined;
    }));
    await renderRoutes(routes, '/recruitment/recruitments/77');
    const timeline = await screen.findByTestId('recruitment-timeline');
    expect(within(within(timeline).getByTestId('record-1')).queryByRole('button', { name: /作废/, hidden: true })).toBeNull();
    expect(within(timeline).queryByTestId('voided-records')).toBeNull();

    fireEvent.click(button(within(timeline).getByTestId('record-2'), '作废:党组织派人谈话 2026-03-20'));
    const dialog = await findDialog(/作废记录:党组织派人谈话/);
    fireEvent.change(within(dialog).getByLabelText('作废原因'), { target: { value: '  谈话日期记错  ' } });
    fireEvent.click(button(dialog, /作\s*废/));
    expect(await screen.findByText('只能作废最近记录的一步:请先作废“确定入党积极分子”')).toBeTruthy();

    fireEvent.click(button(dialog, /作\s*废/));
    await waitFor(() => expect(within(screen.getByTestId('recruitment-timeline')).queryByTestId('record-2')).toBeNull());
    const posts = calls.filter((c) => c.path === '/api/recruitments/77/records/2/void');
    expect(posts).toHaveLength(2);
    expect(posts[1]).toMatchObject({ method: 'POST', body: { reason: '谈话日期记错' } });

    const section = screen.getByTestId('voided-records');
    expect(within(section).getByText('已作废的记录(1)')).toBeTruthy();
    fireEvent.click(within(section).getByText('已作废的记录(1)'));
    const item = await within(section).findByTestId('voided-2');
    expect(within(item).getByText('2026-03-20 党组织派人谈话').closest('del')).toBeTruthy();
    expect(within(item).getByText(/李书记 于 .* 作废,原因:谈话日期记错/)).toBeTruthy();
    expect(within(item).getByText('谈话记录.pdf')).toBeTruthy();
  });
});
