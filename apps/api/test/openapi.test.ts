/**
 * The OpenAPI document (issue 21 point 6), built once from the app as it registers its routes: Redocly's recommended
 * rules find no error in it, and a TypeScript client generated from it (openapi-typescript) type-checks every API
 * path and method the web calls.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { openDatabase } from '../src/db/client.js';
import { testCipher, testConfig } from './context.js';
import { documentPathsOf, webApiCalls } from './web-api-calls.js';

type Json = Record<string, unknown>;
type Operation = { operationId?: string; security?: unknown[]; responses: Record<string, Json> };

const WEB_SRC = fileURLToPath(new URL('../../web/src', import.meta.url));
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

let app: FastifyInstance;
let close: () => Promise<void>;
let doc: { paths: Record<string, Record<string, Operation>> } & Json;
/** The generated client and the web's calls against it. */
const dir = mkdtempSync(join(tmpdir(), 'dj-openapi-'));

const operations = () => Object.entries(doc.paths).flatMap(([path, item]) =>
  METHODS.filter((m) => item[m]).map((method) => ({ path, method, operation: item[method] })));

beforeAll(async () => {
  // The document needs the routes, not the data: the app is built on a database it never queries.
  const database = openDatabase(inject('dbAdminUrl'), 1, 5000);
  app = await buildApp({ config: testConfig(), db: database.db, cipher: testCipher(), logger: false });
  close = async () => { await app.close(); await database.close(); };
  doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await close();
});

describe('the OpenAPI document', () => {
  it('passes Redocly\'s recommended rules without an error (warnings counted)', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} ${p.location[0]?.pointer}`);
    expect(errors).toEqual([]);
    const warnings: Record<string, number> = {};
    for (const p of problems) warnings[p.ruleId] = (warnings[p.ruleId] ?? 0) + 1;
    console.info(`Redocly recommended: ${operations().length} operations, 0 errors, ${problems.length} warnings`, warnings);
    // Only the process probes outside /api (/healthz, /readyz) answer no 4xx.
    const without4xx = problems.filter((p) => p.ruleId === 'operation-4xx-response').map((p) => p.location[0]?.pointer ?? '');
    expect(without4xx.filter((pointer) => pointer.includes('~1api~1'))).toEqual([]);
  });

  it('declares the session cookie on signed-in operations, the CSRF header on their writes, nothing on public ones', () => {
    const security = (path: string, method: string) => doc.paths[path][method].security;
    expect(security('/api/auth/login', 'post')).toEqual([]);
    expect(security('/api/members', 'get')).toEqual([{ sessionCookie: [] }]);
    expect(security('/api/members', 'post')).toEqual([{ sessionCookie: [], csrfHeader: [] }]);
    // The guard's decision, not a list: every route in the app's own register agrees with the document.
    for (const route of app.routeList.filter((r) => r.url.startsWith('/api/') && !r.url.includes('*') && r.url !== '/api/docs/json')) {
      const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\/$/, '');
      const operation = doc.paths[path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.url}`).toBeDefined();
      expect(operation.security?.length === 0, `${route.method} ${route.url}`).toBe(route.isPublic);
    }
  });

  it('answers every operation with a declared body: JSON by its contract, a file by its Content-Types', () => {
    const missing = operations().filter(({ operation }) =>
      Object.entries(operation.responses).some(([status, r]) => status.startsWith('2') && status !== '204' && !r.content));
    // A new download route names its file types: a `format` parameter, an extension, or config.download (lib/attachment.ts).
    expect(missing.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
    const table = doc.paths['/api/economy/table.{format}'].get.responses['200'].content as Json;
    expect(Object.keys(table)).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf']);
    expect(Object.keys(doc.paths['/api/users/credential-sheet'].post.responses['200'].content as Json)).toEqual(['application/pdf']);
    expect(doc.paths['/api/members'].post.responses['400']).toEqual({ $ref: '#/components/responses/BadRequest' });
    expect((doc.components as { schemas: Json }).schemas.ErrorBody).toMatchObject({ required: ['code', 'message'] });
  });

  it('generates a TypeScript client from it (openapi-typescript)', async () => {
    const types = astToString(await openapiTS(doc as never, { silent: true }));
    expect(types).toContain('"/api/members/{id}": {');
    writeFileSync(join(dir, 'api.d.ts'), types);
  });

  it('the generated client has every path and method the web calls', () => {
    const calls = webApiCalls(WEB_SRC);
    const paths = Object.keys(doc.paths);
    const unknown = calls.filter((c) => documentPathsOf(c.shape, paths).length === 0).map((c) => `${c.shape} (${c.where})`);
    expect(unknown).toEqual([]);
    expect(calls.filter((c) => c.method).length).toBeGreaterThan(250);
    // With the method: at least one of the paths the call can reach has it (an interpolated action reaches several).
    const checks = calls.map((c, i) => {
      const reached = documentPathsOf(c.shape, paths).map((p) => JSON.stringify(p)).join(' | ');
      return `// ${c.where}\n${c.method ? `const c${i}: Has<${reached}, '${c.method}'> = true;` : `const c${i}: keyof paths = ${reached.split(' | ')[0]};`}`;
    });
    writeFileSync(join(dir, 'calls.ts'), [
      "import type { paths } from './api';",
      // A method the document lacks is `?: never` in the generated type: excluding undefined leaves never.
      "type Has<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'patch' | 'delete'> = [Exclude<paths[P][M], undefined>] extends [never] ? false : true;",
      ...checks, 'export {};',
    ].join('\n'));
    const program = ts.createProgram([join(dir, 'calls.ts')], { strict: true, noEmit: true, skipLibCheck: true, types: [], lib: ['lib.es5.d.ts'] });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const at = d.file && d.start !== undefined ? d.file.text.slice(0, d.start).split('\n').at(-2) : '';
      return `${at} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
    expect(diagnostics).toEqual([]);
  });
});
