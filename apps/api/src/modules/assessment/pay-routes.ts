import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AddPayItemSchema, IdParamSchema, MyPaySchema, PayYearQuerySchema, PayrollQuerySchema, PeriodPayItemParamSchema, PeriodPaySchema } from '@dj/contracts';
import { callerOf } from '../../plugins/auth.js';
import { myPay, payrollFile, yearFile, type PayrollFile, type PayrollFormat } from './pay-documents.js';
import * as pay from './pay-service.js';

/** 报酬 (issue 16 points 4–6): a month period's pay, its 奖励绩效 and 扣减, the 报酬发放表, and the caller's own months. */
export const payRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['assessment'];
  const response = { 200: PeriodPaySchema };
  // An ASCII fallback name for old clients; filename* carries the Chinese name (RFC 6266 / 5987), as the cadres' roster.
  const disposition = (file: PayrollFile) => `attachment; filename="payroll.${file.filename.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`;

  app.get('/assessment/periods/:id/pay', { schema: { tags, summary: '月度考核期的报酬:每人的应发合计及逐项计算依据(记入审计)', params: IdParamSchema, response } },
    async (request) => pay.getPeriodPay(app.db, callerOf(request), request.params.id));
  app.post('/assessment/periods/:id/pay-items', { schema: { tags, summary: '录入奖励绩效或扣减(镇党委,锁定前)', params: IdParamSchema, body: AddPayItemSchema, response } },
    async (request) => pay.addPayItem(app.db, callerOf(request), request.params.id, request.body));
  app.delete('/assessment/periods/:id/pay-items/:itemId', { schema: { tags, summary: '删除录错的奖励绩效或扣减(镇党委,锁定前)', params: PeriodPayItemParamSchema, response } },
    async (request) => pay.removePayItem(app.db, callerOf(request), request.params.id, request.params.itemId));
  for (const format of ['xlsx', 'pdf'] as const satisfies readonly PayrollFormat[]) {
    app.get(`/assessment/periods/:id/payroll.${format}`, {
      schema: { tags, summary: `报酬发放表(${format};orgId 为本村,不填为全镇;锁定后;记入审计)`, params: IdParamSchema, querystring: PayrollQuerySchema },
    }, async (request, reply) => {
      const file = await payrollFile(app.db, callerOf(request), request.params.id, request.query.orgId, format);
      return reply.type(file.mime).header('cache-control', 'private, no-store').header('content-disposition', disposition(file)).send(file.data);
    });
  }
  app.get('/assessment/pay/year.xlsx', { schema: { tags, summary: '报酬年度汇总表(全镇,已锁定的各月;记入审计)', querystring: PayYearQuerySchema } },
    async (request, reply) => {
      const file = await yearFile(app.db, callerOf(request), request.query.year);
      return reply.type(file.mime).header('cache-control', 'private, no-store').header('content-disposition', disposition(file)).send(file.data);
    });
  app.get('/assessment/my-pay', { schema: { tags, summary: '我的考核与报酬:本人各月得分、等次和报酬明细', response: { 200: MyPaySchema } } },
    async (request) => myPay(app.db, callerOf(request)));
};
