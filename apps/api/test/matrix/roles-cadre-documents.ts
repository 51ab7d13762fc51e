import ExcelJS from 'exceljs';
import { multipartBody, testIdNumber } from '../factories.js';
import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of the 村干部 documents and import (issue 15 point 8): a village's roster and a cadre's form go with
 * reading its cadres (cadres.read), the town's roster with the town board (cadres.board), the import with recording
 * changes (cadres.manage).
 */
let people = 0;
/** A 委员 of the branch, made once by the town admin: the person whose form is probed. */
const cadre = (env: RoleEnv) => env.state.shared('cadre document person', async () => {
  const name = `角色表名册${++people}`;
  const body = { kind: 'election', post: 'committee_member', occurredOn: '2021-01-15', reason: '换届选举', newPerson: { name, gender: 'male', birthDate: '1980-01-01', idNumber: testIdNumber() } };
  const view = await env.state.ok(env.world.town.admin.post(`/api/cadres/villages/${env.world.branch.id}/changes`, body), 'cadre document person');
  return (view.current as { name: string; personId: number }[]).find((h) => h.name === name)!.personId;
});

/** A one-row 两委 sheet for a dry run: the dry run writes nothing, so every holder's probe may send it. */
async function sheet() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('两委');
  ws.addRow(['姓名', '身份证号', '职务', '任职时间']);
  ws.addRow([`角色表导入${++people}`, testIdNumber(), '村委会委员', '2021-01-15']);
  const body = multipartBody({ data: Buffer.from(await wb.xlsx.writeBuffer()), name: '两委.xlsx' });
  return { body: body.payload, headers: body.headers };
}

export const CADRE_DOCUMENT_ROWS: Record<string, RoleRow> = {
  'GET /api/cadres/villages/:orgId/roster/:format': { permission: 'cadres.read', personal: true, probe: ({ world }) => ({ url: `/api/cadres/villages/${world.branch.id}/roster/xlsx` }) },
  'GET /api/cadres/roster/:format': { permission: 'cadres.board', probe: () => ({ url: '/api/cadres/roster/xlsx' }) },
  'GET /api/cadres/villages/:orgId/people/:personId/approval-form/:format': {
    permission: 'cadres.read', personal: true,
    probe: async (env) => ({ url: `/api/cadres/villages/${env.world.branch.id}/people/${await cadre(env)}/approval-form/docx` }),
  },
  'POST /api/cadres/villages/:orgId/import': {
    permission: 'cadres.manage', personal: true,
    probe: async ({ world }) => ({ url: `/api/cadres/villages/${world.branch.id}/import?dryRun=true`, ...await sheet() }),
  },
  'GET /api/cadres/import-template': { open: 'reference', probe: () => ({ url: '/api/cadres/import-template' }) },
};
