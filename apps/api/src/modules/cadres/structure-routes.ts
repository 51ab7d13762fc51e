import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CadreEmploymentInputSchema, CadreHoldingParamSchema, CadrePersonParamSchema, CadreProfileInputSchema, EmploymentReviewInputSchema,
  IdParamSchema, ServiceTeamMemberInputSchema, ServiceTeamMemberSchema, TownStructureSchema, VillageCadresSchema,
} from '@dj/contracts';
import { callerOf, currentUser } from '../../plugins/auth.js';
import * as holding from './holding-service.js';
import * as team from './service-team-service.js';
import { getTownStructure } from './structure-service.js';

/** 班子结构, 聘用制 and the 乡村振兴服务队 (issue 15 points 2, 3 and 5). */
export const cadreStructureRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['cadres'];
  app.get('/cadres/structure', { schema: { tags, summary: '全镇村"两委"班子结构:年龄、学历、女性、一肩挑、党员、本土人才,对照本镇换届目标(不排名)', response: { 200: TownStructureSchema } } },
    async (request) => getTownStructure(app.db, currentUser(request)));
  app.put('/cadres/villages/:orgId/people/:personId/profile', { schema: { tags, summary: '登记村干部的学历和本土人才', params: CadrePersonParamSchema, body: CadreProfileInputSchema, response: { 200: VillageCadresSchema } } },
    async (request) => holding.updateProfile(app.db, callerOf(request), request.params.orgId, request.params.personId, request.body));
  app.put('/cadres/villages/:orgId/holdings/:id/employment', { schema: { tags, summary: '登记聘用制(聘用日期、聘用制度、事业编待遇)', params: CadreHoldingParamSchema, body: CadreEmploymentInputSchema, response: { 200: VillageCadresSchema } } },
    async (request) => holding.setEmployment(app.db, callerOf(request), request.params.orgId, request.params.id, request.body));
  app.post('/cadres/villages/:orgId/holdings/:id/employment/reviews', { schema: { tags, summary: '登记聘用制干部的年度考核结果', params: CadreHoldingParamSchema, body: EmploymentReviewInputSchema, response: { 200: VillageCadresSchema } } },
    async (request) => holding.addReview(app.db, callerOf(request), request.params.orgId, request.params.id, request.body));
  app.post('/cadres/service-team', { schema: { tags, summary: '登记乡村振兴服务队队员及其服务的村', body: ServiceTeamMemberInputSchema, response: { 200: ServiceTeamMemberSchema } } },
    async (request) => team.createMember(app.db, callerOf(request), request.body));
  app.put('/cadres/service-team/:id', { schema: { tags, summary: '修改乡村振兴服务队队员(服务的村、期满、离队)', params: IdParamSchema, body: ServiceTeamMemberInputSchema, response: { 200: ServiceTeamMemberSchema } } },
    async (request) => team.updateMember(app.db, callerOf(request), request.params.id, request.body));
};
