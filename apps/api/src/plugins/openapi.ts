import fp from 'fastify-plugin';
import swagger, { type SwaggerTransform } from '@fastify/swagger';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import * as contracts from '@dj/contracts';
import { z } from 'zod';
import { downloadMediaTypes } from '../lib/attachment.js';
import { guardOf } from './auth.js';
import { completeDocument, type OperationFacts } from './openapi-document.js';

/** Where the document is served (README: 接口文档); app.ts registers the route after the guards' hooks. */
export const OPENAPI_URL = '/api/docs/json';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The OpenAPI document a county's own systems can use (issue 21 point 6). Every route is described at registration by
 * the same rules, none by a list: its operationId from method and path, its security from the auth guard's own
 * decision (guardOf), the 4xx answers it can give in the one error vocabulary (plugins/errors), and for a download the
 * Content-Types it sends. `npm test` lints the result with Redocly's recommended rules (test/openapi.test.ts).
 */
export default fp(async function openapi(app: FastifyInstance) {
  // What each operation's rules decided, by operationId, for the whole-document pass that adds responses.
  const facts = new Map<string, OperationFacts>();
  const uses = new Map<z.ZodType, number>();
  app.addHook('onRoute', (route) => {
    const { body, response } = (route.schema ?? {}) as { body?: unknown; response?: Record<string, unknown> };
    for (const schema of [body, ...Object.values(response ?? {})]) {
      if (schema instanceof z.ZodType) uses.set(schema, (uses.get(schema) ?? 0) + 1);
    }
  });
  let shared = false;
  const transform: SwaggerTransform = (input) => {
    if (!shared) shared = shareSchemas(uses);
    const result = jsonSchemaTransform(input) as { schema?: Record<string, unknown>; url: string };
    // Routes without a schema (tests add some) still get an operationId, security and their errors.
    const schema = result.schema ?? {};
    if (schema.hide) return { url: result.url, schema };
    const { route } = input;
    const method = [route.method].flat().find((m) => m !== 'HEAD') ?? 'GET';
    const url = documentedUrl(route, result.url);
    const operationId = operationIdOf(method, url);
    const guard = guardOf({ url: route.url, method, config: route.config });
    facts.set(operationId, factsOf(route, method, guard.session, schema));
    const security = guard.csrf ? [{ sessionCookie: [], csrfHeader: [] }] : guard.session ? [{ sessionCookie: [] }] : [];
    return { url, schema: { ...schema, operationId, security } };
  };
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '党建引领乡村振兴工作平台 API',
        version: '0.1.0',
        description: '登录(POST /api/auth/login)后以会话 Cookie 调用;修改数据的请求另带 x-csrf-token 请求头(其值见 GET /api/auth/me)。'
          + '错误一律以 {code, message, fields} 返回。',
      },
      // Same origin as the web: the document's paths already carry /api.
      servers: [{ url: '/', description: '本平台(与网页同一地址)' }],
      components: {
        securitySchemes: {
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'sid', description: '登录后服务器设置的会话 Cookie' },
          csrfHeader: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: '会话的防跨站令牌,见 GET /api/auth/me 的 csrfToken' },
        },
      },
    },
    transform,
    transformObject: (input) => completeDocument(jsonSchemaTransformObject(input) as Record<string, unknown>, facts),
  });
});

/** Each contract schema by identity, named as exported without "Schema" (`MemberListSchema` → `MemberList`). */
const CONTRACT_NAMES = new Map<unknown, string>(Object.entries(contracts).reverse()
  .filter(([name, value]) => value instanceof z.ZodType && name.endsWith('Schema')).map(([name, value]) => [value, name.slice(0, -6)]));

/**
 * Contract schemas that two or more operations send or answer become components, referenced wherever they occur
 * (the zod provider turns a schema with an id in zod's global registry into a $ref; its labels stay with it).
 */
function shareSchemas(uses: ReadonlyMap<z.ZodType, number>): true {
  for (const [schema, count] of uses) {
    const id = CONTRACT_NAMES.get(schema);
    const meta = z.globalRegistry.get(schema);
    // The provider names a schema's request form `<id>Input`: a contract already called …Input stays inline.
    if (count < 2 || !id || id.endsWith('Input') || meta?.id || z.globalRegistry._idmap.has(id)) continue;
    z.globalRegistry.add(schema, { ...meta, id });
  }
  return true;
}

/**
 * A route registered as a prefix's '/' answers with and without the slash; the document names it without, the form
 * the web calls.
 */
function documentedUrl(route: RouteOptions & { routePath?: string; prefix?: string }, url: string): string {
  return route.routePath === '/' && route.prefix && url.endsWith('/') ? url.slice(0, -1) : url;
}

/** `GET /api/members/:id/dues` → `getMembersByIdDues`: stable, unique per method and path, readable in generated clients. */
export function operationIdOf(method: string, url: string): string {
  const words = url.replace(/^\/api(?=\/|$)/, '').split('/').filter(Boolean).flatMap((segment) =>
    segment.split(/(\{[^}]+\}|:[A-Za-z0-9_]+)/).filter(Boolean).map((part) => {
      const param = /^\{([^}]+)\}$|^:(.+)$/.exec(part);
      return param ? `By-${param[1] ?? param[2]}` : part;
    }));
  const camel = words.flatMap((w) => w.split(/[^A-Za-z0-9]+/)).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return method.toLowerCase() + camel;
}

/** What an operation can answer besides success, by what the route validates, guards, limits and addresses. */
function factsOf(route: RouteOptions, method: string, session: boolean, schema: Record<string, unknown>): OperationFacts {
  const unsafe = UNSAFE.has(method);
  const errors = new Set<number>();
  if (schema.body || schema.querystring || schema.params || unsafe) errors.add(400);
  if (session) [401, 403].forEach((s) => errors.add(s));
  // A path that names a record (an id, a code) may find none in the caller's scope; a format or a kind alone cannot.
  if (namesRecord(schema.params)) errors.add(404);
  if (session && unsafe) errors.add(409);
  // Any write may carry a body too large (1 MB, or the upload limit) or of a type the route does not take.
  if (unsafe) [413, 415].forEach((s) => errors.add(s));
  // Keyed on the option being present: the tests switch the limits themselves off (0).
  if (route.config && 'rateLimit' in route.config) errors.add(429);
  return { errors: [...errors].sort(), downloadTypes: downloadTypesOf(route, schema) };
}

function namesRecord(params: unknown): boolean {
  const properties = (params as { properties?: Record<string, { enum?: unknown[] }> } | undefined)?.properties ?? {};
  return Object.values(properties).some((p) => !p.enum);
}

/** A download's Content-Types: its mark, else its `format` parameter's values, else its URL's extension. */
function downloadTypesOf(route: RouteOptions, schema: Record<string, unknown>): string[] {
  const formatOf = (part: unknown) => ((part as { properties?: Record<string, { enum?: string[] }> } | undefined)?.properties?.format?.enum);
  const extension = /\.([a-z]+)$/.exec(route.url)?.[1];
  const formats = formatOf(schema.params) ?? formatOf(schema.querystring) ?? (extension ? [extension] : []);
  return downloadMediaTypes(route.config?.download, formats);
}
