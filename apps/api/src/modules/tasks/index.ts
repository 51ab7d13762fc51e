// The tasks module's public face: app.ts registers its routes from here, under the module's prefix, and other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { taskRoutes } from './routes.js';

export const tasksModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(taskRoutes, { prefix: '/api/tasks' });
};
