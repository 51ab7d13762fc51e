// The health module's public face: app.ts registers its routes from here, and other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthRoutes } from './routes.js';

export const healthModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(healthRoutes);
};
