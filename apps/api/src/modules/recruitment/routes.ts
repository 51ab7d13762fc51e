import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BoardQuerySchema, BoardSchema, CreateRecruitmentSchema, CreatePublicNoticeSchema, CreateRelationSchema, CreateStepSchema, EndRelationSchema,
  IdParamSchema, RecruitmentFileParamsSchema, RecruitmentListQuerySchema, RecruitmentListSchema, RecruitmentPublicNoticeParamsSchema, RecruitmentRelationParamsSchema,
  RecruitmentSchema, RecruitmentStepParamsSchema, MentoringSchema, PublicNoticeOutcomeSchema, PlanQuerySchema, PlanSchema, RecordStepSchema, SavePlanSchema,
  StepCheckSchema, StepListSchema, StopRecruitmentSchema, VoidRecordSchema,
} from '@dj/contracts';
import { uploadReader } from '../../lib/uploads/index.js';
import { currentUser, callerOf } from '../../plugins/auth.js';
import * as people from './people-service.js';
import * as plans from './plan-service.js';
import * as service from './service.js';
import { voidRecruitmentRecord } from './void-service.js';

export const recruitmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['recruitment'];
  const recruitment = { 200: RecruitmentSchema };

  app.get('/recruitment/steps', { schema: { tags, summary: '发展党员步骤(25步及本镇增加的步骤)', response: { 200: StepListSchema } } },
    async (request) => ({ items: await service.stepsOf(app.db, currentUser(request).tenantId) }));
  app.post('/recruitment/steps', { schema: { tags, summary: '增加本镇(省)的发展党员步骤', body: CreateStepSchema, response: { 200: StepListSchema } } },
    async (request) => people.addLocalStep(app.db, callerOf(request), request.body));

  app.get('/recruitments', { schema: { tags, summary: '发展党员名单', querystring: RecruitmentListQuerySchema, response: { 200: RecruitmentListSchema } } },
    async (request) => service.listRecruitments(app.db, currentUser(request), request.query));
  app.post('/recruitments', { schema: { tags, summary: '登记入党申请(第1步)', body: CreateRecruitmentSchema, response: recruitment } },
    async (request) => service.createRecruitment(app.db, callerOf(request), request.body));
  app.get('/recruitments/:id', { schema: { tags, summary: '一个人的发展全程', params: IdParamSchema, response: recruitment } },
    async (request) => service.getRecruitment(app.db, currentUser(request), request.params.id));
  app.post('/recruitments/:id/check', { schema: { tags, summary: '记录前检查(不写入)', params: IdParamSchema, body: RecordStepSchema, response: { 200: StepCheckSchema } } },
    async (request) => service.checkRecruitmentStep(app.db, currentUser(request), request.params.id, request.body));
  app.post('/recruitments/:id/records', { schema: { tags, summary: '记录一步', params: IdParamSchema, body: RecordStepSchema, response: recruitment } },
    async (request) => service.recordRecruitmentStep(app.db, callerOf(request), request.params.id, request.body));
  app.post('/recruitments/:id/stop', { schema: { tags, summary: '终止发展程序', params: IdParamSchema, body: StopRecruitmentSchema, response: recruitment } },
    async (request) => service.stopRecruitment(app.db, callerOf(request), request.params.id, request.body));
  app.post('/recruitments/:id/records/:recordId/void', {
    schema: { tags, summary: '作废记错的一步(保留记录,注明原因)', params: RecruitmentStepParamsSchema, body: VoidRecordSchema, response: recruitment },
  }, async (request) => voidRecruitmentRecord(app.db, callerOf(request), request.params.id, request.params.recordId, request.body));

  app.post('/recruitments/:id/records/:recordId/files', { schema: { tags, summary: '上传步骤材料', params: RecruitmentStepParamsSchema, response: recruitment } },
    async (request) => people.addFile(app.db, callerOf(request), request.params.id, request.params.recordId, uploadReader(request, 'recordFile')));
  app.get('/recruitments/:id/files/:fileId', { config: { download: ['recordFile'] }, schema: { tags, summary: '下载步骤材料', params: RecruitmentFileParamsSchema } }, async (request, reply) => {
    const file = await people.readFile(app.db, currentUser(request), request.params.id, request.params.fileId);
    return reply.type(file.mime).header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.name)}`).send(file.data);
  });

  app.post('/recruitments/:id/relations', { schema: { tags, summary: '登记培养联系人、入党介绍人或镇党委委员联系', params: IdParamSchema, body: CreateRelationSchema, response: recruitment } },
    async (request) => people.addRelation(app.db, callerOf(request), request.params.id, request.body));
  app.post('/recruitments/:id/relations/:relationId/end', { schema: { tags, summary: '结束联系', params: RecruitmentRelationParamsSchema, body: EndRelationSchema, response: recruitment } },
    async (request) => people.endRelation(app.db, callerOf(request), request.params.id, request.params.relationId, request.body.until));
  app.post('/recruitments/:id/public-notices', { schema: { tags, summary: '登记公示', params: IdParamSchema, body: CreatePublicNoticeSchema, response: recruitment } },
    async (request) => people.createNotice(app.db, callerOf(request), request.params.id, request.body));
  app.post('/recruitments/:id/public-notices/:noticeId/outcome', { schema: { tags, summary: '登记公示结果', params: RecruitmentPublicNoticeParamsSchema, body: PublicNoticeOutcomeSchema, response: recruitment } },
    async (request) => people.setNoticeOutcome(app.db, callerOf(request), request.params.id, request.params.noticeId, request.body));

  app.get('/recruitment/board', { schema: { tags, summary: '发展党员看板:各支部各阶段人数与期限', querystring: BoardQuerySchema, response: { 200: BoardSchema } } },
    async (request) => plans.getBoard(app.db, currentUser(request), request.query));
  app.get('/recruitment/plans', { schema: { tags, summary: '年度发展党员计划', querystring: PlanQuerySchema, response: { 200: PlanSchema } } },
    async (request) => plans.getPlan(app.db, currentUser(request), request.query.year));
  app.put('/recruitment/plans', { schema: { tags, summary: '保存年度发展党员计划', body: SavePlanSchema, response: { 200: PlanSchema } } },
    async (request) => plans.savePlan(app.db, callerOf(request), request.body));
  app.get('/recruitment/mentoring', { schema: { tags, summary: '我培养联系的人', response: { 200: MentoringSchema } } },
    async (request) => plans.getMentoring(app.db, currentUser(request)));
};
