import { ErrorBodySchema, type ErrorBody } from '@dj/contracts';

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

export function getCsrfToken(): string | null {
  return csrfToken;
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

export async function apiRequest<T>(path: string, schema: Parser<T>, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, { code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE });
  }

  const payload = await readJson(response);
  if (!response.ok) {
    const error = new ApiError(response.status, toErrorBody(response.status, payload));
    if (response.status === 401 && !options.skipUnauthorizedHandler) {
      csrfToken = null;
      unauthorizedHandler?.();
    }
    throw error;
  }

  try {
    return schema.parse(payload);
  } catch (cause) {
    // Loud on purpose: a response that breaks the shared contract is a bug on one side or the other.
    console.error(`响应不符合接口约定: ${method} ${path}`, cause);
    throw new ApiError(response.status, { code: 'BAD_RESPONSE', message: BAD_RESPONSE_MESSAGE });
  }
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
