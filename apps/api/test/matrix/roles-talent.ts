import { multipartBody, testIdNumber } from '../factories.js';
import type { RoleEnv, RoleRow } from './role-types.js';

/**
 * Role table rows of 人才 (issue 15 point 6): the town and the village's secretary file talents and their support
 * (talent.manage) and see full numbers after step-up; the branch's readers read the registry and its progress
 * (talent.read); the town sets the yearly targets (talent.targets); a plain 党员 sees none of it.
 */
let people = 0;
const newPerson = () => ({ name: `角色表人才${++people}`, gender: 'male', birthDate: '1985-01-01', idNumber: testIdNumber('1985-01-01') });
const body = (env: RoleEnv) => ({ organizationId: env.world.branch.id, kind: 'new_farmer', field: 'breeding', newPerson: newPerson() });
/** One talent of the branch, filed by the town admin once. */
const talent = (env: RoleEnv) => env.state.shared('talent', async () =>
  (await env.state.ok(env.world.town.admin.post('/api/talent', body(env)), 'talent')).id as number);

export const TALENT_ROWS: Record<string, RoleRow> = {
  'GET /api/talent': { permission: 'talent.read', probe: () => ({ url: '/api/talent' }) },
  'GET /api/talent/progress': { permission: 'talent.read', probe: () => ({ url: '/api/talent/progress?year=2025' }) },
  'PUT /api/talent/targets/:year': { permission: 'talent.targets', probe: () => ({ url: '/api/talent/targets/2025', body: { targets: [{ tier: 'ten', target: 2, level: '市级' }] } }) },
  'POST /api/talent': { permission: 'talent.manage', probe: (env) => ({ url: '/api/talent', body: body(env) }) },
  'GET /api/talent/roster': { permission: 'talent.read', probe: () => ({ url: '/api/talent/roster?format=xlsx' }) },
  'GET /api/talent/import-template': { open: 'reference', probe: () => ({ url: '/api/talent/import-template' }) },
  // A dry run of the blank import sheet the product serves: nothing is written, only the role decides.
  'POST /api/talent/import': {
    permission: 'talent.manage',
    probe: async (env) => {
      const sheet = (await env.world.town.admin.get('/api/talent/import-template')).rawPayload;
      const body = multipartBody({ data: sheet, name: '人才名册导入模板.xlsx' });
      return { url: `/api/talent/import?orgId=${env.world.branch.id}&dryRun=true`, body: body.payload, headers: body.headers };
    },
  },
  'GET /api/talent/:id': { permission: 'talent.read', probe: async (env) => ({ url: `/api/talent/${await talent(env)}` }) },
  'PATCH /api/talent/:id': { permission: 'talent.manage', probe: async (env) => ({ url: `/api/talent/${await talent(env)}`, body: { kind: 'rural_star', field: 'planting' } }) },
  'POST /api/talent/:id/support': {
    permission: 'talent.manage',
    probe: async (env) => ({ url: `/api/talent/${await talent(env)}/support`, body: { givenOn: '2025-03-01', what: '角色表核对', givenBy: '镇农业农村办' } }),
  },
  // Full numbers need the session stepped up: every account steps up first, so only the role decides.
  'POST /api/talent/:id/reveal': {
    permission: 'talent.manage',
    probe: async (env) => {
      await env.state.steppedUp(env.as);
      return { url: `/api/talent/${await talent(env)}/reveal`, body: { field: 'idNumber', reason: '角色表核对' } };
    },
  },
};
