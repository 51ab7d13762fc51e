import ExcelJS from 'exceljs';
import { multipart } from './role-state.js';
import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of 党员联户 (issue 20 point 3): the branches' readers read (households.read); the town and the
 * village's secretary keep households, links, 代为登记 and the import (households.manage). A plain 党员 sees no list
 * (403) and no household of the branch (personal: 404); every account logs visits to the households it looks after and
 * turns its own visit's raised matter into a 村民说事 case (转为村民说事); the village's is matters.handle.
 */
const admin = (env: RoleEnv) => env.world.town.admin;
const org = (env: RoleEnv) => env.world.branch.id;
const memberPerson = async (env: RoleEnv) => Number((await env.world.ctx.pool.query('select person_id from members where id = $1', [env.world.member])).rows[0].person_id);
const ownPerson = async (env: RoleEnv) => Number((await env.world.ctx.pool.query('select person_id from users where id = $1', [env.account.userId])).rows[0].person_id);

const household = (env: RoleEnv) => env.state.shared('household', async () =>
  (await env.state.ok(admin(env).post('/api/households', { organizationId: org(env), headName: '角色表农户' }), 'household')).id as number);

/** A household the probed account looks after (its own person linked), for 我的联户. */
async function ownHousehold(env: RoleEnv): Promise<number> {
  const id = (await env.state.ok(admin(env).post('/api/households', { organizationId: org(env), headName: '角色表本人联户' }), 'household')).id as number;
  await env.state.ok(admin(env).request('PUT', `/api/households/${id}/links`, { personIds: [await ownPerson(env)] }), 'links');
  return id;
}

async function rosterFile(): Promise<{ body: Buffer; headers: Record<string, string> }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('联户');
  ws.addRow(['户主', '村民小组', '人口']);
  ws.addRow(['角色表导入户', '一组', 3]);
  return multipart(Buffer.from(await wb.xlsx.writeBuffer()), '联户名册.xlsx');
}

const VISIT = { visitedOn: '2025-03-01', method: 'door' };

/** A fresh visit with a raised matter (each holder converts its own: a second conversion of one visit is 409). */
async function raisedVisit(env: RoleEnv, householdId: number, personId: number): Promise<number> {
  const { rows: [v] } = await env.world.ctx.pool.query(`insert into household_visits (tenant_id, organization_id, household_id, person_id, visited_on, method, raised, entered_by)
    select tenant_id, organization_id, id, $2, '2025-03-01', 'door', '角色表反映事项', created_by from households where id = $1 returning id`, [householdId, personId]);
  return Number(v.id);
}

export const HOUSEHOLD_ROWS: Record<string, RoleRow> = {
  'GET /api/households': { permission: 'households.read', probe: () => ({ url: '/api/households' }) },
  'POST /api/households': { permission: 'households.manage', personal: true, probe: (env) => ({ url: '/api/households', body: { organizationId: org(env), headName: '角色表农户' } }) },
  'POST /api/households/import': { permission: 'households.manage', personal: true, probe: async (env) => ({ url: `/api/households/import?orgId=${org(env)}&dryRun=true`, ...await rosterFile() }) },
  'GET /api/households/:id': { permission: 'households.read', personal: true, probe: async (env) => ({ url: `/api/households/${await household(env)}` }) },
  'PATCH /api/households/:id': { permission: 'households.manage', personal: true, probe: async (env) => ({ url: `/api/households/${await household(env)}`, body: { headName: '角色表农户' } }) },
  'PUT /api/households/:id/links': { permission: 'households.manage', personal: true, probe: async (env) => ({ url: `/api/households/${await household(env)}/links`, body: { personIds: [await memberPerson(env)] } }) },
  'POST /api/households/:id/visits': {
    permission: 'households.manage', personal: true,
    probe: async (env) => ({ url: `/api/households/${await household(env)}/visits`, body: { ...VISIT, personId: await memberPerson(env) } }),
  },
  'GET /api/my/households': { open: 'own', probe: () => ({ url: '/api/my/households' }) },
  'POST /api/my/households/:id/visits': { open: 'own', probe: async (env) => ({ url: `/api/my/households/${await ownHousehold(env)}/visits`, body: VISIT }) },
  'POST /api/households/:id/visits/:visitId/matter': {
    permission: 'matters.handle', personal: true,
    probe: async (env) => { const h = await household(env); return { url: `/api/households/${h}/visits/${await raisedVisit(env, h, await memberPerson(env))}/matter`, body: {} }; },
  },
  // Every account that visits may carry its own visit's matter to the village (matters.raiseFromOwnVisit).
  'POST /api/my/households/:id/visits/:visitId/matter': {
    permission: 'matters.raiseFromOwnVisit',
    probe: async (env) => { const h = await ownHousehold(env); return { url: `/api/my/households/${h}/visits/${await raisedVisit(env, h, await ownPerson(env))}/matter`, body: {} }; },
  },
};
