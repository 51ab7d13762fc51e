import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ImportReportSchema, TalentImportQuerySchema, TalentRosterQuerySchema } from '@dj/contracts';
import { uploadReader } from '../../lib/uploads/index.js';
import { callerOf } from '../../plugins/auth.js';
import { rosterFile } from './documents.js';
import { importTalents } from './import/service.js';
import { buildTalentTemplate } from './import/template.js';

const attachment = (name: string, ext: string) => `attachment; filename="talent.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** The registry as files: the 人才名册 (xlsx, Word, PDF) and the xlsx import with its dry run. */
export const talentFileRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['talent'];
  app.get('/talent/roster', { schema: { tags, summary: '导出人才名册(xlsx、Word、PDF;号码脱敏,记入审计)', querystring: TalentRosterQuerySchema } }, async (request, reply) => {
    const file = await rosterFile(app.db, callerOf(request), request.query);
    return reply.type(file.mime).header('content-disposition', attachment(file.filename, request.query.format)).send(file.data);
  });
  app.get('/talent/import-template', { config: { download: ['xlsx'] }, schema: { tags, summary: '下载人才导入模板(xlsx)' } }, async (_request, reply) =>
    reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', attachment('人才名册导入模板.xlsx', 'xlsx')).send(await buildTalentTemplate()));
  app.post('/talent/import', {
    schema: { tags, summary: '导入人才名册(先试运行;正式导入时有一行不通过则全部不导入)', querystring: TalentImportQuerySchema, response: { 200: ImportReportSchema } },
  }, async (request) => importTalents(app.db, callerOf(request), {
    orgId: request.query.orgId, dryRun: request.query.dryRun,
    // Read only after the scope check; checked by the one upload policy, then by the zip limits before parsing.
    file: async () => (await uploadReader(request, 'talentRoster', '人才名册.xlsx')()).data,
  }));
};
