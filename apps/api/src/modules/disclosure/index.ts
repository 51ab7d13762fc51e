// The disclosure module's public face: app.ts registers its routes from here, under the module's prefixes, and other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { disclosureRoutes } from './routes.js';
import { publicApiRoutes, publicPageRoutes } from './public-routes.js';

// /disclosures and /disclosure share only /api; the villagers' pages are outside /api, at /public (no sign-in).
export const disclosureModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(disclosureRoutes, { prefix: '/api' });
  await app.register(publicApiRoutes, { prefix: '/api/public' });
  await app.register(publicPageRoutes, { prefix: '/public' });
};

export { disclosureTasks, dueSettings } from './board-service.js';
// The frequency, privacy-scan and workflow rules the demo town (demo/) publishes its disclosures by.
export { dueDateOf, endedPeriods, FREQUENCY_RULES, periodProblem, ruleOf, type FrequencyRule } from './rules/frequency.js';
export { scanDisclosure } from './rules/pii-scan.js';
// The town's public site (issue 20) scans its news and showcases at publishing by the same rule.
export { scanFields, scanMessage } from './rules/pii-scan.js';
export { decide, type Action } from './rules/workflow.js';
export { disclosuresDueBetween } from './on-time.js';
// The 对标 (dashboard) counts 按期公开 from the first disclosure the platform holds.
export { firstDisclosureOn } from './on-time-repository.js';
// 集体经济 (issue 18 point 5) links a village project to the 三务公开 that published its accounts.
export { disclosureRefs } from './economy-links-repository.js';
// The public pages' frame and escaping, for the other modules' public pages (集体经济).
export { beijingDate, esc, layout as publicPageLayout, renderBusy as publicBusyPage, renderNotFound as publicNotFoundPage } from './public-page.js';
