// 问题 12 第 5 点:审计链不能被有数据库写权限的人改写。The chain is keyed (HMAC, key outside the database) and its
// head is anchored in a file outside the database; these tests play the attacker with owner rights.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configureTestAuditChain, createTestContext, type TestContext } from '../../../test/context.js';
import type { Db, Tx } from '../../db/client.js';
import { chainHash, GENESIS_HASH } from './chain.js';
import { recordAudit, verifyAuditChain, writeAuditAnchor } from './index.js';
import * as repo from './repository.js';

let ctx: TestContext;
let dir: string;
beforeAll(async () => {
  ctx = await createTestContext();
  dir = mkdtempSync(join(tmpdir(), 'dj-anchors-'));
  for (let i = 0; i < 12; i++) await recordAudit(ctx.db, { action: 'test.keyed', result: 'ok', objectId: i, detail: { i } });
});
afterEach(() => configureTestAuditChain());
afterAll(async () => {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Owner rights inside one transaction that is rolled back, so each test starts from the same chain. */
class Rollback extends Error {}
async function asOwner(attack: (tx: Tx) => Promise<void>): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
    await attack(tx);
    throw new Rollback();
  }).catch((err: unknown) => { if (!(err instanceof Rollback)) throw err; });
}

/** Recompute every hash from `fromId` on with the formula anyone can compute: plain SHA-256. */
async function rechainUnkeyed(tx: Tx, fromId: number): Promise<void> {
  const rows = await repo.eventsAfter(tx, 0, 100_000);
  let prev = GENESIS_HASH;
  for (const row of rows) {
    if (row.id >= fromId) {
      const hash = chainHash(prev, row);
      await tx.execute(sql`update audit_events set prev_hash = ${prev}, hash = ${hash} where id = ${row.id}`);
      prev = hash;
    } else {
      prev = row.hash;
    }
  }
}

describe('point 5: the keyed audit chain', () => {
  it('an untouched chain verifies, with its anchors', async () => {
    configureTestAuditChain(join(dir, 'intact.log'));
    expect(await writeAuditAnchor(ctx.db)).not.toBeNull();
    await recordAudit(ctx.db, { action: 'test.after-anchor', result: 'ok' });
    await writeAuditAnchor(ctx.db);
    const report = await verifyAuditChain(ctx.db);
    expect(report).toMatchObject({ brokenAt: null, anchors: 2, legacy: 0 });
  });

  it('rewrite attack: trigger disabled, a row edited, the later hashes recomputed unkeyed → broken', async () => {
    const ids = (await repo.eventsAfter(ctx.db, 0, 100_000)).map((r) => r.id);
    const target = ids[Math.floor(ids.length / 2)];
    let report: Awaited<ReturnType<typeof verifyAuditChain>> | undefined;
    await asOwner(async (tx) => {
      await tx.execute(sql`update audit_events set detail = '{"forged":true}' where id = ${target}`);
      await rechainUnkeyed(tx, target);
      report = await verifyAuditChain(tx as unknown as Db);
    });
    expect(report?.brokenAt).toBe(target);
    expect(report?.reason).toMatch(/审计密钥/);
  });

  it('rewrite attack on the whole chain (every hash recomputed unkeyed) → broken at the first row', async () => {
    let report: Awaited<ReturnType<typeof verifyAuditChain>> | undefined;
    await asOwner(async (tx) => {
      await rechainUnkeyed(tx, 0);
      report = await verifyAuditChain(tx as unknown as Db);
    });
    expect(report?.brokenAt).not.toBeNull();
  });

  it('tail deletion after an anchor → reported', async () => {
    configureTestAuditChain(join(dir, 'tail.log'));
    await recordAudit(ctx.db, { action: 'test.tail', result: 'ok' });
    const anchored = await writeAuditAnchor(ctx.db);
    let report: Awaited<ReturnType<typeof verifyAuditChain>> | undefined;
    await asOwner(async (tx) => {
      await tx.execute(sql`delete from audit_events where id > ${(anchored?.id ?? 0) - 3}`);
      report = await verifyAuditChain(tx as unknown as Db);
    });
    expect(report?.brokenAt).toBe(anchored?.id);
    expect(report?.reason).toMatch(/末尾记录被删除/);
  });
});

describe('point 5: rows older than the key', () => {
  /** A platform from before the key: every row hashed unkeyed. */
  async function legacyChain(tx: Tx, n: number): Promise<void> {
    await tx.execute(sql`delete from audit_events`);
    let prev = GENESIS_HASH;
    for (let i = 0; i < n; i++) {
      const fields = { at: new Date(), tenantId: null, userId: null, username: null, ip: null, action: 'test.legacy', objectType: null, objectId: String(i), result: 'ok' as const, detail: null };
      const hash = chainHash(prev, fields);
      await repo.insertEvent(tx, { ...fields, prevHash: prev, hash });
      prev = hash;
    }
  }

  it('verifies unkeyed rows up to the boundary of the first anchor, keyed rows after it, and nothing unkeyed past it', async () => {
    configureTestAuditChain(join(dir, 'legacy.log'));
    const reports: Awaited<ReturnType<typeof verifyAuditChain>>[] = [];
    await asOwner(async (tx) => {
      await legacyChain(tx, 5);
      reports.push(await verifyAuditChain(tx as unknown as Db)); // no anchor file yet: nothing may be unkeyed
      await writeAuditAnchor(tx); // the upgraded platform's first start: the boundary
      await recordAudit(tx, { action: 'test.keyed', result: 'ok' });
      reports.push(await verifyAuditChain(tx as unknown as Db));
      await legacyChain(tx, 8); // the same unkeyed formula past the boundary
      reports.push(await verifyAuditChain(tx as unknown as Db));
    });
    expect(reports[0].brokenAt).not.toBeNull();
    expect(reports[1]).toMatchObject({ brokenAt: null, legacy: 5, checked: 6 });
    expect(reports[1].keyedAfter).toBeGreaterThan(0);
    expect(reports[2].brokenAt).not.toBeNull();
  });
});
