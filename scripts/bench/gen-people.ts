// Persons and members of a synthetic tenant, with personal numbers sealed by the app's own field cipher, 流动党员,
// 预备党员 and a year of 党费. Member i is person i; a branch's members are numbered contiguously; each row carries
// its branch's town tenant.
import type pg from 'pg';
import { idNumberCheckDigit, maskIdNumber, maskPhone } from '@dj/contracts';
import { duesBases, duesPayments, memberFlows, members, membershipEvents, persons } from '../../apps/api/src/db/schema/index.js';
import type { FieldCipher } from '../../apps/api/src/lib/crypto.js';
import { copyRows } from './copy.js';
import type { Branch, Layout } from './gen-orgs.js';
import { chance, dayMs, isoDay, pad, personName, pick, rng, type Rand } from './scale-plan.js';

const EDUCATION = ['primary', 'middle_school', 'middle_school', 'high_school', 'technical_secondary', 'college', 'undergraduate'];
const OCCUPATIONS = ['farmer', 'farmer', 'farmer', 'self_employed', 'migrant_worker', 'retired', 'employee', 'other'];
const DESTINATIONS = ['济南市历下区', '青岛市黄岛区', '上海市浦东新区', '北京市朝阳区', '苏州工业园区', '深圳市宝安区'];
const COMMITTEE = ['secretary', 'deputy_secretary', 'organization_officer', 'publicity_officer', 'discipline_officer'] as const;

export interface PersonFacts { birth: string; gender: 'male' | 'female'; probationary: boolean; mobile: boolean; joined: string }

/** What every member looks like, drawn once per member from a seed of its number (so any pass redraws the same). */
export function memberFacts(i: number, today: string): PersonFacts {
  const rand = rng(1_000_003 * i);
  const gender = chance(rand, 0.72) ? 'male' : 'female';
  const r = rand();
  // Village rosters are old: about a third over 60.
  const age = r < 0.33 ? 60 + Math.floor(rand() * 26) : r < 0.73 ? 45 + Math.floor(rand() * 15) : 22 + Math.floor(rand() * 23);
  const birth = `${Number(today.slice(0, 4)) - age}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
  const probationary = chance(rand, 0.03) && age < 45;
  const joinedYear = probationary ? Number(today.slice(0, 4)) - (chance(rand, 0.5) ? 0 : 1) : Number(birth.slice(0, 4)) + 20 + Math.floor(rand() * Math.max(1, age - 22));
  let joined = `${joinedYear}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
  if (joined >= today) joined = isoDay(Date.parse(today) - (30 + Math.floor(rand() * 200)) * dayMs);
  return { birth, gender, probationary, mobile: chance(rand, 0.08), joined };
}

function idNumber(i: number, f: PersonFacts): string {
  // Unique per member up to 5 M: the 6-digit region varies with i / 500, the sequence (two digits and the gender's
  // parity digit, five values each) with i % 500.
  const region = String(370000 + (Math.floor(i / 500) % 9999) + 1);
  const seq = i % 500;
  const body = `${region}${f.birth.replaceAll('-', '')}${pad(Math.floor(seq / 5), 2)}${f.gender === 'male' ? (seq % 5) * 2 + 1 : (seq % 5) * 2}`;
  return body + idNumberCheckDigit(body);
}

function* personRows(layout: Layout, cipher: FieldCipher, today: string): Generator<typeof persons.$inferInsert> {
  for (let i = 1; i <= layout.members; i++) {
    const f = memberFacts(i, today);
    const rand = rng(7 * i + 1);
    const id = idNumber(i, f);
    const phone = chance(rand, 0.75) ? `1${pick(rand, ['35', '39', '58', '86', '52'])}${pad(i % 100_000_000, 8)}` : null;
    yield {
      id: i, tenantId: layout.memberTenant[i], name: personName(rand, f.gender), gender: f.gender, ethnicity: '汉族', birthDate: f.birth,
      idNumberEnc: cipher.encrypt(id), idNumberHash: cipher.lookupHash(id), idNumberMasked: maskIdNumber(id),
      phoneEnc: phone ? cipher.encrypt(phone) : null, phoneHash: phone ? cipher.lookupHash(phone) : null, phoneMasked: phone ? maskPhone(phone) : null,
      nativePlace: '山东', education: pick(rand, EDUCATION), occupation: pick(rand, OCCUPATIONS), workUnit: null, address: null,
      hamlet: chance(rand, 0.6) ? `第${1 + Math.floor(rand() * 6)}村民小组` : null, isDemo: false,
    };
  }
}

const addYear = (d: string) => `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`;

function* memberRows(layout: Layout, today: string): Generator<typeof members.$inferInsert> {
  for (const b of layout.branches) {
    for (let k = 0; k < b.size; k++) {
      const i = b.firstMember + k;
      const f = memberFacts(i, today);
      const group = b.groups.find((g) => i >= g.start && i < g.start + g.count);
      const post = b.size >= 7 && k < COMMITTEE.length ? COMMITTEE[k] : k === 0 ? 'secretary' : null;
      yield {
        id: i, tenantId: layout.memberTenant[i], personId: i, organizationId: b.id, groupId: group?.id ?? null, joinedAt: f.joined,
        confirmedAt: f.probationary ? null : addYear(f.joined), standing: f.probationary ? 'probationary' : 'full', membershipStatus: 'active',
        isMobile: f.mobile, onRoster: true, probationEndsOn: f.probationary ? addYear(f.joined) : null, partyPosts: post ? [post] : [],
        isVillageCadre: b.sector === 'village' && k < 3, isHardship: false, isDemo: false,
      };
    }
  }
}

function* flowRows(layout: Layout, today: string): Generator<typeof memberFlows.$inferInsert> {
  for (let i = 1; i <= layout.members; i++) {
    const f = memberFacts(i, today);
    if (!f.mobile) continue;
    const rand = rng(11 * i);
    yield {
      tenantId: layout.memberTenant[i], memberId: i, direction: 'outflow', startedOn: isoDay(Date.parse(today) - (60 + Math.floor(rand() * 1500)) * dayMs), endedOn: null,
      destination: pick(rand, DESTINATIONS), workUnit: null, hasFixedPlace: chance(rand, 0.6), activityCardNo: null, hostBranch: null,
    };
  }
}

function* eventRows(layout: Layout, today: string): Generator<typeof membershipEvents.$inferInsert> {
  for (let i = 1; i <= layout.members; i++) {
    const f = memberFacts(i, today);
    if (f.probationary) yield { tenantId: layout.memberTenant[i], memberId: i, kind: 'admitted', occurredOn: f.joined, probationEndsOn: null };
  }
}

/** The first month of 党费 the town keeps in the platform (its basis and payments start together), 'YYYY-MM'. */
function firstDuesMonth(today: string, months: number): string {
  const m = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 2 - months + 1;
  return `${Math.floor(m / 12)}-${pad((m % 12) + 1)}`;
}

/**
 * Farmers pay the flat 农民党员 amount, others 0.5% of a salary base; 90% are paid up, the rest a few months behind.
 * The basis starts with the payments (bench-gen-6 dated every basis 2020-01 while paying one year: every member then
 * owed years, and the 驾驶舱's 党费 figures walked seven years per member).
 */
function* duesBaseRows(layout: Layout, branchOf: (i: number) => Branch, from: string): Generator<typeof duesBases.$inferInsert> {
  for (let i = 1; i <= layout.members; i++) {
    const village = branchOf(i).sector === 'village';
    yield { tenantId: layout.memberTenant[i], memberId: i, effectiveFrom: from, category: village ? 'farmer' : 'salaried', baseFen: village ? null : 400_000, reductionKind: null, reductionFen: null, approvalNote: null };
  }
}

function* duesPaymentRows(layout: Layout, branchOf: (i: number) => Branch, today: string, months: number): Generator<typeof duesPayments.$inferInsert> {
  const last = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 2; // last month, 0-based month index
  for (let i = 1; i <= layout.members; i++) {
    const rand: Rand = rng(13 * i);
    const behind = chance(rand, 0.1) ? 1 + Math.floor(rand() * 3) : 0;
    const amount = branchOf(i).sector === 'village' ? 20 : 2000;
    for (let m = last - months + 1; m <= last - behind; m++) {
      const month = `${Math.floor(m / 12)}-${pad((m % 12) + 1)}`;
      yield { tenantId: layout.memberTenant[i], memberId: i, month, amountFen: amount, paidOn: `${month}-${pad(5 + Math.floor(rand() * 20))}`, paidBy: null };
    }
  }
}

export function branchFinder(layout: Layout): (i: number) => Branch {
  const starts = layout.branches.map((b) => b.firstMember);
  return (i) => {
    let lo = 0; let hi = starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= i) lo = mid; else hi = mid - 1; }
    return layout.branches[lo];
  };
}

export async function generatePeople(client: pg.PoolClient, layout: Layout, cipher: FieldCipher, today: string, duesMonths: number, note: (table: string, rows: number) => void) {
  const branchOf = branchFinder(layout);
  note('persons', await copyRows(client, persons, personRows(layout, cipher, today)));
  note('members', await copyRows(client, members, memberRows(layout, today)));
  note('member_flows', await copyRows(client, memberFlows, flowRows(layout, today)));
  note('membership_events', await copyRows(client, membershipEvents, eventRows(layout, today)));
  note('dues_bases', await copyRows(client, duesBases, duesBaseRows(layout, branchOf, firstDuesMonth(today, duesMonths))));
  note('dues_payments', await copyRows(client, duesPayments, duesPaymentRows(layout, branchOf, today, duesMonths)));
}
