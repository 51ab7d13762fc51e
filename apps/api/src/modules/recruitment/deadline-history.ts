/**
 * 发展党员按期 for the assessment measures (issue 16 point 2): the deadlines of a branch's recruitments that fell in a
 * period, and whether each was kept. Nothing here re-states a rule: the recruitment's records are replayed through
 * deadlinesOf (the same function the to-do list and the record page use), as of each day a record was made. A deadline
 * is kept when the records up to its day no longer show it open; it was met late on the first later day they do not.
 *
 * Left out, on purpose: the 上级党委's own deadlines (审批 within three months, 细则第二十五条/第三十四条), which are the
 * town's and never the branch's; and 登记公示结果, whose day of entry the records do not hold.
 */
import type { StepDefinition } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { AuthUser } from '../../lib/access/index.js';
import { deadlinesOf, type RecordFact, type RecruitmentSettings } from './rules/recruitment-state.js';
import { loadFacts } from './service.js';
import * as repo from './repository.js';

export interface RecruitmentDeadlineKept {
  recruitmentId: number;
  name: string;
  label: string;
  dueOn: string;
  /** The day the records stopped showing it open; null while they still do. */
  doneOn: string | null;
  source: string;
}

interface Replay {
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

/** The deadlines of the recruitments in the subtree at `path` that fell between start and end (inclusive). */
export async function recruitmentDeadlinesBetween(db: DbOrTx, user: AuthUser, path: string, start: string, end: string): Promise<RecruitmentDeadlineKept[]> {
  const rows = await repo.listRecruitments(db, user.scope, { orgPath: path });
  if (!rows.length) return [];
  const facts = await loadFacts(db, user.tenantId, rows);
  const out: RecruitmentDeadlineKept[] = [];
  for (const row of rows) {
    const replayed = replayDeadlines({
      steps: facts.steps, records: facts.records.get(row.id) ?? [], settings: facts.settings,
      probationEndsOn: facts.probationEnds.get(row.id) ?? null, stoppedOn: row.stoppedOn ?? null,
    });
    for (const d of replayed) {
      if (d.date < start || d.date > end) continue;
      out.push({ recruitmentId: row.id, name: row.name, label: d.label, dueOn: d.date, doneOn: d.doneOn, source: d.source });
    }
  }
  return out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.recruitmentId - b.recruitmentId));
}
