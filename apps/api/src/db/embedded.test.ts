import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTraversable, startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.js';

const dirs: string[] = [];
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'dj-emb-'));
  makeTraversable(dir);
  dirs.push(dir);
  return dir;
}
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

async function query(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try { return (await client.query(text)).rows; } finally { await client.end(); }
}

/** Start the embedded database in a child process, which the test then kills with SIGKILL. */
function holdInChild(dir: string): Promise<{ pid: number; exited: Promise<void> }> {
  const fixture = fileURLToPath(new URL('../../test/fixtures/hold-embedded.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => { if (chunk.toString().startsWith('READY')) resolve({ pid: child.pid as number, exited }); });
    child.once('exit', (code) => reject(new Error(`fixture exited ${code}`)));
  });
}

describe('embedded PostgreSQL', () => {
  it('runs PostgreSQL 15 on 127.0.0.1 only, as a non-root OS user, and reopens its data', async () => {
    const dir = tempDir();
    let pgHandle: EmbeddedPostgres = await startEmbeddedPostgres(dir);
    const [{ server_version: version }] = await query(pgHandle.url, 'show server_version');
    expect(version).toMatch(/^15\./);
    const [{ listen_addresses: listen }] = await query(pgHandle.url, 'show listen_addresses');
    expect(listen).toBe('127.0.0.1');
    if (process.getuid?.() === 0) expect(statSync(join(dir, 'pg')).uid).not.toBe(0);
    await query(pgHandle.url, `create table kept (v text); insert into kept values ('still here')`);
    await pgHandle.stop();
    pgHandle = await startEmbeddedPostgres(dir);
    expect(await query(pgHandle.url, 'select v from kept')).toEqual([{ v: 'still here' }]);
    await pgHandle.stop();
  });

  it('refuses a second server on the same DATA_DIR, then recovers after kill -9 left an orphan postmaster', async () => {
    const dir = tempDir();
    const holder = await holdInChild(dir);
    await expect(startEmbeddedPostgres(dir)).rejects.toThrow(/正被另一个平台进程\(PID \d+\)使用/);
    process.kill(holder.pid, 'SIGKILL'); // the postmaster survives its parent: an orphan with a live postmaster.pid
    await holder.exited;
    const pgHandle = await startEmbeddedPostgres(dir);
    expect(await query(pgHandle.url, 'select v from marker')).toEqual([{ v: 'written before kill -9' }]);
    await pgHandle.stop();
  });

  it('shows the real PostgreSQL error when the server cannot start', async () => {
    const dir = tempDir();
    const pgHandle = await startEmbeddedPostgres(dir);
    await pgHandle.stop();
    appendFileSync(join(dir, 'pg', 'postgresql.conf'), '\nshared_buffers = banana\n');
    await expect(startEmbeddedPostgres(dir)).rejects.toThrow(/PostgreSQL 启动失败[\s\S]*shared_buffers/);
    // A failed start must release the directory lock.
    await expect(startEmbeddedPostgres(dir)).rejects.toThrow(/shared_buffers/);
  });
});
