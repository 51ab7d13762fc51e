import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '@dj/contracts';
import { dbScopeOf, withRowScope } from '../../db/client.js';
import { createTestContext, type Session, type TestContext } from '../../../test/context.js';
import { createBranch, createMemberAccount, createSupervisor, createTown, createUser, type Branch, type Town } from '../../../test/factories.js';
import { bookingBody, createVenue } from '../../../test/trips-factories.js';

/**
 * Issue 19 point 5, 培训阵地: venues with capacity, bookings refusing an overlap and more people than the venue holds
 * (each refusal names the field and the rule), 参观考察 groups counted per year by the database, never ranked. The
 * town's venues are the town admin's; a village's secretary keeps their own village's and sees no other.
 */
let ctx: TestContext;
let town: Town;
let a: Branch;
let b: Branch;
let secretaryA: Session;
let secretaryB: Session;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const today = todayInShanghai();
const thisYear = Number(today.slice(0, 4));

async function ok(res: Awaited<ReturnType<Session['get']>>): Promise<Json> {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  ctx = await createTestContext();
  town = await createTown(ctx, { villages: 2 });
  a = await createBranch(town, { name: '甲村党支部' });
  b = await createBranch(town, { name: '乙村党支部', villageId: town.villages[1].id });
  ({ session: secretaryA } = await createUser(town, 'branch_secretary', [a.id]));
  ({ session: secretaryB } = await createUser(town, 'branch_secretary', [b.id]));
});
afterAll(async () => { await ctx.close(); });

describe('19.5 培训阵地', () => {
  it('19.5 the town registers its venues with capacity; a village\'s secretary neither sees nor edits them', async () => {
    const hall = await createVenue(town);
    expect(hall).toMatchObject({ name: '乡村振兴讲习所', capacity: 120, areaSqm: 150, organizationName: expect.any(String), can: { manage: true } });
    const zero = await town.admin.post('/api/education/venues', { organizationId: town.committeeId, name: '耕读文化展馆', capacity: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.body).toContain('容纳人数至少为1');
    const edited = await ok(await town.admin.patch(`/api/education/venues/${hall.id}`, { name: '乡村振兴讲习所', capacity: 150, areaSqm: 150 }));
    expect(edited.capacity).toBe(150);
    expect((await ok(await secretaryA.get('/api/education/venues'))).items).toEqual([]);
    expect((await secretaryA.patch(`/api/education/venues/${hall.id}`, { name: '越权', capacity: 1 })).statusCode).toBe(404);
    expect((await secretaryA.post(`/api/education/venues/${hall.id}/bookings`, bookingBody())).statusCode).toBe(404);
    // The village's own 田间学校 is its secretary's; a supervisor of the village reads it only.
    const school = await createVenue(town, { organizationId: a.id, name: '全国示范农民田间学校', capacity: 80 }, secretaryA);
    const { session: supervisor } = await createSupervisor(town, [a.id]);
    const seen = await ok(await supervisor.get('/api/education/venues'));
    expect(seen.items).toEqual([expect.objectContaining({ id: school.id, can: { manage: false } })]);
    expect((await supervisor.patch(`/api/education/venues/${school.id}`, { name: '越权', capacity: 1 })).statusCode).toBe(403);
    expect((await secretaryB.get('/api/education/venues')).json().items).toEqual([]);
    const member = await createMemberAccount(town, a.id);
    expect((await member.session.get('/api/education/venues')).statusCode).toBe(403);
    const { rows } = await ctx.pool.query("select action from audit_events where object_type = 'education_venue' and object_id = $1 order by id", [String(hall.id)]);
    expect(rows.map((r) => r.action)).toEqual(['education.venue.create', 'education.venue.update']);
  });

  it('19.5 a booking over the venue\'s capacity is refused on 人数, naming the venue and its capacity', async () => {
    const base = await createVenue(town, { name: '全市新型职业农民培训基地', capacity: 100 });
    const res = await town.admin.post(`/api/education/venues/${base.id}/bookings`, bookingBody({ people: 101 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ path: 'people', message: '人数:101人超过“全市新型职业农民培训基地”的容纳人数100人,请减少人数或另选场地' }]);
    expect((await town.admin.post(`/api/education/venues/${base.id}/bookings`, bookingBody({ people: 100 }))).statusCode).toBe(200);
  });

  it('19.5 an overlapping booking of the same venue is refused (409) naming the times and the booking it meets; touching ends and other venues are fine', async () => {
    const hall = await createVenue(town, { name: '讲习所二楼' });
    const other = await createVenue(town, { name: '耕读文化展馆' });
    const day = addDays(today, 3);
    const first = await ok(await town.admin.post(`/api/education/venues/${hall.id}/bookings`, bookingBody({ date: day, startsAt: '09:00', endsAt: '11:30', purpose: '灯塔大课堂' })));
    expect(first).toMatchObject({ startsAt: '09:00', endsAt: '11:30', venueName: '讲习所二楼', can: { cancel: true } });
    const clash = await town.admin.post(`/api/education/venues/${hall.id}/bookings`, bookingBody({ date: day, startsAt: '11:00', endsAt: '12:00' }));
    expect(clash.statusCode).toBe(409);
    expect(clash.json().message).toBe(`开始时间、结束时间:${day} 11:00–12:00与“讲习所二楼”已有预约“灯塔大课堂”(09:00–11:30)时段重叠,同一场地同一时段只能预约一次`);
    expect(clash.json().fields.map((f: Json) => f.path)).toEqual(['startsAt', 'endsAt']);
    expect((await town.admin.post(`/api/education/venues/${hall.id}/bookings`, bookingBody({ date: day, startsAt: '08:00', endsAt: '12:00' }))).statusCode).toBe(409);
    expect((await town.admin.post(`/api/education/venues/${hall.id}/bookings`, bookingBody({ date: day, startsAt: '11:30', endsAt: '12:00' }))).statusCode).toBe(200);
    expect((await town.admin.post(`/api/education/venues/${other.id}/bookings`, bookingBody({ date: day, startsAt: '09:00', endsAt: '11:30' }))).statusCode).toBe(200);
    const backwards = await town.admin.post(`/api/education/venues/${hall.id}/bookings`, bookingBody({ startsAt: '10:00', endsAt: '09:00' }));
    expect(backwards.json().fields[0]).toMatchObject({ path: 'endsAt', message: '结束时间须晚于开始时间' });
    const past = await town.admin.post(`/api/education/venues/${hall.id}/bookings`, bookingBody({ date: addDays(today, -1) }));
    expect(past.json().fields[0].path).toBe('date');
    // Cancelled, the slot is free again.
    await ok(await town.admin.request('DELETE', `/api/education/venues/${hall.id}/bookings/${first.id}`));
    expect((await town.admin.post(`/api/education/venues/${hall.id}/bookings`, bookingBody({ date: day, startsAt: '10:00', endsAt: '11:00' }))).statusCode).toBe(200);
    const list = await ok(await town.admin.get(`/api/education/bookings?from=${day}&to=${day}`));
    expect(list.items.filter((x: Json) => x.venueId === hall.id).map((x: Json) => `${x.startsAt}-${x.endsAt}`)).toEqual(['10:00-11:00', '11:30-12:00']);
  });

  it('19.5 two bookings of one slot at once: exactly one is taken', async () => {
    const hall = await createVenue(town, { name: '并发测试场地' });
    const body = bookingBody({ date: addDays(today, 9) });
    const answers = await Promise.all([1, 2, 3].map(() => town.admin.post(`/api/education/venues/${hall.id}/bookings`, body)));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
  });

  it('19.5 参观考察 groups are counted per year by the database (groups and people), the latest year first', async () => {
    const hall = await createVenue(town, { name: '乡村振兴讲习所(接待)' });
    const group = (visitedOn: string, people: number, over: Json = {}) =>
      ({ organizationId: town.committeeId, visitedOn, unit: '市中区某镇党委', people, topic: '组织振兴引领乡村振兴', venueId: hall.id, ...over });
    for (const [day, n] of [[`${thisYear - 1}-05-10`, 30], [`${thisYear - 1}-09-01`, 12], [`${thisYear}-01-02`, 25]] as const) {
      await ok(await town.admin.post('/api/education/hosted-groups', group(day, n)));
    }
    const list = await ok(await town.admin.get('/api/education/hosted-groups'));
    expect(list.year).toBe(thisYear);
    expect(list.items).toEqual([expect.objectContaining({ unit: '市中区某镇党委', people: 25, venueName: '乡村振兴讲习所(接待)' })]);
    expect(list.years).toEqual([{ year: thisYear, groups: 1, people: 25 }, { year: thisYear - 1, groups: 2, people: 42 }]);
    const future = await town.admin.post('/api/education/hosted-groups', group(addDays(today, 1), 5));
    expect(future.json().fields[0].path).toBe('visitedOn');
    // A village's secretary counts their own village's groups only; the town's are not theirs to remove.
    await ok(await secretaryA.post('/api/education/hosted-groups', group(today, 8, { organizationId: a.id, venueId: null })));
    expect((await ok(await secretaryA.get('/api/education/hosted-groups'))).years).toEqual([{ year: thisYear, groups: 1, people: 8 }]);
    expect((await secretaryA.request('DELETE', `/api/education/hosted-groups/${list.items[0].id}`)).statusCode).toBe(404);
    expect((await secretaryA.post('/api/education/hosted-groups', group(today, 8, { organizationId: a.id }))).statusCode).toBe(404);
    await ok(await town.admin.request('DELETE', `/api/education/hosted-groups/${list.items[0].id}`));
    const { rows } = await ctx.pool.query("select action from audit_events where object_type = 'education_hosted_group' order by id");
    expect(rows.map((r) => r.action)).toEqual(['education.hosted.create', 'education.hosted.create', 'education.hosted.create', 'education.hosted.create', 'education.hosted.remove']);
  });

  it('19.5 row-level security: under a village\'s scope the venue, booking and group tables show only its rows', async () => {
    const school = await createVenue(town, { organizationId: b.id, name: '乙村田间学校', capacity: 40 }, secretaryB);
    await ok(await secretaryB.post(`/api/education/venues/${school.id}/bookings`, bookingBody({ people: 20 })));
    const [{ path }] = (await ctx.pool.query('select path from organizations where id = $1', [b.id])).rows;
    const seen = await withRowScope(dbScopeOf({ tenantId: town.tenantId, paths: [path] }), async () => {
      const out: Record<string, number[]> = {};
      for (const t of ['education_venues', 'education_venue_bookings', 'education_hosted_groups']) {
        out[t] = (await ctx.appDb.execute(sql.raw(`select organization_id from ${t}`))).rows.map((r) => Number(r.organization_id));
      }
      return out;
    });
    expect(seen.education_venues).toEqual([b.id]);
    expect(seen.education_venue_bookings).toEqual([b.id]);
    expect(seen.education_hosted_groups.every((id) => id === b.id)).toBe(true);
  });
});
