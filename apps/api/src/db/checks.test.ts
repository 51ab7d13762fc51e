import { is } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import * as schema from './schema/index.js';

let ctx: TestContext;
beforeAll(async () => { ctx = await createTestContext(); });
afterAll(async () => { await ctx.close(); });

const declaredChecks = Object.values(schema).filter((value) => is(value, PgTable)).flatMap((table) => getTableConfig(table).checks.map((c) => c.name));

describe('the database holds the contracts\' enum lists', () => {
  it('has a CHECK for every enum column the schema declares (the migrations are not behind the schema)', async () => {
    const { rows } = await ctx.pool.query<{ conname: string }>(`select conname from pg_constraint where contype = 'c'`);
    expect(declaredChecks.length).toBeGreaterThanOrEqual(37);
    expect(rows.map((r) => r.conname)).toEqual(expect.arrayContaining(declaredChecks));
  });

  it('refuses a value the contract does not know, and a user linked to no person', async () => {
    await expect(ctx.pool.query(`update organizations set kind = 'club' where id = (select min(id) from organizations)`))
      .rejects.toThrow(/organizations_kind_check/);
    await expect(ctx.pool.query(`update members set membership_status = 'gone' where id = (select min(id) from members)`))
      .rejects.toThrow(/members_membership_status_check/);
    await expect(ctx.pool.query(`update users set person_id = -1 where id = (select min(id) from users)`))
      .rejects.toThrow(/users_person_id_persons_id_fk/);
  });
});

describe('the database can follow its own cascades', () => {
  it('has an index leading with the column of every ON DELETE CASCADE foreign key (a partial one does not serve it)', async () => {
    // A cascade, and every read of a parent's rows, finds the children by that column: without such an index it reads
    // the whole child table (a session's attendance lines, 33 ms at city scale before migration 0057).
    const { rows } = await ctx.pool.query<{ child: string }>(`
      select c.conrelid::regclass::text || '.' || a.attname as child
      from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.confdeltype = 'c' and not exists (
        select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1] and i.indpred is null)
      order by 1`);
    expect(rows.map((r) => r.child)).toEqual([]);
  });
});

describe('every write to a town raises its version (migration 0060)', () => {
  // Tables a read writes, or that only derive from others: a build kept by version (docs/decisions/014) must not go
  // stale because someone read a board. Any other table holding a town's rows has the deferred trigger.
  const UNVERSIONED = ['audit_events', 'compliance_summaries', 'dashboard_snapshots', 'district_board_versions', 'district_boards',
    'district_figures', 'exports', 'notifications', 'outbox', 'study_hours', 'town_reads', 'town_versions'];

  it('has the trigger on every table with a tenant or an activity, but those a read writes', async () => {
    const { rows } = await ctx.pool.query<{ table: string }>(`
      select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.relname <> all($1)
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname in ('tenant_id', 'activity_id') and not a.attisdropped)
        and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'town_touch' and t.tgdeferrable and t.tginitdeferred)
      order by 1`, [UNVERSIONED]);
    expect(rows.map((r) => r.table)).toEqual([]);
  });
});
