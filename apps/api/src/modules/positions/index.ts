// The positions module's public face: app.ts registers its routes from here, and other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { positionRoutes } from './routes.js';

export const positionsModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(positionRoutes);
};
