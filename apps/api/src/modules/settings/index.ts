// The settings module's public face: app.ts registers its routes from here, under the module's prefix, and other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { settingRoutes } from './routes.js';

export const settingsModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(settingRoutes, { prefix: '/api/settings' });
};

export { settingDefault, settingValue, settingValues } from './service.js';
export { settingDefinition } from './registry.js';
