// The inspection module's public face: app.ts registers its routes from here, under the module's prefix, and other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inspectionRoutes } from './routes.js';

// Routes declare paths below the prefix; /inspections, /inspection, /inspection-files and /rectifications share only /api.
export const inspectionModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(inspectionRoutes, { prefix: '/api' });
};

export { rectificationTasks } from './task-service.js';
// The checklist and rectification rules the demo town (demo/) plays its inspection round by.
export { roundItems, teamProblems } from './rules/checklist.js';
export { defaultDueOn, lateness, nextStatus, refusal, type RectificationAction } from './rules/rectification.js';
export { rectificationCounts, rectificationOnTimeCounts, rectificationsDueBetween } from './on-time-repository.js';
