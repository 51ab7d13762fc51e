/**
 * 发展党员按期 for the assessment measures (issue 16 point 2): the deadlines of a branch's recruitments that fell in a
 * period and whether each was kept, replayed from the records (rules/deadline-replay.ts).
 */
import type { DbOrTx } from '../../db/client.js';
import type { AuthUser } from '../../lib/access/index.js';
import { replayDeadlines } from './rules/deadline-replay.js';
import { loadFacts } from './service.js';
import * as repo from './repository.js';

export interface RecruitmentDeadlineKept {
  recruitmentId: number;
  /** The recruitment's organisation and its path (the caller groups by the branch whose subtree holds it). */
  organizationId: number;
  organizationPath: string;
  name: string;
  label: string;
  dueOn: string;
  /** The day the records stopped showing it open; null while they still do. */
  doneOn: string | null;
  source: string;
}

/**
 * The deadlines of the recruitments in the subtrees at `paths` that fell between start and end (inclusive): one list
 * and one load of the facts for all the subtrees, however many branches.
 */
export async function recruitmentDeadlinesBetween(db: DbOrTx, user: AuthUser, paths: string[], start: string, end: string): Promise<RecruitmentDeadlineKept[]> {
  if (!paths.length) return [];
  const rows = await repo.listRecruitments(db, user.scope, { orgPaths: paths });
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
      out.push({ recruitmentId: row.id, organizationId: row.organizationId, organizationPath: row.organizationPath, name: row.name, label: d.label, dueOn: d.date, doneOn: d.doneOn, source: d.source });
    }
  }
  return out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.recruitmentId - b.recruitmentId));
}
