import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateMemberExportRequestSchema, IdParamSchema, MemberExportDecisionSchema, MemberExportRequestListSchema, MemberExportRequestSchema,
} from '@dj/contracts';
import { currentUser, callerOf } from '../../plugins/auth.js';
import { attachment, XLSX } from './excel-routes.js';
import * as service from './export-request-service.js';

/** 名册导出申请 (安全测试清单第27项): request, a second town admin decides, the requester downloads within 24 h. */
export const memberExportRequestRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['members'];

  app.get('/member-exports', {
    schema: { tags, summary: '导出申请列表(本人的;镇党委管理员看全镇)', response: { 200: MemberExportRequestListSchema } },
  }, async (request) => service.listExportRequests(app.db, currentUser(request)));

  app.post('/member-exports', {
    schema: { tags, summary: '申请导出完整名册(超过审批人数时)', body: CreateMemberExportRequestSchema, response: { 201: MemberExportRequestSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createExportRequest(app.db, callerOf(request), request.body)));

  app.post('/member-exports/:id/approve', {
    schema: { tags, summary: '同意导出申请(另一位镇党委管理员)', params: IdParamSchema, body: MemberExportDecisionSchema, response: { 200: MemberExportRequestSchema } },
  }, async (request) => service.decideExportRequest(app.db, callerOf(request), request.params.id, 'approve', request.body));

  app.post('/member-exports/:id/reject', {
    schema: { tags, summary: '不同意导出申请', params: IdParamSchema, body: MemberExportDecisionSchema, response: { 200: MemberExportRequestSchema } },
  }, async (request) => service.decideExportRequest(app.db, callerOf(request), request.params.id, 'reject', request.body));

  app.get('/member-exports/:id/file', {
    config: { download: ['xlsx'] },
    schema: { tags, summary: '下载审批通过的完整名册(申请人,24小时内;记入审计)', params: IdParamSchema },
  }, async (request, reply) => {
    const { file, filename } = await service.downloadApprovedExport(app.db, callerOf(request), request.params.id);
    return reply.type(XLSX).header('content-disposition', attachment(filename)).send(file);
  });
};
