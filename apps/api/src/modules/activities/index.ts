// The activities module's public face: app.ts registers its routes from here, under the module's prefix, and other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { activityRoutes } from './routes.js';
import { activityEvidenceRoutes } from './evidence-routes.js';

// Routes declare paths below the prefix; its resources sit side by side under /api: /activities, /checklist-templates, /supervision, /compliance, /ledger, /my.
export const activitiesModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(activityRoutes, { prefix: '/api' });
  await app.register(activityEvidenceRoutes, { prefix: '/api' });
};

export { complianceOfBranches } from './compliance-service.js';
export { branchLedger } from './ledger-service.js';
export { ensureDefaultTemplates } from './checklist-service.js';
export type { ActivityKind } from './rules/activity-kinds.js';
// The 驾驶舱 (issue 17) reads the branches in the caller's scope the calendar covers.
export { branchesInScope } from './repository.js';
// The 对标 (dashboard, issue 17 point 4) counts 组织生活按期 from the first activity the platform holds.
export { firstActivityOn } from './first-record-repository.js';
// The education module records a 党课 as a study session (issue 19 point 1): its hours count once, there.
export { lectureForTraining } from './lecture-for-training.js';
// 党建示范点 (issue 20): a showcase's page counts its branch's 组织生活 of the year.
export { activitiesHeldIn } from './held-count-repository.js';
