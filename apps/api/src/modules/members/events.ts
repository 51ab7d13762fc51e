import { addYears } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { AuthUser } from '../../lib/access/index.js';
import * as repo from './repository.js';
import { deriveMembership, type MembershipEventKind } from './rules/membership-status.js';

type EventRow = repo.EventValues;

/**
 * The 党籍 dates a newly entered member starts with: admitted, and confirmed when the member is a 正式党员 — on its
 * date, or 转正日期不详 at the earliest date it could have been (入党 + one year) until the 党员档案 gives the real one.
 */
export function startingEvents(p: { joinedAt: string; confirmedAt?: string | null; confirmedDateUnknown?: boolean }): { kind: 'admitted' | 'confirmed'; occurredOn: string; dateUnknown?: boolean }[] {
  const admitted = { kind: 'admitted' as const, occurredOn: p.joinedAt };
  if (p.confirmedAt) return [admitted, { kind: 'confirmed', occurredOn: p.confirmedAt }];
  if (p.confirmedDateUnknown) return [admitted, { kind: 'confirmed', occurredOn: addYears(p.joinedAt, 1), dateUnknown: true }];
  return [admitted];
}

/** The starting events as rows of a member just inserted. */
export function initialEvents(user: AuthUser, memberId: number, organizationId: number, profile: Parameters<typeof startingEvents>[0]): EventRow[] {
  const base = { tenantId: user.tenantId, memberId, recordedBy: user.id, toOrganizationId: organizationId };
  return startingEvents(profile).map((e) => ({ ...base, ...e }));
}

export async function eventsOf(db: DbOrTx, memberId: number) {
  const rows = await repo.eventDatesOf(db, memberId);
  return rows.map((r) => ({ kind: r.kind as MembershipEventKind, occurredOn: r.occurredOn, probationEndsOn: r.probationEndsOn, dateUnknown: r.dateUnknown }));
}

/** Rewrite the cached standing/status columns from the events, in the transaction that added one. */
export async function refreshMembershipCache(db: DbOrTx, memberId: number, today: string) {
  const d = deriveMembership(await eventsOf(db, memberId), today);
  await repo.updateMember(db, memberId, {
    standing: d.standing, membershipStatus: d.status, isMobile: d.isMobile, probationEndsOn: d.probationEndsOn,
    confirmedAt: d.confirmedOn, onRoster: d.inBranch,
  });
}

