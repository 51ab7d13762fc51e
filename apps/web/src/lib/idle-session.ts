import { SESSION_IDLE_MS, SESSION_TOUCH_MS } from '@dj/contracts';

/**
 * The session's idle end as the browser can know it (issue 21 point 3, WCAG 2.2.1 "enough time"): the server ends a
 * session SESSION_IDLE_MS after the last request it recorded, and records one at most once a SESSION_TOUCH_MS, so the
 * earliest end it may apply is the last request this browser made + idle − touch. The warning comes before that.
 */

/** How long before the idle end the warning opens: time to read it and answer, well over WCAG's 20 seconds. */
export const IDLE_WARNING_MS = 2 * 60_000;

/** Shared with the other tabs of the same browser: a request from any of them keeps the one session alive. */
const STORAGE_KEY = 'dj.lastServerContact';

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
}

export function idleSchedule(lastContactAt: number, idleMs = SESSION_IDLE_MS, touchMs = SESSION_TOUCH_MS, warnMs = IDLE_WARNING_MS): IdleSchedule {
  const endAt = lastContactAt + idleMs - touchMs;
  return { warnAt: endAt - warnMs, endAt };
}

export type IdleState = 'active' | 'warning' | 'ended';

export function idleStateAt(now: number, schedule: IdleSchedule): IdleState {
  if (now >= schedule.endAt) return 'ended';
  return now >= schedule.warnAt ? 'warning' : 'active';
}

/** The idle length in whole minutes, for the words of the warning and the notice after it. */
export const IDLE_MINUTES = Math.round(SESSION_IDLE_MS / 60_000);
