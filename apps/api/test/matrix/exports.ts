import { expect } from 'vitest';
import { NONEXISTENT_ID as N, type Case, type MatrixModule } from './types.js';

/**
 * 导出任务 (issue 14 point 6): an export is its owner's and about an organisation of their scope. Each place gets a
 * finished export owned by that place's account (the village secretary; the neighbouring town's own user), titled
 * with the place's name so that a leak into a list or an answer would show.
 */
const START = (orgId: number) => ({ kind: 'branch_ledger', orgId, period: '2001', format: 'pdf' });

const rows: Record<string, Case> = {
  'POST /api/exports': { foreign: (f) => [{ url: '/api/exports', body: START(f.org) }] },
  'GET /api/exports': { list: '/api/exports' },
  'GET /api/exports/:id': { foreign: (f) => [{ url: `/api/exports/${f.exportJob}` }] },
  'GET /api/exports/:id/file': { foreign: (f) => [{ url: `/api/exports/${f.exportJob}/file` }] },
};

export const exportsMatrix: MatrixModule = {
  rows,
  nonexistent: { exportJob: N },
  async setup({ pool, ids, otherTenantId, otherBranchId }) {
    await pool.query(`select setval('exports_id_seq', 70000000)`);
    const userId = async (username: string) => Number((await pool.query('select id from users where username = $1', [username])).rows[0].id);
    const { rows: [neighbour] } = await pool.query(`insert into users (tenant_id, username, display_name, password_hash)
      values ($1, 'neighbour_exporter', '邻镇导出人', 'x') returning id`, [otherTenantId]);
    const { rows: [tenant] } = await pool.query('select tenant_id from organizations where id = $1', [ids['营子村党支部']]);
    const make = async (tenantId: number, user: number, orgId: number, orgName: string) => Number((await pool.query(
      `insert into exports (tenant_id, user_id, organization_id, kind, params, title, ip, status, progress, file_name, mime, size, data, finished_at, expires_at)
       values ($1, $2, $3, 'branch_ledger', '{"period":"2001","format":"pdf"}', $4, '127.0.0.1', 'done', 100, $5, 'application/pdf', 4, '\\x25504446', now(), now() + interval '7 days')
       returning id`, [tenantId, user, orgId, `${orgName} 2001年 支部组织生活台账(PDF)`, `${orgName}-2001年组织生活台账.pdf`])).rows[0].id);
    return {
      xihuagou: { exportJob: await make(tenant.tenant_id, await userId('xihuagou'), ids['西花沟村党支部'], '西花沟村党支部') },
      yingzi: { exportJob: await make(tenant.tenant_id, await userId('yingzi'), ids['营子村党支部'], '营子村党支部') },
      other: { exportJob: await make(otherTenantId, Number(neighbour.id), otherBranchId, '邻村党支部') },
    };
  },
  async lists(s, _role, _visible, foreignNames) {
    const body = (await s.get('/api/exports')).body;
    for (const name of foreignNames) expect(body).not.toContain(name);
  },
  async untouched(pool) {
    const { rows } = await pool.query(`select count(*)::int as n from exports where id > 70000000 and id < 70000004 and status = 'done' and size = 4`);
    expect(rows[0].n).toBe(3);
  },
};
