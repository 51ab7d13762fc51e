// The talent module's public face (人才, issue 15): app.ts registers its routes from here; the demo files its talents through
// these services. 在外人才 (point 7) lives in away-*.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { awayRoutes } from './away-routes.js';
import { talentFileRoutes } from './file-routes.js';
import { talentRoutes } from './routes.js';

/** Every route file of the module, each under /api: a new one is one more entry here. */
const ROUTES: FastifyPluginAsyncZod[] = [
  talentRoutes,
  talentFileRoutes,
  awayRoutes,
];

export const talentModule: FastifyPluginAsyncZod = async (app) => {
  for (const routes of ROUTES) await app.register(routes, { prefix: '/api' });
};

export { addSupport, createTalent, setTargets } from './service.js';
// The to-do list (tasks) gathers 在外人才 contact dues from here.
export { awayTasks } from './away-task-service.js';
// The 驾驶舱 (issue 17) reads the 在外人才 counts from here.
export { awayCounts } from './away-counts.js';
// 集体经济 (issue 18 point 4) links a 经营主体's 致富带头人 to the registry through this.
export { talentRefs } from './economy-links-repository.js';
