import { ComplianceRowSchema, todayInShanghai, type ActivityKind, type Compliance, type ComplianceQuery } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { requirePermission, optionalOrganizationInScope, type AuthUser } from '../../lib/access/index.js';
import { settingValues } from '../settings/index.js';
import { groupedBy } from '../../lib/group.js';
import * as repo from './repository.js';
import * as summaries from './summary-repository.js';
import { complianceFor, complianceSummary, periodBounds } from './rules/compliance.js';
import { PARTY_LECTURE_SETTING_KEY, THEME_DAY_SETTING_KEY, defaultComplianceRules, type BranchFacts, type ComplianceRule } from './rules/compliance-rules.js';

/** A 支部委员会 is required from 7 正式党员 (支部工作条例第八条); the roster is the best evidence we hold. */
const COMMITTEE_MIN_FULL_MEMBERS = 7;

type ComplianceRow = Compliance['branches'][number]['rows'][number];

/** Per branch in scope (or under orgId), per rule: done, due, due soon or late for the month's periods. */
export async function branchCompliance(db: Db, user: AuthUser, query: ComplianceQuery): Promise<Compliance> {
  const under = await optionalOrganizationInScope(db, user, query.orgId);
  requirePermission(user, 'branch.browse', '党员本人不查看支部组织生活台账');
  const today = todayInShanghai();
  const period = query.period ?? today.slice(0, 7);
  const branches = await repo.branchesInScope(db, user.scope, under);
  return { period, branches: await complianceOfBranches(db, user.tenantId, branches, period, today) };
}

/**
 * The calendar for given branches of one tenant, without a caller: the reminder job uses it for every branch, the
 * assessment periods inside their transaction (publish freezes the measures),
 * the route above for the branches in the caller's scope. Each branch's month comes from compliance_summaries while
 * nothing it reads has changed since (summary-repository.ts); the others are computed and stored, a batch at a time
 * so a whole city's first board of the day does not hold the event loop for seconds.
 */
export async function complianceOfBranches(
  db: DbOrTx, tenantId: number, branches: readonly { id: number; name: string }[], period: string, today: string,
): Promise<Compliance['branches']> {
  // The local frequencies are the town's settings; the same "due soon" window as the reminders, so the board
  // and the notices never disagree.
  const local = await settingValues(db, tenantId, [THEME_DAY_SETTING_KEY, PARTY_LECTURE_SETTING_KEY, 'reminder.dueSoonDays']);
  const key = { period, today, rulesKey: `${CALENDAR_FORMAT} ${JSON.stringify(local)}` };
  const held = await summaries.storedCalendars(db, branches.map((b) => b.id), key);
  const missing = branches.filter((b) => !held.get(b.id)?.stored);
  const computed = new Map<number, summaries.StoredCalendar>();
  for (let i = 0; i < missing.length; i += COMPUTE_BATCH) {
    const batch = missing.slice(i, i + COMPUTE_BATCH);
    const calendars = await computeCompliance(db, tenantId, batch, period, today, local);
    await summaries.storeCalendars(db, tenantId, key, calendars.map((c) => ({ organizationId: c.organizationId, version: held.get(c.organizationId)?.version ?? 0, calendar: c })));
    for (const c of calendars) computed.set(c.organizationId, c);
    if (i + COMPUTE_BATCH < missing.length) await new Promise((resolve) => setImmediate(resolve));
  }
  return branches.map((b) => {
    const calendar = held.get(b.id)?.stored ?? computed.get(b.id)!;
    return { organizationId: b.id, organizationName: b.name, rows: calendar.rows, summary: calendar.summary };
  });
}

/**
 * Raise when the rules (rules/compliance*.ts) or a row's shape change: summaries stored by the previous code then
 * stop holding at once instead of at the next midnight.
 */
const CALENDAR_FORMAT = 'v1';

/** Branches computed per round trip when their stored calendars do not hold (a town is 20–30 branches). */
const COMPUTE_BATCH = 100;

/** The calendar from the records themselves: a year of activities, the roster and the groups of these branches. */
async function computeCompliance(
  db: DbOrTx, tenantId: number, branches: readonly { id: number; name: string }[], period: string, today: string, local: Record<string, number>,
): Promise<Compliance['branches']> {
  const rules = defaultComplianceRules(local[THEME_DAY_SETTING_KEY], local[PARTY_LECTURE_SETTING_KEY]);
  const dueSoonDays = local['reminder.dueSoonDays'];
  const ids = branches.map((b) => b.id);
  const roster = await repo.branchMembers(db, ids);
  const groups = await repo.activeGroups(db, tenantId, ids);
  // The year holds the month and its quarter, so one load serves every rule's period.
  const year = periodBounds('year', period);
  const held = await repo.activitiesBetween(db, ids, year.start, year.end, rules.filter((r) => r.perMember).map((r) => r.kind));
  return assembleCompliance({ branches, roster, groups, held, rules, period, today, dueSoonDays })
    .map((b) => ({ ...b, rows: b.rows.map(contractRow) }));
}

/** The rules' working fields (period bounds, who is still to talk to) stay out of the stored summary and the answer. */
const ROW_FIELDS = ComplianceRowSchema.keyof().options;
function contractRow(row: ComplianceRow): ComplianceRow {
  return Object.fromEntries(ROW_FIELDS.map((k) => [k, row[k]])) as ComplianceRow;
}

type Held = Awaited<ReturnType<typeof repo.activitiesBetween>>[number];
export interface ComplianceLoad {
  branches: readonly { id: number; name: string }[];
  roster: readonly { id: number; organizationId: number; membershipStatus: string; standing: string }[];
  groups: readonly { id: number; parentId: number | null }[];
  held: readonly Held[];
  rules: ComplianceRule[];
  period: string;
  today: string;
  dueSoonDays: number;
}

/** The loaded rows, branch by branch: pure, so the whole-city board's CPU time can be measured without a database. */
export function assembleCompliance(load: ComplianceLoad): Compliance['branches'] {
  const { branches, roster, groups, held, rules, period, today, dueSoonDays } = load;
  // Each list is split by branch once: filtering all of them once per branch was 13.3 s of a 15.9 s city request.
  const rosterOf = groupedBy(roster.filter((m) => m.membershipStatus === 'active'), (m) => m.organizationId);
  const groupsOf = groupedBy(groups, (g) => g.parentId);
  const heldOf = groupedBy(held, (a) => a.organizationId);
  return branches.map((b) => {
    const active = rosterOf.get(b.id) ?? [];
    const facts: BranchFacts = {
      hasCommittee: active.filter((m) => m.standing === 'full').length >= COMMITTEE_MIN_FULL_MEMBERS,
      groupIds: (groupsOf.get(b.id) ?? []).map((g) => g.id),
      memberIds: active.map((m) => m.id),
    };
    const activities = (heldOf.get(b.id) ?? []).map((a) => ({
      kind: a.kind as ActivityKind, date: a.heldOn, groupId: a.groupId, countsFor: a.countsFor as ActivityKind[], attendeeIds: a.attendeeIds,
      awaitingSignOff: a.supervisorUserId !== null && a.reviewStatus !== 'signed_off',
    }));
    const rows = complianceFor({ rules, periodMonth: period, today, branch: facts, activities, dueSoonDays });
    return { organizationId: b.id, organizationName: b.name, rows, summary: complianceSummary(rows) };
  });
}
