import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DistrictDashboardSchema, DistrictTownDashboardSchema, DistrictTownParamSchema, DistrictTownsSchema } from '@dj/contracts';
import { currentUser } from '../../plugins/auth.js';
import { districtDashboard, districtTownDashboard, districtTowns } from './service.js';

/** 区级 (issue 17 point 5): the 区委组织部 reads its towns; no town sees another, and nothing is ranked. */
export const districtRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['district'];
  app.get('/towns', { schema: { tags, summary: '本区各镇(按区划代码)', response: { 200: DistrictTownsSchema } } },
    async (request) => districtTowns(app.db, currentUser(request)));
  app.get('/dashboard', { schema: { tags, summary: '区级驾驶舱:各镇同一组数字并列及全区合计(按区划代码,不排名)', response: { 200: DistrictDashboardSchema } } },
    async (request) => districtDashboard(app.db, currentUser(request)));
  app.get('/towns/:tenantId/dashboard', {
    schema: { tags, summary: '一个镇的驾驶舱(只读,与该镇管理员所见相同)', params: DistrictTownParamSchema, response: { 200: DistrictTownDashboardSchema } },
  }, async (request) => districtTownDashboard(app.db, currentUser(request), request.params.tenantId));
};
