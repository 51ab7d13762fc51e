import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { fieldLabel, type ErrorBody } from '@dj/contracts';
import { z } from 'zod';
import { AppError } from '../lib/errors.js';

const FASTIFY_CODES: Record<string, { status: number; body: ErrorBody }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大(上限 1 MB)' } },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, body: { code: 'VALIDATION', message: '请求内容不是有效的 JSON' } },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, body: { code: 'VALIDATION', message: '请求内容为空' } },
  // Multipart refusals outside lib/uploads' reader (which names the size limit itself).
  FST_REQ_FILE_TOO_LARGE: { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: '上传的文件过大' } },
  FST_FILES_LIMIT: { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: '一次只能上传一个文件' } },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, body: { code: 'VALIDATION', message: '不支持的请求内容类型,请使用 application/json' } },
};

/** The field's label from the failing route's own schema (body, querystring or params), else its key. */
function labelOf(request: FastifyRequest, part: FastifyError['validationContext'], segments: string[]): string {
  const schema = part ? request.routeOptions.schema?.[part] : undefined;
  const label = schema instanceof z.ZodType ? fieldLabel(schema, segments) : undefined;
  return label ?? segments.at(-1) ?? '请求';
}

/** One error vocabulary: `{code, message, fields?}` in Chinese; 5xx never shows internals. */
export default fp(async function errorsPlugin(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return reply.code(error.status).send(error.toBody());
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => {
        const segments = v.instancePath.split('/').filter(Boolean);
        const path = segments.join('.');
        const label = labelOf(request, error.validationContext, segments);
        const message = v.message ?? '格式不正确';
        return { path, message: message.includes(label) ? message : `${label}:${message}` };
      });
      return reply.code(400).send({ code: 'VALIDATION', message: `请求参数有误:${fields.map((f) => f.message).join(';')}`, fields });
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return reply.code(known.status).send(known.body);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ code: 'BAD_REQUEST', message: '请求无法处理' });
    }
    // A lost database connection is an outage, not a bug: say so and let the client retry.
    const unavailable = /ECONNREFUSED|ECONNRESET|timeout exceeded when trying to connect|Connection terminated/i.test(error.message);
    request.log.error({ err: error }, 'request failed');
    if (unavailable) return reply.code(503).send({ code: 'UNAVAILABLE', message: '数据库暂时不可用,请稍后重试' });
    return reply.code(500).send({ code: 'INTERNAL', message: '服务器内部错误,请稍后重试' });
  });
});
