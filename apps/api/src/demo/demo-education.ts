/**
 * 教育培训 of the demo town 西王庄镇 (issue 19 point 8): the twelve months before `today` of study, as a town admin, a
 * branch secretary and a 党员 expect to find it.
 *   - two 集中轮训 of the town (eight and two months ago, two days, 16 学时), every active member named;
 *   - monthly 支部学习 in the 18 village branches; in a month whose 三会一课 had a 党课 the session is that 党课 (linked,
 *     its sign-in copied: the hours count once), otherwise the branch's own study; and one coming next week;
 *   - 讲习所 courses at the 乡村振兴讲习所 for the branch committees, and one coming for 我的学习;
 *   - a 田间学校 course with villagers named by hand;
 *   - 线上学习 of the 流动党员 imported month by month (学习强国 / 灯塔), their only hours: they stay below 32;
 *   - a few members on the roster who missed both 集中轮训 and every other branch study (member id ≡ 0 mod 23),
 *     below their target too — a distribution on the hours page, never a ranking;
 *   - the four venues of the article with bookings and 参观考察 groups hosted;
 *   - the 对标学习 trip to 无锡市周庄镇 with its 镇村干部, 心得 and follow-ups on their owners' 待办.
 * The 发展对象培训 sessions are made earlier, by the 发展党员 demo's 培训 step (demoCandidateTraining below).
 * Cheap on purpose (the seed runs in every test template and at start-up): a handful of statements, each one insert of
 * many rows computed by the database from the roster and the 三会一课 records; no per-row round trips.
 */
import { sql } from 'drizzle-orm';
import { addDays, addMonths, type TrainingKind } from '@dj/contracts';
import type { Db, Tx } from '../db/client.js';
import type { Caller } from '../lib/access/index.js';
import { createSession, onlineTitle, setAttendance } from '../modules/education/index.js';
import type { DemoTown } from './demo-positions.js';

/** Members missing both 集中轮训 and every other month's branch study: below their target on purpose. */
export const DEMO_STUDY_SHORT_MODULUS = 23;
export const DEMO_TRIP_DESTINATION = '无锡市周庄镇';
const ROTATION_HOURS = 16;
const STUDY_TOPICS = ['学习党章党规', '学习习近平新时代中国特色社会主义思想', '学习乡村振兴政策', '学习基层治理典型案例', '学习党史故事', '学习全会精神'];
const firstOfMonth = (d: string) => `${d.slice(0, 7)}-01`;

interface SessionRow { key: string; organization_id: number; kind: TrainingKind; title: string; starts_on: string; ends_on: string; hours: number; venue: string | null; lecturers: string | null }

/** One insert for the rows (in their order, as demo-activities writes its own); the ids by key. */
async function insertSessions(tx: Tx, tenantId: number, createdBy: number, rows: SessionRow[]): Promise<Map<string, number>> {
  const { rows: made } = await tx.execute<{ id: number }>(sql`
    insert into training_sessions (tenant_id, organization_id, kind, title, starts_on, ends_on, hours, venue, lecturers, is_demo, created_by)
    select ${tenantId}, r.organization_id, r.kind, r.title, r.starts_on, r.ends_on, r.hours, r.venue, r.lecturers, true, ${createdBy}
    from json_to_recordset(${JSON.stringify(rows.map((r, n) => ({ ...r, n })))}::json) as r(n int, organization_id int, kind text, title text,
      starts_on date, ends_on date, hours numeric, venue text, lecturers text)
    order by r.n
    returning id`);
  return new Map(rows.map((r, i) => [r.key, Number(made[i].id)]));
}

const intArray = (ids: number[]) => `{${ids.join(',')}}`;

/** The roster a session names, as an insert from the database's own rows (active members on the roster). */
const ACTIVE = sql`m.on_roster and m.membership_status = 'active'`;
const short = sql`m.id % ${DEMO_STUDY_SHORT_MODULUS} = 0`;

async function seedTownSessions(tx: Tx, t: number, town: { id: number; admin: number }, today: string) {
  const course = (key: string, months: number, title: string, lecturers: string) => ({
    key, organization_id: town.id, kind: 'institute_course' as const, title, starts_on: addMonths(today, -months), ends_on: addMonths(today, -months),
    hours: 4, venue: '乡村振兴讲习所', lecturers,
  });
  const rotation = (key: string, months: number, title: string) => ({
    key, organization_id: town.id, kind: 'rotation_town' as const, title, starts_on: addMonths(today, -months), ends_on: addDays(addMonths(today, -months), 1),
    hours: ROTATION_HOURS, venue: '西王庄镇党校', lecturers: '区委党校教师、镇党委班子成员',
  });
  const ids = await insertSessions(tx, t, town.admin, [
    rotation('r1', 8, '全镇党员春季集中轮训'),
    rotation('r2', 2, '全镇党员秋冬季集中轮训'),
    course('c1', 10, '讲习所:村级集体经济发展路径', '镇经管站站长'),
    course('c2', 6, '讲习所:美丽乡村建设与人居环境整治', '区农业农村局专家'),
    course('c3', 4, '讲习所:基层治理“网格+党建”实务', '镇党委组织委员'),
    { key: 'f1', organization_id: town.id, kind: 'field_school', title: '田间学校:薄皮核桃春季管护', starts_on: addMonths(today, -5), ends_on: addMonths(today, -5), hours: 3, venue: '全国示范农民田间学校', lecturers: '区林业站技术员' },
    // Coming: on 我的学习 of every member (the town's course, issue 19 gap: hidden by the row scope before).
    { ...course('c4', 0, '讲习所:学习强国平台使用与线上学习', '镇党委宣传委员'), starts_on: addDays(today, 10), ends_on: addDays(today, 10) },
  ]);
  const rotations = [ids.get('r1')!, ids.get('r2')!];
  const courses = [ids.get('c1')!, ids.get('c2')!, ids.get('c3')!];
  // 集中轮训: every active member; the 流动党员 away and the few short ones absent.
  await tx.execute(sql`
    insert into training_attendees (tenant_id, organization_id, session_organization_id, session_id, person_id, state, hours_credited)
    select ${t}, m.organization_id, ${town.id}, s.id, m.person_id, x.state, case when x.state = 'present' then ${ROTATION_HOURS} else 0 end
    from members m cross join unnest(${intArray(rotations)}::int[]) as s(id)
    cross join lateral (select case when m.is_mobile or ${short} then 'absent' else 'present' end as state) x
    where m.tenant_id = ${t} and ${ACTIVE}`);
  // 讲习所: the village branch committees (党内职务 on the roster), each at every course but one.
  await tx.execute(sql`
    insert into training_attendees (tenant_id, organization_id, session_organization_id, session_id, person_id, state, hours_credited)
    select ${t}, m.organization_id, ${town.id}, s.id, m.person_id, x.state, case when x.state = 'present' then 4 else 0 end
    from members m join organizations o on o.id = m.organization_id and o.sector = 'village'
    cross join unnest(${intArray(courses)}::int[]) with ordinality as s(id, n)
    cross join lateral (select case when (m.id + s.n) % 7 = 0 then 'absent' else 'present' end as state) x
    where m.tenant_id = ${t} and ${ACTIVE} and cardinality(m.party_posts) > 0 and not m.is_mobile`);
  // 田间学校: villagers by name (no record of theirs is kept beyond the name on the list).
  const villagers = ['刘大成', '付秀兰', '王春雷', '赵玉梅', '孙有才', '李红霞'];
  await tx.execute(sql`
    insert into training_attendees (tenant_id, organization_id, session_organization_id, session_id, villager_name, state, hours_credited)
    select ${t}, ${town.id}, ${town.id}, ${ids.get('f1')!}, v.name, 'present', 3 from json_array_elements_text(${JSON.stringify(villagers)}::json) as v(name)`);
  return ids.size;
}

/** Monthly 支部学习 of the village branches: a month's 党课 (三会一课) is the session, linked; otherwise the branch's own. */
async function seedBranchStudy(tx: Tx, t: number, admin: number, today: string) {
  const month0 = firstOfMonth(today);
  const { rows } = await tx.execute<{ n: number; linked: number }>(sql`
    with slots as (
      select b.id as org, (${month0}::date - make_interval(months => k))::date + 11 as day, k
      from organizations b cross join generate_series(1, 12) as k
      where b.tenant_id = ${t} and b.kind = 'branch' and b.sector = 'village'
    ), lectures as (
      select distinct on (a.organization_id, date_trunc('month', a.held_on)) a.id, a.organization_id, a.held_on, a.topic, a.place, a.lecturer
      from activities a where a.tenant_id = ${t} and (a.kind = 'party_lecture' or 'party_lecture' = any(a.counts_for))
      order by a.organization_id, date_trunc('month', a.held_on), a.held_on
    ), made as (
      insert into training_sessions (tenant_id, organization_id, kind, title, starts_on, ends_on, hours, venue, lecturers, note, activity_id, is_demo, created_by)
      select ${t}, s.org, 'branch_study', coalesce(l.topic, (${`{${STUDY_TOPICS.join(',')}}`}::text[])[1 + s.k % ${STUDY_TOPICS.length}]),
        coalesce(l.held_on, s.day), coalesce(l.held_on, s.day), 2, coalesce(l.place, '村党群服务中心'), l.lecturer,
        case when l.id is not null then '由三会一课党课记录生成' end, l.id, true, ${admin}
      from slots s left join lectures l on l.organization_id = s.org and date_trunc('month', l.held_on) = date_trunc('month', s.day)
      returning id, organization_id, activity_id, starts_on
    ), lines as (
      insert into training_attendees (tenant_id, organization_id, session_organization_id, session_id, person_id, state, hours_credited)
      select ${t}, m.organization_id, s.organization_id, s.id, m.person_id, x.state, case when x.state = 'present' then 2 else 0 end
      from made s join members m on m.organization_id = s.organization_id and ${ACTIVE}
      left join attendances att on att.activity_id = s.activity_id and att.member_id = m.id
      cross join lateral (select case
        when s.activity_id is not null then case when att.state = 'present' then 'present' else 'absent' end
        when m.is_mobile or (m.id + extract(month from s.starts_on)::int) % 5 = 0 or (${short} and extract(month from s.starts_on)::int % 2 = 0) then 'absent'
        else 'present' end as state) x
      where s.activity_id is null or att.member_id is not null
      returning 1
    )
    select (select count(*) from made)::int as n, (select count(*) from made where activity_id is not null)::int as linked`);
  // The coming week's study of each village branch: for 我的学习's 参加/请假.
  await tx.execute(sql`
    insert into training_sessions (tenant_id, organization_id, kind, title, starts_on, ends_on, hours, venue, is_demo, created_by)
    select ${t}, b.id, 'branch_study', '本月支部集中学习:学习贯彻上级最新部署', ${addDays(today, 6)}, ${addDays(today, 6)}, 2, '村党群服务中心', true, ${admin}
    from organizations b where b.tenant_id = ${t} and b.kind = 'branch' and b.sector = 'village'`);
  return rows[0];
}

/** 线上学习 of the 流动党员: a month's export of each platform per branch, 1.5–3 学时 each (never checked, never ranked). */
async function seedOnlineStudy(tx: Tx, t: number, admin: number, today: string) {
  const months = Array.from({ length: 12 }, (_, k) => addMonths(firstOfMonth(today), -(k + 1)).slice(0, 7));
  const keys = months.flatMap((month) => (['xuexi', 'dengta'] as const).map((platform) => ({
    platform, title: onlineTitle(platform, month), starts_on: `${month}-01`, ends_on: addDays(addMonths(`${month}-01`, 1), -1),
  })));
  const json = JSON.stringify(keys);
  const platformOf = sql`case when m.id % 3 = 0 then 'dengta' else 'xuexi' end`;
  await tx.execute(sql`
    insert into training_sessions (tenant_id, organization_id, kind, title, starts_on, ends_on, hours, note, is_demo, created_by)
    select ${t}, b.org, 'online_study', r.title, r.starts_on, r.ends_on, 3, '由学习平台导出记录导入(演示数据)', true, ${admin}
    from (select distinct m.organization_id as org, ${platformOf} as platform from members m where m.tenant_id = ${t} and ${ACTIVE} and m.is_mobile) b
    join json_to_recordset(${json}::json) as r(platform text, title text, starts_on date, ends_on date) on r.platform = b.platform`);
  const { rows } = await tx.execute<{ n: number }>(sql`
    with lines as (
      insert into training_attendees (tenant_id, organization_id, session_organization_id, session_id, person_id, state, hours_credited)
      select ${t}, m.organization_id, s.organization_id, s.id, m.person_id, 'present', 1.5 + (m.id % 4) * 0.5
      from training_sessions s join json_to_recordset(${json}::json) as r(platform text, title text) on r.title = s.title
      join members m on m.organization_id = s.organization_id and ${ACTIVE} and m.is_mobile and ${platformOf} = r.platform
      where s.tenant_id = ${t} and s.kind = 'online_study'
      returning person_id
    ) select count(distinct person_id)::int as n from lines`);
  return rows[0].n;
}

/** The article's four venues, a few bookings (within capacity, none overlapping) and 参观考察 groups received. */
async function seedVenues(tx: Tx, t: number, town: { id: number; admin: number }, today: string) {
  const { rows } = await tx.execute<{ id: number; name: string }>(sql`
    insert into education_venues (tenant_id, organization_id, name, capacity, area_sqm, address, note)
    select ${t}, ${town.id}, v.name, v.capacity, v.area, v.address, v.note from json_to_recordset(${JSON.stringify([
      { name: '乡村振兴讲习所', capacity: 100, area: 150, address: '西王庄镇党群服务中心二楼', note: '镇村干部、党员和群众学习政策与实用技术的课堂' },
      { name: '耕读文化展馆', capacity: 60, area: null, address: '西王庄镇西王庄村', note: '展示耕读传家文化,参观考察的现场教学点' },
      { name: '全国示范农民田间学校', capacity: 80, area: null, address: '西王庄镇农业园区', note: '园区内的田间课堂,讲授果树、蔬菜种植技术' },
      { name: '全市新型职业农民培训基地', capacity: 200, area: null, address: '西王庄镇农业园区', note: '承接市、区新型职业农民培训' },
    ])}::json) as v(name text, capacity int, area int, address text, note text)
    returning id, name`);
  const venue = (name: string) => rows.find((r) => r.name === name)!.id;
  const bookings = [
    { venue: venue('乡村振兴讲习所'), date: addDays(today, 10), starts: '09:00', ends: '11:30', purpose: '讲习所课程:学习强国平台使用与线上学习', people: 60 },
    { venue: venue('乡村振兴讲习所'), date: addDays(today, 3), starts: '14:30', ends: '16:30', purpose: '营子村党支部主题党日集中学习', people: 35 },
    { venue: venue('全市新型职业农民培训基地'), date: addDays(today, 17), starts: '08:30', ends: '17:00', purpose: '区新型职业农民培训班', people: 150 },
    { venue: venue('耕读文化展馆'), date: addDays(today, -20), starts: '09:30', ends: '11:00', purpose: '接待外镇参观考察', people: 40 },
  ];
  await tx.execute(sql`
    insert into education_venue_bookings (tenant_id, organization_id, venue_id, date, starts_at, ends_at, purpose, people, booked_by)
    select ${t}, ${town.id}, b.venue, b.date, b.starts::time, b.ends::time, b.purpose, b.people, ${town.admin}
    from json_to_recordset(${JSON.stringify(bookings)}::json) as b(venue int, date date, starts text, ends text, purpose text, people int)`);
  const groups = [
    { venue: venue('耕读文化展馆'), on: addDays(today, -20), unit: '市中区永安镇党委(演示数据)', people: 40, topic: '耕读文化与乡风文明建设' },
    { venue: venue('乡村振兴讲习所'), on: addMonths(today, -3), unit: '山亭区店子镇村党组织书记培训班(演示数据)', people: 55, topic: '讲习所建设和党员群众学习' },
    { venue: venue('全国示范农民田间学校'), on: addMonths(today, -7), unit: '峄城区农业农村局(演示数据)', people: 25, topic: '田间学校办学和薄皮核桃种植' },
    { venue: venue('全市新型职业农民培训基地'), on: addMonths(today, -14), unit: '台儿庄区新型职业农民培训班(演示数据)', people: 120, topic: '新型职业农民培训基地运行' },
  ];
  await tx.execute(sql`
    insert into education_hosted_groups (tenant_id, organization_id, venue_id, visited_on, unit, people, topic, created_by)
    select ${t}, ${town.id}, g.venue, g.on, g.unit, g.people, g.topic, ${town.admin}
    from json_to_recordset(${JSON.stringify(groups)}::json) as g(venue int, "on" date, unit text, people int, topic text)`);
  return { venues: rows.length, bookings: bookings.length, hosted: groups.length };
}

/** 对标学习 to 周庄镇: the 镇村干部 who went, their 心得, and follow-ups owned by accounts (their 待办). */
async function seedTrip(tx: Tx, t: number, town: DemoTown, townOrgId: number, today: string) {
  const starts = addMonths(today, -3);
  const [trip] = (await tx.execute<{ id: number }>(sql`
    insert into education_trips (tenant_id, organization_id, title, destination, starts_on, ends_on, topics, note, created_by)
    values (${t}, ${townOrgId}, '赴周庄镇对标学习基层党建和美丽乡村建设', ${DEMO_TRIP_DESTINATION}, ${starts}, ${addDays(starts, 2)},
      array['party_building', 'beautiful_village', 'governance', 'innovation']::text[],
      '第一天 听取周庄镇党建引领乡村振兴情况介绍;第二天 实地察看村级党群服务中心和美丽乡村示范点;第三天 座谈交流', ${town.users.admin})
    returning id`)).rows;
  const yingzi = town.branch('营子村');
  const xihuagou = town.branch('西花沟村');
  const fuliuyao = town.branch('付刘耀村');
  const at = `${addDays(starts, 6)}T20:00:00+08:00`;
  const participants = [
    { org: townOrgId, user: null, name: '孙立华', post: '镇党委书记', takeaway: '周庄镇把党建工作和产业发展一起谋划、一起考核,值得我们学习;回来后先在3个村试点“支部+合作社”。' },
    { org: townOrgId, user: town.users.supervisor, name: '王建华', post: '包村干部', takeaway: null },
    { org: yingzi.id, user: town.users.yingzi, name: '张志强', post: '营子村党支部书记', takeaway: '周庄的村务公开栏和网格员制度很实用,营子村要把网格和党小组对应起来。' },
    { org: xihuagou.id, user: town.users.xihuagou, name: '刘春生', post: '西花沟村党支部书记', takeaway: '美丽乡村不是只刷墙,要先把污水和垃圾处理做好,再谈庭院经济。' },
    { org: fuliuyao.id, user: null, name: town.people(fuliuyao.id)[0] ?? '付刘耀村书记', post: '付刘耀村党支部书记', takeaway: null },
  ];
  await tx.execute(sql`
    insert into education_trip_participants (tenant_id, organization_id, trip_id, user_id, name, post, takeaway, takeaway_by, takeaway_at)
    select ${t}, p.org, ${trip.id}, p.user_id, p.name, p.post, p.takeaway, case when p.takeaway is null then null else coalesce(p.user_id, ${town.users.admin}) end,
      case when p.takeaway is null then null else ${at}::timestamptz end
    from json_to_recordset(${JSON.stringify(participants.map(({ user, ...p }) => ({ ...p, user_id: user })))}::json)
      as p(org int, user_id int, name text, post text, takeaway text)`);
  const actions = [
    { org: yingzi.id, owner: town.users.yingzi, content: '营子村网格与党小组对应,制定网格员联系户名单', due: addDays(today, 20), done: null },
    { org: xihuagou.id, owner: town.users.xihuagou, content: '西花沟村生活污水收集试点方案报镇党委', due: addDays(today, -10), done: null },
    { org: townOrgId, owner: town.users.supervisor, content: '在包联的3个村试点“支部+合作社”,摸清合作社底数', due: addDays(today, 45), done: null },
    { org: townOrgId, owner: town.users.admin, content: '整理周庄镇考察材料,印发全镇学习', due: addDays(starts, 14), done: addDays(starts, 12) },
  ];
  await tx.execute(sql`
    insert into education_trip_actions (tenant_id, organization_id, trip_id, content, owner_user_id, due_on, done_on, done_note, created_by)
    select ${t}, a.org, ${trip.id}, a.content, a.owner, a.due, a.done, case when a.done is null then null else '已印发各村党支部' end, ${town.users.admin}
    from json_to_recordset(${JSON.stringify(actions)}::json) as a(org int, owner int, content text, due date, done date)`);
  return { participants: participants.length, actions: actions.length };
}

export interface DemoEducationCounts { townSessions: number; branchStudy: number; linkedLectures: number; onlineMembers: number; venues: number; bookings: number; hosted: number; participants: number; actions: number }

export async function seedDemoEducation(tx: Tx, { tenantId, today, town, townOrgId }: { tenantId: number; today: string; town: DemoTown; townOrgId: number }): Promise<DemoEducationCounts> {
  const me = { id: townOrgId, admin: town.users.admin };
  const townSessions = await seedTownSessions(tx, tenantId, me, today);
  const study = await seedBranchStudy(tx, tenantId, town.users.admin, today);
  const onlineMembers = await seedOnlineStudy(tx, tenantId, town.users.admin, today);
  const venues = await seedVenues(tx, tenantId, me, today);
  const trip = await seedTrip(tx, tenantId, town, townOrgId, today);
  return { townSessions, branchStudy: study.n, linkedLectures: study.linked, onlineMembers, ...venues, ...trip };
}

/**
 * The 发展对象培训 the 发展党员 demo's 培训 step names (细则第十七条 then reads its days and the person's hours): the
 * town's 培训班 of three days and 24 学时, held just before the step; a step within 60 days of a class joins it.
 * Through the module's services (a few sessions in all), so the attendance passes the same checks as the form's.
 */
export function demoCandidateTraining(db: Db, caller: Caller, townOrgId: number) {
  const classes: { id: number; endsOn: string; people: number[] }[] = [];
  return async (personId: number, on: string): Promise<number> => {
    let c = classes.find((x) => x.endsOn < on && x.endsOn >= addDays(on, -60));
    if (!c) {
      const startsOn = addDays(on, -5);
      const made = await createSession(db, caller, {
        organizationId: townOrgId, kind: 'candidate_training', title: `发展对象培训班(${startsOn.slice(0, 4)}年第${classes.filter((x) => x.endsOn.startsWith(startsOn.slice(0, 4))).length + 1}期)`,
        startsOn, endsOn: addDays(startsOn, 2), hours: 24, venue: '乡村振兴讲习所', lecturers: '镇党委组织委员、区委党校教师', note: null,
      }, { isDemo: true });
      c = { id: made.id, endsOn: made.endsOn, people: [] };
      classes.push(c);
    }
    c.people.push(personId);
    await setAttendance(db, caller, c.id, { attendees: c.people.map((p) => ({ personId: p, villagerName: null, state: 'present', hoursCredited: null })) });
    return c.id;
  };
}
