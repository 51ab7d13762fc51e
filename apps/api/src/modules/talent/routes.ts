import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateTalentSchema, IdParamSchema, RevealBodySchema, RevealResultSchema, TalentDetailSchema, TalentListQuerySchema, TalentListSchema,
  TalentProgressQuerySchema, TalentProgressSchema, TalentSupportInputSchema, TalentTargetsInputSchema, TalentYearParamSchema, UpdateTalentSchema,
} from '@dj/contracts';
import { callerOf, currentUser } from '../../plugins/auth.js';
import * as service from './service.js';

/** The registry itself: list, one talent, its support, the programme's progress and targets. */
export const talentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['talent'];
  app.get('/talent', { schema: { tags, summary: '人才名册(按村、类别、层次、领域、入选年度、姓名筛选)', querystring: TalentListQuerySchema, response: { 200: TalentListSchema } } },
    async (request) => service.listTalents(app.db, currentUser(request), request.query));
  app.get('/talent/progress', { schema: { tags, summary: '人才"十百千"工程年度进度:各层次入选人数与目标、各类别人数', querystring: TalentProgressQuerySchema, response: { 200: TalentProgressSchema } } },
    async (request) => service.getProgress(app.db, currentUser(request), request.query.year));
  app.put('/talent/targets/:year', { schema: { tags, summary: '填写人才"十百千"工程某年度各层次目标和级别', params: TalentYearParamSchema, body: TalentTargetsInputSchema, response: { 200: TalentProgressSchema } } },
    async (request) => service.setTargets(app.db, callerOf(request), request.params.year, request.body));
  app.post('/talent', { schema: { tags, summary: '登记人才', body: CreateTalentSchema, response: { 200: TalentDetailSchema } } },
    async (request) => service.createTalent(app.db, callerOf(request), request.body));
  app.get('/talent/:id', { schema: { tags, summary: '人才详情(含扶持记录)', params: IdParamSchema, response: { 200: TalentDetailSchema } } },
    async (request) => service.getTalent(app.db, currentUser(request), request.params.id));
  app.patch('/talent/:id', { schema: { tags, summary: '修改人才的类别、层次、领域、领办项目', params: IdParamSchema, body: UpdateTalentSchema, response: { 200: TalentDetailSchema } } },
    async (request) => service.updateTalent(app.db, callerOf(request), request.params.id, request.body));
  app.post('/talent/:id/support', { schema: { tags, summary: '登记对人才的扶持(日期、内容、金额、扶持单位)', params: IdParamSchema, body: TalentSupportInputSchema, response: { 200: TalentDetailSchema } } },
    async (request) => service.addSupport(app.db, callerOf(request), request.params.id, request.body));
  app.post('/talent/:id/reveal', { schema: { tags, summary: '查看人才的完整身份证号或电话(需说明原因,记入审计)', params: IdParamSchema, body: RevealBodySchema, response: { 200: RevealResultSchema } } },
    async (request) => service.revealField(app.db, callerOf(request), request.params.id, request.body));
};
