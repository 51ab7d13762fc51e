// The showcases module's public face (issue 20 points 5–6: 党建示范点, 党建动态 and the town's public site): app.ts
// registers its routes from here, and other modules (the demo) call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { newsRoutes } from './news-routes.js';
import { townPublicRoutes } from './public-routes.js';
import { showcaseRoutes } from './routes.js';

export const showcasesModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(showcaseRoutes, { prefix: '/api' });
  await app.register(newsRoutes, { prefix: '/api' });
  await app.register(townPublicRoutes, { prefix: '/public' });
};
