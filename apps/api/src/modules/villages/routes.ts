import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { VillageListSchema } from '@dj/contracts';
import { currentUser } from '../../plugins/auth.js';
import { listVillages } from './service.js';

export const villageRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('', {
    schema: { tags: ['villages'], summary: '行政村(统计用区划代码)', response: { 200: VillageListSchema } },
  }, async (request) => listVillages(app.db, currentUser(request)));
};
