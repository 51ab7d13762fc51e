import { multipart, nextFutureDay, nextPastDay, PDF } from './role-state.js';
import type { RoleEnv, RoleRow } from './role-types.js';

/** Role table rows of 组织生活: records, attendance, evidence, supervision and sign-off, votes, 民主评议, documents, templates. */

/** A template of the town with one item the secretary confirms by hand (书记确认), so a check can be ticked. */
const TEMPLATE = { name: '角色表核对模板', kinds: ['theme_day'], items: [{ key: 'role_table', label: '角色表核对', satisfiedBy: 'confirm' }] };
/** The record every read and every repeatable write of this file names. */
const shared = ({ state }: RoleEnv) => state.shared('activity', () => state.activity());
/** A 支部党员大会 everyone expected attended (a vote needs a quorum), fresh: the roster grows as other probes run. */
async function generalMeeting({ state, world }: RoleEnv): Promise<number> {
  const heldOn = nextPastDay();
  const id = await state.activity('general_meeting', heldOn);
  const expected = await state.ok(world.town.admin.get(`/api/activities/expected?orgId=${world.branch.id}&kind=general_meeting&heldOn=${heldOn}`), 'expected');
  const records = expected.items.map((m: { memberId: number }) => ({ memberId: m.memberId, state: 'present' }));
  await state.ok(world.town.admin.request('PUT', `/api/activities/${id}/attendance`, { records }), 'attendance');
  return id;
}
const template = ({ state, world }: RoleEnv) => state.shared('template', async () => (await state.ok(world.town.admin.post('/api/checklist-templates', TEMPLATE), 'template')).id);
const sharedFile = (env: RoleEnv) => env.state.shared('activity file', async () => env.state.activityFile(await shared(env)));

export const ACTIVITY_ROWS: Record<string, RoleRow> = {
  'GET /api/activities': { open: 'scope', probe: ({ world }) => ({ url: `/api/activities?orgId=${world.branch.id}` }) },
  'GET /api/activities/:id': { open: 'scope', probe: async (env) => ({ url: `/api/activities/${await shared(env)}` }) },
  'POST /api/activities': {
    permission: 'activities.record',
    probe: ({ world }) => ({ url: '/api/activities', body: { organizationId: world.branch.id, kind: 'theme_day', heldOn: nextPastDay(), place: '村党员活动室', topic: '角色表核对' } }),
  },
  'PATCH /api/activities/:id': { permission: 'activities.record', probe: async (env) => ({ url: `/api/activities/${await shared(env)}`, body: { topic: '角色表核对修改' } }) },
  // Who is expected at a record being written: asked by the record's writers only.
  'GET /api/activities/expected': {
    permission: 'activities.record', probe: ({ world }) => ({ url: `/api/activities/expected?orgId=${world.branch.id}&kind=theme_day&heldOn=2026-01-28` }),
  },
  'PUT /api/activities/:id/attendance': {
    permission: 'activities.record',
    probe: async (env) => ({ url: `/api/activities/${await shared(env)}/attendance`, body: { records: [{ memberId: env.world.member, state: 'present' }] } }),
  },
  'POST /api/activities/:id/files': {
    permission: 'activities.record',
    probe: async (env) => ({ url: `/api/activities/${await shared(env)}/files?category=plan`, ...multipart(PDF, '角色表方案.pdf', 'application/pdf') }),
  },
  'GET /api/activities/:id/files/:fileId': {
    permission: 'branch.browse', probe: async (env) => ({ url: `/api/activities/${await shared(env)}/files/${await sharedFile(env)}` }),
  },
  'DELETE /api/activities/:id/files/:fileId': {
    permission: 'activities.record',
    probe: async (env) => {
      const id = await shared(env);
      return { url: `/api/activities/${id}/files/${await env.state.activityFile(id)}` };
    },
  },
  'POST /api/activities/:id/checks': {
    permission: 'activities.record',
    probe: async (env) => ({ url: `/api/activities/${await shared(env)}/checks`, body: { templateId: await template(env), itemKey: 'role_table', done: true } }),
  },
  'PUT /api/activities/:id/dengta-upload': {
    permission: 'activities.record',
    probe: async (env) => ({ url: `/api/activities/${await shared(env)}/dengta-upload`, body: { uploadedOn: '2026-01-02', uploadedBy: '角色表', reference: 'JS-1' } }),
  },
  'POST /api/activities/:id/votes': {
    permission: 'activities.record',
    probe: async (env) => ({ url: `/api/activities/${await generalMeeting(env)}/votes`, body: { subject: '角色表表决', inFavour: 1, against: 0, abstain: 0 } }),
  },
  'PUT /api/activities/:id/appraisal': {
    permission: 'activities.record',
    probe: async (env) => {
      // Every full member is graded at once (the 评议 is of the whole branch).
      const id = await env.state.shared('appraisal', () => env.state.activity('appraisal'));
      const detail = await env.state.ok(env.world.town.admin.get(`/api/activities/${id}`), 'appraisal');
      const grades = detail.appraisal.members.map((m: { memberId: number }) => ({ memberId: m.memberId, grade: 'qualified' }));
      return { url: `/api/activities/${id}/appraisal`, body: { grades } };
    },
  },
  'GET /api/activities/:id/documents/:doc': {
    permission: 'branch.browse', probe: async (env) => ({ url: `/api/activities/${await shared(env)}/documents/signin.docx` }),
  },
  // A member's own answer to a coming meeting of their branch: every probed account is a 党员 of it.
  'POST /api/activities/:id/responses': {
    open: 'own', probe: async (env) => {
      const id = await env.state.shared('coming meeting', () => env.state.activity('theme_day', nextFutureDay()));
      return { url: `/api/activities/${id}/responses`, body: { response: 'confirm' } };
    },
  },
  'GET /api/ledger': { permission: 'branch.browse', probe: ({ world }) => ({ url: `/api/ledger?orgId=${world.branch.id}&period=2026-01` }) },
  'GET /api/compliance': { permission: 'branch.browse', probe: ({ world }) => ({ url: `/api/compliance?orgId=${world.branch.id}` }) },
  // The 支部委员会 with its dates: read by the branch's readers, written by whoever manages the roster (an empty history is a valid write).
  'GET /api/branch-committee/:orgId': { permission: 'branch.browse', personal: true, probe: ({ world }) => ({ url: `/api/branch-committee/${world.branch.id}` }) },
  'PUT /api/branch-committee/:orgId': { permission: 'members.manage', personal: true, probe: ({ world }) => ({ url: `/api/branch-committee/${world.branch.id}`, body: { terms: [] } }) },

  'PUT /api/activities/:id/supervisor': {
    permission: 'supervision.assign',
    probe: async (env) => ({ url: `/api/activities/${await shared(env)}/supervisor`, body: { userId: env.world.accounts.supervisor.userId } }),
  },
  'POST /api/activities/:id/reviews': {
    permission: 'activities.signOff',
    probe: async ({ state }) => ({ url: `/api/activities/${await state.submittedActivity('probed')}/reviews`, body: { action: 'sign_off' } }),
  },
  'POST /api/activities/:id/reviews · a record another supervisor oversees': {
    permission: 'activities.signOffAny',
    probe: async ({ state }) => ({ url: `/api/activities/${await state.submittedActivity('other')}/reviews`, body: { action: 'sign_off' } }),
  },

  'POST /api/checklist-templates': { permission: 'activities.configure', probe: () => ({ url: '/api/checklist-templates', body: TEMPLATE }) },
  'PUT /api/checklist-templates/:id': {
    permission: 'activities.configure',
    probe: async (env) => ({ url: `/api/checklist-templates/${await template(env)}`, body: TEMPLATE }),
  },
};
