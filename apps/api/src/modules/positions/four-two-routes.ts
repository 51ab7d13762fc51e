import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AddFourTwoStageSchema, CreateFourTwoSchema, FourTwoDocumentParamsSchema, FourTwoListSchema, FourTwoProcedureSchema, FourTwoQuerySchema, FourTwoStageParamsSchema, IdParamSchema } from '@dj/contracts';
import { currentUser, callerOf } from '../../plugins/auth.js';
import { fourTwoDocument } from './documents.js';
import * as service from './four-two-service.js';
import { uploadReader } from '../../lib/uploads/index.js';
import { attachmentHeader } from './upload.js';

export const fourTwoRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['positions'];
  const procedure = { 200: FourTwoProcedureSchema };

  app.get('/four-two', { schema: { tags, summary: '四议两公开事项', querystring: FourTwoQuerySchema, response: { 200: FourTwoListSchema } } },
    async (request) => service.listProcedures(app.db, currentUser(request), request.query.orgId));
  app.post('/four-two', { schema: { tags, summary: '登记村级重大事项', body: CreateFourTwoSchema, response: procedure } },
    async (request) => service.createProcedure(app.db, callerOf(request), request.body));
  app.get('/four-two/:id', { schema: { tags, summary: '四议两公开全程', params: IdParamSchema, response: procedure } },
    async (request) => service.getProcedure(app.db, currentUser(request), request.params.id));
  app.post('/four-two/:id/stages', { schema: { tags, summary: '登记下一环节(按顺序)', params: IdParamSchema, body: AddFourTwoStageSchema, response: procedure } },
    async (request) => service.addStage(app.db, callerOf(request), request.params.id, request.body));
  app.post('/four-two/:id/stages/:stageId/file', { schema: { tags, summary: '上传环节材料(会议记录、公开照片等)', params: FourTwoStageParamsSchema, response: procedure } },
    async (request) => service.addStageFile(app.db, callerOf(request), request.params.id, request.params.stageId, uploadReader(request, 'stageFile')));
  app.get('/four-two/:id/stages/:stageId/file', { config: { download: ['stageFile'] }, schema: { tags, summary: '下载环节材料', params: FourTwoStageParamsSchema } }, async (request, reply) => {
    const file = await service.readStageFile(app.db, currentUser(request), request.params.id, request.params.stageId);
    return reply.type(file.mime).header('cache-control', 'private, no-store').header('content-disposition', attachmentHeader(file.name)).send(file.data);
  });
  app.get('/four-two/:id/document/:format', { schema: { tags, summary: '四议两公开全程纪实(docx/pdf)', params: FourTwoDocumentParamsSchema } }, async (request, reply) => {
    const file = await fourTwoDocument(app.db, callerOf(request), request.params.id, request.params.format);
    return reply.type(file.mime).header('cache-control', 'private, no-store').header('content-disposition', attachmentHeader(file.filename)).send(file.data);
  });
};
