import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateServiceCenterProjectSchema, IdParamSchema, PositionsOrgParamSchema, SaveServiceCenterSchema, ServiceCenterDetailSchema, ServiceCenterListSchema,
  ServiceCenterPhotoParamsSchema, ServiceCenterPhotoQuerySchema, ServiceCenterProjectParamsSchema, UpdateServiceCenterProjectSchema,
} from '@dj/contracts';
import { currentUser, callerOf } from '../../plugins/auth.js';
import * as service from './service-center-service.js';
import { uploadReader } from '../../lib/uploads/index.js';

export const serviceCenterRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['positions'];
  const detail = { 200: ServiceCenterDetailSchema };

  app.get('/service-centers', { schema: { tags, summary: '党群服务中心列表', response: { 200: ServiceCenterListSchema } } },
    async (request) => service.listCenters(app.db, currentUser(request)));
  app.get('/service-centers/:id', { schema: { tags, summary: '党群服务中心详情', params: IdParamSchema, response: detail } },
    async (request) => service.getCenter(app.db, currentUser(request), request.params.id));
  app.put('/service-centers/by-org/:orgId', { schema: { tags, summary: '保存本村党群服务中心', params: PositionsOrgParamSchema, body: SaveServiceCenterSchema, response: detail } },
    async (request) => service.saveCenter(app.db, callerOf(request), request.params.orgId, request.body));
  app.post('/service-centers/:id/photos', { schema: { tags, summary: '上传党群服务中心照片(去除位置信息)', params: IdParamSchema, querystring: ServiceCenterPhotoQuerySchema, response: detail } },
    async (request) => service.addPhoto(app.db, callerOf(request), request.params.id, request.query.caption, uploadReader(request, 'photo')));
  app.get('/service-centers/:id/photos/:photoId', { config: { download: ['photo'] }, schema: { tags, summary: '党群服务中心照片', params: ServiceCenterPhotoParamsSchema } }, async (request, reply) => {
    const photo = await service.readPhoto(app.db, currentUser(request), request.params.id, request.params.photoId);
    return reply.type(photo.mime).header('cache-control', 'private, no-store').send(photo.data);
  });
  app.post('/service-centers/:id/projects', { schema: { tags, summary: '登记建设项目', params: IdParamSchema, body: CreateServiceCenterProjectSchema, response: detail } },
    async (request) => service.addProject(app.db, callerOf(request), request.params.id, request.body));
  app.patch('/service-centers/:id/projects/:projectId', { schema: { tags, summary: '更新建设项目进度、验收', params: ServiceCenterProjectParamsSchema, body: UpdateServiceCenterProjectSchema, response: detail } },
    async (request) => service.updateProject(app.db, callerOf(request), request.params.id, request.params.projectId, request.body));
};
