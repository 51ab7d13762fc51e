import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EnrolmentSchema, IdParamSchema, OkSchema, RecoveryCodesSchema, TotpCodeBodySchema, TwoFactorStatusSchema } from '@dj/contracts';
import { callerOf, currentUser } from '../../plugins/auth.js';
import * as service from './service.js';

const tags = ['two-factor'];

/** The signed-in user's own second factor, and a town admin's reset of someone else's. */
export const twoFactorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/status', {
    schema: { tags, summary: '本人手机验证器状态', response: { 200: TwoFactorStatusSchema } },
  }, async (request) => service.status(app.db, currentUser(request)));

  app.post('/enrolment', {
    schema: { tags, summary: '开始启用手机验证器(生成二维码和密钥)', response: { 200: EnrolmentSchema } },
  }, async (request) => service.startEnrolment(app.db, app.cipher, currentUser(request)));

  app.post('/enrolment/confirm', {
    schema: { tags, summary: '输入第一个验证码完成启用,返回10个恢复码(只显示一次)', body: TotpCodeBodySchema, response: { 200: RecoveryCodesSchema } },
  }, async (request) => service.enrolSignedIn(app.db, callerOf(request), request.body.code));

  app.post('/recovery-codes', {
    schema: { tags, summary: '重新生成恢复码(需再次输入登录密码)', response: { 200: RecoveryCodesSchema } },
  }, async (request) => service.regenerateRecoveryCodes(app.db, callerOf(request)));

  app.post('/disable', {
    schema: { tags, summary: '停用本人手机验证器(本镇未要求时;需再次输入登录密码)', response: { 200: OkSchema } },
  }, async (request) => {
    await service.disableOwn(app.db, callerOf(request));
    return { ok: true as const };
  });

  app.post('/users/:id/reset', {
    schema: { tags, summary: '重置他人的手机验证器(镇党委管理员;需再次输入登录密码)', params: IdParamSchema, response: { 200: OkSchema } },
  }, async (request) => {
    await service.resetForUser(app.db, callerOf(request), request.params.id);
    return { ok: true as const };
  });
};
