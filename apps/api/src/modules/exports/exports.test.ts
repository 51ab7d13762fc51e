import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, testCipher, type TestContext } from '../../../test/context.js';
import { createBranch, createTown, createUser, type Account, type Branch, type Town } from '../../../test/factories.js';
import { runNextExport } from './index.js';

// Issue 14 point 6: the slow documents (a branch's yearly ledger, every branch's ledgers of a town in one zip) are made
// by the job runner, with progress to read and the file kept for download. Before: no /api/exports (404).
let ctx: TestContext;
let town: Town;
let east: Branch;
let west: Branch;
let eastSecretary: Account;
let westSecretary: Account;
const year = String(new Date().getFullYear() - 1);

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  east = await createBranch(town);
  west = await createBranch(town);
  eastSecretary = await createUser(town, 'branch_secretary', [east.id]);
  westSecretary = await createUser(town, 'branch_secretary', [west.id]);
});
afterAll(async () => { await ctx.close(); });

// On the application role (dj_app), as in the jobs process: the row-level security policies apply.
const runAll = async () => { while ((await runNextExport(ctx.appDb, testCipher())) !== null) { /* next */ } };
const auditActions = async (objectId: number) => (await ctx.pool.query<{ action: string }>(
  `select action from audit_events where object_type = 'export' and object_id = $1 order by id`, [String(objectId)])).rows.map((r) => r.action);

describe('14.6 exports: slow documents as jobs', () => {
  it('14.6 a secretary starts the yearly ledger, reads its progress, and downloads it once the runner has made it', async () => {
    const started = await eastSecretary.session.post('/api/exports', { kind: 'branch_ledger', orgId: east.id, period: year, format: 'docx' });
    expect(started.statusCode).toBe(201);
    const job = started.json();
    expect(job).toMatchObject({ kind: 'branch_ledger', status: 'queued', progress: 0, fileName: null });
    expect(job.title).toContain(`${year}年`);
    // Not made yet: the file is not there to download.
    expect((await eastSecretary.session.get(`/api/exports/${job.id}/file`)).statusCode).toBe(409);

    await runAll();
    const done = (await eastSecretary.session.get(`/api/exports/${job.id}`)).json();
    expect(done).toMatchObject({ status: 'done', progress: 100 });
    expect(done.fileName).toMatch(/组织生活台账\.docx$/);
    expect(new Date(done.expiresAt).getTime() - new Date(done.finishedAt).getTime()).toBe(7 * 24 * 3600 * 1000);
    const file = await eastSecretary.session.get(`/api/exports/${job.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('wordprocessingml');
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(await auditActions(job.id)).toEqual(['export.start', 'export.download']);
    expect((await eastSecretary.session.get('/api/exports')).json().items.map((i: { id: number }) => i.id)).toContain(job.id);
  });

  it('14.6 outside the scope: another branch cannot be exported, and another user\'s export answers 404 and is not listed', async () => {
    expect((await eastSecretary.session.post('/api/exports', { kind: 'branch_ledger', orgId: west.id, period: year, format: 'docx' })).statusCode).toBe(404);
    const job = (await eastSecretary.session.post('/api/exports', { kind: 'branch_ledger', orgId: east.id, period: year, format: 'docx' })).json();
    await runAll();
    expect((await westSecretary.session.get(`/api/exports/${job.id}`)).statusCode).toBe(404);
    expect((await westSecretary.session.get(`/api/exports/${job.id}/file`)).statusCode).toBe(404);
    expect((await westSecretary.session.get('/api/exports')).json().items).toEqual([]);
    // The town admin did not ask for it either: an export is its owner's.
    expect((await town.admin.get(`/api/exports/${job.id}/file`)).statusCode).toBe(404);
  });

  it('14.6 a town admin exports every branch\'s ledger in one zip, made with the admin\'s scope', async () => {
    const job = (await town.admin.post('/api/exports', { kind: 'town_ledgers', orgId: town.committeeId, period: year, format: 'docx' })).json();
    expect(job.status).toBe('queued');
    await runAll();
    expect((await town.admin.get(`/api/exports/${job.id}`)).json()).toMatchObject({ status: 'done', progress: 100 });
    const file = await town.admin.get(`/api/exports/${job.id}/file`);
    expect(file.headers['content-type']).toBe('application/zip');
    const names = Object.keys((await JSZip.loadAsync(file.rawPayload)).files).sort();
    expect(names).toEqual([`${east.name}-${year}年组织生活台账.docx`, `${west.name}-${year}年组织生活台账.docx`].sort());
  });

  it('14.6 the file is made with the exporter\'s scope as it is when the runner takes it: moved to another branch, the export fails', async () => {
    const mover = await createUser(town, 'branch_secretary', [east.id]);
    const job = (await mover.session.post('/api/exports', { kind: 'branch_ledger', orgId: east.id, period: year, format: 'docx' })).json();
    await ctx.pool.query('update role_grants set organization_id = $1 where user_id = $2', [west.id, mover.userId]);
    await runAll();
    const { rows: [row] } = await ctx.pool.query('select status, data is null as empty from exports where id = $1', [job.id]);
    expect(row).toEqual({ status: 'failed', empty: true });
    // And the export itself is now outside the scope.
    expect((await mover.session.get(`/api/exports/${job.id}`)).statusCode).toBe(404);
  });

  it('14.6 a branch ledger needs a branch: a 党委 is refused with 400', async () => {
    const res = await town.admin.post('/api/exports', { kind: 'branch_ledger', orgId: town.committeeId, period: year, format: 'pdf' });
    expect(res.statusCode).toBe(400);
  });
});
