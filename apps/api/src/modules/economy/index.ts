// The economy module's public face (集体经济, issue 18 points 1–2): app.ts registers its routes from here.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { economyRoutes } from './routes.js';

export const economyModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(economyRoutes, { prefix: '/api' });
};
// The 驾驶舱's 集体经济 tile: counted by the database.
export { economyFigures } from './figures-service.js';
