import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AwayContactInputSchema, AwayCoverageSchema, AwayHandoverInputSchema, AwayIdParamSchema, AwayLiaisonListSchema, AwayLiaisonSchema,
  AwayListQuerySchema, AwayListSchema, AwayOrgQuerySchema, AwayReturnInputSchema, AwayRevealResultSchema, AwayRevealSchema,
  AwayTalentDetailSchema, CreateAwayLiaisonSchema, CreateAwayTalentSchema, UpdateAwayTalentSchema,
} from '@dj/contracts';
import { callerOf, currentUser } from '../../plugins/auth.js';
import * as liaisons from './away-liaison-service.js';
import * as service from './away-service.js';

const CandidatesQuerySchema = z.object({ orgId: z.coerce.number().int().positive() });
const CandidatesSchema = z.array(z.object({ personId: z.number(), name: z.string(), isMember: z.boolean() }));

/** 在外人才 (issue 15 point 7): people away per village, the contact log, the return, the liaison organisations. */
export const awayRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['talent'];
  app.get('/talent/away', { schema: { tags, summary: '在外人才名单(按村;最近联系和应联系日期)', querystring: AwayListQuerySchema, response: { 200: AwayListSchema } } },
    async (request) => service.listAway(app.db, currentUser(request), request.query));
  app.get('/talent/away/candidates', { schema: { tags, summary: '本村可登记为在外人才的党员', querystring: CandidatesQuerySchema, response: { 200: CandidatesSchema } } },
    async (request) => service.candidatesOf(app.db, currentUser(request), request.query.orgId));
  app.post('/talent/away', { schema: { tags, summary: '登记在外人才', body: CreateAwayTalentSchema, response: { 200: AwayTalentDetailSchema } } },
    async (request) => service.createAway(app.db, callerOf(request), request.body));
  app.get('/talent/away/:id', { schema: { tags, summary: '在外人才详情与联系记录', params: AwayIdParamSchema, response: { 200: AwayTalentDetailSchema } } },
    async (request) => service.getAway(app.db, currentUser(request), request.params.id));
  app.patch('/talent/away/:id', { schema: { tags, summary: '修改在外地点、从事工作、单位、专长', params: AwayIdParamSchema, body: UpdateAwayTalentSchema, response: { 200: AwayTalentDetailSchema } } },
    async (request) => service.updateAway(app.db, callerOf(request), request.params.id, request.body));
  app.post('/talent/away/:id/contacts', { schema: { tags, summary: '登记一次联系(谁、何时、方式、内容)', params: AwayIdParamSchema, body: AwayContactInputSchema, response: { 200: AwayTalentDetailSchema } } },
    async (request) => service.addContact(app.db, callerOf(request), request.params.id, request.body));
  app.post('/talent/away/:id/return', { schema: { tags, summary: '登记回流(日期、回乡从事、提供的支持)', params: AwayIdParamSchema, body: AwayReturnInputSchema, response: { 200: AwayTalentDetailSchema } } },
    async (request) => service.recordReturn(app.db, callerOf(request), request.params.id, request.body));
  app.post('/talent/away/:id/handover', { schema: { tags, summary: '登记回流人员移交人才库', params: AwayIdParamSchema, body: AwayHandoverInputSchema, response: { 200: AwayTalentDetailSchema } } },
    async (request) => service.recordHandover(app.db, callerOf(request), request.params.id, request.body));
  app.post('/talent/away/:id/reveal', { schema: { tags, summary: '查看在外人员的完整手机号(须填写原因,记入审计)', params: AwayIdParamSchema, body: AwayRevealSchema, response: { 200: AwayRevealResultSchema } } },
    async (request) => service.revealPhone(app.db, callerOf(request), request.params.id, request.body.reason));
  app.get('/talent/away-liaisons', { schema: { tags, summary: '联络组织(劳动就业部门、驻外流动党组织)及其联系的在外人员', querystring: AwayOrgQuerySchema, response: { 200: AwayLiaisonListSchema } } },
    async (request) => liaisons.listLiaisons(app.db, currentUser(request), request.query.orgId));
  app.post('/talent/away-liaisons', { schema: { tags, summary: '登记联络组织', body: CreateAwayLiaisonSchema, response: { 200: AwayLiaisonSchema } } },
    async (request) => liaisons.createLiaison(app.db, callerOf(request), request.body));
  app.put('/talent/away-liaisons/:id/coverage', { schema: { tags, summary: '设置联络组织联系的在外人员', params: AwayIdParamSchema, body: AwayCoverageSchema, response: { 200: AwayLiaisonSchema } } },
    async (request) => liaisons.updateCoverage(app.db, callerOf(request), request.params.id, request.body));
  app.post('/talent/away-liaisons/:id/reveal', { schema: { tags, summary: '查看联络组织联系人的完整电话(须填写原因,记入审计)', params: AwayIdParamSchema, body: AwayRevealSchema, response: { 200: AwayRevealResultSchema } } },
    async (request) => liaisons.revealLiaisonPhone(app.db, callerOf(request), request.params.id, request.body.reason));
};
