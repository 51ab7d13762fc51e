import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.js';
import { postgresRateLimitStore } from './rate-limit-store.js';

/**
 * Per-address limits on what anyone can reach without an account: the public village pages and sign-in.
 * Off by default; a route opts in with `config: { rateLimit: perMinute(n) }`. The count lives in PostgreSQL
 * (rate-limit-store.ts), so N processes (WORKERS) or several hosts count one address once (decision 009).
 */
export default fp(async function rateLimits(app: FastifyInstance) {
  await app.register(rateLimit, {
    global: false,
    store: postgresRateLimitStore(app.db),
    // The handler in plugins/errors.ts turns this into the usual {code, message} in Chinese.
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', `请求过于频繁:同一地址每分钟最多 ${context.max} 次,请 ${Math.max(1, Math.ceil(context.ttl / 1000))} 秒后再试`),
  });
});

/** A route's limit from a per-minute setting; 0 means no limit. */
export const perMinute = (max: number): { max: number; timeWindow: number } | false => (max > 0 ? { max, timeWindow: 60_000 } : false);
