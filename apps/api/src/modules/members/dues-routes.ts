import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BranchDuesQuerySchema, BranchDuesSchema, DuesBasisSchema, DuesPaymentSchema, DuesQuerySchema, IdParamSchema, MemberDuesSchema } from '@dj/contracts';
import { currentUser, callerOf } from '../../plugins/auth.js';
import * as service from './dues-service.js';

export const duesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['dues'];
  const response = { 200: MemberDuesSchema };

  app.get('/members/:id/dues', { schema: { tags, summary: '党员党费:应交、已交、欠交(按月)', params: IdParamSchema, querystring: DuesQuerySchema, response } },
    async (request) => service.getMemberDues(app.db, currentUser(request), request.params.id, request.query.year));
  app.put('/members/:id/dues/basis', { schema: { tags, summary: '设置党费计算标准(自某月起)', params: IdParamSchema, body: DuesBasisSchema, response } },
    async (request) => service.setDuesBasis(app.db, callerOf(request), request.params.id, request.body));
  app.post('/members/:id/dues/payments', { schema: { tags, summary: '登记党费交纳(可代缴、补交)', params: IdParamSchema, body: DuesPaymentSchema, response } },
    async (request) => service.recordPayment(app.db, callerOf(request), request.params.id, request.body));
  app.get('/dues', { schema: { tags, summary: '支部/全镇某月党费收缴情况', querystring: BranchDuesQuerySchema, response: { 200: BranchDuesSchema } } },
    async (request) => service.branchDues(app.db, currentUser(request), request.query.orgId, request.query.month));
};
