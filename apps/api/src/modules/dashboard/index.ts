// The dashboard module's public face (驾驶舱, issue 17): app.ts registers its routes from here. It owns no records: every
// figure is read through the other modules' public faces.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dashboardRoutes } from './routes.js';

export const dashboardModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(dashboardRoutes, { prefix: '/api' });
};

/** The town's 驾驶舱 for a caller: the district module reads each of its towns through it (docs/decisions/010). */
export { townDashboard } from './service.js';
