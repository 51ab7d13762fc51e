import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateHouseholdSchema, HouseholdDetailSchema, HouseholdImportQuerySchema, HouseholdImportReportSchema, HouseholdInputSchema, HouseholdLinksSchema,
  HouseholdListQuerySchema, HouseholdListSchema, IdParamSchema, MyHouseholdsSchema, ProxyVisitSchema, HouseholdVisitInputSchema,
} from '@dj/contracts';
import { uploadReader } from '../../lib/uploads/index.js';
import { callerOf, currentUser } from '../../plugins/auth.js';
import { importHouseholds } from './import-service.js';
import * as service from './service.js';
import * as visits from './visits-service.js';

const VisitParams = z.object({ id: z.coerce.number().int().positive(), visitId: z.coerce.number().int().positive() });

/** 党员联户 (issue 20 point 3): the villages' households, their members, visits, the roster import and 我的联户. */
export const householdRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['households'];
  app.get('/households', { schema: { tags, summary: '党员联户:各村农户(可按村民小组、联系党员、未走访超期筛选;按组织顺序,不排名)', querystring: HouseholdListQuerySchema, response: { 200: HouseholdListSchema } } },
    async (request) => service.listHouseholds(app.db, currentUser(request), request.query));
  app.post('/households', { schema: { tags, summary: '登记联户农户', body: CreateHouseholdSchema, response: { 200: HouseholdDetailSchema } } },
    async (request) => service.createHousehold(app.db, callerOf(request), request.body));
  app.post('/households/import', { schema: { tags, summary: '导入本村联户名册(xlsx;先试运行,再正式导入)', querystring: HouseholdImportQuerySchema, response: { 200: HouseholdImportReportSchema } } },
    async (request) => importHouseholds(app.db, callerOf(request), {
      orgId: request.query.orgId, dryRun: request.query.dryRun,
      // Checked by the one upload policy (lib/uploads), then by the zip limits before parsing (lib/excel.ts).
      file: async () => (await uploadReader(request, 'householdRoster', '联户名册.xlsx')()).data,
    }));
  app.get('/households/:id', { schema: { tags, summary: '联户农户详情:联系党员(含历史)和走访记录', params: IdParamSchema, response: { 200: HouseholdDetailSchema } } },
    async (request) => service.getHousehold(app.db, currentUser(request), request.params.id));
  app.patch('/households/:id', { schema: { tags, summary: '修改联户农户信息', params: IdParamSchema, body: HouseholdInputSchema, response: { 200: HouseholdDetailSchema } } },
    async (request) => service.updateHousehold(app.db, callerOf(request), request.params.id, request.body));
  app.put('/households/:id/links', { schema: { tags, summary: '安排联系党员(自今日起;不再联系的党员今日结束,历史保留)', params: IdParamSchema, body: HouseholdLinksSchema, response: { 200: HouseholdDetailSchema } } },
    async (request) => service.setLinks(app.db, callerOf(request), request.params.id, request.body));
  app.post('/households/:id/visits', { schema: { tags, summary: '代为登记走访(为没有手机的党员登记)', params: IdParamSchema, body: ProxyVisitSchema, response: { 200: HouseholdDetailSchema } } },
    async (request) => visits.addProxyVisit(app.db, callerOf(request), request.params.id, request.body));
  app.post('/households/:id/visits/:visitId/matter', { schema: { tags, summary: '走访中群众反映的事项转为村民说事(一户一次走访只转一次)', params: VisitParams, response: { 200: HouseholdDetailSchema } } },
    async (request) => visits.visitToMatter(app.db, callerOf(request), request.params.id, request.params.visitId));
  app.get('/my/households', { schema: { tags, summary: '我的联户(本人):联系的农户,待走访的在前', response: { 200: MyHouseholdsSchema } } },
    async (request) => visits.myHouseholds(app.db, currentUser(request)));
  app.post('/my/households/:id/visits', { schema: { tags, summary: '登记本人对联系农户的走访(不定位、不打卡)', params: IdParamSchema, body: HouseholdVisitInputSchema, response: { 200: MyHouseholdsSchema.shape.items.element } } },
    async (request) => visits.addMyVisit(app.db, callerOf(request), request.params.id, request.body));
  app.post('/my/households/:id/visits/:visitId/matter', { schema: { tags, summary: '本人走访中群众反映的事项转为村民说事', params: VisitParams, response: { 200: MyHouseholdsSchema.shape.items.element } } },
    async (request) => visits.myVisitToMatter(app.db, callerOf(request), request.params.id, request.params.visitId));
};
