import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CadreBoardSchema, CadreOrgParamSchema, CadreTermInputSchema, DecideAdjustmentSchema, IdParamSchema, MarkAdjustmentSchema,
  RecordCadreChangeSchema, SecretaryAdjustmentSchema, VillageCadresSchema,
} from '@dj/contracts';
import { callerOf, currentUser } from '../../plugins/auth.js';
import * as board from './board-service.js';
import * as service from './service.js';

export const cadreRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['cadres'];
  app.get('/cadres/villages/:orgId', { schema: { tags, summary: '本村村"两委"干部:现任职务、一肩挑、届次和变动记录', params: CadreOrgParamSchema, response: { 200: VillageCadresSchema } } },
    async (request) => service.getVillageCadres(app.db, currentUser(request), request.params.orgId));
  app.post('/cadres/villages/:orgId/changes', { schema: { tags, summary: '登记村干部变动(选举、任命、选派、调整、辞职、免职)', params: CadreOrgParamSchema, body: RecordCadreChangeSchema, response: { 200: VillageCadresSchema } } },
    async (request) => service.recordChange(app.db, callerOf(request), request.params.orgId, request.body));
  app.post('/cadres/villages/:orgId/terms', { schema: { tags, summary: '登记换届(届次年份、选举日期)', params: CadreOrgParamSchema, body: CadreTermInputSchema, response: { 200: VillageCadresSchema } } },
    async (request) => service.recordTerm(app.db, callerOf(request), request.params.orgId, request.body));
  app.get('/cadres/board', { schema: { tags, summary: '全镇村干部一览:书记、主任、一肩挑、选派干部期满、书记动态调整名单', response: { 200: CadreBoardSchema } } },
    async (request) => board.getBoard(app.db, currentUser(request)));
  app.post('/cadres/adjustments', { schema: { tags, summary: '将村党支部书记列入动态调整名单', body: MarkAdjustmentSchema, response: { 200: SecretaryAdjustmentSchema } } },
    async (request) => board.markAdjustment(app.db, callerOf(request), request.body));
  app.post('/cadres/adjustments/:id/decision', { schema: { tags, summary: '登记动态调整的决定', params: IdParamSchema, body: DecideAdjustmentSchema, response: { 200: SecretaryAdjustmentSchema } } },
    async (request) => board.decideAdjustment(app.db, callerOf(request), request.params.id, request.body));
};
