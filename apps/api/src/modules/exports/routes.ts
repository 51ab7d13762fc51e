import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ExportIdParamSchema, ExportListSchema, ExportSchema, StartExportSchema } from '@dj/contracts';
import { callerOf, currentUser } from '../../plugins/auth.js';
import * as service from './service.js';

const download = (name: string) => `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['exports'];

  app.post('/', {
    schema: { tags, summary: '开始导出(台账等耗时文件在后台生成)', body: StartExportSchema, response: { 201: ExportSchema } },
  }, async (request, reply) => reply.code(201).send(await service.startExport(app.db, callerOf(request), request.body)));

  app.get('/', {
    schema: { tags, summary: '我的导出任务(进度与下载)', response: { 200: ExportListSchema } },
  }, async (request) => ({ items: await service.listExports(app.db, currentUser(request)) }));

  app.get('/:id', {
    schema: { tags, summary: '导出任务的进度', params: ExportIdParamSchema, response: { 200: ExportSchema } },
  }, async (request) => service.getExport(app.db, currentUser(request), request.params.id));

  app.get('/:id/file', {
    config: { download: ['docx', 'pdf', 'zip'] },
    schema: { tags, summary: '下载导出的文件', params: ExportIdParamSchema },
  }, async (request, reply) => {
    const file = await service.downloadExport(app.db, callerOf(request), request.params.id);
    return reply.type(file.mime).header('content-disposition', download(file.filename)).send(file.data);
  });
};
