import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DistrictDashboardSchema, DistrictTownDashboardSchema, DistrictTownParamSchema, DistrictTownsSchema } from '@dj/contracts';
import { sendEncoded } from '../../lib/send-encoded.js';
import { callerOf, currentUser } from '../../plugins/auth.js';
import { districtDashboard, districtTownDashboard, districtTowns, refreshDistrict } from './service.js';

/** 区级 (issue 17 points 5 and 6): the 区委组织部 reads its towns; no town sees another, and nothing is ranked. */
export const districtRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['district'];
  app.get('/towns', { schema: { tags, summary: '本区各镇(按区划代码)', response: { 200: DistrictTownsSchema } } },
    async (request) => districtTowns(app.db, currentUser(request)));
  app.get('/dashboard', { schema: { tags, summary: '区级驾驶舱:各镇驾驶舱快照的同一组数字并列及全区合计(按区划代码,不排名;注明各镇计算时间)', response: { 200: DistrictDashboardSchema } } },
    async (request, reply) => sendEncoded(reply, await districtDashboard(app.db, currentUser(request))));
  app.post('/refresh', { schema: { tags, summary: '刷新本区各镇驾驶舱快照(每区每分钟至多一次,记入审计)', response: { 200: DistrictDashboardSchema } } },
    async (request, reply) => sendEncoded(reply, await refreshDistrict(app.db, callerOf(request))));
  app.get('/towns/:tenantId/dashboard', {
    schema: { tags, summary: '一个镇的驾驶舱(只读,与该镇管理员所见相同)', params: DistrictTownParamSchema, response: { 200: DistrictTownDashboardSchema } },
  }, async (request) => districtTownDashboard(app.db, currentUser(request), request.params.tenantId));
};
