// The dashboard module's public face (驾驶舱, issue 17): app.ts registers its routes from here. Its figures are read
// through the other modules' public faces; the only records it owns are the 对标's (benchmark town, indicators, values).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { benchmarkRoutes } from './benchmark-routes.js';
import { dashboardRoutes } from './routes.js';

export const dashboardModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(dashboardRoutes, { prefix: '/api' });
  await app.register(benchmarkRoutes, { prefix: '/api' });
};
// The demo seed enters the benchmark town and its values through these.
export { createIndicator, putValue, saveTown } from './benchmark-service.js';

/**
 * The town's 驾驶舱 for a caller, as kept while the town's version holds: the district module reads each of its towns
 * through it (docs/decisions/010, 014).
 */
export { currentTownDashboard } from './service.js';
