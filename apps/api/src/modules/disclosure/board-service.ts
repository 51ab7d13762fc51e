/** What is due or late: the town's board and the entries the branches' to-do list gets (no scores, only dates). */
import type { DisclosureBoard, DisclosureRule, Task } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../lib/errors.js';
import { todayInShanghai } from '@dj/contracts';
import { isSelfOnly, type AuthUser } from '../../lib/access/index.js';
import { settingValues } from '../settings/index.js';
import { FREQUENCY_RULES, periodExample, standingsAt, type DueSettings, type RuleStanding } from './rules/frequency.js';
import * as repo from './repository.js';
import { groupedBy } from '../../lib/group.js';

export async function dueSettings(db: DbOrTx, tenantId: number): Promise<DueSettings> {
  const v = await settingValues(db, tenantId, ['disclosure.dueDay', 'reminder.dueSoonDays']);
  return { dueDay: v['disclosure.dueDay'], dueSoonDays: v['reminder.dueSoonDays'] };
}

export async function listRules(db: DbOrTx, user: AuthUser): Promise<{ items: DisclosureRule[]; dueDay: number; dueSoonDays: number }> {
  const settings = await dueSettings(db, user.tenantId);
  return {
    items: FREQUENCY_RULES.map((r) => ({ key: r.key, category: r.category, label: r.label, schedule: r.schedule, items: r.items, source: r.source, periodExample: periodExample(r.schedule) })),
    ...settings,
  };
}

/** Each village branch in scope (under `underPath`) with its rules' standing at `today`. */
async function standings(db: DbOrTx, user: AuthUser, underPath: string | undefined, today: string) {
  const branches = await repo.villageBranchesInScope(db, user.scope, underPath);
  const facts = await repo.publishedFacts(db, branches.map((b) => b.id));
  const settings = await dueSettings(db, user.tenantId);
  const factsOf = groupedBy(facts, (f) => f.organizationId);
  return branches.map((b) => ({ branch: b, standings: standingsAt(factsOf.get(b.id) ?? [], today, settings) }));
}

async function pathOf(db: DbOrTx, user: AuthUser, orgId?: number) {
  if (!orgId) return undefined;
  const org = await repo.findOrganization(db, user.scope, orgId);
  if (!org) throw notFound('组织');
  return org.path;
}

const isLate = (s: RuleStanding) => s.status === 'late' || s.missed.length > 0;

export async function getBoard(db: DbOrTx, user: AuthUser, orgId?: number): Promise<DisclosureBoard> {
  const today = todayInShanghai();
  // The organisation is resolved first: an id outside the scope answers 404 for every role.
  const underPath = await pathOf(db, user, orgId);
  if (isSelfOnly(user)) return { today, branches: [] };
  const rows = await standings(db, user, underPath, today);
  return {
    today,
    branches: rows.map(({ branch, standings: items }) => ({
      organizationId: branch.id, organizationName: branch.name, villageName: branch.villageName,
      items: items.map((s) => ({
        ruleKey: s.rule.key, label: s.rule.label, category: s.rule.category, period: s.period, dueOn: s.dueOn, status: s.status,
        disclosureId: s.disclosureId, missed: s.missed,
      })),
      late: items.filter(isLate).length,
      dueSoon: items.filter((s) => s.status === 'due_soon').length,
    })),
  };
}

export type DisclosureTask = Task & { kind: 'DISCLOSURE_DUE' | 'DISCLOSURE_LATE' };

/**
 * For the to-do list (modules/tasks): one entry per branch and rule, late when the latest
 * period is past its due date or an earlier one of the last 12 months was never published, due when it is close.
 */
export async function disclosureTasks(db: DbOrTx, user: AuthUser, underPath: string | undefined): Promise<DisclosureTask[]> {
  const today = todayInShanghai();
  const out: DisclosureTask[] = [];
  for (const { branch, standings: items } of await standings(db, user, underPath, today)) {
    for (const s of items) {
      const subject = `${s.rule.label}公开`;
      if (isLate(s)) {
        // Oldest first: the one that has waited longest is named first.
        const periods = [...s.missed.map((m) => m.period).reverse(), ...(s.status === 'late' ? [s.period] : [])];
        const first = s.missed.length ? s.missed[s.missed.length - 1].dueOn : s.dueOn;
        out.push({
          kind: 'DISCLOSURE_LATE', memberId: null, memberName: subject, organizationName: branch.name,
          message: `${periods.slice(0, 6).join('、')}${periods.length > 6 ? `等共${periods.length}期` : ''}尚未公开(最早应于${first}前公开)`, rule: s.rule.source,
          link: `/disclosures?orgId=${branch.id}`, dueOn: first, overdue: true,
        });
      } else if (s.status === 'due_soon') {
        out.push({ kind: 'DISCLOSURE_DUE', memberId: null, memberName: subject, organizationName: branch.name, message: `${s.period}应于${s.dueOn}前公开`, rule: s.rule.source, link: `/disclosures?orgId=${branch.id}`, dueOn: s.dueOn, overdue: false });
      }
    }
  }
  return out;
}
