import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ImportReportSchema, MemberExportPreviewSchema, MemberExportQuerySchema, MemberImportQuerySchema } from '@dj/contracts';
import { uploadReader } from '../../lib/uploads/index.js';
import { currentUser, callerOf } from '../../plugins/auth.js';
import { buildImportTemplate } from './excel/template.js';
import { exportRoster, previewExport } from './export-service.js';
import { importRoster } from './import-service.js';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const attachment = (name: string) => `attachment; filename="roster.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const memberExcelRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['members'];

  app.get('/members/import-template', { config: { download: ['xlsx'] }, schema: { tags, summary: '下载党员导入模板(xlsx)' } }, async (_request, reply) => {
    return reply.type(XLSX).header('content-disposition', attachment('党员信息导入模板.xlsx')).send(await buildImportTemplate());
  });

  app.post('/members/import', {
    schema: { tags, summary: '导入党员名册(先试运行,再正式导入)', querystring: MemberImportQuerySchema, response: { 200: ImportReportSchema } },
  }, async (request) => importRoster(app.db, callerOf(request), {
    orgId: request.query.orgId,
    dryRun: request.query.dryRun,
    // Read only after the scope check, so an out-of-scope id answers 404 whatever was sent.
    // Checked by the one upload policy (lib/uploads), then by the zip limits before parsing (lib/excel.ts).
    file: async () => (await uploadReader(request, 'roster', '党员名册.xlsx')()).data,
  }));

  app.get('/members/export/preview', {
    schema: { tags, summary: '导出前预览:人数、是否含完整号码、是否须审批、今日剩余次数', querystring: MemberExportQuerySchema, response: { 200: MemberExportPreviewSchema } },
  }, async (request) => previewExport(app.db, currentUser(request), request.query));

  app.get('/members/export', {
    config: { download: ['xlsx'] },
    schema: { tags, summary: '导出党员名册(xlsx,记入审计;完整号码超过审批人数须先申请,masked=true 导出脱敏名册;每人每日限次)', querystring: MemberExportQuerySchema },
  }, async (request, reply) => {
    const { file, filename } = await exportRoster(app.db, callerOf(request), request.query);
    return reply.type(XLSX).header('content-disposition', attachment(filename)).send(file);
  });
};
