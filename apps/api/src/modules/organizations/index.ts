// The organizations module's public face: app.ts registers its routes from here, under the module's prefix, and other modules call only what it exports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { organizationRoutes } from './routes.js';

export const organizationsModule: FastifyPluginAsyncZod = async (app) => {
  await app.register(organizationRoutes, { prefix: '/api/organizations' });
};

export { attachTownToDistrict, createTenant, districtsWithTowns, tenantOf, townsOfDistrict, type TownRoot } from './tenants.js';
