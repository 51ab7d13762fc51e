import type { Db } from '../../db/client.js';
import type { FieldCipher } from '../../lib/crypto.js';
import { complianceOfBranches } from '../activities/index.js';
import { insertNotices } from '../../lib/notices.js';
import * as repo from './repository.js';

export const REMINDER_KIND = 'compliance';

export interface ReminderCounts {
  tenants: number;
  branches: number;
  /** Rows due soon or late, before fan-out to recipients. */
  reminders: number;
  /** Notifications created by this run (a rerun creates none). */
  notifications: number;
  /** SMS queued in the outbox by this run. */
  sms: number;
}

interface Reminder { branchId: number; text: string; status: 'due_soon' | 'late'; deadline: string; link: string; dedupeKey: string }

const mmdd = (date: string) => date.slice(5);

/**
 * Just after midnight (Beijing): every active branch's calendar of the new day's month, stored as its summary, so the
 * first whole-town or whole-city board of the day reads summaries instead of computing them while the user waits.
 * Statuses move with the date, which is why a summary holds only on the day it was computed.
 */
export async function precomputeCalendars(db: Db, today: string): Promise<{ tenants: number; branches: number }> {
  const counts = { tenants: 0, branches: 0 };
  for (const tenantId of await repo.tenantIds(db)) {
    const branches = await repo.activeBranches(db, tenantId);
    await complianceOfBranches(db, tenantId, branches, today.slice(0, 7), today);
    counts.tenants++;
    counts.branches += branches.length;
  }
  return counts;
}

/**
 * The daily reminder: for every active 党支部 of every tenant, the month's compliance calendar; each row due soon
 * or late becomes an in-app notification for the branch's secretaries and assigned supervisors. Dedupe keys
 * name the branch, rule, group, period and status, so a rerun (or two job workers) create nothing twice, and a
 * row turning from due soon to late reminds once more. A secretary with a phone on record gets one SMS per day
 * summarising what is new for them. `cipher` is unused here (ciphertext is copied, never opened) but kept in the
 * signature so the job wiring is uniform with drainOutbox.
 */
export async function runReminders(db: Db, _cipher: FieldCipher, today: string): Promise<ReminderCounts> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`提醒日期格式不正确: ${today}`);
  const period = today.slice(0, 7);
  const counts: ReminderCounts = { tenants: 0, branches: 0, reminders: 0, notifications: 0, sms: 0 };
  for (const tenantId of await repo.tenantIds(db)) {
    const branches = await repo.activeBranches(db, tenantId);
    if (branches.length === 0) continue;
    counts.tenants++;
    counts.branches += branches.length;
    const calendar = await complianceOfBranches(db, tenantId, branches, period, today);
    const groups = await repo.groupNames(db, tenantId);
    const reminders: Reminder[] = [];
    for (const b of calendar) {
      for (const row of b.rows) {
        // The calendar already uses the town's lead time (reminder.dueSoonDays), so board and notices agree.
        const { status } = row;
        if (status !== 'due_soon' && status !== 'late') continue;
        const group = row.groupId ? `(${groups.get(row.groupId) ?? '党小组'})` : '';
        const state = status === 'late' ? '已逾期' : '尚未完成';
        reminders.push({
          branchId: b.organizationId, status, deadline: row.deadline,
          text: `${b.organizationName}${group} ${row.periodLabel} ${row.label} 截止 ${mmdd(row.deadline)},${state}`,
          link: `/compliance?orgId=${b.organizationId}&period=${period}`,
          dedupeKey: `compliance:${b.organizationId}:${row.ruleKey}:${row.groupId ?? '-'}:${row.periodLabel}:${status}`,
        });
      }
    }
    counts.reminders += reminders.length;
    if (reminders.length === 0) continue;

    const secretaries = await repo.secretaries(db, tenantId);
    const supervisors = await repo.supervisorsByBranch(db, tenantId);
    const pathOf = new Map(branches.map((b) => [b.id, b.path]));
    const recipientsOf = (branchId: number) => {
      const path = pathOf.get(branchId) as string;
      const ids = secretaries.filter((s) => s.paths.some((p) => path.startsWith(p))).map((s) => s.userId);
      return [...new Set([...ids, ...(supervisors.get(branchId) ?? [])])];
    };
    const rows = reminders.flatMap((r) => recipientsOf(r.branchId).map((userId) => ({
      tenantId, userId, kind: REMINDER_KIND, title: r.status === 'late' ? '组织生活已逾期' : '组织生活临近截止',
      body: r.text, link: r.link, dedupeKey: r.dedupeKey,
    })));

    await db.transaction(async (tx) => {
      const created = await insertNotices(tx, rows);
      counts.notifications += created.length;
      const byKey = new Map(reminders.map((r) => [r.dedupeKey, r]));
      for (const s of secretaries) {
        if (!s.phoneEnc || !s.phoneMasked) continue;
        const mine = created.filter((c) => c.userId === s.userId).map((c) => byKey.get(c.dedupeKey) as Reminder);
        if (mine.length === 0) continue;
        const queued = await repo.insertOutbox(tx, {
          tenantId, channel: 'sms', userId: s.userId, recipientCipher: s.phoneEnc, recipientMasked: s.phoneMasked,
          body: smsSummary(mine), dedupeKey: `sms:reminders:${s.userId}:${today}`,
        });
        if (queued) counts.sms++;
      }
    });
  }
  return counts;
}

/** One short message (an SMS segment holds 70 Chinese characters): counts and the nearest deadline. */
export function smsSummary(reminders: readonly Pick<Reminder, 'status' | 'deadline' | 'text'>[]): string {
  const late = reminders.filter((r) => r.status === 'late').length;
  const soon = reminders.length - late;
  const nearest = [...reminders].sort((a, b) => a.deadline.localeCompare(b.deadline))[0];
  const parts = [soon ? `${soon}项临近截止` : '', late ? `${late}项已逾期` : ''].filter(Boolean).join('、');
  return `【党建平台】您有组织生活提醒:${parts}。最近一项:${nearest.text}。请登录平台查看。`;
}
