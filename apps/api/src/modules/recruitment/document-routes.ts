import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RecruitmentDocumentParamsSchema, RegisterParamsSchema, RegisterQuerySchema } from '@dj/contracts';
import { callerOf } from '../../plugins/auth.js';
import { recruitmentDocument, registerDocument, type GeneratedFile } from './documents.js';

/** Recruitment documents and registers (docx/PDF), generated from the recruitments alone. */
export const recruitmentDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['recruitment'];
  // An ASCII fallback name for old clients; filename* carries the Chinese name (RFC 6266 / 5987).
  const download = (file: GeneratedFile) => `attachment; filename="download.${file.filename.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`;

  app.get('/recruitments/:id/documents/:kind/:format', {
    schema: { tags, summary: '生成发展党员全程纪实表、入党谈话记录、发展党员公示(docx/pdf)', params: RecruitmentDocumentParamsSchema },
  }, async (request, reply) => {
    const { id, kind, format } = request.params;
    const file = await recruitmentDocument(app.db, callerOf(request), id, kind, format);
    return reply.type(file.mime).header('cache-control', 'private, no-store').header('content-disposition', download(file)).send(file.data);
  });

  app.get('/recruitment/registers/:kind/:format', {
    schema: { tags, summary: '入党积极分子名册、发展对象名单、预备党员名册(docx/pdf)', params: RegisterParamsSchema, querystring: RegisterQuerySchema },
  }, async (request, reply) => {
    const file = await registerDocument(app.db, callerOf(request), request.params.kind, request.params.format, request.query.orgId);
    return reply.type(file.mime).header('cache-control', 'private, no-store').header('content-disposition', download(file)).send(file.data);
  });
};
