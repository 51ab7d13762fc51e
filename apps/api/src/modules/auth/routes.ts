import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginBodySchema, MeSchema, OkSchema, StepUpBodySchema, StepUpResultSchema } from '@dj/contracts';
import { AppError } from '../../lib/errors.js';
import { currentUser, loadSessionUser, SESSION_COOKIE } from '../../plugins/auth.js';
import { perMinute } from '../../plugins/rate-limit.js';
import * as service from './service.js';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  // Per address on top of the per-account lockout: one address trying many accounts is stopped too.
  app.post('/login', {
    config: { public: true, rateLimit: perMinute(app.config.LOGIN_RATE_LIMIT) },
    schema: { tags: ['auth'], summary: '登录', body: LoginBodySchema, response: { 200: MeSchema } },
  }, async (request, reply) => {
    const { token, sessionId, csrfToken } = await service.login(app.db, request.body.username, request.body.password, request.ip);
    const loaded = await loadSessionUser(app.db, sessionId);
    if (!loaded) throw new AppError('UNAUTHENTICATED', '登录失败,请重试');
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: app.config.COOKIE_SECURE, path: '/' });
    return service.toMe(loaded.user, csrfToken);
  });

  app.post('/logout', {
    schema: { tags: ['auth'], summary: '退出登录', response: { 200: OkSchema } },
  }, async (request, reply) => {
    await service.logout(app.db, currentUser(request), request.sessionId ?? '', request.ip);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  // Signed in and CSRF-protected like every non-public route; a wrong password counts towards the account's lockout.
  app.post('/step-up', {
    schema: { tags: ['auth'], summary: '再次输入登录密码确认身份(查看或导出完整号码前,安全测试清单第26项)', body: StepUpBodySchema, response: { 200: StepUpResultSchema } },
  }, async (request) => service.stepUp(app.db, currentUser(request), request.sessionId ?? '', request.body.password, request.ip));

  app.get('/me', {
    schema: { tags: ['auth'], summary: '当前用户', response: { 200: MeSchema } },
  }, async (request) => service.toMe(currentUser(request), request.csrfToken ?? ''));
};
