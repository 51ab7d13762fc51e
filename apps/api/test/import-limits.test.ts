import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthFromIndex, monthIndex, todayInShanghai } from '@dj/contracts';
import { withWorkbook } from '../src/lib/excel.js';
import { REQUIRED_HEADER, xlsx } from '../src/modules/members/excel/test-workbook.js';
import { createTestContext, type Session, type TestContext } from './context.js';
import { createBranch, createTown, testIdNumber, type Branch, type Town } from './factories.js';
import { multipart } from './matrix/role-state.js';
import { xlsxBomb } from './zip-bomb.js';

/**
 * Issue 12 point 5, xlsx limits: a workbook whose sheets unpack to more than IMPORT_MAX_UNCOMPRESSED_MB (or hold
 * more than IMPORT_MAX_CELLS cells) is refused before exceljs parses it, on every route that parses an upload, and
 * at most IMPORT_CONCURRENCY workbooks are parsed at once. Before the fix the 256 MB sheet was parsed: seconds of
 * stalled event loop and hundreds of MB per request.
 */
let ctx: TestContext;
let town: Town;
let branch: Branch;
let bomb: Buffer;
let lyingBomb: Buffer;

beforeAll(async () => {
  ctx = await createTestContext({ IMPORT_CONCURRENCY: '1', IMPORT_WAIT_SECONDS: '0' });
  town = await createTown(ctx);
  branch = await createBranch(town);
  bomb = await xlsxBomb({ sheetMegabytes: 256 });
  lyingBomb = await xlsxBomb({ sheetMegabytes: 256, lie: true });
});
afterAll(async () => { await ctx.close(); });

async function draftDisclosure(): Promise<number> {
  const period = monthFromIndex(monthIndex(todayInShanghai().slice(0, 7)) - 1);
  const res = await town.admin.post('/api/disclosures', {
    organizationId: branch.id, category: 'finance', ruleKey: 'finance_monthly', period, title: '收支公开', content: '本月收支',
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id;
}

/** The routes that parse an uploaded workbook, each as the town admin sends it. */
const IMPORT_ROUTES: { name: string; url: () => Promise<string> }[] = [
  { name: 'roster import (POST /api/members/import)', url: async () => `/api/members/import?orgId=${branch.id}&dryRun=true` },
  { name: 'talent import (POST /api/talent/import)', url: async () => `/api/talent/import?orgId=${branch.id}&dryRun=true` },
  { name: '三务公开 table import (POST /api/disclosures/:id/table)', url: async () => `/api/disclosures/${await draftDisclosure()}/table` },
  { name: '两委 import (POST /api/cadres/villages/:orgId/import)', url: async () => `/api/cadres/villages/${branch.id}/import?dryRun=true` },
];

async function upload(session: Session, url: string, file: Buffer, name = '名册.xlsx') {
  const { body, headers } = multipart(file, name);
  return session.request('POST', url, body, headers);
}

/** The highest resident set size seen while `work` runs, sampled every 10 ms, above the size before it. */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number; ms: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 10);
  const started = Date.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growthMb: (peak - before) / 1024 / 1024, ms: Date.now() - started };
  } finally {
    clearInterval(timer);
  }
}

describe('issue 12 point 5: xlsx imports refuse a zip bomb before parsing it', () => {
  for (const route of IMPORT_ROUTES) {
    for (const [kind, file] of [['declared', () => bomb], ['lying directory', () => lyingBomb]] as const) {
      it(`xlsx limits: ${route.name} refuses a 256 MB sheet (${kind} sizes) quickly, in Chinese, without the memory`, async () => {
        const url = await route.url();
        const { result: res, growthMb, ms } = await peakGrowth(() => upload(town.admin, url, file()));
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().fields).toEqual([{ path: 'file', message: expect.stringMatching(/上限/) }]);
        expect(res.json().message).toMatch(/解压后超过 50 MB|单元格超过 200000 个/);
        // Parsing it took seconds and hundreds of MB; refusing it reads the directory or inflates at most the limit.
        expect(ms).toBeLessThan(3000);
        expect(growthMb).toBeLessThan(100);
      });
    }
  }

  it('xlsx limits: a normal roster still imports', async () => {
    const file = await xlsx({ rows: [REQUIRED_HEADER, ['张三', '男', '1985-03-02', testIdNumber('1985-03-02'), '2010-07-01', branch.name]] });
    const res = await upload(town.admin, `/api/members/import?orgId=${branch.id}&dryRun=false`, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, created: 1, invalid: 0 });
  });

  it('xlsx limits: with every parse slot taken, an import answers 503 in Chinese instead of parsing a further workbook', async () => {
    const file = await xlsx({ rows: [REQUIRED_HEADER] });
    let release!: () => void;
    let started!: () => void;
    const holding = new Promise<void>((resolve) => { started = resolve; });
    // IMPORT_CONCURRENCY=1 and no wait in this file: a parse in progress takes the only slot.
    const held = withWorkbook(file, () => new Promise<void>((resolve) => { release = resolve; started(); }));
    await holding;
    const res = await upload(town.admin, `/api/members/import?orgId=${branch.id}&dryRun=true`, file);
    release();
    await held;
    expect(res.statusCode, res.body).toBe(503);
    expect(res.json()).toEqual({ code: 'UNAVAILABLE', message: expect.stringMatching(/繁忙.*稍后重试/) });
    const after = await upload(town.admin, `/api/members/import?orgId=${branch.id}&dryRun=true`, file);
    expect(after.statusCode, after.body).toBe(200);
  });
});
