import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ActivityDocParamSchema, ExpectedListSchema, ExpectedQuerySchema, LedgerQuerySchema, ActivityDetailSchema, ActivityListQuerySchema, ActivityListSchema, AttendanceBodySchema, ComplianceQuerySchema, ComplianceSchema,
  CommitteeParamSchema, CommitteeSchema, CreateActivitySchema, IdParamSchema, SaveCommitteeSchema, UpdateActivitySchema,
} from '@dj/contracts';
import { currentUser, callerOf } from '../../plugins/auth.js';
import { getCommittee, saveCommittee } from './committee-service.js';
import { branchCompliance } from './compliance-service.js';
import { activityDocument } from './document-service.js';
import { branchLedger } from './ledger-service.js';
import * as service from './service.js';

export const activityRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['activities'];

  app.get('/activities', {
    schema: { tags, summary: '组织生活记录(按日期倒序)', querystring: ActivityListQuerySchema, response: { 200: ActivityListSchema } },
  }, async (request) => service.listActivities(app.db, currentUser(request), request.query));

  app.post('/activities', {
    schema: { tags, summary: '记录组织生活(三会一课、主题党日等)', body: CreateActivitySchema, response: { 201: ActivityDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createActivity(app.db, callerOf(request), request.body)));

  app.get('/activities/expected', {
    schema: { tags, summary: '计划中活动的应到党员(按当日名册)', querystring: ExpectedQuerySchema, response: { 200: ExpectedListSchema } },
  }, async (request) => service.expectedMembers(app.db, currentUser(request), request.query));

  app.get('/activities/:id', {
    schema: { tags, summary: '组织生活详情与出席情况', params: IdParamSchema, response: { 200: ActivityDetailSchema } },
  }, async (request) => service.getActivity(app.db, currentUser(request), request.params.id));

  app.patch('/activities/:id', {
    schema: { tags, summary: '修改组织生活记录', params: IdParamSchema, body: UpdateActivitySchema, response: { 200: ActivityDetailSchema } },
  }, async (request) => service.updateActivity(app.db, callerOf(request), request.params.id, request.body));

  app.put('/activities/:id/attendance', {
    schema: { tags, summary: '登记出席、请假、缺席与补学', params: IdParamSchema, body: AttendanceBodySchema, response: { 200: ActivityDetailSchema } },
  }, async (request) => service.setAttendance(app.db, callerOf(request), request.params.id, request.body));

  app.get('/compliance', {
    schema: { tags, summary: '各党支部组织生活完成情况(按期限,不排名)', querystring: ComplianceQuerySchema, response: { 200: ComplianceSchema } },
  }, async (request) => branchCompliance(app.db, currentUser(request), request.query));

  app.get('/branch-committee/:orgId', {
    schema: { tags, summary: '支部委员会任职记录(书记、副书记、委员及任职、离任日期)', params: CommitteeParamSchema, response: { 200: CommitteeSchema } },
  }, async (request) => getCommittee(app.db, currentUser(request), request.params.orgId));

  app.put('/branch-committee/:orgId', {
    schema: { tags, summary: '登记支部委员会任职记录(整体替换;支委会按会议当日在任的委员确定应到)', params: CommitteeParamSchema, body: SaveCommitteeSchema, response: { 200: CommitteeSchema } },
  }, async (request) => saveCommittee(app.db, callerOf(request), request.params.orgId, request.body));

  const download = (name: string) => `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(name)}`;

  app.get('/activities/:id/documents/:doc', {
    config: { download: ['docx', 'pdf', 'zip'] },
    schema: { tags, summary: '生成会议记录、签到表(docx/pdf)与灯塔上传包(zip)', params: ActivityDocParamSchema },
  }, async (request, reply) => {
    const file = await activityDocument(app.db, callerOf(request), request.params.id, request.params.doc);
    return reply.type(file.mime).header('content-disposition', download(file.filename)).send(file.data);
  });

  app.get('/ledger', {
    schema: { tags, summary: '支部组织生活台账(月度 YYYY-MM 或年度 YYYY;docx/pdf)', querystring: LedgerQuerySchema },
  }, async (request, reply) => {
    const file = await branchLedger(app.db, callerOf(request), request.query);
    return reply.type(file.mime).header('content-disposition', download(file.filename)).send(file.data);
  });
};
