/**
 * 三务公开按期 for the assessment measures (issue 16 point 2): the scheduled disclosures (FREQUENCY_RULES) of village
 * branches whose due date (dueDateOf, the town's disclosure.dueDay) falls in a period, with the days that decide
 * whether the branch kept it. The branch proposes (提出) and publishes (公开); the 包村干部 or town reviews and the town
 * approves in between (rules/workflow.ts). Immediate items have no schedule and never fall due, as on the board.
 */
import type { DbOrTx } from '../../db/client.js';
import { dueSettings } from './board-service.js';
import { scheduledFactsOf } from './on-time-repository.js';
import { FREQUENCY_RULES, dueDateOf, type FrequencyRule } from './rules/frequency.js';

export interface DisclosureDue {
  ruleKey: string;
  label: string;
  period: string;
  dueOn: string;
  /** The first publication of the period (a correction later does not move it); null when none. */
  publishedOn: string | null;
  /** The branch's latest 提出 of the disclosure that was (or is being) taken on, and the town's 审批 of it. */
  submittedOn: string | null;
  approvedOn: string | null;
  /** The disclosure to open (the published one, or the one under way). */
  disclosureId: number | null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The periods of a schedule in these years (the year before the first too: its December and Q4 fall due in January). */
function periodsOf(rule: FrequencyRule, years: number[]): string[] {
  const all = [years[0] - 1, ...years];
  if (rule.schedule === 'monthly') return all.flatMap((y) => Array.from({ length: 12 }, (_, i) => `${y}-${pad2(i + 1)}`));
  if (rule.schedule === 'quarterly') return all.flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));
  return all.map(String);
}

/**
 * Each scheduled rule's periods due between start and end (inclusive), with each branch's dates for them: the
 * schedule is the town's, so it is worked out once and the dates of every branch come from one query.
 */
export async function disclosuresDueBetween(
  db: DbOrTx, tenantId: number, organizationIds: number[], start: string, end: string,
): Promise<Map<number, DisclosureDue[]>> {
  const out = new Map<number, DisclosureDue[]>(organizationIds.map((id) => [id, []]));
  const { dueDay } = await dueSettings(db, tenantId);
  const years = [...new Set([Number(start.slice(0, 4)), Number(end.slice(0, 4))])];
  const due = FREQUENCY_RULES.filter((r) => r.schedule !== 'immediate').flatMap((rule) => periodsOf(rule, years)
    .map((period) => ({ rule, period, dueOn: dueDateOf(period, dueDay) as string }))
    .filter((d) => d.dueOn >= start && d.dueOn <= end))
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.rule.key < b.rule.key ? -1 : 1));
  if (!due.length || !organizationIds.length) return out;
  const facts = await scheduledFactsOf(db, organizationIds, [...new Set(due.map((d) => d.period))]);
  const factOf = new Map(facts.map((f) => [`${f.organizationId} ${f.ruleKey} ${f.period}`, f]));
  for (const organizationId of organizationIds) {
    out.set(organizationId, due.map(({ rule, period, dueOn }) => {
      const f = factOf.get(`${organizationId} ${rule.key} ${period}`);
      return {
        ruleKey: rule.key, label: rule.label, period, dueOn, publishedOn: f?.publishedOn ?? null, submittedOn: f?.submittedOn ?? null,
        approvedOn: f?.approvedOn ?? null, disclosureId: f?.disclosureId ?? null,
      };
    }));
  }
  return out;
}
