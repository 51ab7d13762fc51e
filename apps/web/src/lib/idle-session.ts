import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS, type SignInEndedReason } from '@dj/contracts';

/**
 * The session's idle end as the browser can know it (issue 21 point 3, WCAG 2.2.1 "enough time"): the server ends a
 * session SESSION_IDLE_MS after the last request it recorded, and records one at most once a SESSION_TOUCH_MS, so the
 * earliest end it may apply is the last request this browser made + idle − touch. The warning comes before that.
 */

/** How long before the idle end the warning opens: time to read it and answer, well over WCAG's 20 seconds. */
export const IDLE_WARNING_MS = 2 * 60_000;

/**
 * How long before the session's 12-hour end the warning opens: that end cannot be put off (a security rule, not the
 * user's pace), so the warning gives time to finish and save what is being filled in.
 */
export const ABSOLUTE_WARNING_MS = 10 * 60_000;

/** Shared with the other tabs of the same browser: a request from any of them keeps the one session alive. */
const STORAGE_KEY = 'dj.lastServerContact';
/** When this browser's session began (the sign-in page and the second step write it), for the 12-hour end. */
const SIGNED_IN_KEY = 'dj.signedInAt';

/**
 * A session opened now. The browser's own clock, as for every end it computes: the server's clock may differ, the
 * time between two readings of the same clock does not.
 */
export function noteSignedIn(at = Date.now()): void {
  try {
    localStorage.setItem(SIGNED_IN_KEY, String(at));
  } catch {
    // No store: no warning before the 12-hour end, the idle one still works.
  }
}

/** When this browser's session began, or null when no sign-in page of this version recorded it. */
export function signedInAt(): number | null {
  try {
    return Number(localStorage.getItem(SIGNED_IN_KEY)) || null;
  } catch {
    return null;
  }
}

let lastContact = Date.now();
const listeners = new Set<() => void>();

/** Called by the API client for every answer the server gave to a signed-in request. */
export function noteServerContact(at = Date.now()): void {
  lastContact = Math.max(lastContact, at);
  try {
    localStorage.setItem(STORAGE_KEY, String(lastContact));
  } catch {
    // Private browsing or a full store: this tab's own clock still counts.
  }
  for (const listener of listeners) listener();
}

/** The latest request this browser made, from this tab or another. */
export function lastServerContact(): number {
  let shared = 0;
  try {
    shared = Number(localStorage.getItem(STORAGE_KEY)) || 0;
  } catch {
    shared = 0;
  }
  return Math.max(lastContact, shared);
}

/** Tells `listener` of every request; returns the unsubscribe. */
export function onServerContact(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface IdleSchedule {
  /** When the warning opens. */
  warnAt: number;
  /** The earliest moment the server may end the session. */
  endAt: number;
  /** Which end comes first: idle (继续使用 puts it off) or the 12 hours since sign-in (nothing puts it off). */
  reason: SignInEndedReason;
}

export function idleSchedule(lastContactAt: number, idleMs = SESSION_IDLE_MS, touchMs = SESSION_TOUCH_MS, warnMs = IDLE_WARNING_MS): IdleSchedule {
  const endAt = lastContactAt + idleMs - touchMs;
  return { warnAt: endAt - warnMs, endAt, reason: 'idle' };
}

/**
 * The nearer of the idle end and the 12-hour end (SESSION_ABSOLUTE_MS after sign-in, a touch interval early: the
 * browser notes its sign-in a moment after the server does), each with its own warning time.
 */
export function sessionSchedule(lastContactAt: number, signedIn: number | null): IdleSchedule {
  const idle = idleSchedule(lastContactAt);
  if (signedIn === null) return idle;
  const endAt = signedIn + SESSION_ABSOLUTE_MS - SESSION_TOUCH_MS;
  // A signed-in request answered after that end proves the note is an earlier session's (signed in where nothing noted
  // it): the server would have refused it. Never end a session the server still keeps.
  if (endAt <= lastContactAt) return idle;
  return endAt < idle.endAt ? { warnAt: endAt - ABSOLUTE_WARNING_MS, endAt, reason: 'absolute' } : idle;
}

export type IdleState = 'active' | 'warning' | 'ended';

export function idleStateAt(now: number, schedule: IdleSchedule): IdleState {
  if (now >= schedule.endAt) return 'ended';
  return now >= schedule.warnAt ? 'warning' : 'active';
}

/** The idle length in whole minutes, for the words of the warning and the notice after it. */
export const IDLE_MINUTES = Math.round(SESSION_IDLE_MS / 60_000);
/** The longest session in whole hours, likewise. */
export const SESSION_HOURS = Math.round(SESSION_ABSOLUTE_MS / 3600_000);
