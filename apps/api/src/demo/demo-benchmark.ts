/**
 * 对标 of the demo town (issue 17 point 4): 西王庄镇 learns from 周庄镇 (the article: 基层党建、美丽乡村、基层治理、创新发展).
 * The benchmark town's figures below are made up for the demo and say so in every source; the own values of the
 * computed indicators come from the demo records (none before the demo's first record of a kind), the others are
 * entered as the town would, with a source.
 * Entered through the dashboard module's services, as the town admin, so each value is audited like a real one.
 */
import { BENCHMARK_DEFAULT_YEARS, type BenchmarkCatalogueKey } from '@dj/contracts';
import type { Db, Tx } from '../db/client.js';
import type { FieldCipher } from '../lib/crypto.js';
import type { Caller } from '../lib/access/index.js';
import { createIndicator, putValue, saveTown } from '../modules/dashboard/index.js';
import { demoAdminUser } from './demo-admin.js';

const SOURCE = '周庄镇年度工作报告(演示数据)';
const OWN_SOURCE = '西王庄镇年度工作总结(演示数据)';

/** Per indicator, the benchmark town's values of the shown years (oldest first), and the own town's where entered by hand. */
const DEMO_VALUES: { key: BenchmarkCatalogueKey; benchmark: number[]; own?: number[] }[] = [
  { key: 'organization_life_on_time', benchmark: [96, 97, 98] },
  { key: 'recruited', benchmark: [18, 20, 21] },
  { key: 'cadre_college_share', benchmark: [62, 66, 70] },
  { key: 'disclosure_on_time', benchmark: [98, 99, 100] },
  { key: 'rectification_on_time', benchmark: [92, 95, 96] },
  { key: 'beautiful_village_demos', benchmark: [6, 8, 10], own: [2, 3, 5] },
  { key: 'innovation_projects', benchmark: [12, 15, 18], own: [3, 5, 6] },
  // 村集体经济收入 (万元 per village): hand-entered until the economy module (issue 18) keeps the ledgers.
  { key: 'collective_income_per_village', benchmark: [260, 285, 310], own: [18, 23, 28] },
];

export async function seedDemoBenchmark(tx: Tx, { tenantId, today, cipher }: { tenantId: number; today: string; cipher: FieldCipher }) {
  // The services open their own transactions: inside the seed's they become savepoints.
  const db = tx as unknown as Db;
  const caller: Caller = { user: await demoAdminUser(tx, tenantId), ip: '127.0.0.1', cipher };
  await saveTown(db, caller, { name: '周庄镇', note: '无锡市周庄镇:学习基层党建、美丽乡村、基层治理、创新发展(对标镇数值为演示数据)' });
  const first = Number(today.slice(0, 4)) - BENCHMARK_DEFAULT_YEARS + 1;
  let values = 0;
  for (const { key, benchmark, own } of DEMO_VALUES) {
    const { id } = await createIndicator(db, caller, { catalogueKey: key });
    for (const [i, benchmarkValue] of benchmark.entries()) {
      await putValue(db, caller, id, first + i, { benchmarkValue, source: SOURCE, ...(own ? { ownValue: own[i], ownSource: OWN_SOURCE } : {}) });
      values++;
    }
  }
  return { indicators: DEMO_VALUES.length, values };
}
