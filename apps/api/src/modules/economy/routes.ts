import { sendAttachment } from '../../lib/attachment.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  EconomyDocumentQuerySchema, EconomyReportParamsSchema, EconomyTableParamsSchema, EconomyImportQuerySchema, EconomyImportReportSchema, EconomyOverviewSchema, EconomyYearParamSchema, EconomyYearsQuerySchema, IncomeDraftSchema, IncomeYearSchema,
} from '@dj/contracts';
import { uploadReader } from '../../lib/uploads/index.js';
import { callerOf, currentUser } from '../../plugins/auth.js';
import { townTableFile, villageReportFile } from './documents.js';
import { getOverview } from './figures-service.js';
import { importIncome } from './import-service.js';
import * as service from './service.js';

/** 集体经济: the years × villages table with the weak-village line, a village's year (versions), entry, submit, approve, import. */
export const economyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['economy'];
  app.get('/economy', { schema: { tags, summary: '集体经济:各村各年度经营性收入、总收入、是否薄弱村、消薄年份,全镇合计与增长(按组织顺序,不排名)', querystring: EconomyYearsQuerySchema, response: { 200: EconomyOverviewSchema } } },
    async (request) => getOverview(app.db, currentUser(request), request.query));
  app.get('/economy/villages/:orgId/years/:year', { schema: { tags, summary: '某村某年度的集体经济收入(各版本,已审核版本为准)', params: EconomyYearParamSchema, response: { 200: IncomeYearSchema } } },
    async (request) => service.getYear(app.db, currentUser(request), request.params.orgId, request.params.year));
  app.put('/economy/villages/:orgId/years/:year', { schema: { tags, summary: '填报某村某年度收入(草稿;更正已审核年度须填写原因,另起新版本)', params: EconomyYearParamSchema, body: IncomeDraftSchema, response: { 200: IncomeYearSchema } } },
    async (request) => service.saveDraft(app.db, callerOf(request), request.params.orgId, request.params.year, request.body));
  app.post('/economy/villages/:orgId/years/:year/submit', { schema: { tags, summary: '提交某村某年度收入,待镇审核', params: EconomyYearParamSchema, response: { 200: IncomeYearSchema } } },
    async (request) => service.submitYear(app.db, callerOf(request), request.params.orgId, request.params.year));
  app.post('/economy/villages/:orgId/years/:year/approve', { schema: { tags, summary: '审核通过某村某年度收入', params: EconomyYearParamSchema, response: { 200: IncomeYearSchema } } },
    async (request) => service.approveYear(app.db, callerOf(request), request.params.orgId, request.params.year));
  app.get('/economy/table.:format', { schema: { tags, summary: '全镇年度村集体经济收入统计表下载(xlsx / A4 PDF;各村各收入项目、经营性收入、增长、薄弱村)', params: EconomyTableParamsSchema, querystring: EconomyDocumentQuerySchema } },
    async (request, reply) => sendAttachment(reply, await townTableFile(app.db, callerOf(request), request.query.year, request.params.format)));
  app.get('/economy/villages/:orgId/report.:format', { schema: { tags, summary: '某村年度集体经济报告下载(PDF / Word)', params: EconomyReportParamsSchema, querystring: EconomyDocumentQuerySchema } },
    async (request, reply) => sendAttachment(reply, await villageReportFile(app.db, callerOf(request), request.params.orgId, request.query.year, request.params.format)));
  app.post('/economy/import', { schema: { tags, summary: '导入三资系统导出的收入表(xlsx;先试运行,再正式导入)', querystring: EconomyImportQuerySchema, response: { 200: EconomyImportReportSchema } } },
    async (request) => importIncome(app.db, callerOf(request), {
      dryRun: request.query.dryRun, year: request.query.year, reason: request.query.reason,
      // Checked by the one upload policy (lib/uploads), then by the zip limits before parsing (lib/excel.ts).
      file: async () => (await uploadReader(request, 'incomeTable', '集体经济收入.xlsx')()).data,
    }));
};
