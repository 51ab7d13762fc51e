import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateProjectSchema, EconomyListQuerySchema, IdParamSchema, ProjectIncomeInputSchema, ProjectIncomeParamSchema, ProjectInputSchema,
  ProjectListSchema, ProjectPhotoParamSchema, ProjectPhotoQuerySchema, ProjectSchema,
} from '@dj/contracts';
import { uploadReader } from '../../lib/uploads/index.js';
import { callerOf, currentUser } from '../../plugins/auth.js';
import * as service from './projects-service.js';

/** 村级集体经济项目: investment, funding, stages, 验收, 收益 and photos (issue 18 point 5). */
export const projectsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['economy'];
  const one = { 200: ProjectSchema };
  app.get('/economy/projects', { schema: { tags, summary: '村级集体经济项目(按村,组织顺序)', querystring: EconomyListQuerySchema, response: { 200: ProjectListSchema } } },
    async (request) => service.listProjects(app.db, currentUser(request), request.query.orgId));
  app.get('/economy/projects/:id', { schema: { tags, summary: '村级项目详情', params: IdParamSchema, response: one } },
    async (request) => service.getProject(app.db, currentUser(request), request.params.id));
  app.post('/economy/projects', { schema: { tags, summary: '登记村级项目', body: CreateProjectSchema, response: one } },
    async (request) => service.createProject(app.db, callerOf(request), request.body));
  app.patch('/economy/projects/:id', { schema: { tags, summary: '修改村级项目(进度、验收、关联)', params: IdParamSchema, body: ProjectInputSchema, response: one } },
    async (request) => service.updateProject(app.db, callerOf(request), request.params.id, request.body));
  app.put('/economy/projects/:id/incomes/:year', { schema: { tags, summary: '填报项目某年度收益', params: ProjectIncomeParamSchema, body: ProjectIncomeInputSchema, response: one } },
    async (request) => service.setProjectIncome(app.db, callerOf(request), request.params.id, request.params.year, request.body));
  app.delete('/economy/projects/:id/incomes/:year', { schema: { tags, summary: '删除项目某年度收益(误填时)', params: ProjectIncomeParamSchema, response: one } },
    async (request) => service.deleteProjectIncome(app.db, callerOf(request), request.params.id, request.params.year));
  app.post('/economy/projects/:id/photos', { schema: { tags, summary: '上传项目照片(去除位置信息)', params: IdParamSchema, querystring: ProjectPhotoQuerySchema, response: one } },
    async (request) => service.addProjectPhoto(app.db, callerOf(request), request.params.id, request.query.caption, uploadReader(request, 'photo')));
  app.get('/economy/projects/:id/photos/:photoId', { config: { download: ['photo'] }, schema: { tags, summary: '项目照片', params: ProjectPhotoParamSchema } }, async (request, reply) => {
    const photo = await service.readProjectPhoto(app.db, currentUser(request), request.params.id, request.params.photoId);
    return reply.type(photo.mime).header('cache-control', 'private, no-store').send(photo.data);
  });
};
