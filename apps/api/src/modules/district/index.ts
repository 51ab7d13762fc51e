// The district module's public face (区级, issue 17 points 5 and 6): app.ts registers its routes from here. Its one
// table is the towns' 驾驶舱快照; a district's towns come from the organizations module, each town's figures from the
// dashboard module.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { districtRoutes } from './routes.js';

export const districtModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(districtRoutes, { prefix: '/api/district' });
};
/** The job queue keeps the district towns' 驾驶舱快照 (jobs/boss.ts). */
export { refreshDistrictSnapshots } from './snapshots.js';
