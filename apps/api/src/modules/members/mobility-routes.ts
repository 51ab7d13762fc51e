import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateFlowSchema, CreateLetterSchema, EndFlowSchema, FlowContactSchema, FlowParamsSchema, IdParamSchema, LetterParamsSchema,
  LetterReceiptSchema, MemberMobilitySchema,
} from '@dj/contracts';
import { currentUser, callerOf } from '../../plugins/auth.js';
import * as service from './mobility-service.js';

export const mobilityRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['members'];
  const response = { 200: MemberMobilitySchema };

  app.get('/members/:id/mobility', { schema: { tags, summary: '流动登记、联系记录与介绍信', params: IdParamSchema, response } },
    async (request) => service.getMobility(app.db, currentUser(request), request.params.id));
  app.post('/members/:id/flows', { schema: { tags, summary: '登记外出流动或流入', params: IdParamSchema, body: CreateFlowSchema, response } },
    async (request) => service.startFlow(app.db, callerOf(request), request.params.id, request.body));
  app.post('/members/:id/flows/:flowId/contacts', { schema: { tags, summary: '记录与流动党员的联系', params: FlowParamsSchema, body: FlowContactSchema, response } },
    async (request) => service.recordContact(app.db, callerOf(request), request.params.id, request.params.flowId, request.body));
  app.post('/members/:id/flows/:flowId/end', { schema: { tags, summary: '结束流动(返回)', params: FlowParamsSchema, body: EndFlowSchema, response } },
    async (request) => service.endFlow(app.db, callerOf(request), request.params.id, request.params.flowId, request.body.endedOn));
  app.post('/members/:id/letters', { schema: { tags, summary: '开具组织关系介绍信(转往本镇以外)', params: IdParamSchema, body: CreateLetterSchema, response } },
    async (request) => service.issueLetter(app.db, callerOf(request), request.params.id, request.body));
  app.post('/members/:id/letters/:letterId/receipt', { schema: { tags, summary: '登记介绍信回执', params: LetterParamsSchema, body: LetterReceiptSchema, response } },
    async (request) => service.returnReceipt(app.db, callerOf(request), request.params.id, request.params.letterId, request.body.receiptReturnedOn));
};
