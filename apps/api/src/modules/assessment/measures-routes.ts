import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AssessmentMeasuresQuerySchema, AssessmentMeasuresSchema } from '@dj/contracts';
import { currentUser } from '../../plugins/auth.js';
import { branchMeasures } from './measures-service.js';

/** 考核计量: a village branch's measures for a period, each with its source and the records behind it. */
export const assessmentMeasureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/assessment/measures', {
    schema: {
      tags: ['assessment'], summary: '考核计量:村党组织某期间由平台记录自动计算的指标(含来源和所依据的记录)',
      querystring: AssessmentMeasuresQuerySchema, response: { 200: AssessmentMeasuresSchema },
    },
  }, async (request) => branchMeasures(app.db, currentUser(request), request.query));
};
