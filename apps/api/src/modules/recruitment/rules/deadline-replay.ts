/**
 * A recruitment's deadlines as they fell due, for 发展党员按期 (issue 16 point 2). Nothing here re-states a rule: the
 * records are replayed through deadlinesOf (the same function the to-do list and the record page use), as of each day
 * a record was made. A deadline was kept when the records up to its day no longer show it open; it was met late on the
 * first later record day they do not. The 上级党委's own deadlines (审批 within three months, 细则第二十五条/第三十四条)
 * are the town's and never the branch's, so they are left out; so is 登记公示结果, whose day of entry is not recorded.
 */
import type { StepDefinition } from '@dj/contracts';
import { deadlinesOf, type RecordFact, type RecruitmentSettings } from './recruitment-state.js';

export interface Replay {
  steps: readonly StepDefinition[];
  records: readonly RecordFact[];
  settings: RecruitmentSettings;
  probationEndsOn: string | null;
  /** The day the recruitment was stopped: nothing falls due after it. */
  stoppedOn: string | null;
}

const keyOf = (d: { label: string; date: string }) => `${d.label}\u0000${d.date}`;

/** The branch's open deadlines as of a day, from the records made by then (the town's own left out). */
function openOn(r: Replay, day: string, townLabels: readonly string[]) {
  const records = r.records.filter((x) => x.occurredOn <= day);
  return deadlinesOf(r.steps, records, [], r.settings, r.probationEndsOn, day)
    .filter((d) => !townLabels.some((name) => d.label.startsWith(name)));
}

/** Every deadline the records ever showed, each with the day it stopped being open (pure). */
export function replayDeadlines(r: Replay): { label: string; date: string; source: string; doneOn: string | null }[] {
  // The 上级党委's steps (actor party_committee): their deadlines name the step ("上级党委审批…").
  const townLabels = r.steps.filter((s) => s.actor === 'party_committee').map((s) => s.name);
  const days = [...new Set(r.records.map((x) => x.occurredOn))].sort();
  // Each deadline with the first record day that showed it.
  const seen = new Map<string, { label: string; date: string; source: string; since: string }>();
  for (const day of days) for (const d of openOn(r, day, townLabels)) if (!seen.has(keyOf(d))) seen.set(keyOf(d), { ...d, since: day });
  const out = [];
  for (const { since, ...d } of seen.values()) {
    if (r.stoppedOn && d.date > r.stoppedOn) continue;
    // Done on the first later record day whose records no longer show it open (kept when that day is not after it).
    const doneOn = days.find((day) => day > since && !openOn(r, day, townLabels).some((x) => keyOf(x) === keyOf(d)));
    out.push({ label: d.label, date: d.date, source: d.source, doneOn: doneOn ?? null });
  }
  return out;
}
