/**
 * 在外人才 of the demo town 西王庄镇 (issue 15 point 7, point 10: "60 people working away with contact logs, a few
 * returnees"). The party members among them are the roster's own 流动党员 (their outflow and its contact log come from
 * demo-members, read here, not copied); the rest are villagers who are not members (persons, numbers sealed), spread over
 * the 18 villages. Every fifth villager was last contacted over six months ago (overdue on 待办), a few are due within the
 * warning; five have come back (回流), two of them handed to the talent registry. Liaison organisations: the district's
 * 劳动就业 office and two 驻外流动党组织 for the town, and one village's own. Deterministic for a given `today`.
 */
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import {
  addDays, addMonths, AwayContactInputSchema, AwayReturnInputSchema, CreateAwayTalentSchema, maskPhone, type AwayContactMethod, type AwayEmployerKind, type AwayLiaisonKind,
} from '@dj/contracts';
import type { Tx } from '../db/client.js';
import { awayContacts, awayLiaisonPeople, awayLiaisons, awayTalents, memberFlows, members, persons } from '../db/schema/index.js';
import type { FieldCipher } from '../lib/crypto.js';
import { mulberry32 } from '../lib/prng.js';
import type { DemoTown } from './demo-positions.js';
import { demoVillager } from './demo-villager.js';

export const DEMO_AWAY_TOTAL = 60;
/** Villagers (not members) registered away; the party members away are the roster's 流动党员 (at most this many). */
const MAX_MEMBERS_AWAY = 24;
export const DEMO_RETURNEES = 5;

const PLACES = ['江苏省苏州市', '江苏省昆山市', '上海市嘉定区', '山东省济南市', '浙江省宁波市', '浙江省杭州市', '广东省深圳市', '北京市大兴区', '山东省青岛市', '天津市滨海新区'];
const WORK: [string, AwayEmployerKind, string][] = [
  ['电子厂生产主管', 'enterprise', '电子装配、班组管理'], ['建筑工程项目经理', 'enterprise', '二级建造师、工程管理'], ['物流公司车队队长', 'enterprise', 'A2驾驶、调度'],
  ['餐饮店经营', 'self_employed', '中式烹调'], ['家装工作室', 'self_employed', '水电安装、装修设计'], ['中学教师', 'public_sector', '数学教学'],
  ['医院护士', 'public_sector', '护理'], ['特产网店创业', 'startup', '网店运营、直播带货'], ['农业科技公司创办人', 'startup', '果蔬种植技术、冷链'],
  ['汽车维修技师', 'other', '汽修、电工证'], ['机械厂数控技师', 'enterprise', '数控加工'], ['服装加工作坊', 'self_employed', '服装制版'],
];
const TALKS = ['了解务工近况,身体和收入稳定', '介绍村里产业发展情况,有回乡创业意向', '春节返乡座谈,征求对村里发展的意见', '询问子女在村上学情况', '宣传返乡创业扶持政策', '邀请参加在外人才座谈会'];
const CONTACTORS = ['村党支部书记', '村委会主任', '镇组织办', '包村干部'];
const RETURNS: [string, string][] = [
  ['回村领办果蔬种植合作社', '镇农业综合服务中心技术指导,协调土地流转'], ['创办家庭农场(养殖)', '协助申请创业担保贷款'], ['开办农村电商服务站', '提供村集体闲置房屋作为站点'],
  ['竞选村委会委员', '纳入村级后备干部培养'], ['返乡从事农机服务', '协调农机购置补贴'],
];

interface Ctx { tx: Tx; tenantId: number; createdBy: number; cipher: FieldCipher; rand: () => number; seq: { n: number } }

const pick = <T>(c: Ctx, list: readonly T[]) => list[Math.floor(c.rand() * list.length)];


async function contact(c: Ctx, away: { id: number; organizationId: number }, contactedOn: string, method?: AwayContactMethod) {
  const input = AwayContactInputSchema.parse({ contactedOn, method: method ?? pick(c, ['phone', 'wechat', 'visit', 'phone', 'wechat'] as const), contactedBy: pick(c, CONTACTORS), content: pick(c, TALKS) });
  await c.tx.insert(awayContacts).values({ ...input, tenantId: c.tenantId, organizationId: away.organizationId, awayTalentId: away.id, recordedBy: c.createdBy });
}

/** The village members away: the roster's open outflows, oldest member first. */
async function membersAway(tx: Tx, branchIds: number[]) {
  const rows = await tx.select({ personId: members.personId, organizationId: members.organizationId, destination: memberFlows.destination, startedOn: memberFlows.startedOn })
    .from(memberFlows).innerJoin(members, eq(members.id, memberFlows.memberId))
    .where(and(eq(memberFlows.direction, 'outflow'), isNull(memberFlows.endedOn), eq(members.membershipStatus, 'active'))).orderBy(asc(members.id));
  return rows.filter((r) => branchIds.includes(r.organizationId)).slice(0, MAX_MEMBERS_AWAY);
}

type Person = { personId: number; organizationId: number; village: string; place: string; leftOn: string; isMember: boolean };

export async function seedDemoAway(tx: Tx, { tenantId, today, town, cipher }: { tenantId: number; today: string; town: DemoTown; cipher: FieldCipher }) {
  const c: Ctx = { tx, tenantId, createdBy: town.users.admin, cipher, rand: mulberry32(1507), seq: { n: 40 } };
  const villageOf = new Map(town.branches.map((b) => [b.id, b.village]));
  const people: Person[] = (await membersAway(tx, town.branches.map((b) => b.id))).map((m) => ({
    personId: m.personId, organizationId: m.organizationId, village: villageOf.get(m.organizationId)!, place: m.destination, leftOn: m.startedOn, isMember: true,
  }));
  for (let i = 0; people.length < DEMO_AWAY_TOTAL; i++) {
    const branch = town.branches[i % town.branches.length];
    people.push({ personId: await demoVillager(c, { village: branch.village, gender: c.rand() < 0.7 ? 'male' : 'female', bornFrom: 1975, span: 25, phone: true }), organizationId: branch.id, village: branch.village, place: pick(c, PLACES), leftOn: addMonths(today, -(14 + Math.floor(c.rand() * 60))), isMember: false });
  }
  const made: { id: number; organizationId: number; place: string; isMember: boolean }[] = [];
  let villagers = 0;
  for (const p of people) {
    const [occupation, employerKind, skills] = pick(c, WORK);
    const input = CreateAwayTalentSchema.parse({ organizationId: p.organizationId, personId: p.personId, place: p.place, occupation, employerKind, skills, leftOn: p.leftOn });
    const registeredOn = addMonths(today, -(12 + Math.floor(c.rand() * 6)));
    const [row] = await tx.insert(awayTalents).values({
      tenantId, organizationId: p.organizationId, personId: p.personId, place: input.place, occupation: input.occupation, employerKind: input.employerKind,
      employer: employerKind === 'enterprise' ? `${input.place.slice(3, 5)}某${occupation.slice(0, 2)}公司` : null, skills: input.skills, leftOn: input.leftOn,
      registeredOn, createdBy: c.createdBy,
    }).returning({ id: awayTalents.id });
    const away = { id: row.id, organizationId: p.organizationId, place: p.place, isMember: p.isMember };
    made.push(away);
    if (p.isMember) {
      // A member's 流动党员 contact log counts; the village adds one talk of its own now and then.
      if (c.rand() < 0.4) await contact(c, away, addDays(today, -Math.floor(c.rand() * 90)));
      continue;
    }
    const k = villagers++;
    // Every fifth: the last contact more than talent.awayContactMonths (6) ago, overdue; every seventh: due within 30 days.
    const last = k % 5 === 0 ? addDays(today, -(200 + Math.floor(c.rand() * 120))) : k % 7 === 1 ? addDays(today, -(165 + Math.floor(c.rand() * 10))) : addDays(today, -Math.floor(c.rand() * 120));
    await contact(c, away, addDays(registeredOn, 10 + Math.floor(c.rand() * 20)));
    if (last > addDays(registeredOn, 40)) await contact(c, away, last);
  }
  await seedReturns(c, made.filter((m) => !m.isMember).slice(-DEMO_RETURNEES), today);
  await seedLiaisons(c, town, made);
  return { total: made.length, members: made.filter((m) => m.isMember).length };
}

/** Five villagers came back within the year; the first two were handed to the talent registry. */
async function seedReturns(c: Ctx, returnees: { id: number }[], today: string) {
  for (const [i, r] of returnees.entries()) {
    const [purpose, support] = RETURNS[i % RETURNS.length];
    // After the last talk with them, within the year.
    const [last] = await c.tx.select({ on: awayContacts.contactedOn }).from(awayContacts).where(eq(awayContacts.awayTalentId, r.id)).orderBy(desc(awayContacts.contactedOn)).limit(1);
    const planned = addDays(today, -(30 + 60 * i));
    const after = last ? addDays(last.on, 7) : planned;
    const input = AwayReturnInputSchema.parse({ returnedOn: after > planned ? (after > today ? today : after) : planned, purpose, support });
    await c.tx.update(awayTalents).set({
      returnedOn: input.returnedOn, returnPurpose: input.purpose, returnSupport: input.support,
      ...(i < 2 ? { handedOn: addDays(input.returnedOn, 20) > today ? today : addDays(input.returnedOn, 20), handedNote: '列入本土人才' } : {}),
    }).where(eq(awayTalents.id, r.id));
  }
}

async function seedLiaisons(c: Ctx, town: DemoTown, made: { id: number; organizationId: number; place: string }[]) {
  const townOrg = town.branches[0].path.split('/')[1];
  const add = async (organizationId: number, kind: AwayLiaisonKind, name: string, place: string, contactName: string, covered: typeof made) => {
    const phone = `13${String(100000000 + Math.floor(c.rand() * 899999999))}`;
    const [row] = await c.tx.insert(awayLiaisons).values({
      tenantId: c.tenantId, organizationId, kind, name, place, contactName, contactPhoneEnc: c.cipher.encrypt(phone), contactPhoneMasked: maskPhone(phone), createdBy: c.createdBy,
    }).returning({ id: awayLiaisons.id });
    if (covered.length) await c.tx.insert(awayLiaisonPeople).values(covered.map((m) => ({ liaisonId: row.id, awayTalentId: m.id, tenantId: c.tenantId, organizationId: m.organizationId })));
  };
  const committee = Number(townOrg);
  await add(committee, 'labour', '市中区人力资源和社会保障局劳动就业服务中心', '枣庄市市中区', '周主任', made);
  await add(committee, 'outside_branch', '西王庄镇驻苏州流动党员党支部', '江苏省苏州市', '孙书记', made.filter((m) => m.place.startsWith('江苏')));
  await add(committee, 'outside_branch', '西王庄镇驻上海流动党员联络站', '上海市嘉定区', '钱站长', made.filter((m) => m.place.startsWith('上海')));
  const yingzi = town.branch('营子村');
  await add(yingzi.id, 'other', '营子村在外人才联络群', '营子村', '村党支部书记', made.filter((m) => m.organizationId === yingzi.id));
}
