import type { Tx } from '../db/client.js';
import { mulberry32 } from '../lib/prng.js';
import { duesBases, duesPayments, flowContacts, memberFlows, members, membershipEvents, persons } from '../db/schema/index.js';
import type { FieldCipher } from '../lib/crypto.js';
import { addMonths, idNumberCheckDigit, maskIdNumber, maskPhone, monthFromIndex, monthIndex } from '@dj/contracts';
import {
  deriveMembership, type MembershipEventKind, computeMonthlyDues, type DuesCategory,
} from '../modules/members/index.js';

const SURNAMES = '王张李刘陈杨赵孙付于周吴徐朱高马胡郭何宋韩郑冯褚田袁'.split('');
const MALE = '建国志强春生德明振华庆和永胜海涛保全继长广利宝山洪伟传福兆峰立新'.match(/../g) as string[];
const FEMALE = '秀英桂兰玉梅春燕丽娟凤霞淑珍红梅晓静美玲金凤雪莲慧敏'.match(/../g) as string[];
const SINGLE = '军伟磊勇敏静丽强杰涛斌超明辉鹏'.split('');
const EDUCATION = ['primary', 'middle_school', 'middle_school', 'high_school', 'technical_secondary', 'college', 'undergraduate'];

export interface DemoBranch { id: number; name: string; sector: string | null; groupIds: number[] }
export interface DemoPeople { secretaries: Map<string, number>; memberPersonId: number | null }

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const addYears = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

/** A local-sounding name (surname and one or two characters), drawing from `rand`. */
export function demoName(rand: () => number, gender: 'male' | 'female'): string {
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  return pick(SURNAMES) + (rand() < 0.2 ? pick(SINGLE) : pick(gender === 'male' ? MALE : FEMALE));
}

/**
 * A valid 18-digit 身份证号 of 市中区 (370402) for the birth date and gender, with the GB 11643 check digit; `seq` picks
 * the sequence digits, and bodies `taken` reports are skipped (it is told about the one returned).
 */
export function demoIdNumber(birthDate: string, gender: 'male' | 'female', seq: number, taken: { has(body: string): boolean; add(body: string): unknown }): string {
  let body = '';
  for (let n = seq; !body || taken.has(body); n += 100) {
    body = `370402${birthDate.replaceAll('-', '')}${pad(n % 100)}${gender === 'male' ? 2 * (n % 5) + 1 : 2 * (n % 5)}`;
  }
  taken.add(body);
  return body + idNumberCheckDigit(body);
}

/**
 * About 600 believable members across the demo branches: ages, education, occupations, 流动党员 and
 * 预备党员; the first of each branch is its secretary. Named people from the demo accounts are kept.
 */
export async function seedDemoMembers(tx: Tx, tenantId: number, branches: DemoBranch[], cipher: FieldCipher, today: string): Promise<DemoPeople> {
  const rand = mulberry32(20200703);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const named: Record<string, { name: string; gender: 'male' | 'female' }[]> = {
    营子村党支部: [{ name: '张志强', gender: 'male' }, { name: '赵秀英', gender: 'female' }],
    西花沟村党支部: [{ name: '刘春生', gender: 'male' }],
  };
  const planned: Planned[] = [];
  let seq = 0;
  const used = new Set<string>();
  for (const branch of branches) {
    const size = branch.sector === 'village' ? 24 + Math.floor(rand() * 16) : branch.sector === 'government' ? 22 : 14;
    for (let i = 0; i < size; i++) {
      seq++;
      const fixed = named[branch.name]?.[i];
      const gender = fixed?.gender ?? (rand() < 0.74 ? 'male' : 'female');
      const name = fixed?.name ?? demoName(rand, gender);
      const year = i === 0 ? 1968 + Math.floor(rand() * 12) : 1942 + Math.floor(rand() * 58);
      const birthDate = `${year}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
      const idNumber = demoIdNumber(birthDate, gender, seq, used);
      // 预备党员 are young: most are admitted in their twenties or thirties.
      const probationary = i > 2 && year >= 1986 && rand() < 0.2;
      // Admitted 1-11 months before today, so the year's 预备期 ends ahead of it (not all overdue in December, as a fixed
      // "last year" made them), a few within the month.
      const joinedAt = probationary ? `${addMonths(today, -(1 + Math.floor(rand() * 11))).slice(0, 8)}15` : addYears(birthDate, 21 + Math.floor(rand() * 18));
      const joinedSafe = joinedAt > today ? addYears(today, -2) : joinedAt;
      const confirmedAt = probationary ? null : addYears(joinedSafe, 1);
      const age = Number(today.slice(0, 4)) - year;
      const occupation = branch.sector === 'government' ? 'civil_servant' : branch.sector === 'private_enterprise' ? 'employee'
        : age >= 65 ? 'retired' : rand() < 0.14 ? 'migrant_worker' : rand() < 0.1 ? 'self_employed' : 'farmer';
      const phone = age > 80 && rand() < 0.5 ? null : `1${pick(['35', '37', '38', '52', '58', '86', '89'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
      const person = {
        tenantId, name, gender, birthDate, idNumberEnc: cipher.encrypt(idNumber), idNumberHash: cipher.lookupHash(idNumber),
        idNumberMasked: maskIdNumber(idNumber), phoneEnc: phone ? cipher.encrypt(phone) : null, phoneHash: phone ? cipher.lookupHash(phone) : null,
        phoneMasked: phone ? maskPhone(phone) : null, nativePlace: rand() < 0.85 ? '山东枣庄' : null,
        education: age > 75 ? pick(EDUCATION.slice(0, 3)) : pick(EDUCATION), occupation,
        workUnit: occupation === 'migrant_worker' ? pick(['江苏昆山某电子厂', '上海某建筑公司', '济南某物流公司']) : branch.sector === 'village' ? null : branch.name.replace(/党支部$/, ''),
        address: branch.sector === 'village' ? `${branch.name.replace(/党支部$/, '')}${1 + Math.floor(rand() * 120)}号` : null,
        hamlet: branch.sector === 'village' ? `${'一二三四五六'[Math.floor(rand() * 6)]}组` : null, isDemo: true,
      };
      const events: { kind: MembershipEventKind; occurredOn: string }[] = [{ kind: 'admitted', occurredOn: joinedSafe }];
      if (confirmedAt) events.push({ kind: 'confirmed', occurredOn: confirmedAt });
      const flowStart = addYears(today, -1).slice(0, 8) + '01';
      if (occupation === 'migrant_worker') events.push({ kind: 'flowed_out', occurredOn: flowStart });
      const d = deriveMembership(events, today);
      const posts = i === 0 ? ['secretary'] : i === 1 && size >= 7 ? ['organization_officer'] : i === 2 && size >= 7 ? ['publicity_officer'] : [];
      const member = {
        tenantId, organizationId: branch.id, groupId: branch.groupIds.length ? branch.groupIds[i % branch.groupIds.length] : null,
        joinedAt: joinedSafe, confirmedAt: d.confirmedOn, standing: d.standing, membershipStatus: d.status, isMobile: d.isMobile,
        probationEndsOn: d.probationEndsOn, partyPosts: posts, isVillageCadre: branch.sector === 'village' && i < 3,
        isHardship: age > 80 && rand() < 0.3, isDemo: true,
      };
      let flow: Planned['flow'] = null;
      if (occupation === 'migrant_worker') {
        // Most keep in touch; about one in five has not been heard from for over six months (a 失联 reminder).
        const values = {
          tenantId, direction: 'outflow' as const, startedOn: flowStart, destination: pick(['江苏省昆山市', '上海市嘉定区', '山东省济南市', '浙江省宁波市']),
          hasFixedPlace: rand() < 0.5, activityCardNo: `LD${today.slice(0, 4)}-${pad(seq, 4)}`, hostBranch: rand() < 0.5 ? '当地流动党员党支部' : null,
        };
        const silent = rand() < 0.2;
        const last = silent ? `${flowStart.slice(0, 8)}15` : `${today.slice(0, 8)}01` > flowStart ? `${today.slice(0, 8)}01` : flowStart;
        flow = { values, contact: { tenantId, contactedOn: last, method: pick(['phone', 'wechat'] as const), note: silent ? '外出后首次联系' : '线上参加主题党日' } };
      }
      const dues = { occupation, joinedAt: joinedSafe, arrears: i > 3 && rand() < 0.04 ? 2 + Math.floor(rand() * 6) : 0, base: 300_000 + Math.floor(rand() * 5) * 100_000 };
      planned.push({ person, member, events, flow, dues, secretaryOf: i === 0 ? branch.name : null, isDemoMember: fixed?.name === '赵秀英' });
    }
  }
  return insertPlanned(tx, tenantId, planned, today);
}

/** One member as drawn, before any row exists: drawn first, so the random sequence does not depend on the inserts. */
interface Planned {
  person: typeof persons.$inferInsert;
  member: Omit<typeof members.$inferInsert, 'personId'>;
  events: { kind: MembershipEventKind; occurredOn: string }[];
  flow: { values: Omit<typeof memberFlows.$inferInsert, 'memberId'>; contact: Omit<typeof flowContacts.$inferInsert, 'flowId'> } | null;
  dues: Omit<DemoDues, 'memberId'>;
  secretaryOf: string | null;
  isDemoMember: boolean;
}

/** Multi-row inserts, 500 rows a statement: row by row the demo's 600 members took 2,500 round trips (2.4 s of the seed). */
async function insertChunked<T, R>(rows: T[], insert: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += 500) out.push(...await insert(rows.slice(i, i + 500)));
  return out;
}

async function insertPlanned(tx: Tx, tenantId: number, planned: Planned[], today: string): Promise<DemoPeople> {
  const people: DemoPeople = { secretaries: new Map(), memberPersonId: null };
  // Ids are matched by the person's lookup hash and the member's person, not by the order RETURNING happens to keep.
  const personRows = await insertChunked(planned.map((p) => p.person), (chunk) => tx.insert(persons).values(chunk).returning({ id: persons.id, hash: persons.idNumberHash }));
  const personOf = new Map(personRows.map((r) => [r.hash, r.id]));
  const personIds = planned.map((p) => personOf.get(p.person.idNumberHash) as number);
  const memberRows = await insertChunked(planned.map((p, i) => ({ ...p.member, personId: personIds[i] })),
    (chunk) => tx.insert(members).values(chunk).returning({ id: members.id, personId: members.personId }));
  const memberOf = new Map(memberRows.map((r) => [r.personId, r.id]));
  const memberIds = personIds.map((id) => memberOf.get(id) as number);
  const events = planned.flatMap((p, i) => p.events.map((e) => ({ tenantId, memberId: memberIds[i], kind: e.kind, occurredOn: e.occurredOn, toOrganizationId: p.member.organizationId })));
  await insertChunked(events, (chunk) => tx.insert(membershipEvents).values(chunk).returning({ id: membershipEvents.id }));
  const away = planned.flatMap((p, i) => (p.flow ? [{ flow: p.flow, memberId: memberIds[i] }] : []));
  const flowRows = await insertChunked(away.map((a) => ({ ...a.flow.values, memberId: a.memberId })),
    (chunk) => tx.insert(memberFlows).values(chunk).returning({ id: memberFlows.id, memberId: memberFlows.memberId }));
  const flowOf = new Map(flowRows.map((r) => [r.memberId, r.id]));
  await insertChunked(away.map((a) => ({ ...a.flow.contact, flowId: flowOf.get(a.memberId) as number })),
    (chunk) => tx.insert(flowContacts).values(chunk).returning({ id: flowContacts.id }));
  planned.forEach((p, i) => {
    if (p.secretaryOf) people.secretaries.set(p.secretaryOf, personIds[i]);
    if (p.isDemoMember) people.memberPersonId = personIds[i];
  });
  await seedDemoDues(tx, tenantId, planned.map((p, i) => ({ ...p.dues, memberId: memberIds[i] })), today);
  return people;
}

interface DemoDues { memberId: number; occupation: string; joinedAt: string; arrears: number; base: number }

/** A year of 党费: everyone paid up to last month except a few in arrears (2–7 months), as branches really are. */
async function seedDemoDues(tx: Tx, tenantId: number, list: DemoDues[], today: string) {
  const current = monthIndex(today.slice(0, 7));
  const from = monthFromIndex(current - 12);
  const category = (o: string) => (o === 'farmer' ? 'farmer' : o === 'retired' ? 'retired' : o === 'self_employed' ? 'self_employed' : 'salaried');
  await tx.insert(duesBases).values(list.map((d) => ({
    tenantId, memberId: d.memberId, effectiveFrom: [from, d.joinedAt.slice(0, 7)].sort()[1], category: category(d.occupation),
    baseFen: category(d.occupation) === 'farmer' ? null : d.base,
  })));
  const payments = list.flatMap((d) => {
    const start = Math.max(current - 12, monthIndex(d.joinedAt.slice(0, 7)));
    const months: (typeof duesPayments.$inferInsert)[] = [];
    for (let m = start; m < current - d.arrears; m++) {
      const month = monthFromIndex(m);
      const fen = category(d.occupation) === 'farmer' ? 20 : computeMonthlyDues({ category: category(d.occupation) as DuesCategory, baseFen: d.base, farmerFen: 20 }).amountFen;
      months.push({ tenantId, memberId: d.memberId, month, amountFen: fen, paidOn: `${month}-10` });
    }
    return months;
  });
  for (let i = 0; i < payments.length; i += 1000) await tx.insert(duesPayments).values(payments.slice(i, i + 1000));
}
