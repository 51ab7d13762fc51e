import { expect } from 'vitest';
import { NONEXISTENT_ID as N, type Case, type MatrixModule, type Place } from './types.js';

/**
 * 在外人才 (issue 15 point 7): people away, their contacts, return and handover, liaison organisations, all owned by a
 * village branch (a liaison may be the town's). `awayBranch` is the place's branch itself (own.org is a 党小组), for
 * probes that nest a foreign person or record in an own branch's request. Every write probe says 越权, checked in "untouched".
 */
const CONTACT = { contactedOn: '2001-02-03', method: 'phone', contactedBy: '越权', content: '越权' };

const rows: Record<string, Case> = {
  'GET /api/talent/away': { foreign: (f) => [{ url: `/api/talent/away?orgId=${f.org}` }] },
  'GET /api/talent/away/candidates': { foreign: (f) => [{ url: `/api/talent/away/candidates?orgId=${f.org}` }] },
  'POST /api/talent/away': {
    foreign: (f, own) => [
      { url: '/api/talent/away', body: { organizationId: f.org, personId: f.awayPerson, place: '越权', occupation: '越权', employerKind: 'other' } },
      // A person of another village cannot be registered as an own village's.
      { url: '/api/talent/away', body: { organizationId: own.awayBranch, personId: f.awayPerson, place: '越权', occupation: '越权', employerKind: 'other' } },
    ],
  },
  'GET /api/talent/away/:id': { foreign: (f) => [{ url: `/api/talent/away/${f.away}` }] },
  'PATCH /api/talent/away/:id': { foreign: (f) => [{ url: `/api/talent/away/${f.away}`, body: { place: '越权' } }] },
  'POST /api/talent/away/:id/contacts': { foreign: (f) => [{ url: `/api/talent/away/${f.away}/contacts`, body: CONTACT }] },
  'POST /api/talent/away/:id/return': { foreign: (f) => [{ url: `/api/talent/away/${f.away}/return`, body: { returnedOn: '2001-02-03', purpose: '越权' } }] },
  'POST /api/talent/away/:id/handover': { foreign: (f) => [{ url: `/api/talent/away/${f.away}/handover`, body: { handedOn: '2001-02-03', note: '越权' } }] },
  'POST /api/talent/away/:id/reveal': { foreign: (f) => [{ url: `/api/talent/away/${f.away}/reveal`, body: { reason: '越权' } }] },
  'GET /api/talent/away-liaisons': { foreign: (f) => [{ url: `/api/talent/away-liaisons?orgId=${f.org}` }] },
  'POST /api/talent/away-liaisons': {
    foreign: (f, own) => [
      { url: '/api/talent/away-liaisons', body: { organizationId: f.org, kind: 'labour', name: '越权' } },
      { url: '/api/talent/away-liaisons', body: { organizationId: own.awayBranch, kind: 'labour', name: '越权', coveredIds: [f.away] } },
    ],
  },
  'PUT /api/talent/away-liaisons/:id/coverage': {
    foreign: (f, own) => [
      { url: `/api/talent/away-liaisons/${f.awayLiaison}/coverage`, body: { coveredIds: [] } },
      { url: `/api/talent/away-liaisons/${own.awayLiaison}/coverage`, body: { coveredIds: [f.away] } },
    ],
  },
  'POST /api/talent/away-liaisons/:id/reveal': { foreign: (f) => [{ url: `/api/talent/away-liaisons/${f.awayLiaison}/reveal`, body: { reason: '越权' } }] },
};

const START = { away_talents: 95000000, away_liaisons: 95100000 };

export const awayMatrix: MatrixModule = {
  rows,
  nonexistent: { awayBranch: N, awayPerson: N, away: N, awayLiaison: N },

  async setup({ pool, ids, otherBranchId, otherMemberId, memberOf, anyUserId }) {
    for (const [table, start] of Object.entries(START)) await pool.query(`select setval('${table}_id_seq', ${start})`);
    const one = async (sql: string, params: unknown[]) => Number((await pool.query(sql, params)).rows[0].id);
    const tenant = '(select tenant_id from organizations where id = $1)';
    const at = async (orgId: number, memberId: number) => {
      const awayPerson = await one('select person_id as id from members where id = $1', [memberId]);
      // Already returned, so the demo's own open records of the same person are not in the way.
      const away = await one(`insert into away_talents (tenant_id, organization_id, person_id, place, occupation, employer_kind, registered_on, returned_on, return_purpose, created_by)
        values (${tenant}, $1, $2, '矩阵市', '矩阵工作', 'enterprise', '2024-01-01', '2024-06-01', '矩阵回流', $3) returning id`, [orgId, awayPerson, anyUserId]);
      const awayLiaison = await one(`insert into away_liaisons (tenant_id, organization_id, kind, name, contact_phone_enc, contact_phone_masked, created_by)
        values (${tenant}, $1, 'labour', '矩阵联络组织', 'v1:x', '139****0000', $2) returning id`, [orgId, anyUserId]);
      await pool.query(`insert into away_liaison_people (liaison_id, away_talent_id, tenant_id, organization_id) values ($1, $2, ${tenant.replace('$1', '$3')}, $3)`, [awayLiaison, away, orgId]);
      return { awayBranch: orgId, awayPerson, away, awayLiaison };
    };
    const made: Record<Place, Record<string, number>> = {
      xihuagou: await at(ids['西花沟村党支部'], await memberOf('西花沟村党支部')),
      yingzi: await at(ids['营子村党支部'], await memberOf('营子村党支部')),
      other: await at(otherBranchId, otherMemberId),
    };
    return made;
  },

  async lists(s, role, visible, foreignNames) {
    for (const url of ['/api/talent/away?status=all&pageSize=200', '/api/talent/away-liaisons']) {
      const res = await s.get(url);
      if (role === 'member') {
        expect(res.statusCode, `${role}: ${url}`).toBe(403);
        continue;
      }
      const items = res.json().items as { organizationId: number }[];
      if (['admin', 'inspector', 'yingzi', 'xihuagou'].includes(role)) expect(items.length, `${role}: ${url}`).toBeGreaterThan(0);
      for (const r of items) expect(visible.has(r.organizationId), `${role}: ${url} organisation ${r.organizationId}`).toBe(true);
      for (const name of foreignNames) expect(res.body, `${role}: ${url}`).not.toContain(name);
    }
  },

  async untouched(pool) {
    const { rows: [dev] } = await pool.query(`select
        (select count(*) from away_contacts where content like '越权%' or contacted_on = '2001-02-03')
      + (select count(*) from away_talents where place = '越权' or returned_on = '2001-02-03' or handed_on is not null and id >= 95000000)
      + (select count(*) from away_liaisons where name like '越权%')
      + abs((select count(*) from away_liaison_people where liaison_id >= 95100000) - 3) as n`);
    expect(Number(dev.n)).toBe(0);
  },
};
