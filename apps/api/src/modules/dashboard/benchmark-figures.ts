/**
 * 对标 (issue 17 point 4): the own town's value of each computed catalogue indicator for a calendar year, read through
 * the other modules' public faces over the caller's scope (the town, for the town admin). A past year runs to 31
 * December; the current year to today. Counts come from the database (SQL aggregates or the stored compliance
 * summaries); only the shares are worked out here. Only the indicators the town picked are computed.
 */
import type { BenchmarkComputedKey } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { AuthUser } from '../../lib/access/index.js';
import { branchesInScope, complianceOfBranches, firstActivityOn } from '../activities/index.js';
import { cadresOnDay } from '../cadres/index.js';
import { disclosuresDueBetween, firstDisclosureOn } from '../disclosure/index.js';
import { rectificationOnTimeCounts } from '../inspection/index.js';
import { admittedBetween } from '../members/index.js';

/** A year's window: 1 January to 31 December, or to today in the current year. */
export interface YearWindow { year: number; start: string; end: string; today: string }

type Branch = { id: number; name: string; path: string };
type Figure = (db: DbOrTx, user: AuthUser, w: YearWindow, branches: Branch[]) => Promise<number | null>;

const share = (part: number, whole: number, digits = 1) => (whole > 0 ? Math.round((part / whole) * 100 * 10 ** digits) / 10 ** digits : null);
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * 组织生活按期完成率: of the year's monthly requirements that were decided (done, awaiting the supervisor's sign-off,
 * or late), the share done — summed over the months' stored calendars of every branch. Months before the first
 * activity the platform holds are not counted (the town kept them on paper); a year wholly before it has no value.
 */
const organizationLife: Figure = async (db, user, w, branches) => {
  const first = await firstActivityOn(db, user.scope);
  if (!first || first > w.end) return null;
  let done = 0; let late = 0;
  const firstMonth = first > w.start ? Number(first.slice(5, 7)) : 1;
  for (let m = firstMonth; m <= Number(w.end.slice(5, 7)); m++) {
    const calendars = await complianceOfBranches(db, user.tenantId, branches, `${w.year}-${pad2(m)}`, w.today);
    for (const { summary } of calendars) { done += summary.done + summary.awaitingSignOff; late += summary.late; }
  }
  return share(done, done + late);
};

/**
 * 三务公开按期公开率: of the year's scheduled disclosures past due or published, the share published by the due day;
 * those due before the first disclosure the platform holds are not counted.
 */
const disclosure: Figure = async (db, user, w, branches) => {
  const ids = branches.map((b) => b.id);
  const first = await firstDisclosureOn(db, ids);
  if (!first || first > w.end) return null;
  const due = [...(await disclosuresDueBetween(db, user.tenantId, ids, first > w.start ? first : w.start, w.end)).values()].flat();
  const decided = due.filter((d) => d.publishedOn || d.dueOn < w.today);
  return share(decided.filter((d) => d.publishedOn && d.publishedOn <= d.dueOn).length, decided.length);
};

const rectification: Figure = async (db, _user, w, branches) => {
  const { due, onTime } = await rectificationOnTimeCounts(db, branches.map((b) => b.id), w.start, w.end, w.today);
  return share(onTime, due);
};

const recruited: Figure = (db, user, w) => admittedBetween(db, user.scope, w.start, w.end);

const reserves: Figure = async (db, user, w) => {
  const { reserves: n, villages } = await cadresOnDay(db, user.scope, w.end);
  return villages ? Math.round((n / villages) * 100) / 100 : null;
};

const college: Figure = async (db, user, w) => {
  const { cadres, college: n } = await cadresOnDay(db, user.scope, w.end);
  return share(n, cadres);
};

const FIGURES: Record<BenchmarkComputedKey, Figure> = {
  organization_life_on_time: organizationLife, disclosure_on_time: disclosure, rectification_on_time: rectification,
  recruited, reserves_per_village: reserves, cadre_college_share: college,
};

/** The own values of these computed indicators for these years: key → year → value (null: nothing fell due). */
export async function ownFigures(db: DbOrTx, user: AuthUser, keys: BenchmarkComputedKey[], windows: YearWindow[]) {
  const out = new Map<BenchmarkComputedKey, Map<number, number | null>>();
  if (!keys.length) return out;
  const branches = await branchesInScope(db, user.scope);
  for (const key of keys) {
    const byYear = new Map<number, number | null>();
    for (const w of windows) byYear.set(w.year, await FIGURES[key](db, user, w, branches));
    out.set(key, byYear);
  }
  return out;
}
