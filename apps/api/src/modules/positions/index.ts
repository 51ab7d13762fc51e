// The positions module's public face: app.ts registers its routes from here, under the module's prefix, and other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { positionRoutes } from './routes.js';

// Routes declare paths below the prefix; /service-centers, /duty-shifts, /micro-power and /four-two share only /api.
export const positionsModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(positionRoutes, { prefix: '/api' });
};

// The template, duty and 四议两公开 rules the demo town (demo/) builds its positions with.
export { ensureMicroPowerTemplate } from './micro-power-template.js';
export { canRecordPresence, monthRange } from './rules/duty.js';
export { checkStageOrder, judgeResolution, judgeReview, statusAfter, type ResolutionBody } from './rules/four-two.js';
// 集体经济 (issue 18 point 5) links a village project to the 四议两公开 it went through.
export { fourTwoRefs } from './four-two-links-repository.js';
