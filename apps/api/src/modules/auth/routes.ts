import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChangePasswordBodySchema, ChangePasswordResultSchema, IdParamSchema, LoginBodySchema, LoginResultSchema, MeSchema, OkSchema, PasswordPolicySchema, PreferencesSchema, SessionListSchema,
  StepUpBodySchema, StepUpResultSchema,
} from '@dj/contracts';
import { AppError } from '../../lib/errors.js';
import { currentUser, loadSessionUser, SESSION_COOKIE } from '../../plugins/auth.js';
import { perMinute } from '../../plugins/rate-limit.js';
import * as service from './service.js';
import { endSessionOf, listSessionsOf } from './sessions-service.js';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  // Per address on top of the per-account lockout: one address trying many accounts is stopped too.
  app.post('/login', {
    config: { public: true, rateLimit: perMinute(app.config.LOGIN_RATE_LIMIT) },
    schema: { tags: ['auth'], summary: '登录(需要手机验证码的账号先得到待验证的登录)', body: LoginBodySchema, response: { 200: LoginResultSchema } },
  }, async (request, reply) => {
    const result = await service.login(app.db, request.body.username, request.body.password, request.ip, app.secondStep);
    if ('held' in result) {
      const { cookie, pending } = result.held;
      reply.setCookie(cookie.name, cookie.value, { httpOnly: true, sameSite: 'strict', secure: app.config.COOKIE_SECURE, path: cookie.path });
      return pending;
    }
    const { token, sessionId, csrfToken } = result;
    const loaded = await loadSessionUser(app.db, sessionId);
    if (!loaded) throw new AppError('UNAUTHENTICATED', '登录失败,请重试');
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: app.config.COOKIE_SECURE, path: '/' });
    return service.toMe(loaded.user, csrfToken, await service.passwordChangeOf(app.db, loaded.user, loaded.mustChangePassword), await service.elderModeOf(app.db, loaded.user));
  });

  app.post('/logout', {
    config: { duringPasswordChange: true },
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
    config: { duringPasswordChange: true },
    schema: { tags: ['auth'], summary: '当前用户', response: { 200: MeSchema } },
  }, async (request) => {
    const user = currentUser(request);
    return service.toMe(user, request.csrfToken ?? '', await service.passwordChangeOf(app.db, user, request.mustChangePassword), await service.elderModeOf(app.db, user));
  });

  // 适老化 (issue 21 point 3): the caller's own display preference; there is no other user's to name.
  app.patch('/preferences', {
    schema: { tags: ['auth'], summary: '修改本人的显示偏好(适老化模式:大字号、大按钮)', body: PreferencesSchema, response: { 200: PreferencesSchema } },
  }, async (request) => service.setPreferences(app.db, { user: currentUser(request), ip: request.ip }, request.body));

  // Issue 12 point 2: the one route besides sign-out and "who am I" a user with a one-time or expired password may call.
  app.post('/password', {
    config: { duringPasswordChange: true },
    schema: { tags: ['auth'], summary: '修改本人密码(须先输入当前密码;本人其他登录设备随即退出)', body: ChangePasswordBodySchema, response: { 200: ChangePasswordResultSchema } },
  }, async (request) => service.changePassword(app.db, currentUser(request), request.sessionId, request.body, request.ip));

  app.get('/password-policy', {
    config: { duringPasswordChange: true },
    schema: { tags: ['auth'], summary: '本镇密码规则(修改密码表单的提示)', response: { 200: PasswordPolicySchema } },
  }, async (request) => service.passwordPolicy(app.db, currentUser(request)));

  app.get('/sessions', {
    schema: { tags: ['auth'], summary: '本人的登录设备', response: { 200: SessionListSchema } },
  }, async (request) => listSessionsOf(app.db, currentUser(request).id, request.sessionId));

  // Ending the session this request came from is signing out: the cookie goes too.
  app.delete('/sessions/:id', {
    schema: { tags: ['auth'], summary: '让本人的一个登录设备退出', params: IdParamSchema, response: { 200: OkSchema } },
  }, async (request, reply) => {
    const user = currentUser(request);
    const current = (await listSessionsOf(app.db, user.id, request.sessionId)).items.find((s) => s.current);
    await endSessionOf(app.db, { user, ip: request.ip }, user.id, request.params.id);
    if (current?.id === request.params.id) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });
};
