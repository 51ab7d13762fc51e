import ExcelJS from 'exceljs';
import { multipartBody } from '../factories.js';
import type { AccountName } from './role-world.js';
import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of 集体经济 (issue 18 points 1–2): the branch's readers read (economy.read), the town and the village's
 * secretary enter and submit (economy.enter), the town approves (economy.approve); a plain 党员 sees no village's year
 * (personal: 404). Each account works on a year of its own, so one account's submit leaves the next a draft to work on.
 */
const YEAR_OF: Record<AccountName, number> = { admin: 2001, supervisor: 2002, inspector: 2003, secretary: 2004, member: 2005 };
const amounts = { operating: 100, contracting: 0, investment: 0, subsidy: 0, other: 0 };
/** Each row works on its own years (offset), so a submit in one row leaves no year the next row needs as a draft. */
const yearUrl = (env: RoleEnv, tail = '', offset = 0) => `/api/economy/villages/${env.world.branch.id}/years/${YEAR_OF[env.as] + offset}${tail}`;

/** The account's year, entered by the town (and submitted when asked) before the probe. */
async function prepared(env: RoleEnv, offset: number, submit: boolean) {
  const admin = env.world.town.admin;
  await env.state.ok(admin.request('PUT', yearUrl(env, '', offset), { amounts }), 'economy draft');
  if (submit) await env.state.ok(admin.post(yearUrl(env, '/submit', offset)), 'economy submit');
  return { url: yearUrl(env, submit ? '/approve' : '/submit', offset) };
}

async function incomeFile(env: RoleEnv) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('收入');
  ws.addRow(['村名', '年度', '经营收入']);
  ws.addRow([env.world.town.villages[0].name, 2010, 1]);
  return multipartBody({ data: Buffer.from(await wb.xlsx.writeBuffer()), name: '收入.xlsx' });
}

export const ECONOMY_ROWS: Record<string, RoleRow> = {
  'GET /api/economy': { permission: 'economy.read', probe: () => ({ url: '/api/economy' }) },
  'GET /api/economy/villages/:orgId/years/:year': { permission: 'economy.read', personal: true, probe: (env) => ({ url: yearUrl(env) }) },
  'PUT /api/economy/villages/:orgId/years/:year': { permission: 'economy.enter', personal: true, probe: (env) => ({ url: yearUrl(env), body: { amounts } }) },
  'POST /api/economy/villages/:orgId/years/:year/submit': {
    permission: 'economy.enter', personal: true, probe: (env) => prepared(env, 10, false),
  },
  'POST /api/economy/villages/:orgId/years/:year/approve': {
    permission: 'economy.approve', personal: true, probe: (env) => prepared(env, 20, true),
  },
  // A dry run: nothing is written, only the role decides.
  'GET /api/economy/table.:format': { permission: 'economy.read', probe: () => ({ url: '/api/economy/table.pdf?year=2002' }) },
  'GET /api/economy/villages/:orgId/report.:format': { permission: 'economy.read', personal: true, probe: (env) => ({ url: `/api/economy/villages/${env.world.branch.id}/report.docx?year=2002` }) },
  'POST /api/economy/import': {
    permission: 'economy.enter',
    probe: async (env) => { const body = await incomeFile(env); return { url: '/api/economy/import?dryRun=true', body: body.payload, headers: body.headers }; },
  },
};
