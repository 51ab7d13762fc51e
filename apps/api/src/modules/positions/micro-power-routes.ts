import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateMicroPowerItemSchema, CreateMicroPowerUseSchema, IdParamSchema, MicroPowerAdoptionSchema, MicroPowerItemListSchema, MicroPowerItemQuerySchema,
  MicroPowerItemSchema, MicroPowerUseListSchema, MicroPowerUseQuerySchema, MicroPowerUseSchema, PositionsOrgParamSchema, RecordUseStepSchema,
  SaveAdoptionsSchema, UpdateMicroPowerItemSchema, UpdateMicroPowerUseSchema,
} from '@dj/contracts';
import { currentUser } from '../../plugins/auth.js';
import * as service from './micro-power-service.js';

export const microPowerRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['positions'];
  const caller = (request: Parameters<typeof currentUser>[0]) => ({ user: currentUser(request), ip: request.ip });
  const use = { 200: MicroPowerUseSchema };

  app.get('/api/micro-power/items', { schema: { tags, summary: '小微权力清单及各村采用情况', querystring: MicroPowerItemQuerySchema, response: { 200: MicroPowerItemListSchema } } },
    async (request) => service.listItems(app.db, currentUser(request), request.query.orgId));
  app.post('/api/micro-power/items', { schema: { tags, summary: '增加清单事项', body: CreateMicroPowerItemSchema, response: { 200: MicroPowerItemSchema } } },
    async (request) => service.createItem(app.db, caller(request), request.body));
  app.patch('/api/micro-power/items/:id', { schema: { tags, summary: '修改清单事项', params: IdParamSchema, body: UpdateMicroPowerItemSchema, response: { 200: MicroPowerItemSchema } } },
    async (request) => service.updateItem(app.db, caller(request), request.params.id, request.body));
  app.put('/api/micro-power/adoptions/by-org/:orgId', { schema: { tags, summary: '本村采用的清单事项', params: PositionsOrgParamSchema, body: SaveAdoptionsSchema, response: { 200: MicroPowerAdoptionSchema } } },
    async (request) => service.saveAdoptions(app.db, caller(request), request.params.orgId, request.body));
  app.get('/api/micro-power/uses', { schema: { tags, summary: '小微权力运行记录', querystring: MicroPowerUseQuerySchema, response: { 200: MicroPowerUseListSchema } } },
    async (request) => service.listUses(app.db, currentUser(request), request.query.orgId));
  app.post('/api/micro-power/uses', { schema: { tags, summary: '登记一次小微权力运行', body: CreateMicroPowerUseSchema, response: use } },
    async (request) => service.createUse(app.db, caller(request), request.body));
  app.post('/api/micro-power/uses/:id/steps', { schema: { tags, summary: '登记下一步办理情况', params: IdParamSchema, body: RecordUseStepSchema, response: use } },
    async (request) => service.recordStep(app.db, caller(request), request.params.id, request.body));
  app.patch('/api/micro-power/uses/:id', { schema: { tags, summary: '设置是否公开', params: IdParamSchema, body: UpdateMicroPowerUseSchema, response: use } },
    async (request) => service.setPublishable(app.db, caller(request), request.params.id, request.body.publishable));
};
