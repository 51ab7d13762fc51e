import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { setCsrfToken } from '../../lib/api-client';
import { todayInShanghai } from '@dj/contracts';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { renderRoutes } from '../../test/render';
import { positionRoutes, procedure, server } from './test-fixtures';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

function fourTwoServer(onWrite: (call: RecordedCall) => Response) {
  return server((call) => {
    if (call.path === '/api/four-two/41' && call.method === 'GET') return jsonResponse(200, procedure());
    if (call.method !== 'GET') return onWrite(call);
    return undefined;
  });
}

describe('四议两公开事项', () => {
  it('shows the six stages, the recorded ones with their documents, and the review rule from the settings', async () => {
    installFetch(fourTwoServer(() => jsonResponse(500, {})));
    await renderRoutes(positionRoutes, '/positions/four-two/41');
    const steps = await screen.findByTestId('four-two-steps');
    for (const label of ['提议', '商议', '审议', '决议', '决议公开', '实施结果公开']) expect(within(steps).getByText(label)).toBeTruthy();
    const proposal = screen.getByTestId('stage-proposal');
    expect(within(proposal).getByText('党支部提出承包方案')).toBeTruthy();
    expect(within(proposal).getByText('提议.pdf')).toBeTruthy();
    expect(within(screen.getByTestId('stage-consultation')).getByText('无材料')).toBeTruthy();

    // The town set 80%: the settings win over the default the procedure carries.
    const rule = await screen.findByTestId('review-rule');
    await waitFor(() => expect(rule.textContent).toContain('不少于应到党员的 80%'));
    expect(rule.textContent).toContain('超过到会党员的 50%');
  });

  it('posts the review with its vote and shows the server refusal when the quorum is not met', async () => {
    const calls = installFetch(
      fourTwoServer(() => jsonResponse(400, { code: 'QUORUM_NOT_MET', message: '到会党员20人,不足应到30人的80%,不能审议' })),
    );
    await renderRoutes(positionRoutes, '/positions/four-two/41');
    const form = await screen.findByTestId('stage-form');
    const counts: [string, string][] = [['应到', '30'], ['实到', '20'], ['赞成', '18'], ['反对', '1'], ['弃权', '1']];
    for (const [label, value] of counts) fireEvent.change(within(form).getByLabelText(label), { target: { value } });
    await waitFor(() => expect(within(form).getByTestId('review-check').textContent).toContain('未达到到会要求'));
    fireEvent.change(within(form).getByLabelText('情况说明'), { target: { value: '党员大会审议承包方案' } });
    fireEvent.click(within(form).getByText(/记录“党员大会审议”/));

    const refusal = await within(form).findByTestId('stage-refusal');
    expect(refusal.textContent).toContain('到会党员20人,不足应到30人的80%,不能审议');
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/api/four-two/41/stages');
    expect(post?.body).toEqual({
      stage: 'review', heldOn: todayInShanghai(), note: '党员大会审议承包方案',
      vote: { eligible: 30, present: 20, yes: 18, no: 1, abstain: 1 },
    });
  });
});
