// The recruitment module's public face: app.ts registers its routes from here, under the module's prefix, and other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recruitmentRoutes } from './routes.js';
import { recruitmentDocumentRoutes } from './document-routes.js';

// Routes declare paths below the prefix; /recruitments (one person's record) and /recruitment (plans, steps, the board) share only /api.
export const recruitmentModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(recruitmentRoutes, { prefix: '/api' });
  await app.register(recruitmentDocumentRoutes, { prefix: '/api' });
};

export { recruitmentTasks } from './task-service.js';
// What the demo town (demo/) runs its recruitments through: the service, the roster writes and the step rules.
export { createRecruitment, recruitmentSettings, stepsOf } from './service.js';
export { applyStepToRoster } from './admission.js';
export { findRecruitment, insertRecord, updateRecruitment } from './repository.js';
export { checkStep } from './rules/checks.js';
export { phaseOf, stopReason, type RecordFact } from './rules/recruitment-state.js';
export { stepNamed } from './rules/steps.js';
// The demo's 培训 step names a real 发展对象培训 session, read as the form's step reads it.
export { withSessionTraining } from './training-link.js';
export { addRelation, createNotice, setNoticeOutcome } from './people-service.js';
export { savePlan } from './plan-service.js';
// The cadres module's reserves (后备人才) show a non-member's 发展党员 record and its phase.
export { latestRecruitmentsOf } from './person-link-repository.js';
export { recruitmentDeadlinesBetween } from './deadline-history.js';
export { pipelineCounts } from './pipeline-repository.js';
