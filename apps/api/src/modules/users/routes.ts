import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BulkSecretariesBodySchema, BulkSecretariesPreviewSchema, BulkSecretariesResultSchema, CreateUserBodySchema, CreateUserResultSchema,
  CredentialSheetBodySchema, IdParamSchema, OkSchema, ResetPasswordResultSchema, SessionListSchema, UpdateUserBodySchema,
  UserListQuerySchema, UserListSchema, UserSessionParamsSchema, UserSummarySchema,
} from '@dj/contracts';
import { callerOf, currentUser } from '../../plugins/auth.js';
import * as accounts from './account-service.js';
import { createSecretaries, previewSecretaries } from './bulk-secretaries.js';
import * as service from './service.js';
import { credentialSheet } from './sheet-service.js';

const tags = ['users'];
const summary = { 200: UserSummarySchema };

/** 账号管理 (issue 12 point 1): a town admin's accounts of the town, their role grants, passwords, locks and sessions. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('', { schema: { tags, summary: '本镇账号列表', querystring: UserListQuerySchema, response: { 200: UserListSchema } } },
    async (request) => service.listUsers(app.db, currentUser(request), request.query));

  app.post('', { schema: { tags, summary: '新建账号(返回一次性密码,只显示一次)', body: CreateUserBodySchema, response: { 201: CreateUserResultSchema } } },
    async (request, reply) => reply.code(201).send(await service.createUser(app.db, callerOf(request), request.body)));

  // The passwords travel in the body, never a URL; the PDF is rendered and sent, not stored.
  app.post('/credential-sheet', { config: { download: ['pdf'] }, schema: { tags, summary: '账号交接单(A4 PDF,不保存)', body: CredentialSheetBodySchema } },
    async (request, reply) => reply.type('application/pdf').header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="credentials.pdf"; filename*=UTF-8''${encodeURIComponent('账号交接单.pdf')}`)
      .send(await credentialSheet(app.db, callerOf(request), request.body.credentials)));

  // 批量开通书记账号 (issue 12 point 4): the preview, then every creatable account in one step (passwords once, in the answer).
  app.get('/bulk/secretaries', { schema: { tags, summary: '批量开通书记账号:各支部书记及是否已有账号', response: { 200: BulkSecretariesPreviewSchema } } },
    async (request) => previewSecretaries(app.db, currentUser(request)));

  app.post('/bulk/secretaries', {
    schema: { tags, summary: '批量开通书记账号(返回一次性密码,只显示一次)', body: BulkSecretariesBodySchema, response: { 200: BulkSecretariesResultSchema } },
  }, async (request) => createSecretaries(app.db, callerOf(request)));

  app.get('/:id', { schema: { tags, summary: '账号详情', params: IdParamSchema, response: summary } },
    async (request) => service.getUser(app.db, currentUser(request), request.params.id));

  app.patch('/:id', { schema: { tags, summary: '修改显示名称或角色授权(整体替换)', params: IdParamSchema, body: UpdateUserBodySchema, response: summary } },
    async (request) => service.updateUser(app.db, callerOf(request), request.params.id, request.body));

  app.post('/:id/disable', { schema: { tags, summary: '停用账号(其所有登录立即失效)', params: IdParamSchema, response: summary } },
    async (request) => accounts.setDisabled(app.db, callerOf(request), request.params.id, true));

  app.post('/:id/enable', { schema: { tags, summary: '启用账号', params: IdParamSchema, response: summary } },
    async (request) => accounts.setDisabled(app.db, callerOf(request), request.params.id, false));

  app.post('/:id/reset-password', {
    schema: { tags, summary: '重置密码(返回一次性密码;其所有登录失效,下次登录须修改)', params: IdParamSchema, response: { 200: ResetPasswordResultSchema } },
  }, async (request) => accounts.resetPassword(app.db, callerOf(request), request.params.id));

  app.post('/:id/unlock', { schema: { tags, summary: '解除登录锁定', params: IdParamSchema, response: summary } },
    async (request) => accounts.unlock(app.db, callerOf(request), request.params.id));

  app.get('/:id/sessions', { schema: { tags, summary: '账号的登录设备', params: IdParamSchema, response: { 200: SessionListSchema } } },
    async (request) => accounts.sessionsOf(app.db, callerOf(request), request.params.id));

  app.delete('/:id/sessions/:sessionId', { schema: { tags, summary: '结束账号的一个登录', params: UserSessionParamsSchema, response: { 200: OkSchema } } },
    async (request) => {
      await accounts.endSession(app.db, callerOf(request), request.params.id, request.params.sessionId);
      return { ok: true as const };
    });
};
