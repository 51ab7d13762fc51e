import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { audit, type AuthUser } from '../lib/access/index.js';
import { countAuditSince } from '../lib/audit/index.js';
import { AppError } from '../lib/errors.js';
import { notifyTownAdmins } from '../lib/notices.js';
import { settingValues } from '../modules/settings/index.js';
import { isApiRoute } from './api-route.js';

/**
 * Denied accesses audited in one place (issue 12 point 5): every signed-in API request refused with 404 (an id outside
 * the caller's scope answers exactly like a nonexistent one, so both are recorded, and nobody need tell them apart) or
 * 403 leaves an 'access.denied' line naming the user, the matched route pattern and the object; a burst of them raises
 * one notice to the town admins. A refusal whose service wrote its own line (AppError.audited) gets no second one.
 */
const DENIED = new Set(['NOT_FOUND', 'FORBIDDEN']);
export const DENIED_ACTION = 'access.denied';
export const BURST_ACTION = 'access.denied_burst';
/** Any constant: one burst decision per user at a time, so concurrent refusals raise one notice. */
const BURST_LOCK = 7_340_203;
/** Database ids only: a path or query value that is anything else (a name, a 身份证号) never reaches the audit log. */
const ID = /^\d{1,12}$/;

export default fp(async function deniedAudit(app: FastifyInstance) {
  app.addHook('onError', async (request, _reply, error) => {
    if (!isDenied(error) || !request.user || !isApiRoute(request)) return;
    // The refusal is the answer: a failing audit write is logged, never turned into a 500.
    try {
      await recordDenied(app.db, request, request.user, error.status);
    } catch (err) {
      request.log.error({ err }, 'denied access not audited');
    }
  });
});

function isDenied(error: FastifyError | AppError): error is AppError {
  return error instanceof AppError && DENIED.has(error.code) && !error.audited;
}

async function recordDenied(db: Db, request: FastifyRequest, user: AuthUser, status: number): Promise<void> {
  const route = request.routeOptions.url ?? '';
  const { object, params } = objectOf(route, request.params);
  const query = idsOf(request.query, (key) => key.endsWith('Id'));
  const detail = { method: request.method, route, status, ...(params ? { params } : {}), ...(query ? { query } : {}) };
  await audit(db, { user, ip: request.ip }, { action: DENIED_ACTION, result: 'denied', objectType: object.type, objectId: object.id, detail });
  await noticeBurst(db, { user, ip: request.ip });
}

/**
 * The object a route names: the resource segment before its first id parameter (`/api/members/:id` → members, the id),
 * else the route's first segment with no id. Further id parameters go to the detail.
 */
function objectOf(route: string, rawParams: unknown) {
  const segments = route.split('/').filter(Boolean).slice(1);
  const values = idsOf(rawParams, () => true) ?? {};
  const first = segments.findIndex((s) => s.startsWith(':') && s.slice(1) in values);
  const name = first > 0 ? segments[first].slice(1) : undefined;
  const object = { type: first > 0 ? segments[first - 1] : segments[0] ?? null, id: name ? values[name] : null };
  const rest = Object.fromEntries(Object.entries(values).filter(([key]) => key !== name));
  return { object, params: Object.keys(rest).length ? rest : undefined };
}

/** The id-shaped values of a params or query object whose keys pass `keep`; undefined when none. */
function idsOf(raw: unknown, keep: (key: string) => boolean): Record<string, string> | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const ids = Object.entries(raw).filter(([key, value]) => keep(key) && ID.test(String(value)));
  return ids.length ? Object.fromEntries(ids.map(([key, value]) => [key, String(value)])) : undefined;
}

/**
 * One notice to the town admins when a user reaches security.deniedBurstCount refusals within
 * security.deniedBurstMinutes, and no more for that user until a whole window has passed without one (the notice's
 * own audit line marks it). A typo's 404 stays one line.
 */
async function noticeBurst(db: Db, caller: { user: AuthUser; ip: string }): Promise<void> {
  const { user } = caller;
  const limits = await settingValues(db, user.tenantId, ['security.deniedBurstCount', 'security.deniedBurstMinutes']);
  const minutes = limits['security.deniedBurstMinutes'];
  const since = new Date(Date.now() - minutes * 60_000);
  const window = { tenantId: user.tenantId, userId: user.id, since };
  const denied = await countAuditSince(db, { ...window, action: DENIED_ACTION });
  if (denied < limits['security.deniedBurstCount']) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BURST_LOCK}, ${user.id})`);
    if (await countAuditSince(tx, { ...window, action: BURST_ACTION }) > 0) return;
    const notified = await notifyTownAdmins(tx, user.tenantId, {
      kind: BURST_ACTION, title: '账号多次被拒绝访问', link: '/settings/users', dedupeKey: `denied-burst:${user.id}:${Date.now()}`,
      body: `${user.displayName}(${user.username})${minutes}分钟内${denied}次请求本人范围以外、不存在或无权操作的记录,均被拒绝(已记入审计)`,
    }, user.id);
    await audit(tx, caller, { action: BURST_ACTION, objectType: 'user', objectId: user.id, detail: { denied, minutes, notified: notified.length } });
  });
}
