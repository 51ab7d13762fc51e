import { multipart, PDF } from './role-state.js';
import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of 三务公开 (disclosure/rules/workflow.ts names a permission per step): the branch proposes and
 * publishes, the 包村干部 or town reviews, the town approves; a plain 党员 reads the published page, not these.
 */

const admin = (env: RoleEnv) => env.world.town.admin;
/** The draft every repeatable write and read names, with a file (made once). */
const draft = (env: RoleEnv) => env.state.shared('disclosure draft', () => env.state.disclosure('draft'));
async function addFile(env: RoleEnv): Promise<number> {
  const { body, headers } = multipart(PDF, '财务公开.pdf', 'application/pdf');
  const detail = await env.state.ok(admin(env).request('POST', `/api/disclosures/${await draft(env)}/files`, body, headers), 'disclosure file');
  return detail.files.at(-1).id;
}
const sharedFile = (env: RoleEnv) => env.state.shared('disclosure file', () => addFile(env));

export const DISCLOSURE_ROWS: Record<string, RoleRow> = {
  'GET /api/disclosures/board': { open: 'scope', probe: ({ world }) => ({ url: `/api/disclosures/board?orgId=${world.branch.id}` }) },
  'GET /api/disclosures': { open: 'scope', probe: ({ world }) => ({ url: `/api/disclosures?orgId=${world.branch.id}` }) },
  'GET /api/disclosures/:id': { open: 'scope', personal: true, probe: async (env) => ({ url: `/api/disclosures/${await draft(env)}` }) },
  'POST /api/disclosures': {
    permission: 'disclosure.propose', personal: true,
    probe: ({ world }) => ({ url: '/api/disclosures', body: { organizationId: world.branch.id, category: 'party', period: '2025-01', title: '角色表党务公开', content: '角色表核对' } }),
  },
  'PATCH /api/disclosures/:id': { permission: 'disclosure.propose', personal: true, probe: async (env) => ({ url: `/api/disclosures/${await draft(env)}`, body: { content: '角色表核对正文' } }) },
  'POST /api/disclosures/:id/files': {
    permission: 'disclosure.propose', personal: true, probe: async (env) => ({ url: `/api/disclosures/${await draft(env)}/files`, ...multipart(PDF, '财务公开.pdf', 'application/pdf') }),
  },
  'GET /api/disclosures/:id/files/:fileId': { open: 'scope', personal: true, probe: async (env) => ({ url: `/api/disclosures/${await draft(env)}/files/${await sharedFile(env)}` }) },
  'DELETE /api/disclosures/:id/files/:fileId': {
    permission: 'disclosure.propose', personal: true, probe: async (env) => ({ url: `/api/disclosures/${await draft(env)}/files/${await addFile(env)}` }),
  },
  'POST /api/disclosures/:id/table': {
    permission: 'disclosure.propose', personal: true,
    probe: async (env) => ({ url: `/api/disclosures/${await draft(env)}/table`, ...await env.state.importSheet() }),
  },
  'POST /api/disclosures/:id/submit': {
    permission: 'disclosure.propose', personal: true, probe: async ({ state }) => ({ url: `/api/disclosures/${await state.disclosure('draft')}/submit`, body: {} }),
  },
  'POST /api/disclosures/:id/review': {
    permission: 'disclosure.review', personal: true, probe: async ({ state }) => ({ url: `/api/disclosures/${await state.disclosure('submitted')}/review`, body: {} }),
  },
  'POST /api/disclosures/:id/approve': {
    permission: 'disclosure.approve', personal: true, probe: async ({ state }) => ({ url: `/api/disclosures/${await state.disclosure('reviewed')}/approve`, body: {} }),
  },
  'POST /api/disclosures/:id/publish': {
    permission: 'disclosure.propose', personal: true, probe: async ({ state }) => ({ url: `/api/disclosures/${await state.disclosure('approved')}/publish`, body: {} }),
  },
  'POST /api/disclosures/:id/return': {
    permission: 'disclosure.review', personal: true, probe: async ({ state }) => ({ url: `/api/disclosures/${await state.disclosure('submitted')}/return`, body: { reason: '角色表核对退回' } }),
  },
};
