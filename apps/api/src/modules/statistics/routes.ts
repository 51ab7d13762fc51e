import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  PartyStatisticsSchema, StatisticsFileParamsSchema, StatisticsMembersQuerySchema, StatisticsMembersSchema, StatisticsQuerySchema,
} from '@dj/contracts';
import { callerOf, currentUser } from '../../plugins/auth.js';
import { statisticsFile } from './documents.js';
import { cellMembers, partyStatistics } from './service.js';

/** 党内统计 (issue 17 point 3): the tables as JSON, as xlsx or A4 PDF, and the members behind one cell. */
export const statisticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['statistics'];
  app.get('/statistics/party', { schema: { tags, summary: '党内统计:党员、发展党员、党员增减、流动党员、基层党组织,逐支部和合计(默认上年12月31日)', querystring: StatisticsQuerySchema, response: { 200: PartyStatisticsSchema } } },
    async (request) => partyStatistics(app.db, currentUser(request), request.query));
  app.get('/statistics/party/members', { schema: { tags, summary: '某一格数字背后的党员名单(姓名、支部;分页;记入审计)', querystring: StatisticsMembersQuerySchema, response: { 200: StatisticsMembersSchema } } },
    async (request) => cellMembers(app.db, callerOf(request), request.query));
  app.get('/statistics/party.:format', { schema: { tags, summary: '党内统计表下载(xlsx / A4 PDF)', params: StatisticsFileParamsSchema, querystring: StatisticsQuerySchema } },
    async (request, reply) => {
      const file = await statisticsFile(app.db, callerOf(request), request.query, request.params.format);
      const disposition = `attachment; filename="download.${request.params.format}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`;
      return reply.type(file.mime).header('cache-control', 'private, no-store').header('content-disposition', disposition).send(file.data);
    });
};
