import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  EconomyYearParamSchema, PartnershipCreateSchema, PartnershipDetailSchema, PartnershipFileParamsSchema, PartnershipListQuerySchema, PartnershipListSchema,
  PartnershipParamsSchema, PartnershipReceivedSchema, PartnershipUpdateSchema, PartnershipYearsInputSchema,
} from '@dj/contracts';
import { uploadReader } from '../../lib/uploads/index.js';
import { callerOf, currentUser } from '../../plugins/auth.js';
import { deleteAgreement, readAgreement, uploadAgreement } from './partnerships-files.js';
import { receivedInYear } from './partnerships-figures.js';
import * as service from './partnerships-service.js';

/** 村企合作 (issue 18 point 3): the villages' agreements with enterprises and parks, their yearly money and files. */
export const partnershipRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['economy'];
  const detail = { 200: PartnershipDetailSchema };
  app.get('/economy/partnerships', { schema: { tags, summary: '村企合作:管理范围内各村的合作(按村、到期日期排列),续签提醒天数', querystring: PartnershipListQuerySchema, response: { 200: PartnershipListSchema } } },
    async (request) => service.listPartnerships(app.db, currentUser(request), request.query.orgId));
  app.post('/economy/partnerships', { schema: { tags, summary: '登记村企合作(镇党委管理员、本村党支部书记)', body: PartnershipCreateSchema, response: detail } },
    async (request) => service.createPartnership(app.db, callerOf(request), request.body));
  app.get('/economy/partnerships/:id', { schema: { tags, summary: '一项村企合作:合作内容、期限、各年度约定与到账金额、联建党组织、协议文件', params: PartnershipParamsSchema, response: detail } },
    async (request) => service.getPartnership(app.db, currentUser(request), request.params.id));
  app.patch('/economy/partnerships/:id', { schema: { tags, summary: '修改村企合作(续签即登记新的到期日期)', params: PartnershipParamsSchema, body: PartnershipUpdateSchema, response: detail } },
    async (request) => service.updatePartnership(app.db, callerOf(request), request.params.id, request.body));
  app.put('/economy/partnerships/:id/years', { schema: { tags, summary: '各年度约定金额与到账金额(整表保存)', params: PartnershipParamsSchema, body: PartnershipYearsInputSchema, response: detail } },
    async (request) => service.setPartnershipYears(app.db, callerOf(request), request.params.id, request.body));
  app.post('/economy/partnerships/:id/files', { schema: { tags, summary: '上传合作协议(PDF、Word、扫描件;字段名 file)', params: PartnershipParamsSchema, response: detail } },
    async (request) => uploadAgreement(app.db, callerOf(request), request.params.id, uploadReader(request, 'partnershipAgreement', '合作协议')));
  app.get('/economy/partnerships/:id/files/:fileId', { config: { download: ['partnershipAgreement'] }, schema: { tags, summary: '下载合作协议', params: PartnershipFileParamsSchema } }, async (request, reply) => {
    const file = await readAgreement(app.db, currentUser(request), request.params.id, request.params.fileId);
    return reply.type(file.mime).header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="agreement"; filename*=UTF-8''${encodeURIComponent(file.name)}`).send(file.data);
  });
  app.delete('/economy/partnerships/:id/files/:fileId', { schema: { tags, summary: '删除误传的合作协议文件', params: PartnershipFileParamsSchema, response: detail } },
    async (request) => deleteAgreement(app.db, callerOf(request), request.params.id, request.params.fileId));
  app.get('/economy/villages/:orgId/years/:year/partnerships', { schema: { tags, summary: '某村某年度村企合作到账金额(按收入科目,与该年度收入对照;仅供参考,不改动收入)', params: EconomyYearParamSchema, response: { 200: PartnershipReceivedSchema } } },
    async (request) => receivedInYear(app.db, currentUser(request), request.params.orgId, request.params.year));
};
