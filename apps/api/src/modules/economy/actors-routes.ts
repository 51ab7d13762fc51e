import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ActorInputSchema, ActorListSchema, ActorSchema, ActorSupportParamSchema, CreateActorSchema, EconomyLinkOptionsSchema, EconomyListQuerySchema,
  EconomyVillageParamSchema, IdParamSchema, OkSchema, SupportInputSchema,
} from '@dj/contracts';
import { callerOf, currentUser } from '../../plugins/auth.js';
import * as service from './actors-service.js';
import { linkOptions } from './links-service.js';

/** 经营主体: 合作社, 家庭农场, 龙头企业, 特色基地 with their support and 致富带头人 (issue 18 point 4). */
export const actorsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['economy'];
  app.get('/economy/actors', { schema: { tags, summary: '经营主体:各村合作社、家庭农场、龙头企业、特色基地及所获扶持', querystring: EconomyListQuerySchema, response: { 200: ActorListSchema } } },
    async (request) => service.listActors(app.db, currentUser(request), request.query.orgId));
  app.post('/economy/actors', { schema: { tags, summary: '登记经营主体', body: CreateActorSchema, response: { 200: ActorSchema } } },
    async (request) => service.createActor(app.db, callerOf(request), request.body));
  app.patch('/economy/actors/:id', { schema: { tags, summary: '修改经营主体', params: IdParamSchema, body: ActorInputSchema, response: { 200: ActorSchema } } },
    async (request) => service.updateActor(app.db, callerOf(request), request.params.id, request.body));
  app.delete('/economy/actors/:id', { schema: { tags, summary: '删除经营主体(误登记时,连同扶持记录)', params: IdParamSchema, response: { 200: OkSchema } } },
    async (request) => service.deleteActor(app.db, callerOf(request), request.params.id));
  app.post('/economy/actors/:id/support', { schema: { tags, summary: '记录经营主体所获扶持(资金、土地、培训等)', params: IdParamSchema, body: SupportInputSchema, response: { 200: ActorSchema } } },
    async (request) => service.addActorSupport(app.db, callerOf(request), request.params.id, request.body));
  app.delete('/economy/actors/:id/support/:supportId', { schema: { tags, summary: '删除一条扶持记录', params: ActorSupportParamSchema, response: { 200: ActorSchema } } },
    async (request) => service.deleteActorSupport(app.db, callerOf(request), request.params.id, request.params.supportId));
  app.get('/economy/villages/:orgId/link-options', { schema: { tags, summary: '本村可关联的人才(致富带头人)、四议两公开事项和已公开的三务公开', params: EconomyVillageParamSchema, response: { 200: EconomyLinkOptionsSchema } } },
    async (request) => linkOptions(app.db, currentUser(request), request.params.orgId));
};
