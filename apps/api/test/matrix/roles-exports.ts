import type { RoleRow } from './role-types.js';
import type { RoleAccount, RoleWorld } from './role-world.js';

/**
 * Role table rows of 导出任务 (issue 14 point 6): starting one is the ledger's permission (branch.browse); an export is
 * then its owner's (open: own), so each probe first gives the probed account a finished export of the branch.
 */
async function finishedExport(world: RoleWorld, account: RoleAccount): Promise<number> {
  const { rows: [row] } = await world.ctx.pool.query(
    `insert into exports (tenant_id, user_id, organization_id, kind, params, title, ip, status, progress, file_name, mime, size, data, finished_at, expires_at)
     values ($1, $2, $3, 'branch_ledger', '{"period":"2026-01","format":"pdf"}', '台账', '127.0.0.1', 'done', 100, '台账.pdf', 'application/pdf', 4, '\\x25504446', now(), now() + interval '7 days')
     returning id`, [world.town.tenantId, account.userId, world.branch.id]);
  return Number(row.id);
}

export const EXPORT_ROWS: Record<string, RoleRow> = {
  'POST /api/exports': {
    permission: 'branch.browse',
    probe: ({ world }) => ({ url: '/api/exports', body: { kind: 'branch_ledger', orgId: world.branch.id, period: '2026-01', format: 'pdf' } }),
  },
  'GET /api/exports': { open: 'own', probe: () => ({ url: '/api/exports' }) },
  'GET /api/exports/:id': { open: 'own', probe: async ({ world, account }) => ({ url: `/api/exports/${await finishedExport(world, account)}` }) },
  'GET /api/exports/:id/file': { open: 'own', probe: async ({ world, account }) => ({ url: `/api/exports/${await finishedExport(world, account)}/file` }) },
};
