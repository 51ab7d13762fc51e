import { testIdNumber } from '../factories.js';
import { multipart, PDF } from './role-state.js';
import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of 发展党员: recruitments of the branch, their step records, files, mentors, 公示, documents,
 * the board, plans and steps. A plain 党员 sees only the recruitments they are a mentor on (none here): 404.
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let applicants = 0;
const applicant = (organizationId: number) => ({
  name: `角色表申请人${++applicants}`, gender: 'male', birthDate: '1990-01-01', idNumber: testIdNumber('1990-01-01'), appliedOn: '2025-03-04', organizationId,
});
const TALK = { stepCode: 'talk', occurredOn: '2025-03-10', details: { talker: '角色表谈话人' } };

/** A fresh recruitment of the branch (just applied), as the town admin registers it. */
async function recruitment({ state, world }: RoleEnv): Promise<Json> {
  return state.ok(world.town.admin.post('/api/recruitments', applicant(world.branch.id)), 'recruitment');
}
/** The recruitment every read and repeatable write names, with a file on its application record. */
const shared = (env: RoleEnv) => env.state.shared('recruitment', async () => (await recruitment(env)).id);
const sharedFile = (env: RoleEnv) => env.state.shared('recruitment file', async () => {
  const id = await shared(env);
  const detail = await env.state.ok(env.world.town.admin.get(`/api/recruitments/${id}`), 'recruitment');
  const { body, headers } = multipart(PDF, '入党申请书.pdf', 'application/pdf');
  const after = await env.state.ok(env.world.town.admin.request('POST', `/api/recruitments/${id}/records/${detail.records[0].id}/files`, body, headers), 'file');
  return after.records[0].files.at(-1).id;
});
/** A fresh recruitment after the admin recorded `path` on it (a record to void, a mentor to end, a 公示 to close). */
async function after(env: RoleEnv, path: string, body: Json): Promise<Json> {
  const id = (await recruitment(env)).id;
  return env.state.ok(env.world.town.admin.post(`/api/recruitments/${id}/${path}`, body), path);
}
const MENTOR = (env: RoleEnv) => ({ kind: 'mentor', memberId: env.world.member, since: '2025-03-10' });
const NOTICE = { stage: 'activist', startsOn: '2025-04-01', endsOn: '2025-04-07' };

export const RECRUITMENT_ROWS: Record<string, RoleRow> = {
  'GET /api/recruitments': { open: 'scope', probe: ({ world }) => ({ url: `/api/recruitments?orgId=${world.branch.id}` }) },
  'GET /api/recruitments/:id': { open: 'scope', personal: true, probe: async (env) => ({ url: `/api/recruitments/${await shared(env)}` }) },
  'POST /api/recruitments': { permission: 'recruitment.record', probe: ({ world }) => ({ url: '/api/recruitments', body: applicant(world.branch.id) }) },
  // The check before recording writes nothing: it answers the rules' verdict to whoever sees the recruitment.
  'POST /api/recruitments/:id/check': { open: 'scope', personal: true, probe: async (env) => ({ url: `/api/recruitments/${await shared(env)}/check`, body: TALK }) },
  'POST /api/recruitments/:id/records': {
    permission: 'recruitment.record', personal: true, probe: async (env) => ({ url: `/api/recruitments/${(await recruitment(env)).id}/records`, body: TALK }),
  },
  'POST /api/recruitments/:id/stop': {
    permission: 'recruitment.record', personal: true,
    probe: async (env) => ({ url: `/api/recruitments/${(await recruitment(env)).id}/stop`, body: { reason: '角色表核对终止', stoppedOn: '2025-03-20' } }),
  },
  'POST /api/recruitments/:id/records/:recordId/void': {
    permission: 'recruitment.record', personal: true,
    probe: async (env) => {
      const made = await after(env, 'records', TALK);
      return { url: `/api/recruitments/${made.id}/records/${made.records.at(-1).id}/void`, body: { reason: '角色表核对作废' } };
    },
  },
  'POST /api/recruitments/:id/records/:recordId/files': {
    permission: 'recruitment.record', personal: true,
    probe: async (env) => {
      const detail = await env.state.ok(env.world.town.admin.get(`/api/recruitments/${await shared(env)}`), 'recruitment');
      return { url: `/api/recruitments/${detail.id}/records/${detail.records[0].id}/files`, ...multipart(PDF, '谈话记录.pdf', 'application/pdf') };
    },
  },
  'GET /api/recruitments/:id/files/:fileId': {
    open: 'scope', personal: true, probe: async (env) => ({ url: `/api/recruitments/${await shared(env)}/files/${await sharedFile(env)}` }),
  },
  'POST /api/recruitments/:id/relations': {
    permission: 'recruitment.record', personal: true, probe: async (env) => ({ url: `/api/recruitments/${(await recruitment(env)).id}/relations`, body: MENTOR(env) }),
  },
  // 镇党委委员直接联系 is the party committee's to record, even on the branch's own recruitment.
  'POST /api/recruitments/:id/relations · a town committee member\'s contact': {
    permission: 'recruitment.recordCommitteeSteps', personal: true,
    probe: async (env) => ({ url: `/api/recruitments/${(await recruitment(env)).id}/relations`, body: { ...MENTOR(env), kind: 'contact' } }),
  },
  'POST /api/recruitments/:id/relations/:relationId/end': {
    permission: 'recruitment.record', personal: true,
    probe: async (env) => {
      const made = await after(env, 'relations', MENTOR(env));
      return { url: `/api/recruitments/${made.id}/relations/${made.relations.at(-1).id}/end`, body: { until: '2025-06-01' } };
    },
  },
  'POST /api/recruitments/:id/public-notices': {
    permission: 'recruitment.record', personal: true, probe: async (env) => ({ url: `/api/recruitments/${(await recruitment(env)).id}/public-notices`, body: NOTICE }),
  },
  'POST /api/recruitments/:id/public-notices/:noticeId/outcome': {
    permission: 'recruitment.record', personal: true,
    probe: async (env) => {
      const made = await after(env, 'public-notices', NOTICE);
      return { url: `/api/recruitments/${made.id}/public-notices/${made.notices.at(-1).id}/outcome`, body: { outcome: 'no_objection' } };
    },
  },
  'GET /api/recruitments/:id/documents/:kind/:format': {
    open: 'scope', personal: true, probe: async (env) => ({ url: `/api/recruitments/${await shared(env)}/documents/record/docx` }),
  },
  // A register lists the recruitments the caller sees: a plain 党员's is empty, not refused.
  'GET /api/recruitment/registers/:kind/:format': { open: 'scope', probe: ({ world }) => ({ url: `/api/recruitment/registers/activists/docx?orgId=${world.branch.id}` }) },
  'GET /api/recruitment/board': { open: 'scope', probe: ({ world }) => ({ url: `/api/recruitment/board?orgId=${world.branch.id}` }) },
  'GET /api/recruitment/plans': { open: 'scope', probe: () => ({ url: '/api/recruitment/plans?year=2026' }) },
  'PUT /api/recruitment/plans': {
    permission: 'recruitment.plan', probe: ({ world }) => ({ url: '/api/recruitment/plans', body: { year: 2023, items: [{ organizationId: world.branch.id, quota: 1 }] } }),
  },
  // The recruitments the caller mentors: their own list.
  'GET /api/recruitment/mentoring': { open: 'own', probe: () => ({ url: '/api/recruitment/mentoring' }) },
  'POST /api/recruitment/steps': {
    permission: 'recruitment.configureSteps', probe: () => ({ url: '/api/recruitment/steps', body: { name: '村党员代表推荐', afterCode: 'talk', actor: 'branch' } }),
  },
};
