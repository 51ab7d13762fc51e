/**
 * A year of 组织生活 for the demo town 西王庄镇: what a town admin, a 包村干部 and a branch secretary expect to find on
 * first sign-in. Every branch holds its monthly 主题党日 (some months as 三日合一), 支委会 and 党小组会, its quarterly
 * 党员大会 and 党课, the January 组织生活会 with 民主评议, and 谈心谈话 through the year, with attendance.
 *
 * Three village branches are deliberately behind (DEMO_BEHIND_BRANCHES), so the compliance calendar shows late rows:
 *   - 古屯村党支部: no 主题党日 two and four months ago;
 *   - 丁庄村党支部: no 党员大会 last quarter or this quarter, and no 支委会 last month;
 *   - 杨楼村党支部: no 主题党日 last month, no 党课 last quarter, and 谈心谈话 with only about 60 % of its members.
 * 营子村党支部 (the demo secretary's branch) is up to date, except the current month's 主题党日 while its day is still
 * ahead (the end-to-end test records it).
 *
 * The 包村干部 guides the 主题党日 of their branches: most are signed off; the latest of 付刘耀村 waits for sign-off and
 * the latest of 天齐庙村 was returned with a reason. Recent 主题党日 of a few branches carry a generated photo
 * (demo-photos.ts). Deterministic: the same `today` gives the same rows; fast, as it runs in every test template.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import {
  activities, activityChecks, activityReviews, attendances, checklistTemplates, dengtaUploads, members, organizations,
  persons, roleGrants, supervisorAssignments, users,
} from '../db/schema/index.js';
import { mulberry32 } from '../lib/prng.js';
import { heldRoles } from '../lib/access/index.js';
import { addDays, addMonths, daysInMonth, monthFromIndex, monthIndex } from '@dj/contracts';
import type { ActivityKind } from '../modules/activities/index.js';
import { seedDemoPhotos } from './demo-photos.js';

/** Branches that miss some activities on purpose (see the file comment); tests check they show late rows. */
export const DEMO_BEHIND_BRANCHES = ['古屯村党支部', '丁庄村党支部', '杨楼村党支部'] as const;

const UP_TO_DATE_BRANCH = '营子村党支部';
/** Branches whose recent 主题党日 get a generated on-site photo. */
const PHOTO_BRANCHES = ['营子村党支部', '付刘耀村党支部', '天齐庙村党支部', '西花沟村党支部', '西王庄村党支部'];
const THEME_DAY = 28;
const COMMITTEE_MIN_FULL = 7;

type NewActivity = typeof activities.$inferInsert;
type NewAttendance = Omit<typeof attendances.$inferInsert, 'activityId'>;

interface Roster {
  id: number; organizationId: number; groupId: number | null; standing: string; status: string; isMobile: boolean;
  joinedAt: string; posts: string[]; name: string;
}

interface Plan {
  activity: NewActivity;
  attendance: NewAttendance[];
  review?: 'signed_off' | 'submitted' | 'returned';
  photo?: boolean;
  upload?: boolean;
  branchName: string;
}

export interface DemoActivityCounts {
  activities: number; attendances: number; reviews: number; photos: number; uploads: number; checks: number; assignments: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

const VILLAGE_PLACES = ['村党群服务中心', '村委会会议室', '村党群服务中心会议室', '村文化广场', '田间地头'];
const ENTERPRISE_PLACES = ['公司党员活动室', '公司会议室', '生产车间'];
const GOVERNMENT_PLACES = ['镇机关三楼会议室', '镇党员活动室'];

/** Month-by-month themes, as a village's 主题党日 follows the season and the town's work. */
const THEMES: Record<number, string[]> = {
  1: ['学习贯彻党的二十届四中全会精神', '冬季安全生产和防火'],
  2: ['春节返乡党员座谈', '学习中央一号文件精神'],
  3: ['学雷锋志愿服务', '春季植树和人居环境整治'],
  4: ['清明祭英烈缅怀革命先烈', '春耕生产和农资保障'],
  5: ['防汛安全隐患排查', '乡村振兴产业发展'],
  6: ['"七一"前重温入党誓词', '三夏麦收和秸秆禁烧'],
  7: ['庆祝建党节学习党章', '防汛安全和汛期值守'],
  8: ['乡村振兴产业发展', '村集体经济项目推进'],
  9: ['秋收秋种和秸秆禁烧', '三务公开和村务监督'],
  10: ['人居环境整治', '学习贯彻全会精神'],
  11: ['学习贯彻党的二十届四中全会精神', '冬季清洁取暖安全'],
  12: ['党费收缴和年度工作总结', '冬季安全生产和关爱困难党员'],
};
const COMMITTEE_TOPICS = ['研究本月主题党日安排', '研究发展党员工作', '研究人居环境整治工作', '研究村集体经济项目', '研究防汛安全工作', '研究党费收缴情况', '研究三务公开事项', '研究困难党员帮扶'];
const GROUP_TOPICS = ['学习习近平总书记重要讲话精神', '学习党章和党规党纪', '讨论本组人居环境整治', '学习贯彻全会精神', '收集群众意见建议', '学习乡村振兴政策'];
const GENERAL_TOPICS = ['通报党费收缴和使用情况', '讨论发展党员工作', '三务公开情况通报', '村集体经济发展项目表决', '学习贯彻全会精神', '半年工作总结和下步安排'];
const LECTURE_TOPICS = ['学党史、悟思想、办实事', '新时代党员如何发挥先锋模范作用', '学习贯彻全会精神专题党课', '党的纪律和规矩', '乡村振兴中的党员担当'];
const VILLAGER_TOPICS = ['村内道路硬化和路灯维修', '秸秆禁烧和环境卫生', '土地流转和产业项目', '低保和救助政策咨询', '排水沟清淤'];
/** The first sentence of the minutes after "X主持会议,", by kind. */
const LEADS: Partial<Record<ActivityKind, (topic: string) => string>> = {
  committee_meeting: (t) => `支委会围绕“${t.replace(/^研究/, '')}”进行研究,形成一致意见`,
  general_meeting: (t) => `应到党员过半数出席,会议围绕“${t}”进行了讨论`,
  party_lecture: (t) => `以“${t}”为题讲授党课`,
  life_meeting: () => '支部班子和党员逐一对照检查,开展批评和自我批评,并进行了民主评议',
};
const study = (theme: string) => (theme.startsWith('学习') || theme.startsWith('"') ? theme : `学习${theme}`);
const EXCUSES = ['外出务工', '外出务工', '生病住院', '家中有事', '年老体弱'];
const GUEST_NAMES = ['王桂芝', '李长明', '张秀兰', '刘德胜', '赵玉华', '孙建军', '周秀梅', '陈保国'];
const FILLER = [
  '与会党员结合工作实际交流了学习体会', '会议要求党员在本村工作中带头示范', '会后党员分组开展了志愿服务',
  '会议对下一阶段工作作了具体分工', '群众反映的问题已登记并明确了责任人',
];

export async function seedDemoActivities(db: DbOrTx, { tenantId, today }: { tenantId: number; today: string }): Promise<DemoActivityCounts> {
  const rand = mulberry32(20200703 ^ Number(today.replaceAll('-', '')));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const chance = (p: number) => rand() < p;
  const start = addMonths(today, -12);
  const yesterday = addDays(today, -1);
  const held = (date: string) => date >= start && date < today;
  const currentMonth = monthIndex(today.slice(0, 7));
  const quarterOf = (m: number) => Math.floor(m / 3);
  const dayIn = (m: number, day: number) => {
    const month = monthFromIndex(m);
    return `${month}-${pad2(Math.min(day, daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))))}`;
  };
  /** A working-day-ish date in month m; in the current month pulled back to yesterday so it counts as held. */
  const dayInHeld = (m: number, day: number) => {
    const d = dayIn(m, day);
    return d >= today && m === currentMonth && yesterday.slice(0, 7) === monthFromIndex(m) ? yesterday : d;
  };

  // ---- the town as seeded by seedDemoTown ----
  const orgs = await db.select({ id: organizations.id, name: organizations.name, kind: organizations.kind, sector: organizations.sector, parentId: organizations.parentId })
    .from(organizations).where(eq(organizations.tenantId, tenantId)).orderBy(organizations.sortOrder, organizations.id);
  const branches = orgs.filter((o) => o.kind === 'branch');
  const groupsOf = (branchId: number) => orgs.filter((o) => o.kind === 'group' && o.parentId === branchId);
  const roster: Roster[] = (await db.select({
    id: members.id, organizationId: members.organizationId, groupId: members.groupId, standing: members.standing, status: members.membershipStatus,
    isMobile: members.isMobile, joinedAt: members.joinedAt, posts: members.partyPosts, name: persons.name,
  }).from(members).innerJoin(persons, eq(persons.id, members.personId))
    .where(and(eq(members.tenantId, tenantId), eq(members.onRoster, true))).orderBy(members.id));
  const accounts = await db.select({ id: users.id, username: users.username, roles: heldRoles }).from(users).where(eq(users.tenantId, tenantId)).orderBy(users.id);
  const admin = accounts.find((u) => u.username === 'admin') ?? accounts.find((u) => u.roles.includes('town_admin'));
  if (!admin) throw new Error('seed: the demo town has no town admin');
  const scopes = accounts.length
    ? await db.select().from(roleGrants).where(inArray(roleGrants.userId, accounts.map((u) => u.id)))
    : [];
  const secretaryUser = new Map<number, number>();
  for (const u of accounts.filter((a) => a.roles.includes('branch_secretary'))) {
    for (const s of scopes.filter((x) => x.userId === u.id)) secretaryUser.set(s.organizationId, u.id);
  }
  const supervisor = accounts.find((u) => u.username === 'supervisor') ?? accounts.find((u) => u.roles.includes('supervisor'));
  const supervised = new Set(supervisor ? scopes.filter((s) => s.userId === supervisor.id).map((s) => s.organizationId) : []);
  const template = (await db.select().from(checklistTemplates).where(eq(checklistTemplates.tenantId, tenantId)))
    .find((t) => t.name === '四定两挂一戴');

  // ---- supervision duty: the 包村干部 guides the branches in their scope ----
  if (supervisor && supervised.size) {
    await db.insert(supervisorAssignments).values([...supervised].map((organizationId) => ({
      userId: supervisor.id, organizationId, tenantId, assignedBy: admin.id, assignedAt: at(start, '09:00'),
    })));
  }

  const plans: Plan[] = [];
  for (const branch of branches) {
    const village = branch.sector === 'village';
    const places = village ? VILLAGE_PLACES : branch.sector === 'private_enterprise' ? ENTERPRISE_PLACES : GOVERNMENT_PLACES;
    const mine = roster.filter((m) => m.organizationId === branch.id && m.status === 'active');
    const secretary = mine.find((m) => m.posts.includes('secretary'));
    const recorderMember = mine.find((m) => m.posts.includes('organization_officer')) ?? mine.find((m) => m.posts.includes('publicity_officer')) ?? mine[1];
    const host = secretary?.name ?? '支部书记';
    const recorder = recorderMember?.name ?? '组织委员';
    const createdBy = secretaryUser.get(branch.id) ?? admin.id;
    const hasCommittee = mine.filter((m) => m.standing === 'full').length >= COMMITTEE_MIN_FULL;
    const committee = mine.filter((m) => m.posts.length > 0).concat(mine.filter((m) => m.posts.length === 0).slice(0, 2));
    const groups = groupsOf(branch.id);
    const isSupervised = supervised.has(branch.id);
    const behind = (DEMO_BEHIND_BRANCHES as readonly string[]).includes(branch.name);

    const skipTheme = new Set<number>(
      branch.name === '古屯村党支部' ? [currentMonth - 2, currentMonth - 4] : branch.name === '杨楼村党支部' ? [currentMonth - 1] : []);
    const skipCommittee = new Set<number>(branch.name === '丁庄村党支部' ? [currentMonth - 1] : []);
    const skipGeneralQuarter = new Set<number>(branch.name === '丁庄村党支部' ? [quarterOf(currentMonth), quarterOf(currentMonth) - 1] : []);
    const skipLectureQuarter = new Set<number>(branch.name === '杨楼村党支部' ? [quarterOf(currentMonth) - 1] : []);

    /** Who was there: mostly present, some excused (often with a 补学 a few days later), a few absent. */
    const attend = (expected: Roster[], heldOn: string): NewAttendance[] => {
      const rate = 0.8 + rand() * 0.15;
      return expected.filter((m) => !m.isMobile && m.joinedAt <= heldOn).map((m) => {
        const r = rand();
        if (m.id === secretary?.id || r < rate) return { memberId: m.id, state: 'present' as const };
        const makeup = addDays(heldOn, 2 + Math.floor(rand() * 6));
        if (r < rate + (1 - rate) * 0.7) {
          return { memberId: m.id, state: 'excused' as const, reason: pick(EXCUSES), makeupOn: chance(0.6) && makeup < today ? makeup : null };
        }
        return { memberId: m.id, state: 'absent' as const, makeupOn: chance(0.3) && makeup < today ? makeup : null };
      });
    };
    const minutes = (presider: string, topic: string, lead: (topic: string) => string) => {
      const extra = [...FILLER].sort(() => rand() - 0.5).slice(0, 1 + Math.floor(rand() * 3));
      return [`${presider}主持会议,${lead(topic)}`, ...extra].join('。') + '。';
    };
    const add = (kind: ActivityKind, heldOn: string, topic: string, fields: Partial<NewActivity> & { expected: Roster[] }, extra: Partial<Plan> = {}) => {
      const { expected, ...rest } = fields;
      const time = at(heldOn, '20:00');
      const presider = rest.host ?? host;
      plans.push({
        branchName: branch.name,
        activity: {
          tenantId, organizationId: branch.id, kind, heldOn, topic, place: pick(places), host, recorder,
          minutes: minutes(presider, topic, LEADS[kind] ?? ((t) => `围绕“${t}”组织学习讨论`)), isDemo: true, createdBy, createdAt: time, updatedAt: time, ...rest,
        },
        attendance: attend(expected, heldOn),
        ...extra,
      });
    };

    // Months of the window, oldest first; a quarter's 党课 is sometimes held within one of its 主题党日.
    const firstMonth = monthIndex(start.slice(0, 7));
    const lectureViaTheme = new Map<number, boolean>();
    const lectureDone = new Set<number>();
    for (let m = firstMonth; m <= currentMonth; m++) {
      const month = Number(monthFromIndex(m).slice(5, 7));
      const q = quarterOf(m);
      if (!lectureViaTheme.has(q)) lectureViaTheme.set(q, chance(0.4));

      // 主题党日 on the 28th; in villages some months as 三日合一.
      const themeOn = dayIn(m, THEME_DAY);
      if (held(themeOn) && !skipTheme.has(m)) {
        const theme = pick(THEMES[month]);
        const combined = village && chance(0.35);
        const withLecture = lectureViaTheme.get(q) === true && !lectureDone.has(q) && !skipLectureQuarter.has(q);
        if (withLecture) lectureDone.add(q);
        const say = pick(VILLAGER_TOPICS);
        add(combined ? 'combined_day' : 'theme_day', themeOn, combined ? `三日合一: ${theme}` : theme, {
          expected: mine,
          countsFor: withLecture ? ['party_lecture'] : [],
          lecturer: withLecture ? host : null,
          agenda: `1. 重温入党誓词;2. ${study(theme)};3. 交纳党费;4. 开展志愿服务${withLecture ? ';5. 书记讲党课' : ''}`,
          agendaParts: combined ? [
            { kind: 'theme_day', text: `${study(theme)},重温入党誓词,交纳党费` },
            { kind: 'deliberation_day', text: `党员群众议事: ${say}` },
            { kind: 'villager_say_day', text: `村民说事: 收集群众关于${say}的意见建议` },
          ] : [],
          guests: combined ? [...GUEST_NAMES].sort(() => rand() - 0.5).slice(0, 2 + Math.floor(rand() * 3)).map((name) => ({ name, note: '村民代表' })) : [],
          supervisorUserId: isSupervised ? supervisor?.id ?? null : null,
          resolutions: combined ? `对${say}问题明确专人负责,一周内答复群众` : null,
        }, {
          review: isSupervised ? 'signed_off' : undefined,
          photo: PHOTO_BRANCHES.includes(branch.name) && m >= currentMonth - 2,
          upload: isSupervised && chance(0.9),
        });
      }

      // 支委会 monthly where the branch has a committee.
      if (hasCommittee && !skipCommittee.has(m)) {
        const on = dayInHeld(m, 5 + Math.floor(rand() * 6));
        if (held(on)) add('committee_meeting', on, pick(COMMITTEE_TOPICS), { expected: committee, place: village ? '村委会会议室' : pick(places) });
      }
      // 党小组会 monthly per group.
      for (const group of groups) {
        const on = dayInHeld(m, 14 + Math.floor(rand() * 7));
        if (held(on)) {
          add('group_meeting', on, pick(GROUP_TOPICS), {
            expected: mine.filter((x) => x.groupId === group.id), groupId: group.id,
            host: mine.find((x) => x.groupId === group.id && x.id !== secretary?.id)?.name ?? `${group.name}组长`, place: chance(0.5) ? '组长家中' : pick(places),
          });
        }
      }
      // 组织生活会 with 民主评议 in January.
      if (month === 1) {
        const on = dayInHeld(m, 12 + Math.floor(rand() * 10));
        if (held(on)) {
          add('life_meeting', on, `${Number(on.slice(0, 4)) - 1}年度组织生活会和民主评议党员`, {
            expected: mine, countsFor: ['appraisal'],
            agenda: '1. 通报上年度组织生活会整改落实情况;2. 支部班子对照检查;3. 开展批评和自我批评;4. 民主评议党员',
            resolutions: '民主评议结果: 优秀和合格等次已报镇党委',
          });
        }
      }
    }

    // Quarterly 党员大会 (middle month first) and 党课 (unless held within a 主题党日), on the first date already held.
    for (let q = quarterOf(firstMonth); q <= quarterOf(currentMonth); q++) {
      const months = [q * 3 + 1, q * 3, q * 3 + 2].filter((m) => m >= firstMonth && m <= currentMonth);
      if (!skipGeneralQuarter.has(q)) {
        const on = months.map((m) => dayInHeld(m, 8 + Math.floor(rand() * 10))).find(held);
        if (on) add('general_meeting', on, pick(GENERAL_TOPICS), { expected: mine });
      }
      if (!lectureDone.has(q) && !skipLectureQuarter.has(q)) {
        const on = months.map((m) => dayInHeld(m, 16 + Math.floor(rand() * 6))).find(held);
        if (on) add('party_lecture', on, pick(LECTURE_TOPICS), { expected: mine, lecturer: chance(0.3) ? '镇党委宣传委员' : host });
      }
    }

    // 谈心谈话: pairs or single members with the secretary, spread over the current year (a few last December).
    const yearStart = `${today.slice(0, 4)}-01-01` > start ? `${today.slice(0, 4)}-01-01` : start;
    const spanDays = Math.round((Date.parse(yesterday) - Date.parse(yearStart)) / 86_400_000);
    const coverage = branch.name === UP_TO_DATE_BRANCH ? 1 : behind ? 0.6 : 0.9;
    const talkers = [...mine].sort(() => rand() - 0.5).filter(() => chance(coverage));
    const talk = (people: Roster[], on: string) => plans.push({
      branchName: branch.name,
      activity: {
        tenantId, organizationId: branch.id, kind: 'heart_talk', heldOn: on, topic: `与${people.map((p) => p.name).join('、')}谈心谈话`,
        place: pick(['村党群服务中心', '党员家中', '田间地头', '微信视频']), host, recorder: host,
        minutes: `了解${people.map((p) => p.name).join('、')}的思想和生产生活情况,听取对支部工作的意见建议。${pick(FILLER)}。`,
        isDemo: true, createdBy, createdAt: at(on, '20:00'), updatedAt: at(on, '20:00'),
      },
      attendance: people.map((p) => ({ memberId: p.id, state: 'present' as const })),
    });
    if (spanDays >= 0) {
      for (let i = 0; i < talkers.length;) {
        const n = chance(0.4) && i + 1 < talkers.length ? 2 : 1;
        talk(talkers.slice(i, i + n), addDays(yearStart, Math.floor(rand() * (spanDays + 1))));
        i += n;
      }
    }
    const lastDecember = `${Number(today.slice(0, 4)) - 1}-12-`;
    for (const m of mine.filter(() => chance(0.08))) {
      const on = `${lastDecember}${pad2(5 + Math.floor(rand() * 20))}`;
      if (held(on)) talk([m], on);
    }
  }

  // ---- supervision states in the 包村干部's branches: the latest of 付刘耀村 waits, the latest of 天齐庙村 was returned ----
  const latestTheme = (name: string) => plans.filter((p) => p.branchName === name && p.review).sort((a, b) => a.activity.heldOn.localeCompare(b.activity.heldOn)).at(-1);
  for (const [name, state] of [['付刘耀村党支部', 'submitted'], ['天齐庙村党支部', 'returned']] as const) {
    const latest = latestTheme(name);
    if (latest) latest.review = state;
  }
  for (const p of plans) {
    if (p.review) p.activity.reviewStatus = p.review;
    if (p.review !== 'signed_off') p.upload = false;
  }

  // ---- write ----
  // Bulk rows go in as one JSON parameter per chunk: binding tens of thousands of parameters costs more than the insert.
  const ids: number[] = [];
  for (let i = 0; i < plans.length; i += 1000) {
    const chunk = plans.slice(i, i + 1000).map((p, n) => {
      const a = p.activity;
      return {
        n, tenant_id: a.tenantId, organization_id: a.organizationId, group_id: a.groupId ?? null, kind: a.kind, counts_for: a.countsFor ?? [],
        held_on: a.heldOn, place: a.place, topic: a.topic, host: a.host ?? null, recorder: a.recorder ?? null, lecturer: a.lecturer ?? null,
        agenda: a.agenda ?? null, minutes: a.minutes ?? null, resolutions: a.resolutions ?? null, agenda_parts: a.agendaParts ?? [], guests: a.guests ?? [],
        supervisor_user_id: a.supervisorUserId ?? null, review_status: a.reviewStatus ?? 'none', is_demo: true, created_by: a.createdBy,
        created_at: (a.createdAt as Date).toISOString(), updated_at: (a.updatedAt as Date).toISOString(),
      };
    });
    const { rows } = await db.execute<{ id: number }>(sql`
      insert into activities (tenant_id, organization_id, group_id, kind, counts_for, held_on, place, topic, host, recorder, lecturer, agenda, minutes,
        resolutions, agenda_parts, guests, supervisor_user_id, review_status, is_demo, created_by, created_at, updated_at)
      select tenant_id, organization_id, group_id, kind, counts_for, held_on, place, topic, host, recorder, lecturer, agenda, minutes,
        resolutions, agenda_parts, guests, supervisor_user_id, review_status, is_demo, created_by, created_at, updated_at
      from json_to_recordset(${JSON.stringify(chunk)}::json) as r(n int, tenant_id int, organization_id int, group_id int, kind text, counts_for text[],
        held_on date, place text, topic text, host text, recorder text, lecturer text, agenda text, minutes text, resolutions text, agenda_parts jsonb,
        guests jsonb, supervisor_user_id int, review_status text, is_demo boolean, created_by int, created_at timestamptz, updated_at timestamptz)
      order by n
      returning id`);
    ids.push(...rows.map((r) => Number(r.id)));
  }
  const attendanceRows = plans.flatMap((p, i) => p.attendance.map((a) => ({
    activity_id: ids[i], member_id: a.memberId, state: a.state, reason: a.reason ?? null, makeup_on: a.makeupOn ?? null,
  })));
  for (let i = 0; i < attendanceRows.length; i += 5000) {
    await db.execute(sql`insert into attendances (activity_id, member_id, state, reason, makeup_on)
      select * from json_to_recordset(${JSON.stringify(attendanceRows.slice(i, i + 5000))}::json)
        as r(activity_id int, member_id int, state text, reason text, makeup_on date)`);
  }

  const reviews: (typeof activityReviews.$inferInsert)[] = [];
  const uploads: (typeof dengtaUploads.$inferInsert)[] = [];
  const checks: (typeof activityChecks.$inferInsert)[] = [];
  plans.forEach((p, i) => {
    const a = p.activity;
    const id = ids[i];
    if (p.review && supervisor) {
      const submitted = addDays(a.heldOn, 1) < today ? addDays(a.heldOn, 1) : a.heldOn;
      const decided = addDays(submitted, 1 + Math.floor(rand() * 3)) < today ? addDays(submitted, 1 + Math.floor(rand() * 3)) : yesterday;
      reviews.push({ activityId: id, userId: a.createdBy, action: 'submit', text: null, createdAt: at(submitted, '19:30') });
      if (p.review === 'signed_off') reviews.push({ activityId: id, userId: supervisor.id, action: 'sign_off', text: chance(0.5) ? '活动规范,材料齐全,同意签认' : null, createdAt: at(decided, '10:15') });
      if (p.review === 'returned') {
        reviews.push({ activityId: id, userId: supervisor.id, action: 'return', text: '会议记录缺少请假党员的补学安排,现场照片未体现党旗,请补充后重新提交', createdAt: at(decided, '16:40') });
      }
      a.updatedAt = p.review === 'submitted' ? at(submitted, '19:30') : at(decided, '12:00');
    }
    if (p.upload) {
      const on = addDays(a.heldOn, 1 + Math.floor(rand() * 3));
      uploads.push({
        activityId: id, uploadedOn: on < today ? on : yesterday, uploadedBy: a.recorder ?? '组织委员',
        reference: `DT${a.heldOn.replaceAll('-', '')}${String(a.organizationId).padStart(4, '0')}`, recordedBy: a.createdBy, recordedAt: at(on < today ? on : yesterday, '21:00'),
      });
    }
    if (p.review === 'signed_off' && template) {
      for (const item of template.items.filter((x) => x.satisfiedBy === 'confirm')) {
        checks.push({ activityId: id, templateId: template.id, itemKey: item.key, note: null, checkedBy: a.createdBy, checkedAt: at(a.heldOn, '11:30') });
      }
    }
  });
  if (reviews.length) await db.insert(activityReviews).values(reviews);
  if (uploads.length) await db.insert(dengtaUploads).values(uploads);
  for (let i = 0; i < checks.length; i += 1000) await db.insert(activityChecks).values(checks.slice(i, i + 1000));

  const photoPlans = plans.map((p, i) => ({ p, id: ids[i] })).filter(({ p }) => p.photo);
  const files = await seedDemoPhotos(db, tenantId, photoPlans.map(({ p, id }) => ({ activityId: id, heldOn: p.activity.heldOn, uploadedBy: p.activity.createdBy, seed: Math.floor(rand() * 2 ** 31) })));

  return {
    activities: plans.length, attendances: attendanceRows.length, reviews: reviews.length, photos: files, uploads: uploads.length,
    checks: checks.length, assignments: supervisor ? supervised.size : 0,
  };
}
