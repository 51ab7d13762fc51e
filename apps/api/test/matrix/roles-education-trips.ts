import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of 对标学习 (issue 19 point 4): the branches' readers read (trips.read); the organiser — the town, or
 * the village's secretary for their branch — keeps the trip, its participants, 心得, actions and report (trips.manage).
 * A plain 党员 sees no trip (personal: 404). Each probe works on a trip the town makes at the branch for it.
 */
const base = '/api/education/trips';
const TRIP = { title: '角色表对标学习', destination: '周庄镇', startsOn: '2025-05-01', endsOn: '2025-05-02', topics: ['party_building'] };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function trip(env: RoleEnv): Promise<number> {
  return (await env.state.ok(env.world.town.admin.post(base, { ...TRIP, organizationId: env.world.branch.id }), 'trip')).id;
}

async function withParticipant(env: RoleEnv): Promise<string> {
  const id = await trip(env);
  const made: Json = await env.state.ok(env.world.town.admin.post(`${base}/${id}/participants`, { name: '角色表人员', organizationId: env.world.branch.id }), 'participant');
  return `${base}/${id}/participants/${made.participantList[0].id}`;
}

const action = (env: RoleEnv) => ({ content: '角色表跟进事项', ownerUserId: env.world.accounts.secretary.userId, organizationId: env.world.branch.id, dueOn: '2025-06-01' });

async function withAction(env: RoleEnv): Promise<string> {
  const id = await trip(env);
  const made: Json = await env.state.ok(env.world.town.admin.post(`${base}/${id}/actions`, action(env)), 'action');
  return `${base}/${id}/actions/${made.actionList[0].id}`;
}

export const TRIP_ROWS: Record<string, RoleRow> = {
  'GET /api/education/trips': { permission: 'trips.read', probe: () => ({ url: base }) },
  'GET /api/education/trips/people': { permission: 'trips.read', probe: () => ({ url: `${base}/people` }) },
  'POST /api/education/trips': { permission: 'trips.manage', personal: true, probe: (env) => ({ url: base, body: { ...TRIP, organizationId: env.world.branch.id } }) },
  'GET /api/education/trips/:id': { permission: 'trips.read', personal: true, probe: async (env) => ({ url: `${base}/${await trip(env)}` }) },
  'PATCH /api/education/trips/:id': { permission: 'trips.manage', personal: true, probe: async (env) => ({ url: `${base}/${await trip(env)}`, body: TRIP }) },
  'POST /api/education/trips/:id/participants': {
    permission: 'trips.manage', personal: true,
    probe: async (env) => ({ url: `${base}/${await trip(env)}/participants`, body: { name: '角色表人员', organizationId: env.world.branch.id } }),
  },
  'DELETE /api/education/trips/:id/participants/:participantId': { permission: 'trips.manage', personal: true, probe: async (env) => ({ url: await withParticipant(env) }) },
  // A typed participant (no account): only the unit's writers write the 心得.
  'PUT /api/education/trips/:id/participants/:participantId/takeaway': {
    permission: 'trips.manage', personal: true, probe: async (env) => ({ url: `${await withParticipant(env)}/takeaway`, body: { takeaway: '角色表心得' } }),
  },
  'POST /api/education/trips/:id/actions': { permission: 'trips.manage', personal: true, probe: async (env) => ({ url: `${base}/${await trip(env)}/actions`, body: action(env) }) },
  // Owned by the branch's secretary, who also holds trips.manage there: no probed account is an owner without it.
  'PATCH /api/education/trips/:id/actions/:actionId': {
    permission: 'trips.manage', personal: true, probe: async (env) => ({ url: await withAction(env), body: { dueOn: '2025-06-01', doneOn: '2025-06-01', doneNote: '已完成' } }),
  },
  'GET /api/education/trips/:id/report.:format': { permission: 'trips.manage', personal: true, probe: async (env) => ({ url: `${base}/${await trip(env)}/report.pdf` }) },
};
