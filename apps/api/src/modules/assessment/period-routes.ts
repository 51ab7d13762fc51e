import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdjustAssessmentScoreSchema, ApproveAssessmentPeriodSchema, AssessmentPeriodDetailSchema, AssessmentPeriodListSchema, EnterAssessmentScoreSchema,
  IdParamSchema, OpenAssessmentPeriodSchema, PeriodObjectionParamSchema, RaiseObjectionSchema, RuleObjectionSchema,
} from '@dj/contracts';
import { callerOf, currentUser } from '../../plugins/auth.js';
import * as flow from './period-flow.js';
import * as service from './period-service.js';

/** 考核期: open → 评分 → 公示 and 异议 → 裁定 → 审批 (locked) → 调整 (issue 16 point 3). */
export const periodRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['assessment'];
  const detail = { 200: AssessmentPeriodDetailSchema };
  app.get('/assessment/periods', { schema: { tags, summary: '考核期列表', response: { 200: AssessmentPeriodListSchema } } },
    async (request) => service.listPeriods(app.db, currentUser(request)));
  app.post('/assessment/periods', { schema: { tags, summary: '开启考核期(镇党委)', body: OpenAssessmentPeriodSchema, response: detail } },
    async (request) => service.openPeriod(app.db, callerOf(request), request.body));
  app.get('/assessment/periods/:id', { schema: { tags, summary: '考核期详情:各对象得分、等次、逐项评分及依据、异议与调整', params: IdParamSchema, response: detail } },
    async (request) => service.getPeriod(app.db, currentUser(request), request.params.id));
  app.put('/assessment/periods/:id/scores', { schema: { tags, summary: '评分(录入或替换某对象某指标的得分及依据)', params: IdParamSchema, body: EnterAssessmentScoreSchema, response: detail } },
    async (request) => flow.enterScore(app.db, callerOf(request), request.params.id, request.body));
  app.post('/assessment/periods/:id/publish', { schema: { tags, summary: '公示考核结果(开始异议期)', params: IdParamSchema, response: detail } },
    async (request) => service.publishPeriod(app.db, callerOf(request), request.params.id));
  app.post('/assessment/periods/:id/objections', { schema: { tags, summary: '对本村或本人得分提出异议(异议期内)', params: IdParamSchema, body: RaiseObjectionSchema, response: detail } },
    async (request) => flow.raiseObjection(app.db, callerOf(request), request.params.id, request.body));
  app.post('/assessment/periods/:id/objections/:objectionId/ruling', {
    schema: { tags, summary: '裁定异议(成立时更正得分)', params: PeriodObjectionParamSchema, body: RuleObjectionSchema, response: detail },
  }, async (request) => flow.ruleObjection(app.db, callerOf(request), request.params.id, request.params.objectionId, request.body));
  app.post('/assessment/periods/:id/approve', { schema: { tags, summary: '审批考核结果(审批后锁定)', params: IdParamSchema, body: ApproveAssessmentPeriodSchema, response: detail } },
    async (request) => service.approvePeriod(app.db, callerOf(request), request.params.id, request.body));
  app.post('/assessment/periods/:id/adjustments', { schema: { tags, summary: '锁定后录入调整(不修改原得分)', params: IdParamSchema, body: AdjustAssessmentScoreSchema, response: detail } },
    async (request) => flow.adjustScore(app.db, callerOf(request), request.params.id, request.body));
};
