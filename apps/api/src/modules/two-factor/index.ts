// The two-factor module's public face (issue 12 point 3): app.ts registers its routes under /api/two-factor and
// hands `secondStep` to sign-in, which asks it between the password and the session.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { twoFactorRoutes } from './routes.js';
import { signInRoutes } from './sign-in-routes.js';
import { PENDING_PATH } from './sign-in.js';

export const twoFactorModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(twoFactorRoutes, { prefix: '/api/two-factor' });
  await app.register(signInRoutes, { prefix: PENDING_PATH });
};

export { secondStep } from './sign-in.js';
