import { multipartBody } from '../factories.js';
import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of 村企合作 (issue 18 point 3): the readers of 集体经济 read (economy.read), the town and the
 * village's secretary keep the agreements (economy.enter); a plain 党员 sees no village's agreement (personal: 404).
 * Each probe works on an agreement the town makes for it, so no row depends on another's writes.
 */
const AGREEMENT = { partnerKind: 'enterprise', partnerName: '角色表合作企业', status: 'negotiating' };
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const base = '/api/economy/partnerships';

async function partnership(env: RoleEnv): Promise<number> {
  return (await env.state.ok(env.world.town.admin.post(base, { ...AGREEMENT, organizationId: env.world.branch.id }), 'partnership')).id;
}

async function withFile(env: RoleEnv): Promise<string> {
  const id = await partnership(env);
  const body = multipartBody({ data: PDF, name: '协议.pdf' });
  const made = await env.state.ok(env.world.town.admin.request('POST', `${base}/${id}/files`, body.payload, body.headers), 'agreement file');
  return `${base}/${id}/files/${made.agreementFiles[0].id}`;
}

export const PARTNERSHIP_ROWS: Record<string, RoleRow> = {
  'GET /api/economy/partnerships': { permission: 'economy.read', probe: () => ({ url: base }) },
  'POST /api/economy/partnerships': { permission: 'economy.enter', personal: true, probe: (env) => ({ url: base, body: { ...AGREEMENT, organizationId: env.world.branch.id } }) },
  'GET /api/economy/partnerships/:id': { permission: 'economy.read', personal: true, probe: async (env) => ({ url: `${base}/${await partnership(env)}` }) },
  'PATCH /api/economy/partnerships/:id': { permission: 'economy.enter', personal: true, probe: async (env) => ({ url: `${base}/${await partnership(env)}`, body: AGREEMENT }) },
  'PUT /api/economy/partnerships/:id/years': {
    permission: 'economy.enter', personal: true,
    probe: async (env) => ({ url: `${base}/${await partnership(env)}/years`, body: { years: [{ year: 2020, plannedFen: 100, receivedFen: 100 }] } }),
  },
  'POST /api/economy/partnerships/:id/files': {
    permission: 'economy.enter', personal: true,
    probe: async (env) => { const body = multipartBody({ data: PDF, name: '协议.pdf' }); return { url: `${base}/${await partnership(env)}/files`, body: body.payload, headers: body.headers }; },
  },
  'GET /api/economy/partnerships/:id/files/:fileId': { permission: 'economy.read', personal: true, probe: async (env) => ({ url: await withFile(env) }) },
  'DELETE /api/economy/partnerships/:id/files/:fileId': { permission: 'economy.enter', personal: true, probe: async (env) => ({ url: await withFile(env) }) },
  'GET /api/economy/villages/:orgId/years/:year/partnerships': { permission: 'economy.read', personal: true, probe: (env) => ({ url: `/api/economy/villages/${env.world.branch.id}/years/2020/partnerships` }) },
};
