import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DashboardTownSchema, DashboardVillageParamSchema, DashboardVillageSchema } from '@dj/contracts';
import { currentUser } from '../../plugins/auth.js';
import { townDashboard, villageCard } from './service.js';

/** 驾驶舱 (issue 17 points 1 and 2): figures, deadlines and distributions, never a ranking. */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['dashboard'];
  app.get('/dashboard/town', { schema: { tags, summary: '驾驶舱:本月组织生活矩阵、发展党员、三务公开、整改、在外人才、村干部、后备人才、考核期(范围内各村,不排名)', response: { 200: DashboardTownSchema } } },
    async (request) => townDashboard(app.db, currentUser(request)));
  app.get('/dashboard/villages/:orgId', { schema: { tags, summary: '村情卡:一个村近12个月的同一组数字(可打印A4)', params: DashboardVillageParamSchema, response: { 200: DashboardVillageSchema } } },
    async (request) => villageCard(app.db, currentUser(request), request.params.orgId));
};
