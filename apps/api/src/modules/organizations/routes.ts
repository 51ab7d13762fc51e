import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CloseOrganizationSchema, CreateOrganizationSchema, IdParamSchema, OrganizationDetailSchema, OrganizationHistorySchema,
  OrganizationListQuerySchema, OrganizationListSchema, UpdateOrganizationSchema,
} from '@dj/contracts';
import { currentUser, callerOf } from '../../plugins/auth.js';
import * as service from './service.js';

export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['organizations'];

  app.get('', {
    schema: { tags, summary: '组织列表(本级/直属下级/全部下级)', querystring: OrganizationListQuerySchema, response: { 200: OrganizationListSchema } },
  }, async (request) => service.listOrganizations(app.db, currentUser(request), request.query));

  app.get('/:id', {
    schema: { tags, summary: '组织详情', params: IdParamSchema, response: { 200: OrganizationDetailSchema } },
  }, async (request) => service.getOrganization(app.db, currentUser(request), request.params.id));

  app.post('', {
    schema: { tags, summary: '新建组织', body: CreateOrganizationSchema, response: { 201: OrganizationDetailSchema } },
  }, async (request, reply) => {
    const created = await service.createOrganization(app.db, callerOf(request), request.body);
    return reply.code(201).send(created);
  });

  app.patch('/:id', {
    schema: { tags, summary: '重命名、移动或修改组织', params: IdParamSchema, body: UpdateOrganizationSchema, response: { 200: OrganizationDetailSchema } },
  }, async (request) => service.updateOrganization(app.db, callerOf(request), request.params.id, request.body));

  app.post('/:id/close', {
    schema: { tags, summary: '撤销组织', params: IdParamSchema, body: CloseOrganizationSchema, response: { 200: OrganizationDetailSchema } },
  }, async (request) => service.closeOrganization(app.db, callerOf(request), request.params.id, request.body));

  app.get('/:id/history', {
    schema: { tags, summary: '组织变更记录', params: IdParamSchema, response: { 200: OrganizationHistorySchema } },
  }, async (request) => service.organizationHistory(app.db, currentUser(request), request.params.id));
};
