import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AssessmentSchemeDetailSchema, AssessmentSchemeListSchema, CreateAssessmentSchemeSchema, IdParamSchema, NewAssessmentVersionSchema,
  SchemePreviewQuerySchema, SchemePreviewSourcesSchema,
} from '@dj/contracts';
import { callerOf, currentUser } from '../../plugins/auth.js';
import { previewSources } from './preview-service.js';
import * as service from './service.js';

/** 考核方案: the town's schemes, each with its versions. */
export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['assessment'];
  app.get('/assessment/schemes', { schema: { tags, summary: '考核方案列表(含当前生效版本概要)', response: { 200: AssessmentSchemeListSchema } } },
    async (request) => service.listSchemes(app.db, currentUser(request)));
  app.get('/assessment/schemes/:id', { schema: { tags, summary: '考核方案详情(含全部版本)', params: IdParamSchema, response: { 200: AssessmentSchemeDetailSchema } } },
    async (request) => service.getScheme(app.db, currentUser(request), request.params.id));
  app.post('/assessment/schemes', { schema: { tags, summary: '新建考核方案(第1版)', body: CreateAssessmentSchemeSchema, response: { 200: AssessmentSchemeDetailSchema } } },
    async (request) => service.createScheme(app.db, callerOf(request), request.body));
  app.post('/assessment/schemes/:id/versions', {
    schema: { tags, summary: '修改考核方案:新建下一版本(自以后某月起生效,已有版本不变)', params: IdParamSchema, body: NewAssessmentVersionSchema, response: { 200: AssessmentSchemeDetailSchema } },
  }, async (request) => service.addVersion(app.db, callerOf(request), request.params.id, request.body));
  app.get('/assessment/scheme-preview', {
    schema: { tags, summary: '方案编辑预览:某村某月的得分来源(该月考核期逐项得分及原分值、平台记录计量)', querystring: SchemePreviewQuerySchema, response: { 200: SchemePreviewSourcesSchema } },
  }, async (request) => previewSources(app.db, currentUser(request), request.query));
};
