import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dutyRoutes } from './duty-routes.js';
import { fourTwoRoutes } from './four-two-routes.js';
import { microPowerRoutes } from './micro-power-routes.js';
import { serviceCenterRoutes } from './service-center-routes.js';

export { ensureMicroPowerTemplate } from './micro-power-template.js';

/** Service centres, duty rosters, 小微权力清单 and 四议两公开. */
export const positionRoutes: FastifyPluginAsyncZod = async (app) => {
  await serviceCenterRoutes(app, {});
  await dutyRoutes(app, {});
  await microPowerRoutes(app, {});
  await fourTwoRoutes(app, {});
};
