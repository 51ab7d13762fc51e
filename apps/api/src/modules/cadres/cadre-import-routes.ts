import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CadreImportQuerySchema, CadreRosterParamsSchema, ImportReportSchema } from '@dj/contracts';
import { uploadReader } from '../../lib/uploads/index.js';
import { callerOf } from '../../plugins/auth.js';
import { importCadres } from './cadre-import.js';
import { buildCadreTemplate } from './cadre-import-template.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The 两委 roster import (先试运行,再正式导入) and its blank template. */
export const cadreImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['cadres'];
  app.get('/cadres/import-template', { config: { download: ['xlsx'] }, schema: { tags, summary: '下载村"两委"成员导入模板(xlsx)' } }, async (_request, reply) =>
    reply.type(XLSX).header('content-disposition', `attachment; filename="cadres.xlsx"; filename*=UTF-8''${encodeURIComponent('村两委成员导入模板.xlsx')}`).send(await buildCadreTemplate()));
  app.post('/cadres/villages/:orgId/import', {
    schema: { tags, summary: '导入本村村"两委"成员名册(先试运行,再正式导入;全部写入或全部不写)', params: CadreRosterParamsSchema.pick({ orgId: true }), querystring: CadreImportQuerySchema, response: { 200: ImportReportSchema } },
  }, async (request) => importCadres(app.db, callerOf(request), {
    orgId: request.params.orgId, dryRun: request.query.dryRun,
    // Read only after the scope check, so an out-of-scope id answers 404 whatever was sent; the upload policy checks it.
    file: async () => (await uploadReader(request, 'roster', '村两委成员名册.xlsx')()).data,
  }));
};
