// The statistics module's public face (党内统计, issue 17 point 3): app.ts registers its routes from here, under /api.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { statisticsRoutes } from './routes.js';

export const statisticsModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(statisticsRoutes, { prefix: '/api' });
};

export { partyStatistics } from './service.js';
