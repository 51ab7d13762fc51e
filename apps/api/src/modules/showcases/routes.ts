import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateShowcaseSchema, CriteriaInputSchema, CriteriaSchema, EvaluationInputSchema, EvaluationParamSchema, IdParamSchema, ShowcaseChildParamSchema,
  ShowcaseInputSchema, ShowcaseListSchema, ShowcasePhotoQuerySchema, ShowcasePracticesSchema, ShowcaseReportParamSchema, ShowcaseSchema, VisitInputSchema,
} from '@dj/contracts';
import { sendAttachment } from '../../lib/attachment.js';
import { uploadReader } from '../../lib/uploads/index.js';
import { callerOf, currentUser } from '../../plugins/auth.js';
import { showcaseReportFile } from './documents.js';
import * as parts from './parts-service.js';
import * as service from './service.js';

/** 党建示范点 (issue 20 point 5): showcases, the town's criteria, evaluations, visits, photos and publication. */
export const showcaseRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['showcases'];
  const one = { 200: ShowcaseSchema };
  app.get('/showcases', { schema: { tags, summary: '党建示范点(范围内)', response: { 200: ShowcaseListSchema } } },
    async (request) => service.listShowcases(app.db, currentUser(request)));
  app.get('/showcases/criteria', { schema: { tags, summary: '本镇示范点创建标准', response: { 200: CriteriaSchema } } },
    async (request) => parts.getCriteria(app.db, currentUser(request)));
  app.put('/showcases/criteria', { schema: { tags, summary: '修改示范点创建标准(镇党委)', body: CriteriaInputSchema, response: { 200: CriteriaSchema } } },
    async (request) => parts.setCriteria(app.db, callerOf(request), request.body));
  app.get('/showcases/:id', { schema: { tags, summary: '示范点详情(含实时数据)', params: IdParamSchema, response: one } },
    async (request) => service.getShowcase(app.db, currentUser(request), request.params.id));
  app.post('/showcases', { schema: { tags, summary: '命名示范点', body: CreateShowcaseSchema, response: one } },
    async (request) => service.createShowcase(app.db, callerOf(request), request.body));
  app.patch('/showcases/:id', { schema: { tags, summary: '修改示范点', params: IdParamSchema, body: ShowcaseInputSchema, response: one } },
    async (request) => service.updateShowcase(app.db, callerOf(request), request.params.id, request.body));
  app.put('/showcases/:id/practices', { schema: { tags, summary: '填写经验做法(本支部)', params: IdParamSchema, body: ShowcasePracticesSchema, response: one } },
    async (request) => service.updatePractices(app.db, callerOf(request), request.params.id, request.body));
  app.put('/showcases/:id/evaluations/:year', { schema: { tags, summary: '年度评估(逐条标准)', params: EvaluationParamSchema, body: EvaluationInputSchema, response: one } },
    async (request) => parts.putEvaluation(app.db, callerOf(request), request.params.id, request.params.year, request.body));
  app.post('/showcases/:id/visits', { schema: { tags, summary: '登记接待参观', params: IdParamSchema, body: VisitInputSchema, response: one } },
    async (request) => parts.addVisit(app.db, callerOf(request), request.params.id, request.body));
  app.delete('/showcases/:id/visits/:childId', { schema: { tags, summary: '删除接待记录(误填时)', params: ShowcaseChildParamSchema, response: one } },
    async (request) => parts.deleteVisit(app.db, callerOf(request), request.params.id, request.params.childId));
  app.post('/showcases/:id/photos', { schema: { tags, summary: '上传示范点照片(去除位置信息)', params: IdParamSchema, querystring: ShowcasePhotoQuerySchema, response: one } },
    async (request) => parts.addPhoto(app.db, callerOf(request), request.params.id, request.query.caption, uploadReader(request, 'photo')));
  app.get('/showcases/:id/photos/:childId', { config: { download: ['photo'] }, schema: { tags, summary: '示范点照片', params: ShowcaseChildParamSchema } }, async (request, reply) => {
    const photo = await parts.readPhoto(app.db, currentUser(request), request.params.id, request.params.childId);
    return reply.type(photo.mime).header('cache-control', 'private, no-store').send(photo.data);
  });
  app.get('/showcases/:id/report.:format', { schema: { tags, summary: '示范点情况报告下载(Word / A4 PDF)', params: ShowcaseReportParamSchema } },
    async (request, reply) => sendAttachment(reply, await showcaseReportFile(app.db, callerOf(request), request.params.id, request.params.format)));
  app.post('/showcases/:id/publish', { schema: { tags, summary: '在镇门户公开示范点(保密审查)', params: IdParamSchema, response: one } },
    async (request) => parts.publishShowcase(app.db, callerOf(request), request.params.id, true));
  app.post('/showcases/:id/unpublish', { schema: { tags, summary: '取消公开示范点', params: IdParamSchema, response: one } },
    async (request) => parts.publishShowcase(app.db, callerOf(request), request.params.id, false));
};
