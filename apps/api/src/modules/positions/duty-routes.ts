import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreateDutyShiftsSchema, DutyListQuerySchema, DutyListSchema, DutyPresenceSchema, DutyShiftBatchSchema, DutyShiftSchema, IdParamSchema, OkSchema, SwapDutySchema } from '@dj/contracts';
import { currentUser, callerOf } from '../../plugins/auth.js';
import * as service from './duty-service.js';

export const dutyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['positions'];

  app.get('/duty-shifts', { schema: { tags, summary: '坐班值班表(按月)及在岗统计', querystring: DutyListQuerySchema, response: { 200: DutyListSchema } } },
    async (request) => service.listShifts(app.db, currentUser(request), request.query));
  app.post('/duty-shifts', { schema: { tags, summary: '排班(一个支部,批量)', body: CreateDutyShiftsSchema, response: { 200: DutyShiftBatchSchema } } },
    async (request) => service.createShifts(app.db, callerOf(request), request.body));
  app.post('/duty-shifts/:id/swap', { schema: { tags, summary: '换班', params: IdParamSchema, body: SwapDutySchema, response: { 200: DutyShiftSchema } } },
    async (request) => service.swapShift(app.db, callerOf(request), request.params.id, request.body));
  app.post('/duty-shifts/:id/presence', { schema: { tags, summary: '登记在岗情况(村里登记,不定位、不打卡)', params: IdParamSchema, body: DutyPresenceSchema, response: { 200: DutyShiftSchema } } },
    async (request) => service.recordPresence(app.db, callerOf(request), request.params.id, request.body));
  app.delete('/duty-shifts/:id', { schema: { tags, summary: '删除尚未到来的班次', params: IdParamSchema, response: { 200: OkSchema } } },
    async (request) => service.deleteShift(app.db, callerOf(request), request.params.id));
};
