import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { perMinute } from '../../plugins/rate-limit.js';
import { publicBusyPage, publicNotFoundPage } from '../disclosure/index.js';
import * as pages from './public-page.js';

const CODE = /^\d{6,15}$/;
const MAX_ID = 2_147_483_647;
const Params = z.object({ code: z.string().max(40) });
const IdParams = Params.extend({ id: z.string().max(20) });
const ChildParams = IdParams.extend({ childId: z.string().max(20) });

const idOf = (s: string) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n <= 0 || n > MAX_ID) throw new AppError('NOT_FOUND', '');
  return n;
};

/** An unknown town, a draft and a made-up id get the same 404 page, as the village pages. */
async function answer(reply: FastifyReply, code: string, send: () => Promise<FastifyReply>) {
  try {
    if (!CODE.test(code)) throw new AppError('NOT_FOUND', '');
    return await send();
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return reply.code(404).type('text/html; charset=utf-8').send(publicNotFoundPage());
    throw error;
  }
}

// Published content changes only by a new publication: the village pages' short shared cache.
const html = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300').send(body);
const image = (reply: FastifyReply, file: { mime: string; data: Buffer }) => reply.type(file.mime).header('cache-control', 'public, max-age=3600').send(file.data);
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** The town's public site (registered under /public, no sign-in), rate limited per address like the village pages. */
export const townPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { public: true, rateLimit: perMinute(app.config.PUBLIC_RATE_LIMIT) };
  const errorHandler = (error: Error, _request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError && error.code === 'RATE_LIMITED') return reply.code(429).type('text/html; charset=utf-8').send(publicBusyPage(error.message));
    throw error;
  };
  const opts = <T extends z.ZodTypeAny>(params: T) => ({ config, errorHandler, schema: { hide: true, params } });
  app.get('/towns/:code', opts(Params), async (request, reply) => answer(reply, request.params.code, async () =>
    html(reply, await pages.townHomePage(app.db, request.params.code))));
  app.get('/towns/:code/news/:id', opts(IdParams), async (request, reply) => answer(reply, request.params.code, async () =>
    html(reply, await pages.newsPage(app.db, request.params.code, idOf(request.params.id), originOf(request)))));
  app.get('/towns/:code/news/:id/images/:childId', opts(ChildParams), async (request, reply) => answer(reply, request.params.code, async () =>
    image(reply, await pages.newsImage(app.db, request.params.code, idOf(request.params.id), idOf(request.params.childId)))));
  app.get('/towns/:code/showcases/:id', opts(IdParams), async (request, reply) => answer(reply, request.params.code, async () =>
    html(reply, await pages.showcasePage(app.db, request.params.code, idOf(request.params.id)))));
  app.get('/towns/:code/showcases/:id/photos/:childId', opts(ChildParams), async (request, reply) => answer(reply, request.params.code, async () =>
    image(reply, await pages.showcasePhoto(app.db, request.params.code, idOf(request.params.id), idOf(request.params.childId)))));
};
