import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { EnrolmentSchema, MeSchema, SecondFactorCodeBodySchema, SignInEnrolledSchema, TotpCodeBodySchema } from '@dj/contracts';
import { AppError } from '../../lib/errors.js';
import { loadSessionUser, SESSION_COOKIE } from '../../plugins/auth.js';
import { perMinute } from '../../plugins/rate-limit.js';
import { elderModeOf, openSessionAfterSecondStep, passwordChangeOf, toMe } from '../auth/index.js';
import * as repo from './repository.js';
import * as service from './service.js';
import { PENDING_COOKIE, PENDING_PATH, pendingOf, verifySecondFactor } from './sign-in.js';

const tags = ['two-factor'];

/**
 * The second step of sign-in (issue 12 point 3). No session exists yet, so these routes are outside the session
 * guard (public) and accept only the pending sign-in's own cookie and CSRF token (pendingOf); like the password
 * step they are rate-limited per address.
 */
export const signInRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { public: true, rateLimit: perMinute(app.config.LOGIN_RATE_LIMIT) };

  /** The pending sign-in is spent: the session cookie replaces it. */
  async function signedIn(reply: FastifyReply, session: { token: string; sessionId: string; csrfToken: string }) {
    const loaded = await loadSessionUser(app.db, session.sessionId);
    if (!loaded) throw new AppError('UNAUTHENTICATED', '登录失败,请重试');
    reply.clearCookie(PENDING_COOKIE, { path: PENDING_PATH });
    reply.setCookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'lax', secure: app.config.COOKIE_SECURE, path: '/' });
    return toMe(loaded.user, session.csrfToken, await passwordChangeOf(app.db, loaded.user, loaded.mustChangePassword), await elderModeOf(app.db, loaded.user));
  }

  app.post('/verify', {
    config,
    schema: { tags, summary: '登录第二步:输入手机验证码或恢复码', body: SecondFactorCodeBodySchema, response: { 200: MeSchema } },
  }, async (request, reply) => {
    const pending = await pendingOf(app.db, request);
    return signedIn(reply, await verifySecondFactor(app.db, app.cipher, pending, request.body.code, request.ip));
  });

  app.post('/enrolment', {
    config,
    schema: { tags, summary: '登录时启用手机验证器(本镇要求而尚未启用)', response: { 200: EnrolmentSchema } },
  }, async (request) => {
    const pending = await pendingOf(app.db, request);
    return service.startEnrolment(app.db, app.cipher, { id: pending.userId, username: pending.username });
  });

  app.post('/enrolment/confirm', {
    config,
    schema: { tags, summary: '登录时输入第一个验证码完成启用并登录,返回10个恢复码(只显示一次)', body: TotpCodeBodySchema, response: { 200: SignInEnrolledSchema } },
  }, async (request, reply) => {
    const pending = await pendingOf(app.db, request);
    const { recoveryCodes, session } = await app.db.transaction(async (tx) => {
      const codes = await service.confirmEnrolment(tx, app.cipher, pending.userId, request.body.code);
      await repo.deletePendingSignIns(tx, pending.userId);
      const session = await openSessionAfterSecondStep(tx, pending.userId, request.ip, { action: 'two_factor.enrol', detail: { atSignIn: true } });
      return { ...codes, session };
    });
    return { recoveryCodes, me: await signedIn(reply, session) };
  });
};
