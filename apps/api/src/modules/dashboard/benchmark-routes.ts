import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BenchmarkBoardSchema, BenchmarkQuerySchema, BenchmarkSavedSchema, BenchmarkTownInputSchema, BenchmarkValueParamSchema, CreateBenchmarkIndicatorSchema,
  IdParamSchema, OkSchema, PutBenchmarkValueSchema, UpdateBenchmarkIndicatorSchema,
} from '@dj/contracts';
import { callerOf, currentUser } from '../../plugins/auth.js';
import * as service from './benchmark-service.js';

/** 对标 (issue 17 point 4): the town's indicators, its own values and the benchmark town's, year over year. */
export const benchmarkRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['dashboard'];
  app.get('/benchmark', { schema: { tags, summary: '对标:各指标近几年本镇数值(平台记录计算或手工录入)、对标镇数值及来源、差距', querystring: BenchmarkQuerySchema, response: { 200: BenchmarkBoardSchema } } },
    async (request) => service.benchmarkBoard(app.db, currentUser(request), request.query.years));
  app.put('/benchmark/town', { schema: { tags, summary: '填写或修改对标镇', body: BenchmarkTownInputSchema, response: { 200: BenchmarkSavedSchema } } },
    async (request) => service.saveTown(app.db, callerOf(request), request.body));
  app.post('/benchmark/indicators', { schema: { tags, summary: '添加对标指标(目录指标或自定义指标)', body: CreateBenchmarkIndicatorSchema, response: { 200: BenchmarkSavedSchema } } },
    async (request) => service.createIndicator(app.db, callerOf(request), request.body));
  app.patch('/benchmark/indicators/:id', { schema: { tags, summary: '修改自定义对标指标(名称、单位、类别、方向)', params: IdParamSchema, body: UpdateBenchmarkIndicatorSchema, response: { 200: OkSchema } } },
    async (request) => service.updateIndicator(app.db, callerOf(request), request.params.id, request.body));
  app.put('/benchmark/indicators/:id/values/:year', {
    schema: { tags, summary: '录入某年对标镇数值及来源(手工录入指标另填本镇数值及来源)', params: BenchmarkValueParamSchema, body: PutBenchmarkValueSchema, response: { 200: OkSchema } },
  }, async (request) => service.putValue(app.db, callerOf(request), request.params.id, request.params.year, request.body));
};
