// The cadres module's public face (村干部, issue 15): app.ts registers its routes from here; the demo builds its cadres through these services.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cadreRoutes } from './routes.js';
import { reserveRoutes } from './reserve-routes.js';
import { cadreDocumentRoutes } from './cadre-documents-routes.js';
import { cadreStructureRoutes } from './structure-routes.js';

export const cadresModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(cadreRoutes, { prefix: '/api' });
  await app.register(cadreStructureRoutes, { prefix: '/api' });
  await app.register(reserveRoutes, { prefix: '/api' });
  await app.register(cadreDocumentRoutes, { prefix: '/api' });
};

export { recordChange, recordTerm } from './service.js';
export { markAdjustment, decideAdjustment } from './board-service.js';
export { addReview, setEmployment, updateProfile } from './holding-service.js';
export { createMember as createServiceTeamMember } from './service-team-service.js';
// The to-do list (tasks) gathers assigned cadres' period ends from here.
export { cadreTasks } from './task-service.js';
// 后备人才 (reserves): the to-do list gathers villages below the target and evaluations due; the demo lists its reserves.
export { reserveTasks } from './reserve-board.js';
export { addReserve, evaluateReserve, leaveReserve, moveReserve } from './reserve-service.js';
// The 驾驶舱 (issue 17) reads the structure and reserve figures from here.
export { cadreFigures, type CadreFigures } from './dashboard-figures.js';
// The 对标 (dashboard, issue 17 point 4) reads the 两委 and reserves as they stood on a day.
export { cadresOnDay, type CadresOnDay } from './benchmark-repository.js';
