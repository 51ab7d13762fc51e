// The activities module's public face: app.ts registers its routes from here, and other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { activityRoutes } from './routes.js';
import { activityEvidenceRoutes } from './evidence-routes.js';

export const activitiesModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(activityRoutes);
  await app.register(activityEvidenceRoutes);
};

export { complianceOfBranches } from './compliance-service.js';
export { ensureDefaultTemplates } from './checklist-service.js';
export type { ActivityKind } from './rules/activity-kinds.js';
