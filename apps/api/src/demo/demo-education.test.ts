import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, todayInShanghai } from '@dj/contracts';
import { createTestContext, type Session, type TestContext } from '../../test/context.js';
import { DEMO_STUDY_SHORT_MODULUS, DEMO_TRIP_DESTINATION } from './demo-education.js';

/** The demo town's year of 教育培训 (issue 19 point 8), as the town admin, a secretary and the demo 党员 read it. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let ctx: TestContext;
let admin: Session;
const today = todayInShanghai();
// The first day of the month a year back: the monthly study is on the 12th, a 党课 any day of its month.
const yearAgo = `${addMonths(today, -12).slice(0, 7)}-01`;
const q = async (text: string, params: unknown[] = []) => (await ctx.pool.query(text, params)).rows;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.signIn('admin');
});
afterAll(async () => { await ctx.close(); });

describe('demo 教育培训 of 西王庄镇', () => {
  it('a year of sessions of every kind: two 集中轮训, monthly 支部学习 in the 18 villages (党课 linked), 讲习所, 田间学校, 线上学习', async () => {
    const kinds = await q(`select kind, count(*)::int as n from training_sessions where starts_on >= $1 and starts_on < $2 group by kind`, [yearAgo, today]);
    const n = Object.fromEntries(kinds.map((r) => [r.kind, r.n]));
    expect(n.rotation_town).toBe(2);
    expect(n.branch_study).toBe(18 * 12);
    expect(n.institute_course).toBe(3);
    expect(n.field_school).toBe(1);
    expect(n.online_study).toBeGreaterThan(0);
    expect(n.candidate_training).toBeGreaterThan(0);
    // A month's 党课 is that month's study, once: its hours come from the 三会一课 sign-in, never twice.
    const [linked] = await q(`select count(*)::int as n, count(distinct activity_id)::int as d from training_sessions where activity_id is not null`);
    expect(linked.n).toBeGreaterThan(18);
    expect(linked.d).toBe(linked.n);
    const listed: Json = (await admin.get('/api/education/sessions?kind=rotation_town')).json();
    expect(listed.items.length).toBeGreaterThanOrEqual(2);
    expect(listed.items[0].present).toBeGreaterThan(400);
  });

  it('members below their target exist (the 流动党员 with online study only, and a few who missed both 集中轮训), shown as a distribution', async () => {
    const year = Number(today.slice(0, 4));
    // One of the few who missed both 集中轮训: their branch's hours page shows them short, among the others in roster order.
    const [one] = await q(`select m.person_id, m.organization_id from members m join organizations o on o.id = m.organization_id and o.sector = 'village'
      where m.id % $1 = 0 and m.on_roster and m.membership_status = 'active' and not m.is_mobile order by m.id limit 1`, [DEMO_STUDY_SHORT_MODULUS]);
    const hours: Json = (await admin.get(`/api/education/hours?orgId=${one.organization_id}&year=${year}`)).json();
    expect(hours.people.length).toBeGreaterThan(10);
    const person = hours.people.find((p: Json) => p.personId === Number(one.person_id));
    expect(person.total).toBeLessThan(person.target);
    expect(person.byKind.rotation_town).toBe(0);
    expect(hours.distribution.done + hours.distribution.due + hours.distribution.late).toBe(hours.people.length);
    const [away] = await q(`select count(*)::int as n from training_attendees a join members m on m.person_id = a.person_id
      join training_sessions s on s.id = a.session_id where m.is_mobile and s.kind = 'online_study'`);
    expect(away.n).toBeGreaterThan(0);
    const [short] = await q(`select count(*)::int as n from members m where m.id % $1 = 0 and m.on_roster and m.membership_status = 'active'
      and not exists (select 1 from training_attendees a join training_sessions s on s.id = a.session_id
        where a.person_id = m.person_id and s.kind = 'rotation_town' and a.state = 'present')`, [DEMO_STUDY_SHORT_MODULUS]);
    expect(short.n).toBeGreaterThan(0);
  });

  it('the 发展对象培训 the recruitment steps name is a real session the person attended: three days, 24 学时 (细则第十七条)', async () => {
    const steps = await q(`select r.person_id, st.details from recruitment_steps st join recruitments r on r.id = st.recruitment_id where st.step_code = 'training'`);
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) {
      expect(s.details).toMatchObject({ trainingDays: 3, trainingHours: 24 });
      const session: Json = (await admin.get(`/api/education/sessions/${s.details.trainingSessionId}`)).json();
      expect(session.kind).toBe('candidate_training');
      expect(session.attendeeList.find((a: Json) => a.personId === Number(s.person_id))).toMatchObject({ state: 'present', hoursCredited: 24 });
    }
  });

  it('the 对标学习 trip to 周庄镇 with its 镇村干部, the four topics, 心得 and follow-ups on the owners\' 待办', async () => {
    const trips: Json = (await admin.get('/api/education/trips')).json();
    const trip = trips.items.find((t: Json) => t.destination === DEMO_TRIP_DESTINATION);
    expect(trip.topics).toEqual(['party_building', 'beautiful_village', 'governance', 'innovation']);
    const detail: Json = (await admin.get(`/api/education/trips/${trip.id}`)).json();
    expect(detail.participantList.length).toBeGreaterThanOrEqual(4);
    expect(detail.participantList.filter((p: Json) => p.takeaway).length).toBeGreaterThanOrEqual(2);
    expect(detail.actionList.map((a: Json) => a.state).sort()).toEqual(['done', 'due', 'due', 'overdue']);
    const tasks: Json = (await (await ctx.signIn('xihuagou')).get('/api/tasks?kind=TRIP_ACTION_DUE')).json();
    expect(tasks.items).toEqual([expect.objectContaining({ overdue: true })]);
  });

  it('the article\'s four venues with bookings and groups hosted; the demo 党员 sees the town\'s coming 讲习所 course', async () => {
    const venues: Json = (await admin.get('/api/education/venues')).json();
    expect(venues.items.map((v: Json) => v.name).sort()).toEqual(['乡村振兴讲习所', '全市新型职业农民培训基地', '全国示范农民田间学校', '耕读文化展馆'].sort());
    expect(venues.items.find((v: Json) => v.name === '乡村振兴讲习所').areaSqm).toBe(150);
    expect((await admin.get('/api/education/bookings')).json().items.length).toBeGreaterThanOrEqual(3);
    expect((await admin.get('/api/education/hosted-groups')).json().years.length).toBeGreaterThan(0);
    const mine: Json = (await (await ctx.signIn('member')).get('/api/my/education')).json();
    expect(mine.upcoming.map((u: Json) => u.kind)).toEqual(expect.arrayContaining(['branch_study', 'institute_course']));
  });
});
