import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginBodySchema, MeSchema, OkSchema } from '@dj/contracts';
import { AppError } from '../../lib/errors.js';
import { currentUser, loadSessionUser, SESSION_COOKIE } from '../../plugins/auth.js';
import { perMinute } from '../../plugins/rate-limit.js';
import * as service from './service.js';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  // Per address on top of the per-account lockout: one address trying many accounts is stopped too.
  app.post('/api/auth/login', {
    config: { public: true, rateLimit: perMinute(app.config.LOGIN_RATE_LIMIT) },
    schema: { tags: ['auth'], summary: '登录', body: LoginBodySchema, response: { 200: MeSchema } },
  }, async (request, reply) => {
    const { token, sessionId, csrfToken } = await service.login(app.db, request.body.username, request.body.password, request.ip);
    const loaded = await loadSessionUser(app.db, sessionId);
    if (!loaded) throw new AppError('UNAUTHENTICATED', '登录失败,请重试');
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: app.config.COOKIE_SECURE, path: '/' });
    return service.toMe(loaded.user, csrfToken);
  });

  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: '退出登录', response: { 200: OkSchema } },
  }, async (request, reply) => {
    await service.logout(app.db, currentUser(request), request.sessionId ?? '', request.ip);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: '当前用户', response: { 200: MeSchema } },
  }, async (request) => service.toMe(currentUser(request), request.csrfToken ?? ''));
};
