import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { BranchHours } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { queryOf, server } from '../../test/server';
import { personHours, ZERO_KINDS } from './education-fixtures';
import { EducationPage } from './EducationPage';
import { PersonHoursPage } from './PersonHoursPage';

/** Issue 19 point 6: the 培训台账 and 培训档案 buttons ask for the right file of the right year and scope. */
beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const routes = [{ path: '/education', element: <EducationPage /> }, { path: '/education/people/:personId', element: <PersonHoursPage /> }];
const HOURS: BranchHours = {
  organizationId: 3, organizationName: '东岭村党支部', year: 2025, targets: { member: 32, leader: 56, source: '条例' },
  people: [{ personId: 1, memberId: 11, name: '李乙', group: 'member', byKind: ZERO_KINDS, total: 0, target: 32, status: 'late' }],
  distribution: { done: 0, due: 0, late: 1, bands: [] }, newSecretaries: [],
};
const file = () => new Response('x', { status: 200, headers: { 'content-type': 'application/pdf' } });

function educationServer(who = me(['branch_secretary'])) {
  return server((call: RecordedCall) => {
    if (call.path === '/api/education/sessions') return jsonResponse(200, { canRecord: false, items: [] });
    if (call.path === '/api/education/hours') return jsonResponse(200, HOURS);
    if (call.path === '/api/education/people/101/hours') return jsonResponse(200, personHours());
    if (call.path.startsWith('/api/education/ledger.') || call.path.endsWith('/record.pdf') || call.path.endsWith('/record.xlsx')) return file();
    return undefined;
  }, who);
}

async function choose(button: RegExp, format: string) {
  fireEvent.mouseEnter(await screen.findByRole('button', { name: button }));
  fireEvent.click(await screen.findByText(format));
}

describe('培训台账与培训档案 downloads', () => {
  beforeAll(() => { if (!URL.createObjectURL) Object.assign(URL, { createObjectURL: () => 'blob:education', revokeObjectURL: () => {} }); });

  it('the 学时对照 tab downloads the branch\'s ledger of the year', async () => {
    const calls = installFetch(educationServer());
    await renderRoutes(routes, '/education?tab=hours&orgId=3&year=2025');
    await choose(/2025年度培训台账/, 'Word');
    await waitFor(() => expect(calls.some((c) => c.path === '/api/education/ledger.docx' && queryOf(c).orgId === '3' && queryOf(c).year === '2025')).toBe(true));
  });

  it('the town admin\'s sessions list downloads the town\'s ledger; a secretary has no such button', async () => {
    const calls = installFetch(educationServer(me(['town_admin'])));
    await renderRoutes(routes, '/education?year=2025');
    await choose(/2025年度全镇培训台账/, 'Excel');
    await waitFor(() => expect(calls.some((c) => c.path === '/api/education/ledger.xlsx' && queryOf(c).year === '2025' && !('orgId' in queryOf(c)))).toBe(true));
    cleanup();
    installFetch(educationServer());
    await renderRoutes(routes, '/education?year=2025');
    await screen.findByText(/年没有培训记录/);
    expect(screen.queryByRole('button', { name: /全镇培训台账/ })).toBeNull();
  });

  it('the person\'s page downloads their record of the year', async () => {
    const calls = installFetch(educationServer());
    await renderRoutes(routes, '/education/people/101?year=2026');
    await choose(/2026年度培训档案/, 'PDF(A4)');
    await waitFor(() => expect(calls.some((c) => c.path === '/api/education/people/101/record.pdf' && queryOf(c).year === '2026')).toBe(true));
  });
});
