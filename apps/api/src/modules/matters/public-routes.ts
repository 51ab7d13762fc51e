import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MATTER_LIMITS, RECEIPT_PATTERN } from '@dj/contracts';
import { AppError } from '../../lib/errors.js';
import { perMinute } from '../../plugins/rate-limit.js';
import { esc, publicNotFoundPage, publicPageLayout } from '../disclosure/index.js';
import { formPage, posterPage, receiptPage, statusPage } from './public-page.js';
import * as service from './public-service.js';

const CODE = /^\d{6,15}$/;
const Params = z.object({ code: z.string().max(40) });
const ReceiptParams = z.object({ receipt: z.string().max(40) });
const html = (reply: FastifyReply, status: number, body: string) => reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
const busy = (message: string) => publicPageLayout('请稍后再试', `<header><h1>请稍后再试</h1></header><main><section class="c">${esc(message)}</section></main>`);

/** An unknown village or receipt and a malformed one get the same 404 page as the other public pages. */
async function page(reply: FastifyReply, render: () => Promise<string>, status = 200) {
  try {
    return html(reply, status, await render());
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return html(reply, 404, publicNotFoundPage());
    throw error;
  }
}

const checkedCode = (code: string) => {
  if (!CODE.test(code)) throw new AppError('NOT_FOUND', '');
  return code;
};

/**
 * 村民说事's public pages (registered under /public, no sign-in, no script): the village's form and its 公开栏 poster,
 * the form's POST (urlencoded, its own smaller per-address limit, a body limit and a honeypot; no captcha, decision
 * 006), and the status page by receipt.
 */
export const mattersPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { public: true, rateLimit: perMinute(app.config.PUBLIC_RATE_LIMIT) };
  // A plain HTML form posts urlencoded; this plugin alone reads it (a scope of its own), at most publicBodyBytes.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: MATTER_LIMITS.publicBodyBytes }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  const pageErrors = (error: Error & { statusCode?: number }, _request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError && error.code === 'RATE_LIMITED') return html(reply, 429, busy(error.message));
    if (error.statusCode === 413) return html(reply, 413, busy(`提交的内容过长,请精简到${MATTER_LIMITS.content}字以内后重试`));
    if (error.statusCode === 415) return html(reply, 415, busy('请通过村民说事页面的表单提交'));
    throw error;
  };
  const base = { errorHandler: pageErrors, schema: { hide: true, params: Params } };

  app.get('/villages/:code/matters/new', { ...base, config }, async (request, reply) => page(reply, async () =>
    formPage(await service.village(app.db, checkedCode(request.params.code)))));
  app.get('/villages/:code/matters/poster', { ...base, config }, async (request, reply) => page(reply, async () =>
    posterPage(await service.village(app.db, checkedCode(request.params.code)), `${request.protocol}://${request.host}`)));
  app.post('/villages/:code/matters', {
    ...base, bodyLimit: MATTER_LIMITS.publicBodyBytes,
    config: { public: true, rateLimit: perMinute(app.config.MATTER_INTAKE_RATE_LIMIT) },
  }, async (request, reply) => {
    const village = await service.village(app.db, checkedCode(request.params.code)).catch(() => undefined);
    if (!village) return html(reply, 404, publicNotFoundPage());
    const form = service.readForm(request.body);
    if (!form.ok) {
      const values = Object.fromEntries(Object.entries((request.body ?? {}) as Record<string, unknown>).filter(([k, v]) => k !== 'website' && typeof v === 'string')) as Record<string, string>;
      return html(reply, 400, formPage(village, form.messages, form.honeypot ? {} : values));
    }
    const receipt = await service.submitPublic(app.db, app.cipher, village.code, form.input, request.ip);
    return html(reply, 201, receiptPage(village, receipt));
  });
  app.get('/matters/:receipt', { errorHandler: pageErrors, config, schema: { hide: true, params: ReceiptParams } }, async (request, reply) => page(reply, async () => {
    const receipt = request.params.receipt.toUpperCase();
    if (!RECEIPT_PATTERN.test(receipt)) throw new AppError('NOT_FOUND', '');
    return statusPage(await service.status(app.db, receipt));
  }));
};
