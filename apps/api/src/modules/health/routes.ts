import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'drizzle-orm';

const StatusSchema = z.object({ status: z.enum(['ok', 'unavailable']) });
/** With WORKERS > 1: which process answered and whether it is the one running the jobs. */
const LiveSchema = StatusSchema.extend({ worker: z.object({ id: z.number().int(), jobs: z.boolean() }).optional() });
const READY_TIMEOUT_MS = 1000;

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/healthz', { config: { public: true }, schema: { tags: ['health'], summary: '进程存活', response: { 200: LiveSchema } } }, async () => (
    app.worker ? { status: 'ok' as const, worker: app.worker } : { status: 'ok' as const }));

  // Answers within a second either way: a load balancer must not wait on a stuck database.
  app.get('/readyz', { config: { public: true }, schema: { tags: ['health'], summary: '数据库可用', response: { 200: StatusSchema, 503: StatusSchema } } }, async (_request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS); });
    const probe = app.db.execute(sql`select 1`).then(() => true, () => false);
    const ok = await Promise.race([probe, timeout]);
    clearTimeout(timer);
    return ok ? { status: 'ok' as const } : reply.code(503).send({ status: 'unavailable' as const });
  });
};
