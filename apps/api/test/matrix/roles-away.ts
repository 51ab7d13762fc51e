import { testIdNumber } from '../factories.js';
import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of 在外人才 (issue 15 point 7): the town and the village's secretary register people away, log contacts,
 * returns and liaison organisations (talentAway.record); the branch's readers read them (talentAway.read); a plain 党员
 * sees none of it. Full phones need the session stepped up first, so only the role decides.
 */
let people = 0;
const admin = (env: RoleEnv) => env.world.town.admin;
const registerBody = (env: RoleEnv) => ({
  organizationId: env.world.branch.id, place: '江苏省苏州市', occupation: '角色表核对', employerKind: 'enterprise',
  newPerson: { name: `角色表在外${++people}`, gender: 'male', birthDate: '1985-01-01', idNumber: testIdNumber('1985-01-01'), phone: '13900001111' },
});
/** A fresh person away, registered by the town admin (for probes that change the record once). */
const fresh = async (env: RoleEnv) => (await env.state.ok(admin(env).post('/api/talent/away', registerBody(env)), 'away person')).talent.id as number;
const shared = (env: RoleEnv) => env.state.shared('away person', () => fresh(env));
const liaison = (env: RoleEnv) => env.state.shared('away liaison', async () =>
  (await env.state.ok(admin(env).post('/api/talent/away-liaisons', { organizationId: env.world.branch.id, kind: 'labour', name: '角色表人社所', contactPhone: '13900002222' }), 'liaison')).id);

const CONTACT = { contactedOn: '2025-01-10', method: 'phone', contactedBy: '角色表', content: '角色表核对' };

export const AWAY_ROWS: Record<string, RoleRow> = {
  'GET /api/talent/away': { permission: 'talentAway.read', probe: () => ({ url: '/api/talent/away?status=all' }) },
  'GET /api/talent/away/candidates': { permission: 'talentAway.record', personal: true, probe: ({ world }) => ({ url: `/api/talent/away/candidates?orgId=${world.branch.id}` }) },
  'POST /api/talent/away': { permission: 'talentAway.record', personal: true, probe: (env) => ({ url: '/api/talent/away', body: registerBody(env) }) },
  'GET /api/talent/away/:id': { permission: 'talentAway.read', personal: true, probe: async (env) => ({ url: `/api/talent/away/${await shared(env)}` }) },
  'PATCH /api/talent/away/:id': { permission: 'talentAway.record', personal: true, probe: async (env) => ({ url: `/api/talent/away/${await shared(env)}`, body: { skills: '角色表核对' } }) },
  'POST /api/talent/away/:id/contacts': { permission: 'talentAway.record', personal: true, probe: async (env) => ({ url: `/api/talent/away/${await shared(env)}/contacts`, body: CONTACT }) },
  'POST /api/talent/away/:id/return': {
    permission: 'talentAway.record', personal: true,
    probe: async (env) => ({ url: `/api/talent/away/${await fresh(env)}/return`, body: { returnedOn: '2025-02-01', purpose: '角色表核对' } }),
  },
  'POST /api/talent/away/:id/handover': {
    permission: 'talentAway.record', personal: true,
    probe: async (env) => {
      const id = await fresh(env);
      await env.state.ok(admin(env).post(`/api/talent/away/${id}/return`, { returnedOn: '2025-02-01', purpose: '角色表核对' }), 'return');
      return { url: `/api/talent/away/${id}/handover`, body: { handedOn: '2025-03-01' } };
    },
  },
  'POST /api/talent/away/:id/reveal': {
    permission: 'talentAway.record', personal: true,
    probe: async (env) => {
      await env.state.steppedUp(env.as);
      return { url: `/api/talent/away/${await shared(env)}/reveal`, body: { reason: '角色表核对' } };
    },
  },
  'GET /api/talent/away-liaisons': { permission: 'talentAway.read', probe: () => ({ url: '/api/talent/away-liaisons' }) },
  'POST /api/talent/away-liaisons': {
    permission: 'talentAway.record', personal: true,
    probe: ({ world }) => ({ url: '/api/talent/away-liaisons', body: { organizationId: world.branch.id, kind: 'outside_branch', name: '角色表驻外支部' } }),
  },
  'PUT /api/talent/away-liaisons/:id/coverage': {
    permission: 'talentAway.record', personal: true,
    probe: async (env) => ({ url: `/api/talent/away-liaisons/${await liaison(env)}/coverage`, body: { coveredIds: [await shared(env)] } }),
  },
  'POST /api/talent/away-liaisons/:id/reveal': {
    permission: 'talentAway.record', personal: true,
    probe: async (env) => {
      await env.state.steppedUp(env.as);
      return { url: `/api/talent/away-liaisons/${await liaison(env)}/reveal`, body: { reason: '角色表核对' } };
    },
  },
};
