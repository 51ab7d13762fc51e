// 问题 12 第 7 点:npm run keys:rotate re-encrypts the personal numbers under a new key in batches, and survives a kill.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_ENCRYPTION_KEY, testCipher, testConfig, type TestContext } from '../../../test/context.js';
import { replaceEncryptionKeyFile, resolveEncryptionKey, resolveRetiredKeys } from '../../config.js';
import { createBranch, createMember, createTown, queueSms, type Town } from '../../../test/factories.js';
import { createFieldCipher, keyIdOf } from '../crypto.js';
import { rotateFieldKeys, type RotationProgress } from './rotate.js';

const root = join(import.meta.dirname, '../../../../..');
const NEW_KEY = Buffer.alloc(32, 11);
let ctx: TestContext;
let town: Town;
/** Every sealed value before the rotation, opened with the old key: what must read back afterwards. */
let before: Map<string, string>;

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  const branch = await createBranch(town);
  for (let i = 0; i < 6; i++) await createMember(town, branch.id, { phone: `1390000${String(1000 + i)}` });
  for (let i = 0; i < 3; i++) await queueSms(town, `1370000${String(2000 + i)}`);
  before = await plainNumbers(testCipher());
});
afterAll(async () => { await ctx.close(); });

type Cipher = ReturnType<typeof createFieldCipher>;

/** "table:id:column" → the number; throws if the cipher cannot open one. */
async function plainNumbers(cipher: Cipher): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const { rows: people } = await ctx.pool.query<{ id: number; id_number_enc: string; phone_enc: string | null }>('select id, id_number_enc, phone_enc from persons');
  for (const p of people) {
    out.set(`persons:${p.id}:id`, cipher.decrypt(p.id_number_enc));
    if (p.phone_enc) out.set(`persons:${p.id}:phone`, cipher.decrypt(p.phone_enc));
  }
  const { rows: queued } = await ctx.pool.query<{ id: number; recipient_cipher: string }>('select id, recipient_cipher from outbox');
  for (const o of queued) out.set(`outbox:${o.id}`, cipher.decrypt(o.recipient_cipher));
  const { rows: liaisons } = await ctx.pool.query<{ id: number; contact_phone_enc: string }>('select id, contact_phone_enc from away_liaisons where contact_phone_enc is not null');
  for (const l of liaisons) out.set(`away_liaisons:${l.id}`, cipher.decrypt(l.contact_phone_enc));
  return out;
}

async function sealedUnder(keyId: string): Promise<{ under: number; other: number }> {
  const { rows: [r] } = await ctx.pool.query<{ under: number; other: number }>(`
    select count(*) filter (where v like $1)::int as under, count(*) filter (where v not like $1)::int as other from (
      select id_number_enc as v from persons union all select phone_enc from persons where phone_enc is not null
      union all select recipient_cipher from outbox union all select contact_phone_enc from away_liaisons where contact_phone_enc is not null) s`, [`v2:${keyId}:%`]);
  return r;
}

/** npm run keys:rotate as a child process (through tsx), the old key given as ENCRYPTION_KEY_OLD. */
function rotate(killAfterBatches: number): Promise<{ code: number | null; signal: string | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/api/src/cli/keys-rotate.ts'), '--batch', '5'], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH, NODE_ENV: 'test', DATABASE_URL: ctx.databaseUrl,
      ENCRYPTION_KEY: NEW_KEY.toString('base64'), ENCRYPTION_KEY_OLD: TEST_ENCRYPTION_KEY,
    },
  });
  let output = '';
  let batches = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    batches = (output.match(/已重新加密/g) ?? []).length;
    if (batches >= killAfterBatches) child.kill('SIGKILL');
  });
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, output })));
}

describe('point 7: npm run keys:rotate', () => {
  it('killed halfway and run again, leaves every number readable under the new key alone and none under the old', async () => {
    const newId = keyIdOf(NEW_KEY);
    const total = before.size;
    expect(total).toBeGreaterThan(20);

    const killed = await rotate(2);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.output).toMatch(/人员号码:已重新加密 10\/\d+/);
    const halfway = await sealedUnder(newId);
    expect(halfway.under).toBeGreaterThan(0);
    expect(halfway.other).toBeGreaterThan(0);

    // Run again (in process, the command's own function: a second child would double the test's time on a loaded
    // machine): it carries on with the rows still under the old key, batch by batch.
    const progress: RotationProgress[] = [];
    const resumed = await rotateFieldKeys(ctx.db, createFieldCipher(NEW_KEY, [Buffer.from(TEST_ENCRYPTION_KEY, 'base64')]), { batchSize: 50, onProgress: (p) => progress.push(p) });
    expect(resumed).toMatchObject({ outbox: 3, keyId: newId });
    expect(resumed.persons).toBeGreaterThan(0);
    expect(resumed.awayLiaisons, 'the demo town\'s liaison contacts (在外人才)').toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ table: 'outbox', done: 3, total: 3 });
    expect(await sealedUnder(newId)).toEqual({ under: total, other: 0 });

    // Read back with the new key only: the old one could now be put away.
    const fresh = createFieldCipher(NEW_KEY);
    expect(await plainNumbers(fresh)).toEqual(before);
    // The lookup hashes (unique index, search by ID number) are the new key's.
    const { rows } = await ctx.pool.query<{ id: number; id_number_hash: string; phone_hash: string | null }>('select id, id_number_hash, phone_hash from persons');
    for (const r of rows) {
      expect(r.id_number_hash).toBe(fresh.lookupHash(before.get(`persons:${r.id}:id`) as string));
      const phone = before.get(`persons:${r.id}:phone`);
      expect(r.phone_hash).toBe(phone ? fresh.lookupHash(phone) : null);
    }

    expect(await rotateFieldKeys(ctx.db, fresh)).toEqual({ persons: 0, awayLiaisons: 0, outbox: 0, secondFactors: 0, keyId: newId });
  });

  it('--new-key (embedded mode) retires the key file key before writing a new one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dj-keys-'));
    try {
      const config = testConfig({ DATA_DIR: dir, ENCRYPTION_KEY: '' });
      const first = resolveEncryptionKey(config);
      const second = replaceEncryptionKeyFile(config);
      expect(resolveEncryptionKey(config)).toEqual(second);
      expect(second).not.toEqual(first);
      replaceEncryptionKeyFile(config);
      expect(resolveRetiredKeys(config)).toEqual([first, second]);
      expect(() => replaceEncryptionKeyFile(testConfig({ DATA_DIR: dir }))).toThrow(/ENCRYPTION_KEY_OLD/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
