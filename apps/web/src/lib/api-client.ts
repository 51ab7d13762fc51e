import { BACKGROUND_REQUEST_HEADER, ErrorBodySchema, type ErrorBody } from '@dj/contracts';
import { noteServerContact } from './idle-session';

/** Anything with a zod-like `parse`: every response body is checked against its contract schema. */
export interface Parser<T> {
  parse(input: unknown): T;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /**
   * Login (401 = wrong password) and the "who am I" probe (401 = signed out)
   * handle 401 themselves instead of sending the user to the sign-in page.
   */
  skipUnauthorizedHandler?: boolean;
  /** Made by the page itself, not the user (a poll): the server does not count it as activity (BACKGROUND_REQUEST_HEADER). */
  background?: boolean;
}

export const NOT_FOUND_MESSAGE = '记录不存在或无权查看';
export const NETWORK_ERROR_MESSAGE = '网络连接失败,请检查网络后重试';
export const BAD_RESPONSE_MESSAGE = '服务器返回的数据格式不正确,请联系管理员';

const FALLBACK_MESSAGES: Record<number, string> = {
  400: '提交的数据不正确',
  401: '登录已失效,请重新登录',
  403: '没有权限执行此操作',
  404: NOT_FOUND_MESSAGE,
  409: '数据已被他人修改,请刷新后重试',
  429: '操作过于频繁,请稍后再试',
};

export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }

  get code(): string {
    return this.body.code;
  }

  get fields(): NonNullable<ErrorBody['fields']> {
    return this.body.fields ?? [];
  }
}

// Module-level store: the token comes from Me and must accompany every state-changing request.
let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registered once by the app shell; called on any 401 outside login/me. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

function fallbackMessage(status: number): string {
  return FALLBACK_MESSAGES[status] ?? (status >= 500 ? '服务器出错了,请稍后重试' : `请求失败(${status})`);
}

/** Turns any failed response into an ErrorBody; bodies outside the contract get a Chinese message by status. */
export function toErrorBody(status: number, payload: unknown): ErrorBody {
  const parsed = ErrorBodySchema.safeParse(payload);
  if (parsed.success) return parsed.data;
  return { code: status >= 500 ? 'SERVER_ERROR' : `HTTP_${status}`, message: fallbackMessage(status) };
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

interface SendOptions {
  method: HttpMethod;
  query?: Record<string, QueryValue>;
  /** JSON text or multipart form data; the content-type follows from it. */
  body?: { json: unknown } | { form: FormData };
  accept: string;
  signal?: AbortSignal;
  skipUnauthorizedHandler?: boolean;
  background?: boolean;
}

/**
 * The one place that talks to the server: same-origin cookies, the CSRF token on every state-changing request,
 * Chinese errors, and the 401 hand-off. JSON calls, uploads and file downloads all go through here.
 */
async function send(path: string, options: SendOptions): Promise<Response> {
  const { method, body } = options;
  const headers: Record<string, string> = { accept: options.accept };
  // Multipart bodies must not get a content-type here: the browser adds it with the boundary.
  if (body && 'json' in body) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.background) headers[BACKGROUND_REQUEST_HEADER] = '1';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : 'json' in body ? JSON.stringify(body.json) : body.form,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, { code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE });
  }

  // Every answer but a 401 came through a live session (or opened one) and moved its idle end (lib/idle-session),
  // except a background request's, which the server does not count either.
  if (response.status !== 401 && !options.background) noteServerContact();
  if (!response.ok) {
    const error = new ApiError(response.status, toErrorBody(response.status, await readJson(response)));
    if (response.status === 401 && !options.skipUnauthorizedHandler) {
      csrfToken = null;
      unauthorizedHandler?.();
    }
    throw error;
  }
  return response;
}

function parseBody<T>(schema: Parser<T>, payload: unknown, status: number, method: HttpMethod, path: string): T {
  try {
    return schema.parse(payload);
  } catch (cause) {
    // Loud on purpose: a response that breaks the shared contract is a bug on one side or the other.
    console.error(`响应不符合接口约定: ${method} ${path}`, cause);
    throw new ApiError(status, { code: 'BAD_RESPONSE', message: BAD_RESPONSE_MESSAGE });
  }
}

export async function apiRequest<T>(path: string, schema: Parser<T>, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const response = await send(path, {
    method,
    query: options.query,
    body: options.body === undefined ? undefined : { json: options.body },
    accept: 'application/json',
    signal: options.signal,
    skipUnauthorizedHandler: options.skipUnauthorizedHandler,
    background: options.background,
  });
  return parseBody(schema, await readJson(response), response.status, method, path);
}

/** POSTs multipart/form-data (e.g. an Excel file) and parses the JSON answer against its contract. */
export async function apiUpload<T>(
  path: string,
  schema: Parser<T>,
  form: FormData,
  query?: Record<string, QueryValue>,
  signal?: AbortSignal,
): Promise<T> {
  const response = await send(path, { method: 'POST', query, body: { form }, accept: 'application/json', signal });
  return parseBody(schema, await readJson(response), response.status, 'POST', path);
}

export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition, or the fallback when the server gives none. */
  filename: string;
}

/** Reads the file name from Content-Disposition, preferring the RFC 5987 `filename*=UTF-8''…` form. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  const name = plain ? (plain[2] ?? plain[1]).trim() : '';
  return name || fallback;
}

/** GETs a file (xlsx) through the same client, so a failed download shows the server's Chinese message. */
export async function apiDownload(
  path: string,
  fallbackName: string,
  query?: Record<string, QueryValue>,
  signal?: AbortSignal,
): Promise<DownloadedFile> {
  const response = await send(path, {
    method: 'GET',
    query,
    // The server answers errors as JSON whatever the file type, so both are acceptable.
    accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json',
    signal,
  });
  return { blob: await response.blob(), filename: filenameFromDisposition(response.headers.get('content-disposition'), fallbackName) };
}

/**
 * POSTs a JSON body and receives a file (a PDF): for files made from what the browser holds, such as the hand-out
 * sheet of one-time passwords, which must never travel in a URL (logs, history) and so cannot be a GET.
 */
export async function apiPostDownload(path: string, fallbackName: string, body: unknown, accept = 'application/pdf'): Promise<DownloadedFile> {
  const response = await send(path, { method: 'POST', body: { json: body }, accept: `${accept}, application/json` });
  return { blob: await response.blob(), filename: filenameFromDisposition(response.headers.get('content-disposition'), fallbackName) };
}

export function apiGet<T>(path: string, schema: Parser<T>, query?: Record<string, QueryValue>, signal?: AbortSignal) {
  return apiRequest(path, schema, { query, signal });
}

export function apiSend<T>(method: Exclude<HttpMethod, 'GET'>, path: string, schema: Parser<T>, body?: unknown) {
  return apiRequest(path, schema, { method, body });
}

/** The Chinese text to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return '操作失败,请稍后重试';
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
