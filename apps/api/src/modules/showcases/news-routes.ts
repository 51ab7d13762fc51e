import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamSchema, NewsImageParamSchema, NewsImageQuerySchema, NewsInputSchema, NewsListSchema, NewsSchema } from '@dj/contracts';
import { uploadReader } from '../../lib/uploads/index.js';
import { callerOf, currentUser } from '../../plugins/auth.js';
import * as service from './news-service.js';

/** 党建动态 (issue 20 point 6): drafted, approved by a second admin, published after the personal-number scan. */
export const newsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['news'];
  const one = { 200: NewsSchema };
  app.get('/news', { schema: { tags, summary: '党建动态(镇党委)', response: { 200: NewsListSchema } } },
    async (request) => service.listNews(app.db, currentUser(request)));
  app.get('/news/:id', { schema: { tags, summary: '党建动态详情', params: IdParamSchema, response: one } },
    async (request) => service.getNews(app.db, currentUser(request), request.params.id));
  app.post('/news', { schema: { tags, summary: '撰写党建动态(草稿)', body: NewsInputSchema, response: one } },
    async (request) => service.createNews(app.db, callerOf(request), request.body));
  app.patch('/news/:id', { schema: { tags, summary: '修改党建动态', params: IdParamSchema, body: NewsInputSchema, response: one } },
    async (request) => service.updateNews(app.db, callerOf(request), request.params.id, request.body));
  app.post('/news/:id/approve', { schema: { tags, summary: '审核党建动态(非撰写人)', params: IdParamSchema, response: one } },
    async (request) => service.approveNews(app.db, callerOf(request), request.params.id));
  app.post('/news/:id/publish', { schema: { tags, summary: '发布党建动态(保密审查)', params: IdParamSchema, response: one } },
    async (request) => service.publishNews(app.db, callerOf(request), request.params.id));
  app.post('/news/:id/withdraw', { schema: { tags, summary: '撤回已发布的动态', params: IdParamSchema, response: one } },
    async (request) => service.withdrawNews(app.db, callerOf(request), request.params.id));
  app.post('/news/:id/images', { schema: { tags, summary: '上传动态图片(去除位置信息)', params: IdParamSchema, querystring: NewsImageQuerySchema, response: one } },
    async (request) => service.addImage(app.db, callerOf(request), request.params.id, request.query.caption, uploadReader(request, 'photo')));
  app.get('/news/:id/images/:imageId', { config: { download: ['photo'] }, schema: { tags, summary: '动态图片', params: NewsImageParamSchema } }, async (request, reply) => {
    const image = await service.readImage(app.db, currentUser(request), request.params.id, request.params.imageId);
    return reply.type(image.mime).header('cache-control', 'private, no-store').send(image.data);
  });
};
