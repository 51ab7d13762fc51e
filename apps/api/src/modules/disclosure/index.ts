// The disclosure module's public face: app.ts registers its routes from here, and other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { disclosureRoutes } from './routes.js';
import { publicRoutes } from './public-routes.js';

export const disclosureModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(disclosureRoutes);
  await app.register(publicRoutes);
};

export { disclosureTasks } from './board-service.js';
