import { expect } from 'vitest';
import { NONEXISTENT_ID as N, type Case, type MatrixModule, type Place } from './types.js';

/**
 * 村企合作 (issue 18 point 3): an agreement named by its id, or a village's year named by its branch. A partnership of
 * another village or town answers 404 for every verb, its file too; a 联建 organisation outside the scope in an own
 * village's agreement is an unknown id as well. Every write probe names its partner 越权 or the year 2002, checked in
 * "untouched".
 */
const AGREEMENT = { partnerKind: 'park', partnerName: '越权园区', status: 'negotiating' };
const years = { years: [{ year: 2002, plannedFen: 1, receivedFen: 1 }] };

const rows: Record<string, Case> = {
  'GET /api/economy/partnerships': { list: '/api/economy/partnerships', foreign: (f) => [{ url: `/api/economy/partnerships?orgId=${f.org}` }] },
  // A foreign 联建 organisation is probed through PATCH of an own agreement (own.org is a 党小组, not a village).
  'POST /api/economy/partnerships': { foreign: (f) => [{ url: '/api/economy/partnerships', body: { ...AGREEMENT, organizationId: f.org } }] },
  'GET /api/economy/partnerships/:id': { foreign: (f) => [{ url: `/api/economy/partnerships/${f.partnership}` }] },
  'PATCH /api/economy/partnerships/:id': {
    foreign: (f, own) => [
      { url: `/api/economy/partnerships/${f.partnership}`, body: AGREEMENT },
      { url: `/api/economy/partnerships/${own.partnership}`, body: { ...AGREEMENT, linkedOrgIds: [f.org] } },
    ],
  },
  'PUT /api/economy/partnerships/:id/years': { foreign: (f) => [{ url: `/api/economy/partnerships/${f.partnership}/years`, body: years }] },
  // The file is read only after the scope check: an out-of-scope agreement answers 404 whatever was sent.
  'POST /api/economy/partnerships/:id/files': { foreign: (f) => [{ url: `/api/economy/partnerships/${f.partnership}/files` }] },
  'GET /api/economy/partnerships/:id/files/:fileId': {
    foreign: (f, own) => [
      { url: `/api/economy/partnerships/${f.partnership}/files/${f.partnershipFile}` },
      // Another village's file named under an own agreement.
      { url: `/api/economy/partnerships/${own.partnership}/files/${f.partnershipFile}` },
    ],
  },
  'DELETE /api/economy/partnerships/:id/files/:fileId': {
    foreign: (f, own) => [
      { url: `/api/economy/partnerships/${f.partnership}/files/${f.partnershipFile}` },
      { url: `/api/economy/partnerships/${own.partnership}/files/${f.partnershipFile}` },
    ],
  },
  'GET /api/economy/villages/:orgId/years/:year/partnerships': { foreign: (f) => [{ url: `/api/economy/villages/${f.org}/years/2002/partnerships` }] },
};

export const partnershipsMatrix: MatrixModule = {
  rows,
  nonexistent: { partnership: N, partnershipFile: N },

  async setup({ pool, ids, otherBranchId, anyUserId }) {
    await pool.query("select setval('economy_partnerships_id_seq', 96000000)");
    await pool.query("select setval('economy_partnership_files_id_seq', 96000000)");
    const one = async (sql: string, params: unknown[]) => Number((await pool.query(sql, params)).rows[0].id);
    const at = async (orgId: number) => {
      const partnership = await one(`insert into economy_partnerships (tenant_id, organization_id, partner_kind, partner_name, status, income_source, created_by)
        values ((select tenant_id from organizations where id = $1), $1, 'park', '矩阵合作园区', 'negotiating', 'contracting', $2) returning id`, [orgId, anyUserId]);
      const partnershipFile = await one(`insert into economy_partnership_files (tenant_id, organization_id, partnership_id, name, mime, size, data, uploaded_by)
        values ((select tenant_id from organizations where id = $1), $1, $2, '矩阵协议.pdf', 'application/pdf', 4, '\\x25504446', $3) returning id`, [orgId, partnership, anyUserId]);
      return { partnership, partnershipFile };
    };
    const made: Record<Place, Record<string, number>> = {
      xihuagou: await at(ids['西花沟村党支部']), yingzi: await at(ids['营子村党支部']), other: await at(otherBranchId),
    };
    return made;
  },

  async lists(s, role, visible, foreignNames) {
    const res = await s.get('/api/economy/partnerships');
    if (role === 'member') {
      expect(res.statusCode, `${role}: 村企合作`).toBe(403);
      return;
    }
    expect(res.statusCode, `${role}: 村企合作`).toBe(200);
    const list = res.json();
    for (const p of list.items as { organizationId: number }[]) expect(visible.has(p.organizationId), `${role}: partnership of ${p.organizationId}`).toBe(true);
    for (const v of list.villages as { organizationId: number }[]) expect(visible.has(v.organizationId), `${role}: village ${v.organizationId}`).toBe(true);
    for (const name of foreignNames) expect(res.body).not.toContain(name);
  },

  async untouched(pool) {
    const { rows: [n] } = await pool.query(`select
        (select count(*) from economy_partnerships where partner_name like '越权%' or (partner_name = '矩阵合作园区' and status <> 'negotiating'))
      + (select count(*) from economy_partnership_years where year = 2002)
      -- The matrix's agreements (from 96000000) have no 联建; the demo town's agreements have theirs.
      + (select count(*) from economy_partnership_orgs where partnership_id > 96000000)
      + (select 3 - count(*) from economy_partnership_files where name = '矩阵协议.pdf') as n`);
    expect(Number(n.n)).toBe(0);
  },
};
