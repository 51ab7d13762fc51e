import type { FastifyRequest } from 'fastify';

/**
 * What the logs may say about a request or an error (issue 12 point 5): never a personal number. The request log
 * keeps the path and the names of the query parameters, not their values (a search by ID number put it in every
 * line); an error keeps its kind, SQL text and PostgreSQL code, never the query's parameters or the row detail.
 */

// A 身份证号 (17 digits and a check digit) and a mainland mobile, each standing alone (not inside a longer number).
const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

export function redactPersonalNumbers(text: string): string {
  return text.replace(ID_NUMBER, '[身份证号]').replace(MOBILE, '[手机号]');
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The URL as logged: the decoded path with personal numbers masked, and the query's names with their values masked. */
export function loggedUrl(url: string): string {
  const at = url.indexOf('?');
  const path = redactPersonalNumbers(decoded(at < 0 ? url : url.slice(0, at)));
  if (at < 0) return path;
  const names = [...new URLSearchParams(url.slice(at + 1)).keys()].map((name) => `${redactPersonalNumbers(name)}=*`);
  return `${path}?${names.join('&')}`;
}

/** The request as its log lines carry it (Fastify's own fields, with the URL as loggedUrl writes it). */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method, url: loggedUrl(request.url), host: request.host,
    remoteAddress: request.ip, remotePort: request.socket?.remotePort,
  };
}

// drizzle's DrizzleQueryError message (and stack) ends with a line `params: …`, every value of the query; its `query`
// and `params` properties are not copied (the message has the SQL text).
const PARAMS_LINE = /\nparams: .*$/gm;
const clean = (text: unknown) => (typeof text === 'string' ? redactPersonalNumbers(text.replace(PARAMS_LINE, '\nparams: [不记录]')) : undefined);

/** PostgreSQL's fields that name a place, not a value (`detail` and `where` can quote the row). */
const SAFE_FIELDS = ['code', 'statusCode', 'severity', 'constraint', 'table', 'column', 'routine', 'validationContext'] as const;

interface LoggedError { type: string; message: string; stack: string; cause?: LoggedError; [field: string]: unknown }

/** An error as its log line carries it: no `params`, no `detail`, numbers masked; causes followed three deep. */
export function serializeError(err: unknown, depth = 0): LoggedError {
  const e = (err && typeof err === 'object' ? err : { message: String(err) }) as Record<string, unknown>;
  const out: LoggedError = {
    type: err instanceof Error ? err.constructor.name : typeof err, message: clean(e.message) ?? '', stack: clean(e.stack) ?? '',
  };
  for (const field of SAFE_FIELDS) if (e[field] !== undefined && typeof e[field] !== 'object') out[field] = e[field];
  if (depth < 3 && e.cause) out.cause = serializeError(e.cause, depth + 1);
  return out;
}
