import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { perMinute } from '../../plugins/rate-limit.js';
import { publicNotFoundPage } from '../disclosure/index.js';
import { townProductsPage, villageEconomyPage } from './public-page.js';

const CODE = /^\d{6,15}$/;
const Params = z.object({ code: z.string().max(40) });

/** An unknown village or town and a malformed code get the same 404 page as the other public pages. */
async function page(reply: FastifyReply, code: string, render: () => Promise<string>) {
  try {
    if (!CODE.test(code)) throw new AppError('NOT_FOUND', '');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300').send(await render());
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return reply.code(404).type('text/html; charset=utf-8').send(publicNotFoundPage());
    throw error;
  }
}

/** 集体经济's public pages (registered under /public, no sign-in): a village's 一村一品 and approved income, a town's products. */
export const economyPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  // Anyone can reach these: the per-address limit of the other public pages.
  const config = { public: true, rateLimit: perMinute(app.config.PUBLIC_RATE_LIMIT) };
  app.get('/villages/:code/economy', { config, schema: { hide: true, params: Params } }, async (request, reply) =>
    page(reply, request.params.code, () => villageEconomyPage(app.db, request.params.code)));
  app.get('/towns/:code/products', { config, schema: { hide: true, params: Params } }, async (request, reply) =>
    page(reply, request.params.code, () => townProductsPage(app.db, request.params.code)));
};
