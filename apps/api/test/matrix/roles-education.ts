import ExcelJS from 'exceljs';
import { PDF, multipart, nextFutureDay } from './role-state.js';
import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of 教育培训 (issue 19 points 1–2): the branches' readers read (education.read), the town and the
 * branch's secretary record (education.record); a plain 党员 sees no session of the branch (personal: 404) and no list
 * (403). A probe that changes a session works on one of its own; reads share one.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const admin = (env: RoleEnv) => env.world.town.admin;
const org = (env: RoleEnv) => env.world.branch.id;
const SESSION = { kind: 'branch_study', title: '角色表学习', startsOn: '2025-03-28', endsOn: '2025-03-28', hours: 2 };

const made = async (env: RoleEnv): Promise<Json> => env.state.ok(admin(env).post('/api/education/sessions', { ...SESSION, organizationId: org(env) }), 'training session');
const withFile = async (env: RoleEnv): Promise<{ id: number; fileId: number }> => {
  const s = await made(env);
  const { body, headers } = multipart(PDF, '材料.pdf', 'application/pdf');
  const j = await env.state.ok(admin(env).request('POST', `/api/education/sessions/${s.id}/files`, body, headers), 'training file');
  return { id: s.id, fileId: j.files[0].id };
};
const shared = (env: RoleEnv) => env.state.shared('training session', async () => (await withFile(env)).id);
const sharedFile = async (env: RoleEnv) => {
  const id = await shared(env);
  const j = await env.state.ok(admin(env).get(`/api/education/sessions/${id}`), 'training session');
  return { id, fileId: j.files[0].id as number };
};
const personOf = async (env: RoleEnv) => Number((await env.world.ctx.pool.query('select person_id from members where id = $1', [env.world.member])).rows[0].person_id);

/** A small 灯塔-like sheet for the import's dry run: only the role decides, nothing is written. */
async function onlineFile(): Promise<{ body: Buffer; headers: Record<string, string> }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('灯塔');
  ws.addRow(['姓名', '平台', '月份', '学时']);
  ws.addRow(['角色表党员', '灯塔', '2002-01', 1]);
  return multipart(Buffer.from(await wb.xlsx.writeBuffer()), '线上学习.xlsx');
}

export const EDUCATION_ROWS: Record<string, RoleRow> = {
  'GET /api/education/sessions': { permission: 'education.read', probe: () => ({ url: '/api/education/sessions' }) },
  'POST /api/education/sessions': { permission: 'education.record', probe: (env) => ({ url: '/api/education/sessions', body: { ...SESSION, organizationId: org(env) } }) },
  // A plain 党员 sees their branch's 组织生活 (activities module), so the 党课 is visible and the answer is 403.
  'POST /api/education/sessions/from-activity': {
    permission: 'education.record',
    probe: async (env) => ({ url: '/api/education/sessions/from-activity', body: { activityId: await env.state.activity('party_lecture'), hours: 2 } }),
  },
  'GET /api/education/sessions/:id': { permission: 'education.read', personal: true, probe: async (env) => ({ url: `/api/education/sessions/${await shared(env)}` }) },
  'PATCH /api/education/sessions/:id': { permission: 'education.record', personal: true, probe: async (env) => ({ url: `/api/education/sessions/${(await made(env)).id}`, body: SESSION }) },
  'PUT /api/education/sessions/:id/attendees': {
    permission: 'education.record', personal: true,
    probe: async (env) => ({ url: `/api/education/sessions/${(await made(env)).id}/attendees`, body: { attendees: [{ personId: await personOf(env), state: 'present' }] } }),
  },
  'POST /api/education/sessions/:id/files': {
    permission: 'education.record', personal: true,
    probe: async (env) => {
      const { body, headers } = multipart(PDF, '材料.pdf', 'application/pdf');
      return { url: `/api/education/sessions/${(await made(env)).id}/files`, body, headers };
    },
  },
  'GET /api/education/sessions/:id/files/:fileId': {
    permission: 'education.read', personal: true,
    probe: async (env) => { const f = await sharedFile(env); return { url: `/api/education/sessions/${f.id}/files/${f.fileId}` }; },
  },
  'DELETE /api/education/sessions/:id/files/:fileId': {
    permission: 'education.record', personal: true,
    probe: async (env) => { const f = await withFile(env); return { url: `/api/education/sessions/${f.id}/files/${f.fileId}` }; },
  },
  'GET /api/education/attendee-options': { permission: 'education.record', probe: (env) => ({ url: `/api/education/attendee-options?orgId=${org(env)}` }) },
  'GET /api/education/hours': { permission: 'education.read', personal: true, probe: (env) => ({ url: `/api/education/hours?orgId=${org(env)}&year=2025` }) },
  'GET /api/education/people/:personId/hours': { permission: 'education.read', personal: true, probe: async (env) => ({ url: `/api/education/people/${await personOf(env)}/hours?year=2025` }) },
  // The documents of point 6 answer as the figures they print: a plain 党员 sees neither the branch nor the person (404).
  'GET /api/education/ledger.:format': { permission: 'education.read', personal: true, probe: (env) => ({ url: `/api/education/ledger.pdf?orgId=${org(env)}&year=2025` }) },
  'GET /api/education/people/:personId/record.:format': { permission: 'education.read', personal: true, probe: async (env) => ({ url: `/api/education/people/${await personOf(env)}/record.xlsx?year=2025` }) },
  // 我的学习 (point 7): every probed account is a 党员 of the branch, so each reads its own year and answers its own.
  'GET /api/my/education': { open: 'own', probe: () => ({ url: '/api/my/education?year=2025' }) },
  'POST /api/education/sessions/:id/responses': {
    open: 'own',
    probe: async (env) => {
      const id = await env.state.shared('coming training session', async () => {
        const day = nextFutureDay();
        return (await env.state.ok(admin(env).post('/api/education/sessions', { ...SESSION, startsOn: day, endsOn: day, organizationId: org(env) }), 'coming training')).id as number;
      });
      return { url: `/api/education/sessions/${id}/responses`, body: { response: 'confirm' } };
    },
  },
  // 线上学习 (point 3): a plain 党员 sees no branch here (personal: 404); the entry writes the year 2002, read by no other row.
  'POST /api/education/online/import': {
    permission: 'education.record', personal: true, probe: async (env) => ({ url: `/api/education/online/import?orgId=${org(env)}&dryRun=true`, ...await onlineFile() }),
  },
  'PUT /api/education/online/entries': {
    permission: 'education.record', personal: true,
    probe: async (env) => ({ url: '/api/education/online/entries', body: { orgId: org(env), personId: await personOf(env), platform: 'reported', month: '2002-01', hours: 1 } }),
  },
};
