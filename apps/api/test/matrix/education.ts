import { expect } from 'vitest';
import type pg from 'pg';
import { NONEXISTENT_ID as N, type Case, type MatrixModule, type Place } from './types.js';

/**
 * 教育培训 (issue 19 points 1–2): a session of another village's branch or another town answers 404 for every verb,
 * and so do its materials, its hours and an own session naming a foreign person. Every write probe uses 越权 titles
 * or the year 2001, checked in "untouched".
 */
/** The harness's database, kept by setup for the list check. */
let database: pg.Pool;

const SESSION = { kind: 'branch_study', title: '越权学习', startsOn: '2001-03-01', endsOn: '2001-03-01', hours: 2 };

const rows: Record<string, Case> = {
  'GET /api/education/sessions': { list: '/api/education/sessions', foreign: (f) => [{ url: `/api/education/sessions?orgId=${f.org}` }] },
  'POST /api/education/sessions': { foreign: (f) => [{ url: '/api/education/sessions', body: { ...SESSION, organizationId: f.org } }] },
  'POST /api/education/sessions/from-activity': { foreign: (f) => [{ url: '/api/education/sessions/from-activity', body: { activityId: f.activity, hours: 2 } }] },
  'GET /api/education/sessions/:id': { foreign: (f) => [{ url: `/api/education/sessions/${f.trainingSession}` }] },
  'PATCH /api/education/sessions/:id': { foreign: (f) => [{ url: `/api/education/sessions/${f.trainingSession}`, body: SESSION }] },
  'PUT /api/education/sessions/:id/attendees': {
    foreign: (f) => [{ url: `/api/education/sessions/${f.trainingSession}/attendees`, body: { attendees: [] } }],
  },
  'POST /api/education/sessions/:id/files': { foreign: (f) => [{ url: `/api/education/sessions/${f.trainingSession}/files`, body: {} }] },
  'GET /api/education/sessions/:id/files/:fileId': { foreign: (f) => [{ url: `/api/education/sessions/${f.trainingSession}/files/${f.trainingFile}` }] },
  'DELETE /api/education/sessions/:id/files/:fileId': { foreign: (f) => [{ url: `/api/education/sessions/${f.trainingSession}/files/${f.trainingFile}` }] },
  'GET /api/education/attendee-options': { foreign: (f) => [{ url: `/api/education/attendee-options?orgId=${f.org}` }] },
  'GET /api/education/hours': { foreign: (f) => [{ url: `/api/education/hours?orgId=${f.org}&year=2001` }] },
  'GET /api/education/people/:personId/hours': { foreign: (f) => [{ url: `/api/education/people/${f.trainingPerson}/hours?year=2001` }] },
  // 培训台账 / 培训档案 (point 6): another branch's ledger and a foreign person's record are 404 in every format; the
  // ledger without orgId covers the caller's own scope only (the list probe).
  'GET /api/education/ledger.:format': {
    list: '/api/education/ledger.xlsx?year=2001',
    foreign: (f) => ['pdf', 'docx', 'xlsx'].map((format) => ({ url: `/api/education/ledger.${format}?orgId=${f.org}&year=2001` })),
  },
  'GET /api/education/people/:personId/record.:format': {
    foreign: (f) => ['pdf', 'docx', 'xlsx'].map((format) => ({ url: `/api/education/people/${f.trainingPerson}/record.${format}?year=2001` })),
  },
  // 我的学习 (point 7): the caller's own only, no id to probe; an answer to another branch's session is 404 (a work
  // account without a person of the roster is 403 for the foreign and the absent id alike).
  'GET /api/my/education': {},
  'POST /api/education/sessions/:id/responses': { foreign: (f) => [{ url: `/api/education/sessions/${f.trainingSession}/responses`, body: { response: 'confirm' } }] },
  // 线上学习 (point 3): another branch's import (a dry run, the file never read before the branch answers 404) and entry.
  'POST /api/education/online/import': { foreign: (f) => [{ url: `/api/education/online/import?orgId=${f.org}&dryRun=true`, body: {} }] },
  'PUT /api/education/online/entries': {
    foreign: (f) => [{ url: '/api/education/online/entries', body: { orgId: f.org, personId: f.trainingPerson, platform: 'reported', month: '2001-03', hours: 1 } }],
  },
};

export const educationMatrix: MatrixModule = {
  rows,
  nonexistent: { trainingSession: N, trainingFile: N, trainingPerson: N },

  async setup({ pool, ids, otherBranchId, anyUserId }) {
    database = pool;
    await pool.query(`select setval('training_sessions_id_seq', 65000000)`);
    await pool.query(`select setval('training_files_id_seq', 65100000)`);
    const one = async (sql: string, params: unknown[]) => Number((await pool.query(sql, params)).rows[0].id);
    const tenant = '(select tenant_id from organizations where id = $1)';
    const at = async (orgId: number) => {
      const trainingSession = await one(`insert into training_sessions (tenant_id, organization_id, kind, title, starts_on, ends_on, hours, created_by)
        values (${tenant}, $1, 'branch_study', '矩阵学习', '2020-01-01', '2020-01-01', 2, $2) returning id`, [orgId, anyUserId]);
      const trainingFile = await one(`insert into training_files (tenant_id, organization_id, session_id, name, mime, size, data)
        values (${tenant}, $1, $2, '矩阵材料.txt', 'text/plain', 3, '\\x616263') returning id`, [orgId, trainingSession]);
      const trainingPerson = Number((await pool.query('select person_id from members where organization_id = $1 limit 1', [orgId])).rows[0].person_id);
      return { trainingSession, trainingFile, trainingPerson };
    };
    const made: Record<Place, Record<string, number>> = {
      xihuagou: await at(ids['西花沟村党支部']), yingzi: await at(ids['营子村党支部']), other: await at(otherBranchId),
    };
    return made;
  },

  async lists(s, role, visible, foreignNames) {
    const res = await s.get('/api/education/sessions');
    if (role === 'member') {
      expect(res.statusCode, `${role}: 教育培训`).toBe(403);
      return;
    }
    expect(res.statusCode, res.body).toBe(200);
    // A session held outside the scope is listed only because people of the scope attended it (the town's 集中轮训 a
    // branch's members went to: sessionVisible, the 0046 row policies), never otherwise.
    for (const r of res.json().items as { id: number; organizationId: number }[]) {
      const attended = visible.has(r.organizationId) || (await database.query(
        'select 1 from training_attendees where session_id = $1 and organization_id = any($2)', [r.id, [...visible]])).rowCount;
      expect(attended, `${role}: session ${r.id} of organisation ${r.organizationId}`).toBeTruthy();
    }
    for (const name of foreignNames) expect(res.body).not.toContain(name);
  },

  async untouched(pool) {
    const { rows: [r] } = await pool.query(`select
        (select count(*) from training_sessions where title like '越权%' or starts_on < '2002-01-01' or id > 65000000 and title <> '矩阵学习')
      + (select count(*) from training_attendees where session_id > 65000000)
      + (select count(*) from training_files where id > 65100000 and name <> '矩阵材料.txt')
      + (select count(*) from training_responses where session_id > 65000000) as n`);
    expect(Number(r.n)).toBe(0);
    const { rows: [kept] } = await pool.query(`select count(*)::int as n from training_files where id > 65100000`);
    expect(kept.n).toBe(3);
  },
};
