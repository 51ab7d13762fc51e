// The villages module's public face: app.ts registers its routes from here, under the module's prefix, and other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { villageRoutes } from './routes.js';

export const villagesModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(villageRoutes, { prefix: '/api/villages' });
};
