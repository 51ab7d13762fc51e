import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ActivityDetailSchema, AppraisalBodySchema, CheckItemSchema, ChecklistTemplateListSchema, ChecklistTemplateSchema, FILE_CATEGORIES, FileParamSchema, IdParamSchema,
  MyActivityListSchema, PutAssignmentsSchema, ResponseBodySchema, ReviewBodySchema, SaveChecklistTemplateSchema, SupervisionQueueSchema,
  SupervisorAssignmentsSchema, SupervisorBodySchema, UploadBodySchema, VoteBodySchema,
} from '@dj/contracts';
import { uploadReader } from '../../lib/uploads/index.js';
import { currentUser, callerOf } from '../../plugins/auth.js';
import { setAppraisal } from './appraisal-service.js';
import { listTemplates, saveTemplate } from './checklist-service.js';
import { addFile, checkItem, readFile, recordUpload, removeFile } from './evidence-service.js';
import { myActivities, recordVote, respond } from './participation-service.js';
import { listAssignments, putAssignments, review, setActivitySupervisor, supervisionQueue } from './supervision-service.js';

const FileQuerySchema = z.object({ category: z.enum(FILE_CATEGORIES) });
const ThumbQuerySchema = z.object({ thumb: z.enum(['1', '0']).optional() });

export const activityEvidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['activities'];
  const detail = { 200: ActivityDetailSchema };

  app.post('/activities/:id/files', {
    schema: { tags, summary: '上传现场照片(去除位置信息)、活动方案、学习资料等', params: IdParamSchema, querystring: FileQuerySchema, response: detail },
  }, async (request) => addFile(app.db, callerOf(request), request.params.id, request.query.category,
    uploadReader(request, request.query.category === 'photo' ? 'photo' : 'activityMaterial')));

  app.get('/activities/:id/files/:fileId', {
    config: { download: ['photo', 'activityMaterial'] },
    schema: { tags, summary: '下载材料或照片(thumb=1 为缩略图)', params: FileParamSchema, querystring: ThumbQuerySchema },
  }, async (request, reply) => {
    const file = await readFile(app.db, currentUser(request), request.params.id, request.params.fileId, request.query.thumb === '1');
    return reply.type(file.mime).header('cache-control', 'private, max-age=3600')
      .header('content-disposition', `inline; filename="file"; filename*=UTF-8''${encodeURIComponent(file.filename)}`).send(file.data);
  });

  app.delete('/activities/:id/files/:fileId', {
    schema: { tags, summary: '删除材料', params: FileParamSchema, response: detail },
  }, async (request) => removeFile(app.db, callerOf(request), request.params.id, request.params.fileId));

  app.post('/activities/:id/checks', {
    schema: { tags, summary: '确认检查清单中需手工确认的条目', params: IdParamSchema, body: CheckItemSchema, response: detail },
  }, async (request) => checkItem(app.db, callerOf(request), request.params.id, request.body));

  app.put('/activities/:id/dengta-upload', {
    schema: { tags, summary: '登记已上传“灯塔—党建在线”(日期、上传人、编号)', params: IdParamSchema, body: UploadBodySchema, response: detail },
  }, async (request) => recordUpload(app.db, callerOf(request), request.params.id, request.body));

  app.put('/activities/:id/supervisor', {
    schema: { tags, summary: '为本次活动指派督导干部', params: IdParamSchema, body: SupervisorBodySchema, response: detail },
  }, async (request) => setActivitySupervisor(app.db, callerOf(request), request.params.id, request.body.userId));

  app.post('/activities/:id/reviews', {
    schema: { tags, summary: '督导:留言、提交签认、签认、退回', params: IdParamSchema, body: ReviewBodySchema, response: detail },
  }, async (request) => review(app.db, callerOf(request), request.params.id, request.body));

  app.post('/activities/:id/responses', {
    schema: { tags, summary: '党员本人答复:参加或请假', params: IdParamSchema, body: ResponseBodySchema, response: detail },
  }, async (request) => respond(app.db, callerOf(request), request.params.id, request.body));

  app.post('/activities/:id/votes', {
    schema: { tags, summary: '记录党员大会表决(须达到法定人数)', params: IdParamSchema, body: VoteBodySchema, response: detail },
  }, async (request) => recordVote(app.db, callerOf(request), request.params.id, request.body));

  app.put('/activities/:id/appraisal', {
    schema: { tags, summary: '登记民主评议党员的评定等次(优秀一般不超过三分之一,预备党员不评定)', params: IdParamSchema, body: AppraisalBodySchema, response: detail },
  }, async (request) => setAppraisal(app.db, callerOf(request), request.params.id, request.body));

  app.get('/my/activities', {
    schema: { tags, summary: '我的组织生活(党员本人)', response: { 200: MyActivityListSchema } },
  }, async (request) => myActivities(app.db, currentUser(request)));

  app.get('/checklist-templates', {
    schema: { tags, summary: '检查清单模板(五个一、四定两挂一戴等)', response: { 200: ChecklistTemplateListSchema } },
  }, async (request) => listTemplates(app.db, currentUser(request)));

  app.post('/checklist-templates', {
    schema: { tags, summary: '新建检查清单模板', body: SaveChecklistTemplateSchema, response: { 201: ChecklistTemplateSchema } },
  }, async (request, reply) => reply.code(201).send(await saveTemplate(app.db, callerOf(request), null, request.body)));

  app.put('/checklist-templates/:id', {
    schema: { tags, summary: '修改检查清单模板', params: IdParamSchema, body: SaveChecklistTemplateSchema, response: { 200: ChecklistTemplateSchema } },
  }, async (request) => saveTemplate(app.db, callerOf(request), request.params.id, request.body));

  app.get('/supervision/assignments', {
    schema: { tags, summary: '督导安排:各支部的包联督导干部', response: { 200: SupervisorAssignmentsSchema } },
  }, async (request) => listAssignments(app.db, currentUser(request)));

  app.put('/supervision/assignments', {
    schema: { tags, summary: '指派支部的督导干部', body: PutAssignmentsSchema, response: { 200: SupervisorAssignmentsSchema } },
  }, async (request) => putAssignments(app.db, callerOf(request), request.body.organizationId, request.body.userIds));

  app.get('/supervision/queue', {
    schema: { tags, summary: '督导待办:待看的活动计划与待签认的记录', response: { 200: SupervisionQueueSchema } },
  }, async (request) => supervisionQueue(app.db, currentUser(request)));
};
