// The district module's public face (区级, issue 17 point 5): app.ts registers its routes from here. It owns no records:
// a district's towns come from the organizations module, each town's figures from the dashboard module.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { districtRoutes } from './routes.js';

export const districtModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(districtRoutes, { prefix: '/api/district' });
};
