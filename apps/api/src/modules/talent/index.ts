// The talent module's public face (人才, issue 15): app.ts registers its routes from here; the demo files its talents through these services.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { talentFileRoutes } from './file-routes.js';
import { talentRoutes } from './routes.js';

/** Every route file of the module, each under /api: a new one is one more entry here. */
const ROUTES: FastifyPluginAsyncZod[] = [
  talentRoutes,
  talentFileRoutes,
];

export const talentModule: FastifyPluginAsyncZod = async (app) => {
  for (const routes of ROUTES) await app.register(routes, { prefix: '/api' });
};

export { addSupport, createTalent, setTargets } from './service.js';
