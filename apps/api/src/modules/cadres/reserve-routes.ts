import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AddReserveSchema, CadreOrgParamSchema, LeaveReserveSchema, MoveReserveSchema, ReserveBoardSchema, ReserveEvaluationInputSchema, ReserveIdParamSchema,
  ReserveMentorSchema, ReserveRosterParamsSchema, ReserveRosterQuerySchema, VillageReservesSchema,
} from '@dj/contracts';
import { callerOf, currentUser } from '../../plugins/auth.js';
import { getReserveBoard } from './reserve-board.js';
import { reserveRoster } from './reserve-documents.js';
import * as service from './reserve-service.js';

/** 后备人才 递进培养计划 (issue 15 point 4): a village's reserves, their moves and evaluations, the town's board, the roster. */
export const reserveRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['cadres'];
  const village = { 200: VillageReservesSchema };
  app.get('/reserves/villages/:orgId', { schema: { tags, summary: '本村后备人才:阶段、培养联系人、考评和变动记录', params: CadreOrgParamSchema, response: village } },
    async (request) => service.getVillageReserves(app.db, currentUser(request), request.params.orgId));
  app.post('/reserves/villages/:orgId', { schema: { tags, summary: '列入后备人才(本村党员、村干部、发展对象或新登记人员)', params: CadreOrgParamSchema, body: AddReserveSchema, response: village } },
    async (request) => service.addReserve(app.db, callerOf(request), request.params.orgId, request.body));
  app.post('/reserves/:id/moves', { schema: { tags, summary: '后备人才转入下一阶段或退回(退回须说明原因)', params: ReserveIdParamSchema, body: MoveReserveSchema, response: village } },
    async (request) => service.moveReserve(app.db, callerOf(request), request.params.id, request.body));
  app.post('/reserves/:id/mentor', { schema: { tags, summary: '更换后备人才的培养联系人(本村现任村干部)', params: ReserveIdParamSchema, body: ReserveMentorSchema, response: village } },
    async (request) => service.setMentor(app.db, callerOf(request), request.params.id, request.body));
  app.post('/reserves/:id/evaluations', { schema: { tags, summary: '登记后备人才的半年考评', params: ReserveIdParamSchema, body: ReserveEvaluationInputSchema, response: village } },
    async (request) => service.evaluateReserve(app.db, callerOf(request), request.params.id, request.body));
  app.post('/reserves/:id/leave', { schema: { tags, summary: '后备人才任用为村干部或退出(须说明原因)', params: ReserveIdParamSchema, body: LeaveReserveSchema, response: village } },
    async (request) => service.leaveReserve(app.db, callerOf(request), request.params.id, request.body));
  app.get('/reserves/board', { schema: { tags, summary: '全镇后备人才一览:各村分阶段人数与储备目标(不排名)', response: { 200: ReserveBoardSchema } } },
    async (request) => getReserveBoard(app.db, currentUser(request)));
  app.get('/reserves/roster/:format', { schema: { tags, summary: '后备人才名册(xlsx/docx/pdf)', params: ReserveRosterParamsSchema, querystring: ReserveRosterQuerySchema } },
    async (request, reply) => {
      const file = await reserveRoster(app.db, callerOf(request), request.params.format, request.query.orgId);
      const disposition = `attachment; filename="download.${request.params.format}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`;
      return reply.type(file.mime).header('cache-control', 'private, no-store').header('content-disposition', disposition).send(file.data);
    });
};
