/**
 * 对标 (issue 17 point 4): the town's indicators against its benchmark town, year by year. The town admin picks the
 * indicators (catalogue or 自定义) and enters the benchmark town's values with their source; the own value is computed
 * from the records for a catalogue indicator that has one (benchmark-figures.ts), otherwise entered by hand with its
 * source. These are the town's rows (tenant-wide): the permission is checked first, and another town's indicator
 * answers like a missing one.
 */
import {
  BENCHMARK_CATALOGUE, BenchmarkTownInputSchema, CreateBenchmarkIndicatorSchema, PutBenchmarkValueSchema, UpdateBenchmarkIndicatorSchema,
  isComputedKey, todayInShanghai,
  type BenchmarkBoard, type BenchmarkCell, type BenchmarkComputedKey, type BenchmarkIndicator, type BenchmarkTownInput,
  type CreateBenchmarkIndicator, type PutBenchmarkValue, type UpdateBenchmarkIndicator,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { invalid, notFound } from '../../lib/errors.js';
import { ownFigures, type YearWindow } from './benchmark-figures.js';
import * as repo from './benchmark-repository.js';

type IndicatorRow = NonNullable<Awaited<ReturnType<typeof repo.findIndicator>>>;
type ValueRow = Awaited<ReturnType<typeof repo.valuesOf>>[number];

/** The last `count` calendar years, the oldest first, each to 31 December or (this year) to today. */
export function yearWindows(today: string, count: number): YearWindow[] {
  const thisYear = Number(today.slice(0, 4));
  return Array.from({ length: count }, (_, i) => {
    const year = thisYear - count + 1 + i;
    return { year, start: `${year}-01-01`, end: year === thisYear ? today : `${year}-12-31`, today };
  });
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const isPercent = (i: IndicatorRow) => (i.catalogueKey ? BENCHMARK_CATALOGUE[i.catalogueKey].percent : i.unit === '%');

/** The gap in the indicator's own unit (百分点 for a rate) and, for counts and amounts, the ratio to the benchmark. */
export function gapOf(own: number | null, benchmark: number | null, higherIsBetter: boolean, percent: boolean) {
  if (own === null || benchmark === null) return { gap: null, ratio: null, ahead: null };
  const gap = round(own - benchmark, 2);
  return { gap, ratio: !percent && benchmark > 0 ? round(own / benchmark, 3) : null, ahead: higherIsBetter ? gap >= 0 : gap <= 0 };
}

function cellOf(i: IndicatorRow, w: YearWindow, stored: ValueRow | undefined, computed: Map<number, number | null> | undefined): BenchmarkCell {
  const key = isComputedKey(i.catalogueKey) ? i.catalogueKey : null;
  const own = key ? computed?.get(w.year) ?? null : stored?.ownValue ?? null;
  const ownSource = key ? `${w.end === w.today ? `截至${w.today},` : ''}${BENCHMARK_CATALOGUE[key].source}` : stored?.ownSource ?? null;
  const benchmark = stored?.benchmarkValue ?? null;
  return {
    year: w.year, own, ownSource, benchmark, source: stored?.source ?? null, ...gapOf(own, benchmark, i.higherIsBetter, isPercent(i)),
    enteredBy: stored?.enteredBy ?? null, enteredAt: stored?.enteredAt.toISOString() ?? null,
  };
}

export async function benchmarkBoard(db: DbOrTx, user: AuthUser, years: number): Promise<BenchmarkBoard> {
  requirePermission(user, 'benchmark.read');
  const windows = yearWindows(todayInShanghai(), years);
  const town = (await repo.findTown(db, user.tenantId)) ?? null;
  const indicators = await repo.listIndicators(db, user.tenantId);
  const values = await repo.valuesOf(db, indicators.map((i) => i.id), windows.map((w) => w.year));
  const keys = indicators.map((i) => i.catalogueKey).filter(isComputedKey) as BenchmarkComputedKey[];
  const figures = await ownFigures(db, user, keys, windows);
  const rows: BenchmarkIndicator[] = indicators.map((i) => ({
    ...i, computed: isComputedKey(i.catalogueKey), percent: isPercent(i),
    cells: windows.map((w) => cellOf(i, w, values.find((v) => v.indicatorId === i.id && v.year === w.year),
      isComputedKey(i.catalogueKey) ? figures.get(i.catalogueKey) : undefined)),
  }));
  return { town, years: windows.map((w) => w.year), indicators: rows, can: { manage: can(user, 'benchmark.manage') } };
}

export async function saveTown(db: Db, caller: Caller, body: BenchmarkTownInput) {
  requirePermission(caller.user, 'benchmark.manage');
  const input = BenchmarkTownInputSchema.parse(body);
  return db.transaction(async (tx) => {
    const before = await repo.findTown(tx, caller.user.tenantId);
    const id = await repo.upsertTown(tx, caller.user.tenantId, input.name, input.note, caller.user.id);
    await audit(tx, caller, { action: 'benchmark.town.save', objectType: 'benchmark_town', objectId: id, detail: { before: before ?? null, after: input } });
    return { id };
  });
}

export async function createIndicator(db: Db, caller: Caller, body: CreateBenchmarkIndicator) {
  requirePermission(caller.user, 'benchmark.manage');
  const input = CreateBenchmarkIndicatorSchema.parse(body);
  const values = 'catalogueKey' in input
    ? { catalogueKey: input.catalogueKey, ...pick(BENCHMARK_CATALOGUE[input.catalogueKey]) }
    : { catalogueKey: null, name: input.name, unit: input.unit, group: input.group, higherIsBetter: input.higherIsBetter };
  return db.transaction(async (tx) => {
    const town = await repo.findTown(tx, caller.user.tenantId);
    if (!town) throw invalid('town', '请先填写对标镇,再添加对标指标');
    const id = await repo.insertIndicator(tx, { tenantId: caller.user.tenantId, townId: town.id, ...values, createdBy: caller.user.id });
    if (!id) throw invalid('catalogueKey' in input ? 'catalogueKey' : 'name', `已有对标指标“${values.name}”`);
    await audit(tx, caller, { action: 'benchmark.indicator.create', objectType: 'benchmark_indicator', objectId: id, detail: values });
    return { id };
  });
}

const pick = ({ name, unit, group, higherIsBetter }: (typeof BENCHMARK_CATALOGUE)[keyof typeof BENCHMARK_CATALOGUE]) => ({ name, unit, group, higherIsBetter });

export async function updateIndicator(db: Db, caller: Caller, id: number, body: UpdateBenchmarkIndicator) {
  requirePermission(caller.user, 'benchmark.manage');
  const input = UpdateBenchmarkIndicatorSchema.parse(body);
  return db.transaction(async (tx) => {
    const before = await repo.findIndicator(tx, caller.user.tenantId, id);
    if (!before) throw notFound('对标指标');
    const fixed = (['name', 'unit', 'higherIsBetter'] as const).find((k) => input[k] !== undefined && input[k] !== before[k]);
    if (before.catalogueKey && fixed) throw invalid(fixed, '目录指标的名称、单位和方向按目录,不能修改;请另建自定义指标');
    if (!(await repo.updateIndicator(tx, id, input))) throw invalid('name', `已有对标指标“${input.name}”`);
    await audit(tx, caller, { action: 'benchmark.indicator.update', objectType: 'benchmark_indicator', objectId: id, detail: { before, after: input } });
    return { ok: true as const };
  });
}

export async function putValue(db: Db, caller: Caller, id: number, year: number, body: PutBenchmarkValue) {
  requirePermission(caller.user, 'benchmark.manage');
  const input = PutBenchmarkValueSchema.parse(body);
  const thisYear = Number(todayInShanghai().slice(0, 4));
  return db.transaction(async (tx) => {
    const indicator = await repo.findIndicator(tx, caller.user.tenantId, id);
    if (!indicator) throw notFound('对标指标');
    if (year > thisYear) throw invalid('year', `年份不能晚于今年(${thisYear}年)`);
    if (isComputedKey(indicator.catalogueKey) && input.ownValue !== null) {
      throw invalid('ownValue', `“${indicator.name}”的本镇数值由平台记录计算,不能手工录入`);
    }
    const before = await repo.lockValue(tx, id, year);
    await repo.putValue(tx, { tenantId: caller.user.tenantId, indicatorId: id, year, ...input, enteredBy: caller.user.id });
    await audit(tx, caller, {
      action: 'benchmark.value.put', objectType: 'benchmark_indicator', objectId: id, detail: { year, before: before ?? null, after: input },
    });
    return { ok: true as const };
  });
}
