// The households module's public face (党员联户, issue 20 point 3): app.ts registers its routes from here; other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { householdRoutes } from './routes.js';

export const householdsModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(householdRoutes, { prefix: '/api' });
};
// 待办: each member's households past the town's visit interval (households.visitIntervalDays).
// 驾驶舱 and village card: households, visited within the interval, due.
export { householdFigures, householdTasks } from './visits-service.js';
// The demo (point 8) files its households through the service, as the caller it runs as.
export { createHousehold, setLinks } from './service.js';
