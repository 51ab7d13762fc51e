// The users module's public face (issue 12 point 1): app.ts registers its routes from here, under the module's prefix.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { userRoutes } from './routes.js';

export const usersModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(userRoutes, { prefix: '/api/users' });
};
