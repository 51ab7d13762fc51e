/** The whole-document pass of the OpenAPI document (plugins/openapi.ts): shared error answers, downloads, schema fixes. */
import { ErrorBodySchema } from '@dj/contracts';
import { z } from 'zod';

/** What the per-route rules decided for one operation. */
export interface OperationFacts {
  /** The 4xx statuses it can answer, each with the error body. */
  errors: number[];
  /** The Content-Types of the file it sends, for a route without a JSON answer. */
  downloadTypes: string[];
}

type Json = Record<string, unknown>;

/** One shared response per status, each naming the codes of lib/errors.ts it carries. */
const ERROR_RESPONSES: Record<number, { name: string; description: string }> = {
  400: { name: 'BadRequest', description: '请求参数有误(VALIDATION):fields 逐项列出字段路径和中文说明' },
  401: { name: 'Unauthorized', description: '未登录或登录已过期(UNAUTHENTICATED)' },
  403: {
    name: 'Forbidden',
    description: '当前角色无权操作(FORBIDDEN)、缺少有效的 x-csrf-token(CSRF)、须再次输入密码(STEP_UP_REQUIRED)或须先修改密码(PASSWORD_CHANGE_REQUIRED)',
  },
  404: { name: 'NotFound', description: '记录不存在或不在本人的范围内(NOT_FOUND),二者不加区分' },
  409: { name: 'Conflict', description: '与记录的当前状态冲突(CONFLICT),如已被他人修改、已办结或重复' },
  413: { name: 'PayloadTooLarge', description: '请求内容或上传的文件过大(PAYLOAD_TOO_LARGE)' },
  415: { name: 'UnsupportedMediaType', description: '不支持的请求内容类型或上传文件类型(VALIDATION / UNSUPPORTED_MEDIA_TYPE)' },
  429: { name: 'TooManyRequests', description: '同一地址请求过于频繁(RATE_LIMITED)' },
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Completes the document swagger built: components, each operation's error answers and file types, valid schemas. */
export function completeDocument(doc: Json, facts: ReadonlyMap<string, OperationFacts>): Json {
  const components = (doc.components ?? {}) as Json;
  const errorBody = z.toJSONSchema(ErrorBodySchema, { target: 'openapi-3.0' }) as Json;
  delete errorBody.$schema;
  components.schemas = { ...(components.schemas as Json | undefined), ErrorBody: errorBody };
  components.responses = Object.fromEntries(Object.values(ERROR_RESPONSES).map(({ name, description }) =>
    [name, { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } }]));
  for (const item of Object.values((doc.paths ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) {
      const operation = item[method] as Json | undefined;
      const found = operation && facts.get(operation.operationId as string);
      if (operation && found) completeOperation(operation, found);
    }
  }
  const schemas = components.schemas as Record<string, Json>;
  const typeOf = (schema: Json) => (typeof schema.$ref === 'string' ? schemas[schema.$ref.slice(21)]?.type : schema.type);
  fixSchemas(doc.paths, typeOf);
  fixSchemas(components.schemas, typeOf);
  components.schemas = referencedOnly(components.schemas as Json, doc.paths);
  return { ...doc, components };
}

/** The zod provider writes each shared schema twice (as sent and as answered): the document keeps those referenced. */
function referencedOnly(schemas: Json, paths: unknown): Json {
  const kept = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const ref = (node as Json).$ref;
    const name = typeof ref === 'string' && ref.startsWith('#/components/schemas/') ? ref.slice(21) : null;
    if (name && !kept.has(name)) {
      kept.add(name);
      visit(schemas[name]);
    }
    Object.values(node).forEach(visit);
  };
  visit(paths);
  return Object.fromEntries(Object.entries(schemas).filter(([name]) => kept.has(name) || name === 'ErrorBody'));
}

function completeOperation(operation: Json, facts: OperationFacts): void {
  const responses = (operation.responses ?? {}) as Record<string, Json>;
  for (const [status, response] of Object.entries(responses)) {
    // A file answer: swagger wrote no content for a route without a response schema.
    if (status.startsWith('2') && !response.content && facts.downloadTypes.length > 0) {
      response.description = '文件(以附件下载)';
      response.content = Object.fromEntries(facts.downloadTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]));
    }
  }
  for (const status of facts.errors) {
    responses[status] ??= { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` };
  }
  operation.responses = responses;
}

/** Keys under which the values are data or names, not schemas: nothing in them is renamed. */
const DATA_KEYS = new Set(['enum', 'default', 'example', 'examples', 'const', 'required']);

/**
 * Makes zod's JSON Schema valid OpenAPI 3.0, wherever it sits:
 * - the contracts' Chinese field labels (`.meta({ label })`) become the extension `x-label`, which tools may show;
 * - `nullable` needs a `type`: a nullable union or reference of one type (zod's nullable discriminated union, a
 *   nullable shared schema) gets that type;
 * - a record keyed by an enum lists every key as required but none as a property: each becomes one, of the
 *   record's value schema.
 */
function fixSchemas(node: unknown, typeOf: (schema: Json) => unknown, parentKey = ''): void {
  if (Array.isArray(node)) return node.forEach((item) => fixSchemas(item, typeOf));
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  // Under `properties` the keys are field names: a field may well be called `label`.
  if (parentKey !== 'properties' && 'label' in schema && typeof schema.label === 'string') {
    schema['x-label'] = schema.label;
    delete schema.label;
  }
  if (schema.nullable === true && schema.type === undefined) typeUnion(schema, typeOf);
  completeRecord(schema);
  for (const [key, value] of Object.entries(schema)) {
    if (!DATA_KEYS.has(key)) fixSchemas(value, typeOf, key);
  }
}

function typeUnion(schema: Json, typeOf: (schema: Json) => unknown): void {
  const members = (schema.oneOf ?? schema.anyOf ?? schema.allOf) as Json[] | undefined;
  const types = new Set(members?.map(typeOf));
  const [type] = types;
  if (types.size === 1 && typeof type === 'string') schema.type = type;
}

function completeRecord(schema: Json): void {
  const required = schema.required;
  const value = schema.additionalProperties;
  if (!Array.isArray(required) || !value || typeof value !== 'object') return;
  const properties = (schema.properties ?? {}) as Json;
  for (const key of required as string[]) properties[key] ??= value;
  schema.properties = properties;
}
