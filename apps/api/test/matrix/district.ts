import type { MatrixModule } from './types.js';
import { NONEXISTENT_ID } from './types.js';

/**
 * 区级 (issue 17 point 5): a town's account reaches no town through the district routes. The town of the caller and
 * the neighbouring town alike answer "does not exist" (neither is a town of a district the caller belongs to); the
 * district's own user is probed by modules/district/district.test.ts (another district's town 404).
 */
export const districtMatrix: MatrixModule = {
  rows: {
    'GET /api/district/towns': {},
    'GET /api/district/dashboard': {},
    'POST /api/district/refresh': {},
    'GET /api/district/towns/:tenantId/dashboard': { foreign: (f) => [{ url: `/api/district/towns/${f.tenant}/dashboard` }] },
  },
  async setup(env) {
    const { rows: [own] } = await env.pool.query<{ id: number }>('select tenant_id as id from organizations where id = $1', [env.ids['营子村党支部']]);
    return { xihuagou: { tenant: own.id }, yingzi: { tenant: own.id }, other: { tenant: env.otherTenantId } };
  },
  nonexistent: { tenant: NONEXISTENT_ID },
};
