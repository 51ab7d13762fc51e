import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BranchCompletenessSchema, CompletenessQuerySchema, CreateMemberSchema, IdParamSchema, MemberDetailSchema, MemberListQuerySchema, MemberListSchema, RecordEventResultSchema,
  RecordEventSchema, RevealBodySchema, RevealResultSchema, UpdateMemberSchema,
} from '@dj/contracts';
import { currentUser, callerOf } from '../../plugins/auth.js';
import { recordEvent } from './membership-service.js';
import * as service from './service.js';

export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['members'];

  app.get('/members', {
    schema: { tags, summary: '党员名册(分页,身份证号与电话已脱敏)', querystring: MemberListQuerySchema, response: { 200: MemberListSchema } },
  }, async (request) => service.listMembers(app.db, currentUser(request), request.query, app.cipher));

  app.post('/members', {
    schema: { tags, summary: '登记党员', body: CreateMemberSchema, response: { 201: MemberDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createMember(app.db, callerOf(request), request.body)));

  app.get('/members/completeness', {
    schema: { tags, summary: '各党支部党员信息完整度', querystring: CompletenessQuerySchema, response: { 200: BranchCompletenessSchema } },
  }, async (request) => service.branchCompleteness(app.db, currentUser(request), request.query.orgId));

  app.get('/members/:id', {
    schema: { tags, summary: '党员详情与党籍时间线', params: IdParamSchema, response: { 200: MemberDetailSchema } },
  }, async (request) => service.getMember(app.db, currentUser(request), request.params.id));

  app.patch('/members/:id', {
    schema: { tags, summary: '修改党员信息', params: IdParamSchema, body: UpdateMemberSchema, response: { 200: MemberDetailSchema } },
  }, async (request) => service.updateMember(app.db, callerOf(request), request.params.id, request.body));

  app.post('/members/:id/reveal', {
    schema: { tags, summary: '查看完整身份证号或电话(需说明原因,记入审计)', params: IdParamSchema, body: RevealBodySchema, response: { 200: RevealResultSchema } },
  }, async (request) => service.revealField(app.db, callerOf(request), request.params.id, request.body));

  app.post('/members/:id/events', {
    schema: { tags, summary: '记录党籍变动(转正、转接、流动、停止/恢复党籍、出党)', params: IdParamSchema, body: RecordEventSchema, response: { 200: RecordEventResultSchema } },
  }, async (request) => ({ member: await recordEvent(app.db, callerOf(request), request.params.id, request.body) }));
};
