// The health module's public face: app.ts registers its routes from here, and other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthRoutes } from './routes.js';

// No prefix: load balancers and process supervisors probe /healthz and /readyz at the root, outside /api.
export const healthModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(healthRoutes);
};
