// The matters module's public face (村民说事, issue 20): app.ts registers its routes from here, under the module's prefixes, and other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mattersPublicRoutes } from './public-routes.js';
import { mattersRoutes } from './routes.js';

export const mattersModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(mattersRoutes, { prefix: '/api/matters' });
  // The public form, its poster and the status page (no sign-in), beside the village's 三务公开 pages.
  await app.register(mattersPublicRoutes, { prefix: '/public' });
};
// 待办 (modules/tasks) and the 驾驶舱's tile (modules/dashboard).
export { matterFigures, matterTasks } from './figures-service.js';
// The demo town's year of matters, written in batches.
export { insertMatters, insertEvents, type EventValues, type MatterValues } from './repository.js';
export { newReceipt } from './service.js';
// 党员联户 (households): a visit's raised matter becomes a case; the town's public site shows the year's counts.
export { raiseMatterFromVisit, type VisitMatter } from './visit-service.js';
export { publicMatterStats } from './figures-service.js';
