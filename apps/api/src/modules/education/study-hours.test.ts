import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { todayInShanghai } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMember, createTown, createTrainingSession, createUser, personOf, setTrainingAttendance, type Branch, type Town } from '../../../test/factories.js';
import { dbScopeOf, withRowScope } from '../../db/client.js';

/**
 * 学时 the database keeps (migration 0056, issue 14): each person's present hours of a year per kind, recounted by
 * triggers on every change of their attendance lines and of the date or kind of a session they attended; read by the
 * hours page, the to-do list and the 驾驶舱 instead of summing every line of every member.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Kept = { personId: number; year: number; kind: string; hours: number };
let ctx: TestContext;
let town: Town;
let a: Branch;
let b: Branch;
let secretaryA: Session;
let secretaryB: Session;
let people: number[];
const year = Number(todayInShanghai().slice(0, 4));
const on = (y: number, md = '03-10') => ({ startsOn: `${y}-${md}`, endsOn: `${y}-${md}` });

/** The kept rows of these people, as the owner sees them. */
async function kept(ids: number[]): Promise<Kept[]> {
  const { rows } = await ctx.pool.query<Kept>(`select person_id as "personId", year, kind, hours::float8 as hours from study_hours
    where person_id = any($1) order by 1, 2, 3`, [ids]);
  return rows;
}

/** The same figures summed from the lines themselves: what the kept rows must always equal. */
async function summed(ids: number[]): Promise<Kept[]> {
  const { rows } = await ctx.pool.query<Kept>(`select a.person_id as "personId", extract(year from s.starts_on)::int as year, s.kind,
      sum(a.hours_credited)::float8 as hours
    from training_attendees a join training_sessions s on s.id = a.session_id
    where a.person_id = any($1) and a.state = 'present' group by 1, 2, 3 order by 1, 2, 3`, [ids]);
  return rows;
}

async function expectKeptAsSummed(ids = people) {
  expect(await kept(ids)).toEqual(await summed(ids));
}

/** Until that backend waits on a lock (polled: the wait starts inside the other connection's trigger). */
async function untilWaitingOnLock(pid: number) {
  const waiting = async () => (await ctx.pool.query('select 1 from pg_stat_activity where pid = $1 and wait_event_type = $2', [pid, 'Lock'])).rowCount;
  while (!(await waiting())) await new Promise((resolve) => setImmediate(resolve));
}

const totalOnHoursPage = async (session: Session, orgId: number, y: number, name: string) =>
  ((await session.get(`/api/education/hours?orgId=${orgId}&year=${y}`)).json().people as Json[]).find((p) => p.name === name)?.total;

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx);
  a = await createBranch(town, { name: '东岭村党支部' });
  b = await createBranch(town, { name: '南坡村党支部' });
  const members = [await createMember(town, a.id, { name: '钱一' }), await createMember(town, a.id, { name: '孙二' })];
  people = await Promise.all(members.map((m) => personOf(ctx, m)));
  secretaryA = (await createUser(town, 'branch_secretary', [a.id])).session;
  secretaryB = (await createUser(town, 'branch_secretary', [b.id])).session;
});
afterAll(async () => { await ctx.close(); });

describe('学时 kept by the database', () => {
  it('follows every write: attendance recorded and changed, a session moved to another year or kind', async () => {
    const study = await createTrainingSession(secretaryA, a.id, { hours: 3, ...on(year) });
    await setTrainingAttendance(secretaryA, study.id, [{ personId: people[0], state: 'present' }, { personId: people[1], state: 'present', hoursCredited: 1.5 }]);
    const rotation = await createTrainingSession(town.admin, town.committeeId, { kind: 'rotation_town', hours: 8, ...on(year, '04-02') });
    await setTrainingAttendance(town.admin, rotation.id, [{ personId: people[0], state: 'present' }, { personId: people[1], state: 'absent' }]);
    expect(await kept(people)).toEqual([
      { personId: people[0], year, kind: 'branch_study', hours: 3 }, { personId: people[0], year, kind: 'rotation_town', hours: 8 },
      { personId: people[1], year, kind: 'branch_study', hours: 1.5 },
    ]);
    expect(await totalOnHoursPage(secretaryA, a.id, year, '钱一')).toBe(11);

    await setTrainingAttendance(secretaryA, study.id, [{ personId: people[0], state: 'absent' }, { personId: people[1], state: 'present' }]);
    await expectKeptAsSummed();
    expect(await totalOnHoursPage(secretaryA, a.id, year, '孙二')).toBe(3);

    const moved = await secretaryA.patch(`/api/education/sessions/${study.id}`, { kind: 'dengta_class', title: study.title, hours: 3, ...on(year - 1, '12-20') });
    expect(moved.statusCode, moved.body).toBe(200);
    await expectKeptAsSummed();
    expect(await kept([people[1]])).toEqual([{ personId: people[1], year: year - 1, kind: 'dengta_class', hours: 3 }]);
    expect(await totalOnHoursPage(secretaryA, a.id, year, '孙二')).toBe(0);
  });

  it('saving a session\'s attendance again writes only the lines that changed: the others keep their row', async () => {
    const third = await personOf(ctx, await createMember(town, a.id, { name: '李四' }));
    const s = await createTrainingSession(secretaryA, a.id, { hours: 2, ...on(year, '07-01') });
    await setTrainingAttendance(secretaryA, s.id, [{ personId: people[0], state: 'present' }, { personId: people[1], state: 'present' }]);
    const lines = async () => new Map((await ctx.pool.query<{ id: number; person_id: number; state: string }>(
      'select id, person_id, state from training_attendees where session_id = $1', [s.id])).rows.map((r) => [r.person_id, r]));
    const before = await lines();
    await setTrainingAttendance(secretaryA, s.id, [{ personId: people[1], state: 'absent' }, { personId: third, state: 'present' }]);
    const after = await lines();
    expect([...after.keys()].sort()).toEqual([people[1], third].sort());
    // 孙二's line is updated in place (a delete and an insert of every line recounted each person twice, 0057).
    expect(after.get(people[1])).toEqual({ ...before.get(people[1]), state: 'absent' });
    await expectKeptAsSummed([...people, third]);
    const unchanged = await lines();
    await setTrainingAttendance(secretaryA, s.id, [{ personId: people[1], state: 'absent' }, { personId: third, state: 'present' }]);
    expect(await lines()).toEqual(unchanged);
  });

  it('a session deleted takes its hours with it (its lines go by cascade)', async () => {
    const s = await createTrainingSession(secretaryA, a.id, { hours: 2, ...on(year, '05-06') });
    await setTrainingAttendance(secretaryA, s.id, [{ personId: people[1], state: 'present' }]);
    const before = await kept([people[1]]);
    await ctx.pool.query('delete from training_sessions where id = $1', [s.id]);
    await expectKeptAsSummed();
    expect(await kept([people[1]])).not.toEqual(before);
  });

  it('a member moved to another branch of the town keeps the year\'s hours filed under the old one', async () => {
    const mover = await createMember(town, a.id, { name: '周三' });
    const person = await personOf(ctx, mover);
    const s = await createTrainingSession(secretaryA, a.id, { hours: 4, ...on(year, '02-14') });
    await setTrainingAttendance(secretaryA, s.id, [{ personId: person, state: 'present' }]);
    const moved = await town.admin.post(`/api/members/${mover}/events`, { kind: 'transferred_out', occurredOn: todayInShanghai(), toOrganizationId: b.id });
    expect(moved.statusCode, moved.body).toBe(200);
    // The line stays under 东岭村 (the new branch cannot read it), the hours are the person's.
    expect(await totalOnHoursPage(secretaryB, b.id, year, '周三')).toBe(4);
    // …and the person's page adds up to the same: the year's lines wherever they are filed.
    const page = (await secretaryB.get(`/api/education/people/${person}/hours?year=${year}`)).json();
    expect(page).toMatchObject({ name: '周三', total: 4 });
    expect(page.sessions.map((x: Json) => x.title)).toEqual([s.title]);
  });

  it('two transactions recording lines of one person at once both count: the second recounts after the first commits', async () => {
    const [first, second] = [await createTrainingSession(secretaryA, a.id, { hours: 2, ...on(year, '06-01') }),
      await createTrainingSession(secretaryA, a.id, { hours: 1, ...on(year, '06-15') })];
    const line = (sessionId: number) => ({ text: `insert into training_attendees (tenant_id, organization_id, session_organization_id, session_id, person_id, state, hours_credited)
      values ($1, $2, $2, $3, $4, 'present', $5)`, values: [town.tenantId, a.id, sessionId, people[0], sessionId === first.id ? 2 : 1] });
    const one = new pg.Client({ connectionString: ctx.databaseUrl });
    const two = new pg.Client({ connectionString: ctx.databaseUrl });
    await Promise.all([one.connect(), two.connect()]);
    try {
      const before = (await kept([people[0]])).find((k) => k.year === year && k.kind === 'branch_study')?.hours ?? 0;
      await one.query('begin');
      await one.query(line(first.id));
      const pid = (await two.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
      await two.query('begin');
      const waiting = two.query(line(second.id)); // its recount waits for the person's row, locked by the first
      await untilWaitingOnLock(pid);
      await one.query('commit');
      await waiting;
      await two.query('commit');
      expect((await kept([people[0]])).find((k) => k.year === year && k.kind === 'branch_study')?.hours).toBe(before + 3);
      await expectKeptAsSummed();
    } finally {
      await Promise.all([one.end(), two.end()]);
    }
  });

  it('is read town-wide by the platform\'s role, never another town\'s, and never written by it', async () => {
    const other = await createTown(ctx);
    const count = (tenantId: number, committeeId: number) => withRowScope(dbScopeOf({ tenantId, paths: [pathOf[committeeId]] }), async () =>
      (await ctx.appDb.execute<{ n: number }>(sql`select count(*)::int as n from study_hours where person_id = ${people[0]}`)).rows[0].n);
    const { rows } = await ctx.pool.query<{ id: number; path: string }>('select id, path from organizations where id = any($1)', [[b.id, other.committeeId]]);
    const pathOf = Object.fromEntries(rows.map((r) => [r.id, r.path]));
    // 南坡村's secretary reads 钱一's hours (a member of the town), the other town nothing.
    expect(await count(town.tenantId, b.id)).toBeGreaterThan(0);
    expect(await count(other.tenantId, other.committeeId)).toBe(0);
    const write = withRowScope(dbScopeOf({ tenantId: town.tenantId, paths: [pathOf[b.id]] }), () =>
      ctx.appDb.execute(sql`update study_hours set hours = 999 where person_id = ${people[0]}`));
    expect((await write).rowCount).toBe(0);
    await expectKeptAsSummed();
  });
});
