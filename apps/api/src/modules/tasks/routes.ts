import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TaskListSchema, TaskQuerySchema } from '@dj/contracts';
import { currentUser } from '../../plugins/auth.js';
import { sendEncoded } from '../../lib/send-encoded.js';
import { listTasks } from './service.js';

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('', { schema: { tags: ['tasks'], summary: '待办(分页,附各类数量):已逾期在前、即将到期在后,各按期限排序(应转接、失联、回执逾期、预备期将满或已满、发展党员期限、三务公开、整改)', querystring: TaskQuerySchema, response: { 200: TaskListSchema } } },
    async (request, reply) => sendEncoded(reply, await listTasks(app.db, currentUser(request), request.query)));
};
