import { testIdNumber } from '../factories.js';
import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of 后备人才 (issue 15 point 4): the village's secretary and the town keep a village's reserves
 * (reserves.manage); the branch's readers read them and the roster (cadres.read); the town reads the pipeline board
 * (cadres.board); a plain 党员 sees none of it. Each write probe gets a reserve of its own, listed by the town admin.
 */
let people = 0;
const newPerson = () => ({ name: `角色表后备${++people}`, gender: 'male', birthDate: '1990-01-01', idNumber: testIdNumber('1990-01-01') });
const admin = (env: RoleEnv) => env.world.town.admin;
const village = (env: RoleEnv) => `/api/reserves/villages/${env.world.branch.id}`;
/** A fresh reserve of the branch (by the town admin), so every probe's write succeeds for a holder. */
async function freshReserve(env: RoleEnv): Promise<number> {
  const person = newPerson();
  const v = await env.state.ok(admin(env).post(village(env), { newPerson: person, source: 'returnee', enteredOn: '2024-01-10' }), 'reserve');
  return (v.reserves as { id: number; name: string }[]).find((r) => r.name === person.name)!.id;
}
/** A 委员 of the branch, once, to be named mentor. */
const mentorPost = (env: RoleEnv) => env.state.shared('reserve mentor', async () => {
  const body = { kind: 'election', post: 'branch_member', occurredOn: '2021-01-15', reason: '换届选举', newPerson: newPerson() };
  const v = await env.state.ok(admin(env).post(`/api/cadres/villages/${env.world.branch.id}/changes`, body), 'mentor');
  return (v.current as { id: number; post: string }[]).find((h) => h.post === 'branch_member')!.id;
});

export const RESERVE_ROWS: Record<string, RoleRow> = {
  'GET /api/reserves/villages/:orgId': { permission: 'cadres.read', personal: true, probe: (env) => ({ url: village(env) }) },
  'POST /api/reserves/villages/:orgId': {
    permission: 'reserves.manage', personal: true,
    probe: (env) => ({ url: village(env), body: { newPerson: newPerson(), source: 'veteran', enteredOn: '2024-01-10' } }),
  },
  'POST /api/reserves/:id/moves': {
    permission: 'reserves.manage', personal: true,
    probe: async (env) => ({ url: `/api/reserves/${await freshReserve(env)}/moves`, body: { toStage: 'training', occurredOn: '2024-06-01' } }),
  },
  'POST /api/reserves/:id/mentor': {
    permission: 'reserves.manage', personal: true,
    probe: async (env) => ({ url: `/api/reserves/${await freshReserve(env)}/mentor`, body: { mentorPostId: await mentorPost(env), occurredOn: '2024-06-01' } }),
  },
  'POST /api/reserves/:id/evaluations': {
    permission: 'reserves.manage', personal: true,
    probe: async (env) => ({ url: `/api/reserves/${await freshReserve(env)}/evaluations`, body: { period: '2024-H1', evaluatedOn: '2024-07-01', result: 'good', comment: '表现良好' } }),
  },
  'POST /api/reserves/:id/leave': {
    permission: 'reserves.manage', personal: true,
    probe: async (env) => ({ url: `/api/reserves/${await freshReserve(env)}/leave`, body: { outcome: 'exited', occurredOn: '2024-06-01', reason: '外出务工' } }),
  },
  'GET /api/reserves/board': { permission: 'cadres.board', probe: () => ({ url: '/api/reserves/board' }) },
  'GET /api/reserves/roster/:format': { permission: 'cadres.read', probe: () => ({ url: '/api/reserves/roster/xlsx' }) },
};
