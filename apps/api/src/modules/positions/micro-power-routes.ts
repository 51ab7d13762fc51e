import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateMicroPowerItemSchema, CreateMicroPowerUseSchema, IdParamSchema, MicroPowerAdoptionSchema, MicroPowerItemListSchema, MicroPowerItemQuerySchema,
  MicroPowerItemSchema, MicroPowerLedgerParamsSchema, MicroPowerLedgerQuerySchema, MicroPowerUseListSchema, MicroPowerUseQuerySchema, MicroPowerUseSchema, PositionsOrgParamSchema, RecordUseStepSchema,
  SaveAdoptionsSchema, UpdateMicroPowerItemSchema, UpdateMicroPowerUseSchema,
} from '@dj/contracts';
import { currentUser, callerOf } from '../../plugins/auth.js';
import { microPowerLedger } from './documents.js';
import * as service from './micro-power-service.js';
import { attachmentHeader } from './upload.js';

export const microPowerRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['positions'];
  const use = { 200: MicroPowerUseSchema };

  app.get('/micro-power/items', { schema: { tags, summary: '小微权力清单及各村采用情况', querystring: MicroPowerItemQuerySchema, response: { 200: MicroPowerItemListSchema } } },
    async (request) => service.listItems(app.db, currentUser(request), request.query.orgId));
  app.post('/micro-power/items', { schema: { tags, summary: '增加清单事项', body: CreateMicroPowerItemSchema, response: { 200: MicroPowerItemSchema } } },
    async (request) => service.createItem(app.db, callerOf(request), request.body));
  app.patch('/micro-power/items/:id', { schema: { tags, summary: '修改清单事项', params: IdParamSchema, body: UpdateMicroPowerItemSchema, response: { 200: MicroPowerItemSchema } } },
    async (request) => service.updateItem(app.db, callerOf(request), request.params.id, request.body));
  app.put('/micro-power/adoptions/by-org/:orgId', { schema: { tags, summary: '本村采用的清单事项', params: PositionsOrgParamSchema, body: SaveAdoptionsSchema, response: { 200: MicroPowerAdoptionSchema } } },
    async (request) => service.saveAdoptions(app.db, callerOf(request), request.params.orgId, request.body));
  app.get('/micro-power/uses', { schema: { tags, summary: '小微权力运行记录', querystring: MicroPowerUseQuerySchema, response: { 200: MicroPowerUseListSchema } } },
    async (request) => service.listUses(app.db, currentUser(request), request.query.orgId));
  app.post('/micro-power/uses', { schema: { tags, summary: '登记一次小微权力运行', body: CreateMicroPowerUseSchema, response: use } },
    async (request) => service.createUse(app.db, callerOf(request), request.body));
  app.post('/micro-power/uses/:id/steps', { schema: { tags, summary: '登记下一步办理情况', params: IdParamSchema, body: RecordUseStepSchema, response: use } },
    async (request) => service.recordStep(app.db, callerOf(request), request.params.id, request.body));
  app.patch('/micro-power/uses/:id', { schema: { tags, summary: '设置是否公开', params: IdParamSchema, body: UpdateMicroPowerUseSchema, response: use } },
    async (request) => service.setPublishable(app.db, callerOf(request), request.params.id, request.body.publishable));
  app.get('/micro-power/ledger/:format', {
    schema: { tags, summary: '小微权力运行台账(docx/pdf,一个村一个年度,年度默认今年)', params: MicroPowerLedgerParamsSchema, querystring: MicroPowerLedgerQuerySchema },
  }, async (request, reply) => {
    const file = await microPowerLedger(app.db, callerOf(request), request.query.orgId, request.query.year, request.params.format);
    return reply.type(file.mime).header('cache-control', 'private, no-store').header('content-disposition', attachmentHeader(file.filename)).send(file.data);
  });
};
