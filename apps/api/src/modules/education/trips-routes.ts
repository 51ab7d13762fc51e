import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  TripActionCreateSchema, TripActionParamsSchema, TripActionUpdateSchema, TripCreateSchema, TripDetailSchema, TripListQuerySchema, TripListSchema,
  TripParamsSchema, TripParticipantInputSchema, TripParticipantParamsSchema, TripPeopleSchema, TripReportParamsSchema, TripTakeawaySchema, TripUpdateSchema,
} from '@dj/contracts';
import { sendAttachment } from '../../lib/attachment.js';
import { callerOf, currentUser } from '../../plugins/auth.js';
import { tripReportFile } from './trips-documents.js';
import * as service from './trips-service.js';

/** 对标学习 (issue 19 point 4): trips, participants and their 心得, follow-up actions (on 待办), the report. */
export const tripRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['education'];
  const detail = { 200: TripDetailSchema };
  const base = '/education/trips';
  app.get(base, { schema: { tags, summary: '对标学习:管理范围内的外出学习(本单位组织的,及本单位人员参加或负责跟进的)', querystring: TripListQuerySchema, response: { 200: TripListSchema } } },
    async (request) => service.listTrips(app.db, currentUser(request), request.query.orgId));
  app.get(`${base}/people`, { schema: { tags, summary: '可选的参加人员和责任人:管理范围内的镇村干部账号(按单位)', response: { 200: TripPeopleSchema } } },
    async (request) => service.tripPeople(app.db, currentUser(request)));
  app.post(base, { schema: { tags, summary: '登记对标学习(镇党委管理员、本村党支部书记)', body: TripCreateSchema, response: detail } },
    async (request) => service.createTrip(app.db, callerOf(request), request.body));
  app.get(`${base}/:id`, { schema: { tags, summary: '一次对标学习:参加人员、学习心得、跟进事项', params: TripParamsSchema, response: detail } },
    async (request) => service.getTrip(app.db, currentUser(request), request.params.id));
  app.patch(`${base}/:id`, { schema: { tags, summary: '修改对标学习(组织单位)', params: TripParamsSchema, body: TripUpdateSchema, response: detail } },
    async (request) => service.updateTrip(app.db, callerOf(request), request.params.id, request.body));
  app.post(`${base}/:id/participants`, { schema: { tags, summary: '增加参加人员(组织单位)', params: TripParamsSchema, body: TripParticipantInputSchema, response: detail } },
    async (request) => service.addParticipant(app.db, callerOf(request), request.params.id, request.body));
  app.delete(`${base}/:id/participants/:participantId`, { schema: { tags, summary: '移除参加人员(组织单位)', params: TripParticipantParamsSchema, response: detail } },
    async (request) => service.removeParticipant(app.db, callerOf(request), request.params.id, request.params.participantId));
  app.put(`${base}/:id/participants/:participantId/takeaway`, { schema: { tags, summary: '填写学习心得(本人,或其所在单位的书记、镇党委管理员)', params: TripParticipantParamsSchema, body: TripTakeawaySchema, response: detail } },
    async (request) => service.writeTakeaway(app.db, callerOf(request), request.params.id, request.params.participantId, request.body));
  app.post(`${base}/:id/actions`, { schema: { tags, summary: '增加跟进事项(责任人、完成期限;列入责任人的待办)', params: TripParamsSchema, body: TripActionCreateSchema, response: detail } },
    async (request) => service.addAction(app.db, callerOf(request), request.params.id, request.body));
  app.patch(`${base}/:id/actions/:actionId`, { schema: { tags, summary: '登记跟进事项完成情况或调整期限(责任人,或其单位的书记、镇党委管理员)', params: TripActionParamsSchema, body: TripActionUpdateSchema, response: detail } },
    async (request) => service.updateAction(app.db, callerOf(request), request.params.id, request.params.actionId, request.body));
  app.get(`${base}/:id/report.:format`, { schema: { tags, summary: '对标学习报告下载(Word / A4 PDF;组织单位)', params: TripReportParamsSchema } }, async (request, reply) => {
    const file = await tripReportFile(app.db, callerOf(request), request.params.id, request.params.format);
    return sendAttachment(reply, file);
  });
};
