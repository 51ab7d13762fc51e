import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PublicDisclosureParamsSchema, PublicDisclosureSchema, PublicFileParamsSchema, PublicVillageDisclosuresSchema, PublicVillageParamsSchema } from '@dj/contracts';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../lib/errors.js';
import { perMinute } from '../../plugins/rate-limit.js';
import * as service from './public-service.js';
import { renderBusy, renderDisclosurePage, renderMicroPowerPage, renderNotFound, renderVillagePage } from './public-page.js';

const PAGE_CODE = /^\d{6,15}$/;
const PageParams = z.object({ code: z.string().max(40) });
const PageDisclosureParams = PageParams.extend({ id: z.string().max(20) });

/** HTML answers: an unknown village, a draft and a nonexistent id all get the same 404 page. */
async function page(request: FastifyRequest, reply: FastifyReply, render: () => Promise<string>) {
  let html: string;
  try {
    html = await render();
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return reply.code(404).type('text/html; charset=utf-8').send(renderNotFound());
    throw error;
  }
  // Published text changes only by a new publication: a short shared cache keeps a weak connection fast.
  reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300').header('vary', 'accept-encoding');
  // Village pages are mostly repeated markup: gzip takes a year of disclosures from ~26 KB to a few KB on a weak line.
  if (acceptsGzip(request)) return reply.header('content-encoding', 'gzip').send(gzipSync(html));
  return reply.send(html);
}

const acceptsGzip = (request: FastifyRequest) => /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));

/** The public JSON is compressed like the pages: outside systems polling a village's year of disclosures. */
async function gzipJson(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  reply.header('vary', 'accept-encoding');
  if (typeof payload !== 'string' || payload.length < 1024 || reply.statusCode !== 200 || !acceptsGzip(request)) return payload;
  reply.header('content-encoding', 'gzip');
  return gzipSync(payload);
}

// Anyone can reach these: a per-address limit keeps one scraper from taking the server from the villagers.
const publicConfig = (app: FastifyInstance) => ({ public: true, rateLimit: perMinute(app.config.PUBLIC_RATE_LIMIT) });

/** Public JSON, no sign-in (registered under /api/public): a village's published disclosures and their files. */
export const publicApiRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['public'];
  const config = publicConfig(app);
  app.get('/villages/:code/disclosures', { config, onSend: gzipJson, schema: { tags, summary: '某村已公开的三务公开、小微权力清单和公示(无需登录)', params: PublicVillageParamsSchema, response: { 200: PublicVillageDisclosuresSchema } } },
    async (request) => service.villageDisclosures(app.db, request.params.code));
  app.get('/villages/:code/disclosures/:id', { config, onSend: gzipJson, schema: { tags, summary: '一份已公开的公开事项(无需登录)', params: PublicDisclosureParamsSchema, response: { 200: PublicDisclosureSchema } } },
    async (request) => (await service.villageDisclosure(app.db, request.params.code, request.params.id)).disclosure);
  app.get('/files/:fileId', { config: { ...config, download: ['disclosureAttachment'] }, schema: { tags, summary: '已公开事项的附件(无需登录)', params: PublicFileParamsSchema } }, async (request, reply) => {
    const file = await service.publicFile(app.db, request.params.fileId);
    return reply.type(file.mime).header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.name)}`).send(file.data);
  });
};

/** Public pages, no sign-in (registered under /public): a village's published disclosures and 公示, its micro-power list on a page of its own. */
export const publicPageRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = publicConfig(app);
  // The pages answer a refusal as a page too: a villager on a phone should not see JSON.
  const pageErrors = (error: Error, _request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError && error.code === 'RATE_LIMITED') return reply.code(429).type('text/html; charset=utf-8').send(renderBusy(error.message));
    throw error;
  };
  app.get('/villages/:code', { config, errorHandler: pageErrors, schema: { hide: true, params: PageParams } }, async (request, reply) => page(request, reply, async () => {
    if (!PAGE_CODE.test(request.params.code)) throw new AppError('NOT_FOUND', '');
    return renderVillagePage(await service.villageDisclosures(app.db, request.params.code));
  }));
  app.get('/villages/:code/micro-power', { config, errorHandler: pageErrors, schema: { hide: true, params: PageParams } }, async (request, reply) => page(request, reply, async () => {
    if (!PAGE_CODE.test(request.params.code)) throw new AppError('NOT_FOUND', '');
    return renderMicroPowerPage(await service.villageMicroPower(app.db, request.params.code));
  }));
  app.get('/villages/:code/disclosures/:id', { config, errorHandler: pageErrors, schema: { hide: true, params: PageDisclosureParams } }, async (request, reply) => page(request, reply, async () => {
    const id = Number(request.params.id);
    if (!PAGE_CODE.test(request.params.code) || !Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw new AppError('NOT_FOUND', '');
    const { village, disclosure } = await service.villageDisclosure(app.db, request.params.code, id);
    return renderDisclosurePage(village, disclosure);
  }));
};
