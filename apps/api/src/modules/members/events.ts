import type { DbOrTx } from '../../db/client.js';
import type { AuthUser } from '../../lib/access/index.js';
import * as repo from './repository.js';
import { deriveMembership, type MembershipEventKind } from './rules/membership-status.js';

type EventRow = repo.EventValues;

/** The events a newly entered member starts with: admitted, and confirmed when a 转正 date is known. */
export function initialEvents(user: AuthUser, memberId: number, organizationId: number, joinedAt: string, confirmedAt: string | null): EventRow[] {
  const base = { tenantId: user.tenantId, memberId, recordedBy: user.id, toOrganizationId: organizationId };
  const events: EventRow[] = [{ ...base, kind: 'admitted', occurredOn: joinedAt }];
  if (confirmedAt) events.push({ ...base, kind: 'confirmed', occurredOn: confirmedAt });
  return events;
}

export async function eventsOf(db: DbOrTx, memberId: number) {
  const rows = await repo.eventDatesOf(db, memberId);
  return rows.map((r) => ({ kind: r.kind as MembershipEventKind, occurredOn: r.occurredOn, probationEndsOn: r.probationEndsOn }));
}

/** Rewrite the cached standing/status columns from the events, in the transaction that added one. */
export async function refreshMembershipCache(db: DbOrTx, memberId: number, today: string) {
  const d = deriveMembership(await eventsOf(db, memberId), today);
  await repo.updateMember(db, memberId, {
    standing: d.standing, membershipStatus: d.status, isMobile: d.isMobile, probationEndsOn: d.probationEndsOn,
    confirmedAt: d.confirmedOn, onRoster: d.inBranch,
  });
}

