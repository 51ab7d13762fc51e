// The assessment module's public face (考核方案, issue 16): app.ts registers its routes from here; tenant creation and
// the demo seed ensure the example schemes through it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { payRoutes } from './pay-routes.js';
import { periodRoutes } from './period-routes.js';
import { assessmentRoutes } from './routes.js';
import { assessmentMeasureRoutes } from './measures-routes.js';

export const assessmentModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(assessmentRoutes, { prefix: '/api' });
  await app.register(periodRoutes, { prefix: '/api' });
  await app.register(assessmentMeasureRoutes, { prefix: '/api' });
  await app.register(payRoutes, { prefix: '/api' });
};

export { ensureExampleSchemes } from './service.js';
// The demo seed scores its year of periods with the module's own subjects and record measures.
export { staffSubjects } from './period-repository.js';
export { figuresOfBranches } from './measures-figures.js';
// The 驾驶舱 (issue 17) shows the month's periods by status and the villages' 等次 distribution.
export { gradeCounts, periodStatusCounts } from './period-status-repository.js';
