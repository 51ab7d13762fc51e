import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateDisclosureSchema, DisclosureBoardQuerySchema, DisclosureBoardSchema, DisclosureFileParamsSchema, DisclosureListQuerySchema, DisclosureListSchema,
  DisclosureRuleListSchema, DisclosureSchema, DisclosureStepSchema, IdParamSchema, ReturnDisclosureSchema, UpdateDisclosureSchema,
} from '@dj/contracts';
import { uploadReader } from '../../lib/uploads/index.js';
import { currentUser, callerOf } from '../../plugins/auth.js';
import * as board from './board-service.js';
import * as files from './files-service.js';
import * as service from './service.js';

/** 三务公开: disclosures through 提出 → 审核 → 审批 → 公开. */
export const disclosureRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['disclosure'];
  const one = { 200: DisclosureSchema };

  app.get('/disclosure/rules', { schema: { tags, summary: '三务公开频次规则(含依据)', response: { 200: DisclosureRuleListSchema } } },
    async (request) => board.listRules(app.db, currentUser(request)));
  app.get('/disclosures/board', { schema: { tags, summary: '三务公开看板:各村各规则的应公开期间与状态', querystring: DisclosureBoardQuerySchema, response: { 200: DisclosureBoardSchema } } },
    async (request) => board.getBoard(app.db, currentUser(request), request.query.orgId));
  app.get('/disclosures', { schema: { tags, summary: '三务公开事项', querystring: DisclosureListQuerySchema, response: { 200: DisclosureListSchema } } },
    async (request) => service.listDisclosures(app.db, currentUser(request), request.query));
  app.post('/disclosures', { schema: { tags, summary: '起草公开事项(或更正已公开的事项)', body: CreateDisclosureSchema, response: one } },
    async (request) => service.createDisclosure(app.db, callerOf(request), request.body));
  app.get('/disclosures/:id', { schema: { tags, summary: '公开事项详情(含保密审查结果)', params: IdParamSchema, response: one } },
    async (request) => service.getDisclosure(app.db, currentUser(request), request.params.id));
  app.patch('/disclosures/:id', { schema: { tags, summary: '修改草稿或退回的公开事项', params: IdParamSchema, body: UpdateDisclosureSchema, response: one } },
    async (request) => service.updateDisclosure(app.db, callerOf(request), request.params.id, request.body));

  app.post('/disclosures/:id/files', { schema: { tags, summary: '上传附件(凭证、照片、表格)', params: IdParamSchema, response: one } },
    async (request) => files.addFile(app.db, callerOf(request), request.params.id, uploadReader(request, 'disclosureAttachment')));
  app.get('/disclosures/:id/files/:fileId', { config: { download: ['disclosureAttachment'] }, schema: { tags, summary: '下载附件', params: DisclosureFileParamsSchema } }, async (request, reply) => {
    const file = await files.readFile(app.db, currentUser(request), request.params.id, request.params.fileId);
    return reply.type(file.mime).header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.name)}`).send(file.data);
  });
  app.delete('/disclosures/:id/files/:fileId', { schema: { tags, summary: '删除附件(草稿或退回时)', params: DisclosureFileParamsSchema, response: one } },
    async (request) => files.deleteFile(app.db, callerOf(request), request.params.id, request.params.fileId));
  app.post('/disclosures/:id/table', { schema: { tags, summary: '从Excel(xlsx)导入公开表格:第一个工作表,第1行为表头', params: IdParamSchema, response: one } },
    async (request) => files.importTableInto(app.db, callerOf(request), request.params.id, uploadReader(request, 'disclosureTable')));

  const step = (action: 'submit' | 'review' | 'approve' | 'publish', summary: string) =>
    app.post(`/disclosures/:id/${action}`, { schema: { tags, summary, params: IdParamSchema, body: DisclosureStepSchema, response: one } },
      async (request) => service.transition(app.db, callerOf(request), request.params.id, action, request.body?.note));
  step('submit', '提出');
  step('review', '审核(含保密审查)');
  step('approve', '审批');
  step('publish', '公开(含保密审查,含身份证号或手机号时拒绝)');
  app.post('/disclosures/:id/return', { schema: { tags, summary: '退回修改', params: IdParamSchema, body: ReturnDisclosureSchema, response: one } },
    async (request) => service.transition(app.db, callerOf(request), request.params.id, 'return', request.body.reason));
};
