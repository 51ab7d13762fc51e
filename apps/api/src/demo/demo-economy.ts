/**
 * 集体经济 of the demo town (issue 18 point 8): five past years of each of the 18 villages' collective income by source,
 * against the default weak-village line (economy.weakIncomeWan, 10 万元 of 经营性收入). Three villages stay under the line
 * (营子村's last year is not entered yet: its secretary imports it from the 三资 system's xlsx, the e2e flow), two cross it
 * in the last years (丁庄村, 黄楼村: 消薄), and 西花沟村's last year waits for the town's approval. The amounts are
 * demo data, made up to those shapes; the year in progress has no figures (a year's accounts close after it ends).
 */
import { addDays, type IncomeAmounts, type PartnershipCreate } from '@dj/contracts';
import type { Db, Tx } from '../db/client.js';
import type { Caller } from '../lib/access/index.js';
import type { FieldCipher } from '../lib/crypto.js';
import { createPartnership, insertKeptYears, setPartnershipYears, type KeptYear } from '../modules/economy/index.js';
import { demoAdminUser } from './demo-admin.js';
import { seedDemoProducts } from './demo-products.js';
import type { DemoTown } from './demo-positions.js';

export const DEMO_ECONOMY_YEARS = 5;
const WAN = 1_000_000;
/** 经营性收入 in 万元 for the five years, oldest first, for the villages shaped on purpose; the rest grow from a base. */
const SHAPED: Record<string, number[]> = {
  营子村: [6.2, 6.8, 7.1, 7.9],
  前小湾村: [5.1, 5.4, 5.9, 6.3, 6.8],
  石羊村: [7.4, 7.2, 8.1, 8.6, 9.2],
  丁庄村: [7.8, 8.6, 9.3, 11.4, 12.6],
  黄楼村: [6.9, 7.7, 8.4, 9.5, 10.8],
};
/** The last year entered and submitted, not yet approved: the town's 待审核. */
const AWAITING = '西花沟村';

/** 经营性收入 split into its three sources (经营 45 %, 发包及上交 35 %, 投资收益 the rest), plus 补助 and 其他. */
function amountsOf(operatingWan: number, index: number): IncomeAmounts {
  const operatingFen = Math.round(operatingWan * WAN);
  const operating = Math.round(operatingFen * 0.45);
  const contracting = Math.round(operatingFen * 0.35);
  return { operating, contracting, investment: operatingFen - operating - contracting, subsidy: (5 + (index % 4) * 2) * WAN, other: (index % 3) * 300_000 };
}

/** A village not shaped above: a base of 13–55 万元 growing 4–11 % a year (by its place in the list, not at random). */
const grown = (index: number, years: number) => Array.from({ length: years }, (_, k) => Math.round((13 + ((index * 7) % 43)) * (1 + (4 + (index % 8)) / 100) ** k * 10) / 10);

interface DemoPartnership { village: string; partner: PartnershipCreate['partnerName']; source: 'contracting' | 'investment'; terms: string; startYear: number; plannedWan: number; endsInDays: number; branch?: string }

/**
 * The article's 村企合作 试点 with its three parks (the villages chosen for the demo; the article does not say which):
 * land let to the parks (发包及上交收入) or a share in one (投资收益); 浙鲁's agreement runs out within the town's
 * reminder days, so it is on 杨楼村's 待办.
 */
const PARTNERSHIPS: DemoPartnership[] = [
  { village: '西王庄村', partner: '泰和水处理剂专业园', source: 'contracting', terms: '村集体闲置建设用地和厂房租给园区企业使用,园区优先吸纳本村劳动力务工(演示数据)', startYear: 3, plannedWan: 8, endsInDays: 3 * 365, branch: '泰和水处理党支部' },
  { village: '东王庄村', partner: '旺达创业创新示范园', source: 'investment', terms: '村集体以扶持资金入股园区标准化厂房,按年保底分红(演示数据)', startYear: 4, plannedWan: 4, endsInDays: 2 * 365 },
  { village: '杨楼村', partner: '浙鲁智慧农业产业园', source: 'contracting', terms: '流转村集体机动地建设智慧农业大棚,园区按年支付土地流转费(演示数据)', startYear: 2, plannedWan: 10, endsInDays: 40 },
];

async function seedPartnerships(tx: Tx, caller: Caller, town: DemoTown, today: string, branchIdOf: (name: string) => number | undefined) {
  const db = tx as unknown as Db;
  const thisYear = Number(today.slice(0, 4));
  for (const p of PARTNERSHIPS) {
    const first = thisYear - p.startYear;
    const linked = p.branch ? branchIdOf(p.branch) : undefined;
    const made = await createPartnership(db, caller, {
      organizationId: town.branch(p.village).id, partnerKind: 'park', partnerName: p.partner, status: 'active', incomeSource: p.source, terms: p.terms,
      signedOn: `${first}-02-20`, startsOn: `${first}-03-01`, endsOn: addDays(today, p.endsInDays), linkedOrgIds: linked ? [linked] : [],
    });
    // Past years received in full; this year's half so far.
    const years = Array.from({ length: p.startYear + 1 }, (_, k) => first + k).map((year) => ({
      year, plannedFen: p.plannedWan * WAN, receivedFen: year < thisYear ? p.plannedWan * WAN : (p.plannedWan * WAN) / 2, note: null,
    }));
    await setPartnershipYears(db, caller, made.id, { years });
  }
}

export async function seedDemoEconomy(tx: Tx, { tenantId, today, town, cipher, branchIdOf }: {
  tenantId: number; today: string; town: DemoTown; cipher: FieldCipher; branchIdOf: (name: string) => number | undefined;
}): Promise<{ years: number; awaiting: number; partnerships: number; products: number; actors: number }> {
  const thisYear = Number(today.slice(0, 4));
  const first = thisYear - DEMO_ECONOMY_YEARS;
  const kept: KeptYear[] = [];
  for (const [index, branch] of town.branches.entries()) {
    const series = SHAPED[branch.village] ?? grown(index, DEMO_ECONOMY_YEARS);
    for (const [k, wan] of series.entries()) {
      const year = first + k;
      const awaiting = branch.village === AWAITING && year === thisYear - 1;
      // Entered in the spring after the year closed (no later than today); the demo secretaries enter their own village's.
      const day = [`${year + 1}-03-${String(10 + (index % 15)).padStart(2, '0')}`, today].sort()[0];
      kept.push({
        organizationId: branch.id, year, amounts: amountsOf(wan, index), status: awaiting ? 'submitted' : 'approved',
        enteredBy: branch.village === AWAITING ? town.users.xihuagou : town.users.admin, approvedBy: awaiting ? null : town.users.admin, at: new Date(`${day}T10:00:00+08:00`),
      });
    }
  }
  await insertKeptYears(tx, tenantId, kept);
  const caller: Caller = { user: await demoAdminUser(tx, tenantId), ip: '127.0.0.1', cipher };
  await seedPartnerships(tx, caller, town, today, branchIdOf);
  const made = await seedDemoProducts(tx, caller, town, thisYear - 1);
  return { years: kept.length, awaiting: kept.filter((y) => y.status === 'submitted').length, partnerships: PARTNERSHIPS.length, ...made };
}
