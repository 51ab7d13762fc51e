import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import {
  DashboardMonthlyReportQuerySchema, DashboardReportParamsSchema, DashboardTownSchema, DashboardVillageParamSchema, DashboardVillageSchema,
  DashboardYearlyReportQuerySchema,
} from '@dj/contracts';
import { callerOf, currentUser } from '../../plugins/auth.js';
import { townReport } from './reports.js';
import { sendEncoded } from '../../lib/send-encoded.js';
import { townDashboardText, villageCard } from './service.js';

function sendFile(reply: FastifyReply, file: { filename: string; mime: string; data: Buffer }, format: string) {
  const disposition = `attachment; filename="report.${format}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`;
  return reply.type(file.mime).header('cache-control', 'private, no-store').header('content-disposition', disposition).send(file.data);
}

/** 驾驶舱 (issue 17 points 1, 2 and 7): figures, deadlines and distributions, never a ranking; the meeting's reports. */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['dashboard'];
  app.get('/dashboard/town', { schema: { tags, summary: '驾驶舱:本月组织生活矩阵、发展党员、三务公开、整改、在外人才、村干部、后备人才、考核期(范围内各村,不排名)', response: { 200: DashboardTownSchema } } },
    async (request, reply) => sendEncoded(reply, await townDashboardText(app.db, currentUser(request))));
  app.get('/dashboard/villages/:orgId', { schema: { tags, summary: '村情卡:一个村近12个月的同一组数字(可打印A4)', params: DashboardVillageParamSchema, response: { 200: DashboardVillageSchema } } },
    async (request) => villageCard(app.db, currentUser(request), request.params.orgId));
  app.get('/dashboard/reports/monthly.:format', { schema: { tags, summary: '会议报告(月度):某月的组织生活、各项工作和发展党员,A4 PDF / Word(默认上一个完整月;镇党委管理员)', params: DashboardReportParamsSchema, querystring: DashboardMonthlyReportQuerySchema } },
    async (request, reply) => sendFile(reply, await townReport(app.db, callerOf(request), 'monthly', request.query, request.params.format), request.params.format));
  app.get('/dashboard/reports/yearly.:format', { schema: { tags, summary: '会议报告(年度):某年逐月组织生活、各项工作、发展党员和年末党内统计,A4 PDF / Word(默认今年;镇党委管理员)', params: DashboardReportParamsSchema, querystring: DashboardYearlyReportQuerySchema } },
    async (request, reply) => sendFile(reply, await townReport(app.db, callerOf(request), 'yearly', request.query, request.params.format), request.params.format));
};
