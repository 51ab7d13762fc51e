// The settings module's public face: app.ts registers its routes from here, and other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { settingRoutes } from './routes.js';

export const settingsModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(settingRoutes);
};

export { settingValue, settingValues } from './service.js';
