/**
 * This month's organisation life as a branch × requirement matrix (issue 17 point 1), from the compliance calendars
 * (stored in compliance_summaries, not recomputed here). A requirement kept per 党小组 is one cell per branch: the
 * counts summed, the status the most pressing of its rows. Branches keep the tree's order.
 */
import type { COMPLIANCE_STATUSES, Compliance, DashboardMatrix } from '@dj/contracts';

type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];
type Calendar = Compliance['branches'][number];
type Row = Calendar['rows'][number];
type Cell = NonNullable<DashboardMatrix['rows'][number]['cells'][number]>;

/** Most pressing first: one late group makes the branch's cell late. */
const PRESSING: ComplianceStatus[] = ['late', 'due_soon', 'due', 'awaiting_sign_off', 'done'];

function cellOf(ruleKey: string, rows: Row[]): Cell | null {
  if (!rows.length) return null;
  const status = PRESSING.find((s) => rows.some((r) => r.status === s)) ?? 'done';
  const deadline = rows.map((r) => r.deadline).sort()[0];
  const sum = (k: 'done' | 'expected' | 'awaitingSignOff') => rows.reduce((n, r) => n + r[k], 0);
  return { ruleKey, status, deadline, done: sum('done'), expected: sum('expected'), awaitingSignOff: sum('awaitingSignOff') };
}

export function matrixOf(period: string, calendars: Calendar[]): DashboardMatrix {
  const requirements = new Map<string, string>();
  for (const c of calendars) for (const r of c.rows) if (!requirements.has(r.ruleKey)) requirements.set(r.ruleKey, r.label);
  const keys = [...requirements.keys()];
  const totals = { done: 0, awaitingSignOff: 0, due: 0, dueSoon: 0, late: 0 };
  for (const c of calendars) {
    totals.done += c.summary.done; totals.awaitingSignOff += c.summary.awaitingSignOff;
    totals.due += c.summary.due; totals.dueSoon += c.summary.dueSoon; totals.late += c.summary.late;
  }
  return {
    period,
    requirements: keys.map((ruleKey) => ({ ruleKey, label: requirements.get(ruleKey)! })),
    rows: calendars.map((c) => ({
      organizationId: c.organizationId, organizationName: c.organizationName, link: `/compliance?orgId=${c.organizationId}&period=${period}`,
      cells: keys.map((k) => cellOf(k, c.rows.filter((r) => r.ruleKey === k))),
    })),
    totals,
  };
}
