import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { BACKGROUND_REQUEST_HEADER, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS } from '@dj/contracts';
import type { FastifyContextConfig, FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.js';
import type { AuthUser, Caller } from '../lib/access/caller.js';
import { accessOf } from '../lib/access/grants.js';
import { dbScopeOf, enterRowScope, SYSTEM_SCOPE, type Db } from '../db/client.js';
import { deleteSession, findSession, touchSession } from '../modules/auth/index.js';
import { isApiPattern } from './api-route.js';

export const SESSION_COOKIE = 'sid';

export type { AuthUser } from '../lib/access/caller.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: AuthUser | null;
    sessionId: string | null;
    csrfToken: string | null;
    /** The signed-in user must change the password before anything else (issue 12 point 2). */
    mustChangePassword: boolean;
  }
  interface FastifyContextConfig {
    /** Routes open without a session (sign-in, health, public pages). */
    public?: boolean;
    /** Routes a user who must change the password may still call: the change itself, sign-out, "who am I". */
    duringPasswordChange?: boolean;
  }
}

export const PASSWORD_CHANGE_MESSAGE = '请先修改密码:首次登录、密码被重置或密码已过期后,须设置新密码才能继续使用';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A session's CSRF token, derived from its cookie token instead of stored (issue 12 point 5; README 密钥): the database
 * holds only the cookie token's SHA-256, from which neither can be computed, and the token is bound to its session.
 * Keyed by the cookie token itself, not a server key: whoever holds the cookie may read the token from /api/auth/me
 * anyway, and no key is left to configure, rotate or lose (a restart or a second API process keeps every token valid).
 */
export const csrfTokenOf = (sessionToken: string) => createHmac('sha256', sessionToken).update('dj csrf v1').digest('base64url');

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * What the guard asks of a route, from its registered pattern, method and options: a session unless the route is public
 * or outside /api, and on writes the CSRF header too. The hook below and the OpenAPI document's security requirements
 * (plugins/openapi.ts) both read it, so the document cannot drift from what the server enforces.
 */
export function guardOf(route: { url: string | undefined; method: string; config?: FastifyContextConfig }): { session: boolean; csrf: boolean } {
  const session = !route.config?.public && isApiPattern(route.url);
  return { session, csrf: session && UNSAFE.has(route.method) };
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Who is calling: resolves the session cookie, enforces expiry and CSRF, and requires sign-in by default. */
export default fp(async function authPlugin(app: FastifyInstance) {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('mustChangePassword', false);

  app.addHook('preValidation', async (request: FastifyRequest) => {
    // The row scope (docs/decisions/008), entered before the first await so the handler inherits it; here rather than in
    // onRequest, whose context the body's stream events would lose. The session is read as the system, then the scope
    // narrows to the user's subtrees. Public routes (sign-in, the village pages) stay '*': they choose rows by village
    // code and publication state themselves.
    const rowScope = enterRowScope(SYSTEM_SCOPE);
    const token = request.cookies[SESSION_COOKIE];
    if (token) await resolveSession(app, request, token);
    if (request.user && !request.routeOptions.config?.public) rowScope.value = dbScopeOf(request.user.scope);
    // Only the API is guarded: the web bundle's files are public, and unknown paths answer 404 below. Keyed on the
    // matched route, not the URL, so every spelling that reaches an /api handler meets the same checks.
    const guard = guardOf({ url: request.is404 ? undefined : request.routeOptions.url, method: request.method, config: request.routeOptions.config });
    if (!guard.session) return;
    if (!request.user) throw new AppError('UNAUTHENTICATED', '未登录或登录已过期,请重新登录');
    if (guard.csrf) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !request.csrfToken || !sameToken(sent, request.csrfToken)) {
        throw new AppError('CSRF', '请求缺少有效的安全令牌(x-csrf-token),请刷新页面后重试');
      }
    }
    // Decided by the matched route's options, so no spelling of a path gets around it.
    if (request.mustChangePassword && !request.routeOptions.config?.duringPasswordChange) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', PASSWORD_CHANGE_MESSAGE);
    }
  });
});

async function resolveSession(app: FastifyInstance, request: FastifyRequest, token: string): Promise<void> {
  // A request the page made by itself (the bell's poll) is no activity of the user: the idle clock runs on.
  const loaded = await loadSessionUser(app.db, hashToken(token), { touch: request.headers[BACKGROUND_REQUEST_HEADER] !== '1' });
  if (!loaded) return;
  request.sessionId = loaded.sessionId;
  request.csrfToken = csrfTokenOf(token);
  request.user = loaded.user;
  request.mustChangePassword = loaded.mustChangePassword;
}

/** A live session's user with a fresh scope, or null when it is unknown, expired or its user disabled. */
export async function loadSessionUser(db: Db, id: string, { touch = true } = {}) {
  const found = await findSession(db, id);
  if (!found) return null;
  const now = Date.now();
  const expired = now - found.lastSeenAt.getTime() > SESSION_IDLE_MS || now - found.createdAt.getTime() > SESSION_ABSOLUTE_MS;
  if (expired || found.user.disabled) {
    await deleteSession(db, id);
    return null;
  }
  // The idle and absolute lifetimes come from the contracts (the web warns before the idle end with the same numbers);
  // last_seen_at moves at most once a SESSION_TOUCH_MS, not on every request.
  if (touch && now - found.lastSeenAt.getTime() > SESSION_TOUCH_MS) await touchSession(db, id);
  const { user: u, grants } = found;
  const user: AuthUser = {
    id: u.id, tenantId: u.tenantId, personId: u.personId, tenantName: u.tenantName, isDemoTenant: u.isDemoTenant, username: u.username,
    displayName: u.displayName, ...accessOf(u.tenantId, grants),
  };
  return { sessionId: id, user, mustChangePassword: found.mustChangePassword };
}


/** The signed-in user; routes behind the default guard always have one. */
export function currentUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw new AppError('UNAUTHENTICATED', '未登录或登录已过期,请重新登录');
  return request.user;
}

/** The caller of a request: who, from where, with the field keys and the session (for step-up). */
export function callerOf(request: FastifyRequest): Caller {
  return { user: currentUser(request), ip: request.ip, cipher: request.server.cipher, sessionId: request.sessionId };
}
