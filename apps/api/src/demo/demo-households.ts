/**
 * 党员联户 of the demo town (issue 20 point 8): the households of 营子村 and 西花沟村, each looked after by one of the
 * village's members, with visits over the last half year — most within the town's interval (90 days by default), a few
 * past it (on the secretary's 待办 and the member's 我的联户), one looked after by the demo 党员 account 赵秀英. A couple of
 * households changed hands (the old link ended), some visits were entered by the secretary for an elderly member
 * (代为登记). Households are generated, marked as demo data; names come from the roster's name maker. Three batch inserts
 * per table, so the seed stays cheap. Deterministic for a given `today`.
 */
import { and, asc, eq } from 'drizzle-orm';
import { addDays, maskPhone, type VisitMethod } from '@dj/contracts';
import type { Tx } from '../db/client.js';
import { householdLinks, households, householdVisits, members, users } from '../db/schema/index.js';
import type { FieldCipher } from '../lib/crypto.js';
import { mulberry32 } from '../lib/prng.js';
import { demoName } from './demo-members.js';
import type { DemoTown } from './demo-positions.js';

const PLAN: { village: string; households: number; hamlets: string[]; user: 'yingzi' | 'xihuagou' }[] = [
  { village: '营子村', households: 30, hamlets: ['第一村民小组', '第二村民小组', '第三村民小组'], user: 'yingzi' },
  { village: '西花沟村', households: 24, hamlets: ['东沟组', '西沟组', '南坡组'], user: 'xihuagou' },
];
const SITUATIONS = [null, null, null, '独居老人', '脱贫户(监测户)', '残疾人家庭', '种植大户(食用菌)', '子女在外务工,留守老人', '军属', '低保户'];
const METHODS: VisitMethod[] = ['door', 'door', 'phone', 'wechat', 'field'];
const RAISED = ['村口路灯不亮,夜间出行不便', '想了解食用菌大棚补贴政策', '宅前排水沟堵塞', '老人慢性病用药报销咨询', '希望组织种植技术培训'];
const NOTES = ['身体健康,生活稳定', '了解家庭收入和子女上学情况', '宣传医保缴费政策', '帮助联系农技员', '询问春耕备耕情况'];

interface Ctx { rand: () => number }
const pick = <T>(c: Ctx, list: readonly T[]): T => list[Math.floor(c.rand() * list.length)];

export async function seedDemoHouseholds(tx: Tx, { tenantId, today, town, cipher }: { tenantId: number; today: string; town: DemoTown; cipher: FieldCipher }) {
  const c: Ctx = { rand: mulberry32(2003) };
  const accounts = await tx.select({ id: users.id, personId: users.personId, username: users.username }).from(users).where(eq(users.tenantId, tenantId));
  const demoMember = accounts.find((u) => u.username === 'member');
  // A visit is entered by the member's own account where they have one, else by the secretary for them (代为登记).
  const accountOf = new Map(accounts.filter((u) => u.personId).map((u) => [u.personId!, u.id]));
  for (const plan of PLAN) {
    const branch = town.branch(plan.village);
    const people = (await tx.select({ personId: members.personId }).from(members)
      .where(and(eq(members.organizationId, branch.id), eq(members.membershipStatus, 'active'), eq(members.onRoster, true))).orderBy(asc(members.id))).map((m) => m.personId);
    if (!people.length) continue;
    const secretaryUser = town.users[plan.user];
    const rows = Array.from({ length: plan.households }, (_, i) => {
      const phone = i % 3 === 0 ? `15${String(Math.floor(c.rand() * 1e9)).padStart(9, '0')}` : null;
      return {
        tenantId, organizationId: branch.id, headName: demoName(c.rand, c.rand() < 0.7 ? 'male' : 'female'), hamlet: plan.hamlets[i % plan.hamlets.length],
        address: `${plan.village}${plan.hamlets[i % plan.hamlets.length]}${1 + Math.floor(c.rand() * 80)}号`, people: 1 + Math.floor(c.rand() * 6),
        situation: pick(c, SITUATIONS), phoneEnc: phone ? cipher.encrypt(phone) : null, phoneMasked: phone ? maskPhone(phone) : null,
        isDemo: true, createdBy: town.users.admin,
      };
    });
    const ids = (await tx.insert(households).values(rows).returning({ id: households.id })).map((r) => r.id);
    const links: (typeof householdLinks.$inferInsert)[] = [];
    const visits: (typeof householdVisits.$inferInsert)[] = [];
    ids.forEach((householdId, i) => {
      // Each member looks after three or four households; the demo 党员 the first three of 营子村.
      const own = plan.village === '营子村' && i < 3 && demoMember?.personId;
      const personId = own ? demoMember!.personId! : people[i % people.length];
      const since = addDays(today, -200 - Math.floor(c.rand() * 100));
      const base = { tenantId, organizationId: branch.id, householdId, createdBy: town.users.admin };
      if (i % 11 === 5 && people.length > 1) {
        // Changed hands 120 days ago: the old link ends, the history keeps it.
        links.push({ ...base, personId: people[(i + 1) % people.length], since, until: addDays(today, -120) });
        links.push({ ...base, personId, since: addDays(today, -120) });
      } else links.push({ ...base, personId, since });
      // One in six was last visited past the interval (overdue); the others within it.
      const overdue = i % 6 === 2;
      let day = overdue ? addDays(today, -(100 + Math.floor(c.rand() * 40))) : addDays(today, -Math.floor(c.rand() * 80));
      for (let v = 0; v < 1 + Math.floor(c.rand() * 3); v++) {
        const account = accountOf.get(personId);
        visits.push({
          tenantId, organizationId: branch.id, householdId, personId, visitedOn: day, method: pick(c, METHODS),
          raised: c.rand() < 0.2 ? pick(c, RAISED) : null, note: pick(c, NOTES), proxy: !account, enteredBy: account ?? secretaryUser,
        });
        day = addDays(day, -(30 + Math.floor(c.rand() * 50)));
      }
    });
    await tx.insert(householdLinks).values(links);
    await tx.insert(householdVisits).values(visits);
  }
}
