import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CadreApprovalFormParamsSchema, CadreRosterParamsSchema, TownCadreRosterParamsSchema } from '@dj/contracts';
import { callerOf } from '../../plugins/auth.js';
import { approvalForm, townRoster, villageRoster, type GeneratedFile } from './cadre-documents.js';
import { cadreImportRoutes } from './cadre-import-routes.js';

/** 村两委成员名册 and 干部任免审批表 downloads (issue 15 point 8), and the 两委 roster import. */
export const cadreDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['cadres'];
  // An ASCII fallback name for old clients; filename* carries the Chinese name (RFC 6266 / 5987).
  const send = (file: GeneratedFile) => `attachment; filename="download.${file.filename.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`;

  app.get('/cadres/villages/:orgId/roster/:format', { schema: { tags, summary: '本村村两委成员名册(docx/pdf/xlsx,电话脱敏,记入审计)', params: CadreRosterParamsSchema } },
    async (request, reply) => {
      const file = await villageRoster(app.db, callerOf(request), request.params.orgId, request.params.format);
      return reply.type(file.mime).header('cache-control', 'private, no-store').header('content-disposition', send(file)).send(file.data);
    });
  app.get('/cadres/roster/:format', { schema: { tags, summary: '全镇村两委成员名册(docx/pdf/xlsx,逐村分列)', params: TownCadreRosterParamsSchema } },
    async (request, reply) => {
      const file = await townRoster(app.db, callerOf(request), request.params.format);
      return reply.type(file.mime).header('cache-control', 'private, no-store').header('content-disposition', send(file)).send(file.data);
    });
  app.get('/cadres/villages/:orgId/people/:personId/approval-form/:format', { schema: { tags, summary: '干部任免审批表(docx/pdf;平台未掌握的栏目留空手填;记入审计)', params: CadreApprovalFormParamsSchema } },
    async (request, reply) => {
      const { orgId, personId, format } = request.params;
      const file = await approvalForm(app.db, callerOf(request), orgId, personId, format);
      return reply.type(file.mime).header('cache-control', 'private, no-store').header('content-disposition', send(file)).send(file.data);
    });
  await app.register(cadreImportRoutes);
};
