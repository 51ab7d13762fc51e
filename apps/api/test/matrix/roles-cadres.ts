import { testIdNumber } from '../factories.js';
import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of 村干部 (issue 15): the town records the two committees' changes, terms and the secretary
 * adjustment list (cadres.manage) and reads the town board (cadres.board); the branch's readers read a village's
 * cadres (cadres.read); a plain 党员 sees none of it.
 */
let people = 0;
let years = 0;
const newPerson = () => ({ name: `角色表委员${++people}`, gender: 'male', birthDate: '1980-01-01', idNumber: testIdNumber() });
const admin = (env: RoleEnv) => env.world.town.admin;
/** The branch's secretary (made once), so the adjustment list has someone to name. */
const secretary = (env: RoleEnv) => env.state.shared('cadre secretary', async () => {
  const body = { kind: 'election', post: 'secretary', occurredOn: '2021-01-15', reason: '换届选举', newPerson: newPerson() };
  return (await env.state.ok(admin(env).post(`/api/cadres/villages/${env.world.branch.id}/changes`, body), 'cadre secretary')).organizationId;
});
/** One adjustment of the branch: the town admin's probe decides it; for anyone else the role refuses first. */
const adjustment = (env: RoleEnv) => env.state.shared('cadre adjustment', async () => {
  await secretary(env);
  const body = { organizationId: env.world.branch.id, reason: '角色表核对', markedOn: '2025-01-10' };
  return (await env.state.ok(admin(env).post('/api/cadres/adjustments', body), 'adjustment')).id;
});

/** The branch's secretary's holding (a person in post there), for the profile and 聘用制 rows. */
const secretaryHolding = async (env: RoleEnv) => {
  await secretary(env);
  const view = (await admin(env).get(`/api/cadres/villages/${env.world.branch.id}`)).json() as { current: { id: number; post: string; personId: number }[] };
  return view.current.find((h) => h.post === 'secretary')!;
};
const holderPerson = (env: RoleEnv) => env.state.shared('cadre holder person', async () => (await secretaryHolding(env)).personId);
/** The secretary's holding, under the employment rule (recorded once by the town admin). */
const holding = (env: RoleEnv) => env.state.shared('cadre holding', async () => {
  const held = await secretaryHolding(env);
  const employment = { since: '2021-02-01', ruleText: '镇党委《村党支部书记聘用制管理办法》', careerTreatment: true };
  await env.state.ok(admin(env).request('PUT', `/api/cadres/villages/${env.world.branch.id}/holdings/${held.id}/employment`, employment), 'cadre employment');
  return held.id;
});
let reviews = 0;
const teamMember = (branchId: number) => ({ name: `角色表队员${++people}`, unit: '县农业农村局', teamName: '县派乡村振兴服务队', startedOn: '2025-01-01', endsOn: '2027-01-01', organizationIds: [branchId] });
/** One 服务队 member serving the branch, made by the town admin. */
const serving = (env: RoleEnv) => env.state.shared('service team member', async () => (await env.state.ok(admin(env).post('/api/cadres/service-team', teamMember(env.world.branch.id)), 'service team member')).id);

// The decision row comes before the marking row: the town admin decides the shared adjustment first, so the branch has
// no open one when the same admin marks its secretary again.
export const CADRE_ROWS: Record<string, RoleRow> = {
  'GET /api/cadres/villages/:orgId': { permission: 'cadres.read', personal: true, probe: ({ world }) => ({ url: `/api/cadres/villages/${world.branch.id}` }) },
  'POST /api/cadres/villages/:orgId/changes': {
    permission: 'cadres.manage', personal: true,
    probe: ({ world }) => ({ url: `/api/cadres/villages/${world.branch.id}/changes`, body: { kind: 'election', post: 'committee_member', occurredOn: '2021-01-15', reason: '换届选举', newPerson: newPerson() } }),
  },
  'POST /api/cadres/villages/:orgId/terms': {
    permission: 'cadres.manage', personal: true,
    probe: ({ world }) => ({ url: `/api/cadres/villages/${world.branch.id}/terms`, body: { startYear: 2000 + ++years, endYear: 2005 + years, electedOn: '2021-01-15' } }),
  },
  'GET /api/cadres/board': { permission: 'cadres.board', probe: () => ({ url: '/api/cadres/board' }) },
  'POST /api/cadres/adjustments/:id/decision': {
    permission: 'cadres.manage', personal: true,
    probe: async (env) => ({ url: `/api/cadres/adjustments/${await adjustment(env)}/decision`, body: { decision: 'kept', decisionNote: '继续留任', decidedOn: '2025-02-01' } }),
  },
  'GET /api/cadres/structure': { permission: 'cadres.board', probe: () => ({ url: '/api/cadres/structure' }) },
  'PUT /api/cadres/villages/:orgId/people/:personId/profile': {
    permission: 'cadres.manage', personal: true,
    probe: async (env) => ({ url: `/api/cadres/villages/${env.world.branch.id}/people/${await holderPerson(env)}/profile`, body: { education: 'college', localTalent: true } }),
  },
  'PUT /api/cadres/villages/:orgId/holdings/:id/employment': {
    permission: 'cadres.manage', personal: true,
    probe: async (env) => ({ url: `/api/cadres/villages/${env.world.branch.id}/holdings/${await holding(env)}/employment`, body: { since: '2021-03-01', ruleText: '镇党委聘用制管理办法', careerTreatment: false } }),
  },
  'POST /api/cadres/villages/:orgId/holdings/:id/employment/reviews': {
    permission: 'cadres.manage', personal: true,
    probe: async (env) => ({ url: `/api/cadres/villages/${env.world.branch.id}/holdings/${await holding(env)}/employment/reviews`, body: { year: 2021 + reviews++, result: 'competent' } }),
  },
  'POST /api/cadres/service-team': { permission: 'cadres.manage', probe: ({ world }) => ({ url: '/api/cadres/service-team', body: teamMember(world.branch.id) }) },
  'PUT /api/cadres/service-team/:id': {
    permission: 'cadres.manage', personal: true,
    probe: async (env) => ({ url: `/api/cadres/service-team/${await serving(env)}`, body: { ...teamMember(env.world.branch.id), endsOn: '2027-06-01' } }),
  },
  'POST /api/cadres/adjustments': {
    permission: 'cadres.manage', personal: true,
    probe: async (env) => {
      await adjustment(env);
      return { url: '/api/cadres/adjustments', body: { organizationId: env.world.branch.id, reason: '角色表核对', markedOn: '2025-03-01' } };
    },
  },
};
