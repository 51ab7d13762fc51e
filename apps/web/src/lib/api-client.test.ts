import { afterEach, describe, expect, it, vi } from 'vitest';
import { OkSchema, OrganizationListSchema } from '@dj/contracts';
import { installFetch, jsonResponse } from '../test/fetch-mock';
import {
  ApiError,
  apiDownload,
  apiGet,
  apiRequest,
  apiSend,
  apiUpload,
  BAD_RESPONSE_MESSAGE,
  buildUrl,
  errorMessage,
  filenameFromDisposition,
  NETWORK_ERROR_MESSAGE,
  setCsrfToken,
  setUnauthorizedHandler,
} from './api-client';

afterEach(() => {
  setCsrfToken(null);
  setUnauthorizedHandler(null);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('csrf and credentials', () => {
  it('sends the csrf token of the current session on state-changing requests only', async () => {
    const calls = installFetch(() => jsonResponse(200, { ok: true }));
    setCsrfToken('token-abc');

    await apiSend('POST', '/api/auth/logout', OkSchema);
    await apiSend('PATCH', '/api/organizations/3', OkSchema, { name: '新名称' });
    await apiGet('/api/auth/me', OkSchema);

    expect(calls.map((c) => [c.method, c.headers.get('x-csrf-token')])).toEqual([
      ['POST', 'token-abc'],
      ['PATCH', 'token-abc'],
      ['GET', null],
    ]);
    expect(calls.every((c) => c.credentials === 'same-origin')).toBe(true);
    expect(calls[1].headers.get('content-type')).toBe('application/json');
    expect(calls[1].body).toEqual({ name: '新名称' });
  });

  it('stops sending a token once it is cleared', async () => {
    const calls = installFetch(() => jsonResponse(200, { ok: true }));
    setCsrfToken('old');
    setCsrfToken(null);
    await apiSend('POST', '/api/auth/logout', OkSchema);
    expect(calls[0].headers.has('x-csrf-token')).toBe(false);
  });
});

describe('errors', () => {
  it('carries the server error body, status and field errors', async () => {
    installFetch(() =>
      jsonResponse(409, { code: 'CONFLICT', message: '同一上级组织下已有名为“甲”的组织', fields: [{ path: 'name', message: '名称重复' }] }),
    );
    const error = await caught(apiSend('POST', '/api/organizations', OkSchema, { name: '甲' }));
    expect(error.status).toBe(409);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('同一上级组织下已有名为“甲”的组织');
    expect(error.fields).toEqual([{ path: 'name', message: '名称重复' }]);
    expect(errorMessage(error)).toBe('同一上级组织下已有名为“甲”的组织');
  });

  it('gives a Chinese message when the body is not an error body', async () => {
    installFetch(() => new Response('<html>Bad Gateway</html>', { status: 502 }));
    const error = await caught(apiGet('/api/villages', OkSchema));
    expect(error.status).toBe(502);
    expect(error.code).toBe('SERVER_ERROR');
    expect(error.message).toBe('服务器出错了,请稍后重试');
  });

  it('uses the agreed sentence for a 404 without a body', async () => {
    installFetch(() => new Response(null, { status: 404 }));
    const error = await caught(apiGet('/api/organizations/999', OkSchema));
    expect(error.message).toBe('记录不存在或无权查看');
  });

  it('reports a network failure as status 0 in Chinese', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const error = await caught(apiGet('/api/villages', OkSchema));
    expect(error.status).toBe(0);
    expect(error.message).toBe(NETWORK_ERROR_MESSAGE);
  });

  it('rejects a success response that breaks the contract', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    installFetch(() => jsonResponse(200, { items: [{ id: 'not-a-number' }] }));
    const error = await caught(apiGet('/api/organizations', OrganizationListSchema));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toBe(BAD_RESPONSE_MESSAGE);
  });
});

describe('401 handling', () => {
  it('calls the unauthorized handler and forgets the token on a 401', async () => {
    installFetch(() => jsonResponse(401, { code: 'UNAUTHENTICATED', message: '未登录或登录已过期,请重新登录' }));
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    setCsrfToken('t');

    const error = await caught(apiGet('/api/organizations', OkSchema));
    expect(error.status).toBe(401);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);

    const calls = installFetch(() => jsonResponse(200, { ok: true }));
    await apiSend('POST', '/api/auth/logout', OkSchema);
    expect(calls[0].headers.has('x-csrf-token')).toBe(false);
  });

  it('leaves a 401 of the sign-in request to the caller', async () => {
    installFetch(() => jsonResponse(401, { code: 'UNAUTHENTICATED', message: '用户名或密码错误' }));
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    const error = await caught(
      apiRequest('/api/auth/login', OkSchema, { method: 'POST', body: { username: 'a', password: 'b' }, skipUnauthorizedHandler: true }),
    );
    expect(error.message).toBe('用户名或密码错误');
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});

describe('buildUrl', () => {
  it('drops empty parameters and encodes the rest', () => {
    expect(buildUrl('/api/organizations', { rootId: 3, range: 'children', includeClosed: false, q: undefined, r: null, s: '' })).toBe(
      '/api/organizations?rootId=3&range=children&includeClosed=false',
    );
    expect(buildUrl('/api/x', { name: '王 庄&' })).toBe('/api/x?name=%E7%8E%8B+%E5%BA%84%26');
    expect(buildUrl('/api/x')).toBe('/api/x');
  });
});

describe('uploads and downloads', () => {
  it('posts multipart data with the csrf token and no hand-made content-type', async () => {
    const calls = installFetch(() => jsonResponse(200, { ok: true }));
    setCsrfToken('token-abc');
    const form = new FormData();
    form.append('file', new File(['x'], '名册.xlsx'));

    await apiUpload('/api/members/import', OkSchema, form, { orgId: 3, dryRun: 'true' });

    expect(calls[0].url).toBe('/api/members/import?orgId=3&dryRun=true');
    expect(calls[0].method).toBe('POST');
    expect(calls[0].headers.get('x-csrf-token')).toBe('token-abc');
    // The browser must set multipart/form-data with its boundary itself.
    expect(calls[0].headers.has('content-type')).toBe(false);
    expect((calls[0].form?.get('file') as File).name).toBe('名册.xlsx');
  });

  it('downloads a file with the name the server gives', async () => {
    installFetch(
      () =>
        new Response('PK', {
          status: 200,
          headers: { 'content-disposition': "attachment; filename=\"export.xlsx\"; filename*=UTF-8''%E5%85%9A%E5%91%98%E5%90%8D%E5%86%8C.xlsx" },
        }),
    );
    const file = await apiDownload('/api/members/export', '备用.xlsx', { orgId: 1, q: '' });
    expect(file.filename).toBe('党员名册.xlsx');
    expect(await file.blob.text()).toBe('PK');
  });

  it('turns a failed download into the server’s Chinese message', async () => {
    installFetch(() => jsonResponse(403, { code: 'FORBIDDEN', message: '没有导出名册的权限' }));
    const error = await caught(apiDownload('/api/members/export', '名册.xlsx'));
    expect(error.status).toBe(403);
    expect(error.message).toBe('没有导出名册的权限');
  });

  it('reads file names from either form of Content-Disposition', () => {
    expect(filenameFromDisposition('attachment; filename="a b.xlsx"', 'x')).toBe('a b.xlsx');
    expect(filenameFromDisposition('attachment; filename=plain.xlsx', 'x')).toBe('plain.xlsx');
    expect(filenameFromDisposition("attachment; filename*=UTF-8''%E6%A8%A1%E6%9D%BF.xlsx", 'x')).toBe('模板.xlsx');
    expect(filenameFromDisposition('attachment', '备用.xlsx')).toBe('备用.xlsx');
    expect(filenameFromDisposition(null, '备用.xlsx')).toBe('备用.xlsx');
  });
});
