// The talent module's public face (issue 15): app.ts registers its routes from here. 在外人才 (point 7) lives in away-*.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { awayRoutes } from './away-routes.js';

export const talentAwayModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(awayRoutes, { prefix: '/api' });
};

// The to-do list (tasks) gathers 在外人才 contact dues from here.
export { awayTasks } from './away-task-service.js';
