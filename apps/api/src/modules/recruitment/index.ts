// The recruitment module's public face: app.ts registers its routes from here, and other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recruitmentRoutes } from './routes.js';
import { recruitmentDocumentRoutes } from './document-routes.js';

export const recruitmentModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(recruitmentRoutes);
  await app.register(recruitmentDocumentRoutes);
};

export { recruitmentTasks } from './task-service.js';
