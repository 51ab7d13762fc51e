import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamSchema, NotificationListSchema, NotificationSchema, OutboxListSchema, OutboxQuerySchema, ReadAllResultSchema } from '@dj/contracts';
import { currentUser } from '../../plugins/auth.js';
import * as service from './service.js';

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['notifications'];

  app.get('/notifications', {
    schema: { tags, summary: '我的提醒(最新50条与未读数)', response: { 200: NotificationListSchema } },
  }, async (request) => service.listNotifications(app.db, currentUser(request)));

  app.post('/notifications/:id/read', {
    schema: { tags, summary: '标记一条提醒为已读', params: IdParamSchema, response: { 200: NotificationSchema } },
  }, async (request) => service.readNotification(app.db, currentUser(request), request.params.id));

  app.post('/notifications/read-all', {
    schema: { tags, summary: '全部标记为已读', response: { 200: ReadAllResultSchema } },
  }, async (request) => service.readAllNotifications(app.db, currentUser(request)));

  app.get('/outbox', {
    schema: { tags, summary: '短信发送记录(仅镇党委管理员,号码脱敏)', querystring: OutboxQuerySchema, response: { 200: OutboxListSchema } },
  }, async (request) => service.listOutbox(app.db, currentUser(request), request.query.status));
};
