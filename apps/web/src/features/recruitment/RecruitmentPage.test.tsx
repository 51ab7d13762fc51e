import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { routes } from '../../app/router';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { renderRoutes } from '../../test/render';
import { server } from '../../test/server';
import { record, recruitment } from './test-fixtures';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

type Check = { blocks: { rule: string; message: string; source: string }[]; warnings: { rule: string; message: string; source: string }[] };

function recruitmentServer(check: Check, onRecord?: (call: RecordedCall) => Response) {
  return server((call) => {
    if (call.path === '/api/recruitments/77' && call.method === 'GET') return jsonResponse(200, recruitment());
    if (call.path === '/api/recruitments/77/check') return jsonResponse(200, { ...check, guidance: '由支部委员会研究决定(第八条)。' });
    if (call.path === '/api/recruitments/77/records' && onRecord) return onRecord(call);
    return undefined;
  });
}

const button = (container: HTMLElement, name: string | RegExp) => within(container).getByRole('button', { name, hidden: true });

async function openStepForm() {
  const next = await screen.findByTestId('next-activist');
  fireEvent.click(button(next, '记录'));
  return findDialog(/记录:推荐和确定入党积极分子/);
}

describe('一名入党申请人的发展全程', () => {
  it('shows the next steps with their dates, who records committee steps, and recorded warnings', async () => {
    installFetch(recruitmentServer({ blocks: [], warnings: [] }));
    await renderRoutes(routes, '/recruitment/recruitments/77');
    const next = await screen.findByTestId('next-steps');
    const activist = within(next).getByTestId('next-activist');
    expect(within(activist).getByText('推荐和确定入党积极分子')).toBeTruthy();
    expect(within(activist).getByText('最早 2026-04-01')).toBeTruthy();
    expect(within(activist).getByText('截止 2026-12-31')).toBeTruthy();
    const training = within(next).getByTestId('next-training');
    expect(within(training).getByText('由镇党委记录')).toBeTruthy();
    expect(within(training).queryByRole('button', { name: '记录' })).toBeNull();
    expect(within(within(next).getByTestId('recruitment-deadlines')).getByText('即将到期')).toBeTruthy();

    expect(screen.getByText('370402********1234', { exact: false })).toBeTruthy();
    expect(screen.getByTestId('recruitment-phase').textContent).toBe('入党申请人');

    const timeline = screen.getByTestId('recruitment-timeline');
    expect(within(timeline).getByText(/第一阶段 申请入党/)).toBeTruthy();
    const talk = within(timeline).getByTestId('record-2');
    expect(within(talk).getByText('提醒:收到入党申请书后超过一个月才谈话(细则第七条)')).toBeTruthy();
    expect(within(talk).getByText('谈话人:王书记')).toBeTruthy();
    expect(within(talk).getByText(/谈话记录\.pdf/)).toBeTruthy();
    expect(within(within(timeline).getByTestId('step-candidate')).getByText('未进行')).toBeTruthy();
  });

  it('shows the rule first, checks as the form is filled, and will not save while a rule refuses', async () => {
    const calls = installFetch(
      recruitmentServer({
        blocks: [{ rule: 'activist_after_talk', message: '派人谈话之后才能确定入党积极分子', source: '细则第八条' }],
        warnings: [{ rule: 'late', message: '超过本镇规定的期限', source: '本镇设置' }],
      }),
    );
    await renderRoutes(routes, '/recruitment/recruitments/77');
    const dialog = await openStepForm();
    expect(within(dialog).getByTestId('step-guidance').textContent).toContain('第八条');
    expect(within(dialog).getByLabelText('日期')).toBeTruthy();

    const blocks = await within(dialog).findByTestId('step-blocks');
    expect(within(blocks).getByText('不能记录:派人谈话之后才能确定入党积极分子')).toBeTruthy();
    expect(within(within(dialog).getByTestId('step-warnings')).getByText('提醒,可以记录但会留痕:超过本镇规定的期限')).toBeTruthy();
    expect(button(dialog, '保存').hasAttribute('disabled')).toBe(true);

    const check = calls.find((c) => c.path.endsWith('/check'));
    expect(check?.method).toBe('POST');
    expect(check?.body).toMatchObject({ stepCode: 'activist', decidedBy: 'branch_committee', details: {} });
    expect(calls.some((c) => c.path.endsWith('/records'))).toBe(false);
  });

  it('shows the server refusal inside the form', async () => {
    const calls = installFetch(
      recruitmentServer({ blocks: [], warnings: [] }, () =>
        jsonResponse(400, {
          code: 'VALIDATION',
          message: '支委会讨论时到会委员不足半数',
          fields: [{ path: 'quorum', message: '支委会讨论时到会委员不足半数' }],
        }),
      ),
    );
    await renderRoutes(routes, '/recruitment/recruitments/77');
    const dialog = await openStepForm();
    await waitFor(() => expect(calls.some((c) => c.path.endsWith('/check'))).toBe(true));
    await waitFor(() => expect(button(dialog, '保存').hasAttribute('disabled')).toBe(false));
    fireEvent.click(button(dialog, '保存'));
    const error = await within(dialog).findByTestId('step-submit-error');
    expect(error.textContent).toContain('支委会讨论时到会委员不足半数');
    const post = calls.find((c) => c.path.endsWith('/records'));
    expect(post?.body).toMatchObject({ stepCode: 'activist', decidedBy: 'branch_committee' });
  });
  it('细则第二十一条: a 支部大会 vote with too few 赞成 shows 未通过 on the timeline with the rule, and the page says what may follow', async () => {
    const outcome = {
      label: '未通过', message: '表决未通过:赞成10票,未超过应到会有表决权党员20人的半数(至少需11票),未通过',
      source: '《中国共产党发展党员工作细则》第二十一条:赞成人数超过应到会有表决权的正式党员的半数,才能通过接收预备党员的决议',
      next: '党支部可以继续培养教育和考察,条件成熟时再次提交支部大会讨论并重新表决。',
    };
    const failed = recruitment({
      phase: 'candidate',
      records: [
        record({ id: 1, stepCode: 'application', stepName: '递交入党申请书', occurredOn: '2026-03-01' }),
        record({
          id: 9, stepCode: 'admission_meeting', stepName: '支部大会讨论', stage: 4, occurredOn: '2026-10-10', decidedBy: 'branch_meeting',
          details: { vote: { eligible: 20, present: 11, yes: 10, no: 1, abstain: 0 } }, outcome,
        }),
      ],
      nextSteps: [{ code: 'admission_meeting', name: '支部大会讨论', earliest: null, dueBy: null }],
    });
    installFetch(server((call) => (call.path === '/api/recruitments/77' && call.method === 'GET' ? jsonResponse(200, failed) : undefined)));
    await renderRoutes(routes, '/recruitment/recruitments/77');
    const meeting = within(await screen.findByTestId('recruitment-timeline')).getByTestId('record-9');
    expect(within(meeting).getByText('未通过')).toBeTruthy();
    expect(within(meeting).getByText(`未通过:${outcome.message}(${outcome.source})`)).toBeTruthy();
    expect(within(meeting).getByText(`接下来:${outcome.next}`)).toBeTruthy();
    const next = screen.getByTestId('next-after-failed');
    expect(within(next).getByText(`2026-10-10 支部大会讨论未通过:${outcome.message}`)).toBeTruthy();
    expect(within(next).getByText(outcome.next)).toBeTruthy();
  });
});
