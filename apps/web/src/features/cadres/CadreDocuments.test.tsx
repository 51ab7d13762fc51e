import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CadreBoard, ImportReport, VillageCadres } from '@dj/contracts';
import { setCsrfToken } from '../../lib/api-client';
import { findDialog, installDomShims } from '../../test/dom';
import { installFetch, jsonResponse, type RecordedCall } from '../../test/fetch-mock';
import { me } from '../../test/member-fixtures';
import { renderRoutes } from '../../test/render';
import { SECRETARY, server } from '../../test/server';
import { CadresPage } from './CadresPage';
import { BOARD as FIXTURE_BOARD, holding, TOWN, VILLAGE as FIXTURE_VILLAGE } from './test-fixtures';

/** Issue 15 point 8 on the web: roster and 任免审批表 downloads on the village page and the board, and the 两委 import wizard. */
beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  setCsrfToken(null);
  vi.unstubAllGlobals();
});

const routes = [{ path: '/cadres', element: <CadresPage /> }];
const ADMIN = me(['town_admin']);
const VILLAGE: VillageCadres = {
  ...FIXTURE_VILLAGE,
  current: [holding({ id: 1, personId: 1, post: 'secretary', name: '王书记' })],
  combined: null, terms: [], history: [], adjustments: [], candidates: [], employments: [], serviceTeam: [], can: { edit: false },
};
const BOARD: CadreBoard = {
  ...FIXTURE_BOARD,
  villages: [{ organizationId: 3, name: '王庄村党支部', secretary: '王书记', secretaryHow: 'election', director: null, combined: false, holders: 1 }],
  assigned: [], adjustments: [], serviceTeam: [], totals: { villages: 1, combined: 0, withoutSecretary: 0 },
};
const file = (call: RecordedCall, files: RecordedCall[]) => {
  files.push(call);
  return new Response(new Blob(['%PDF']), { status: 200, headers: { 'content-disposition': "attachment; filename*=UTF-8''x.pdf" } });
};
function cadreServer(village: VillageCadres, who: typeof SECRETARY, files: RecordedCall[], onImport?: (call: RecordedCall) => Response) {
  return server((call) => {
    if (call.path === '/api/cadres/villages/3' && call.method === 'GET') return jsonResponse(200, village);
    if (call.path === '/api/cadres/board') return jsonResponse(200, BOARD);
    if (call.path === '/api/cadres/structure') return jsonResponse(200, TOWN);
    if (/roster|approval-form/.test(call.path)) return file(call, files);
    if (call.path === '/api/cadres/villages/3/import' && onImport) return onImport(call);
    return undefined;
  }, who);
}
const clickMenu = async (name: RegExp | string) => fireEvent.click(await screen.findByText(name, { selector: '.ant-dropdown-menu-title-content, .ant-dropdown-menu-title-content *' }));

describe('村干部 documents', () => {
  // Buttons are found by their text: role queries walk the whole page and are slow in jsdom.
  it('lets a secretary download the village roster', async () => {
    const files: RecordedCall[] = [];
    installFetch(cadreServer(VILLAGE, SECRETARY, files));
    await renderRoutes(routes, '/cadres');
    fireEvent.click(await screen.findByText('下载两委名册'));
    await clickMenu('PDF');
    await waitFor(() => expect(files.map((f) => f.path)).toEqual(['/api/cadres/villages/3/roster/pdf']));
    expect(screen.queryByText('导入两委名册'), 'only the town imports').toBeNull();
  });

  it('lets a secretary download a cadre\'s 任免审批表', async () => {
    const files: RecordedCall[] = [];
    installFetch(cadreServer(VILLAGE, SECRETARY, files));
    await renderRoutes(routes, '/cadres');
    fireEvent.click(await screen.findByText('任免审批表'));
    await clickMenu('王书记');
    await clickMenu('王书记 · Word');
    await waitFor(() => expect(files.map((f) => f.path)).toEqual(['/api/cadres/villages/3/people/1/approval-form/docx']));
  });

  it('lets the town download the whole town\'s roster from the board', async () => {
    const files: RecordedCall[] = [];
    installFetch(cadreServer(VILLAGE, ADMIN, files));
    await renderRoutes(routes, '/cadres');
    fireEvent.click(within(await screen.findByTestId('cadre-board')).getByText('下载全镇两委名册'));
    await clickMenu('Excel');
    await waitFor(() => expect(files.map((f) => f.path)).toEqual(['/api/cadres/roster/xlsx']));
  });

  it('imports a 两委 roster: the dry run\'s report row by row, nothing imported while a row is wrong, then the real run', async () => {
    const files: RecordedCall[] = [];
    const imports: RecordedCall[] = [];
    const row = (r: number, name: string, errors: ImportReport['rows'][number]['errors'] = []) => ({ sheet: '两委', row: r, name, status: errors.length ? 'invalid' : 'create', errors, notes: [] });
    let bad = true;
    installFetch(cadreServer({ ...VILLAGE, can: { edit: true } }, ADMIN, files, (call) => {
      imports.push(call);
      const dryRun = new URL(call.url, 'http://localhost').searchParams.get('dryRun') === 'true';
      const rows = bad ? [row(2, '周书记'), row(3, '冯二', [{ column: '职务', message: '无法识别“村长”' }])] : [row(2, '周书记')];
      return jsonResponse(200, { total: rows.length, valid: 1, invalid: rows.length - 1, created: 1, updated: 0, dryRun, rows });
    }));
    await renderRoutes(routes, '/cadres?tab=village&orgId=3');
    fireEvent.click(await screen.findByText('导入两委名册'));
    const dialog = await findDialog(/导入王庄村村“两委”成员名册/);
    const pick = () => fireEvent.change(dialog.querySelector<HTMLInputElement>('input[type="file"]')!, { target: { files: [new File(['PK'], '两委.xlsx')] } });
    pick();
    fireEvent.click(within(dialog).getByRole('button', { name: /开始检查/ }));
    const report = await within(dialog).findByTestId('cadre-import-report');
    expect(within(report).getByText('职务:无法识别“村长”')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: /导入 1 人/ })).toHaveProperty('disabled', true);
    expect(new URL(imports[0].url, 'http://localhost').searchParams.get('dryRun')).toBe('true');
    bad = false;
    fireEvent.click(within(dialog).getByRole('button', { name: /重新选择文件/ }));
    pick();
    fireEvent.click(within(dialog).getByRole('button', { name: /开始检查/ }));
    await waitFor(() => expect(within(dialog).getByRole('button', { name: /导入 1 人/ })).toHaveProperty('disabled', false));
    fireEvent.click(within(dialog).getByRole('button', { name: /导入 1 人/ }));
    expect(await within(dialog).findByText('导入完成')).toBeTruthy();
    expect(imports.map((c) => new URL(c.url, 'http://localhost').searchParams.get('dryRun'))).toEqual(['true', 'true', 'false']);
  });
});
