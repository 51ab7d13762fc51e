import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context.js';
import * as schema from '../../db/schema/index.js';
import { recordAudit, verifyAuditChain } from './index.js';
import type { Db } from '../../db/client.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  for (let i = 0; i < 30; i++) {
    await recordAudit(ctx.db, { action: 'test.event', result: i % 3 ? 'ok' : 'failed', objectType: 'thing', objectId: i, detail: { z: i, a: [1, { y: 'x', b: null }] } });
  }
});
afterAll(async () => { await ctx.close(); });

describe('audit_events', () => {
  it('verifies an intact chain', async () => {
    const report = await verifyAuditChain(ctx.db);
    expect(report.brokenAt).toBeNull();
    expect(report.checked).toBeGreaterThanOrEqual(31); // the seed's event and ours
  });

  it('keeps the chain linear under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordAudit(ctx.db, { action: 'test.concurrent', result: 'ok', objectId: i })));
    expect((await verifyAuditChain(ctx.db)).brokenAt).toBeNull();
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(ctx.pool.query(`update audit_events set result = 'ok'`)).rejects.toThrow(/append-only/);
    await expect(ctx.pool.query(`delete from audit_events`)).rejects.toThrow(/append-only/);
    await expect(ctx.pool.query(`truncate audit_events`)).rejects.toThrow(/append-only/);
  });

  it('detects every edit, deletion and reordering in 60 random tamper trials', async () => {
    const client = await ctx.pool.connect();
    const db = drizzle(client, { schema });
    const { rows } = await client.query<{ id: number }>('select id from audit_events order by id');
    const ids = rows.map((r) => Number(r.id));
    let detected = 0;
    const trials = 60;
    try {
      for (let t = 0; t < trials; t++) {
        const target = ids[1 + Math.floor(Math.random() * (ids.length - 2))];
        // Only an owner who disables the trigger can tamper; the verifier must still catch it.
        await client.query('begin');
        await client.query('alter table audit_events disable trigger audit_events_no_update');
        const kind = t % 3;
        if (kind === 0) await client.query(`update audit_events set detail = '{"forged":true}' where id = $1`, [target]);
        if (kind === 1) await client.query('delete from audit_events where id = $1', [target]);
        if (kind === 2) {
          // Swap two rows' contents (a reordering), keeping their hashes where they were.
          await client.query(`update audit_events a set action = b.action, at = b.at, object_id = b.object_id, detail = b.detail
            from audit_events b where (a.id, b.id) in (($1, $2), ($2, $1))`, [target, target + 1]);
        }
        const report = await verifyAuditChain(db as unknown as Db);
        if (report.brokenAt !== null) detected++;
        await client.query('rollback');
      }
    } finally {
      client.release();
    }
    expect(detected).toBe(trials);
    expect((await verifyAuditChain(ctx.db)).brokenAt).toBeNull();
  });
});
