import { describe, expect, it } from 'vitest';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS } from '@dj/contracts';
import { ABSOLUTE_WARNING_MS, IDLE_WARNING_MS, idleSchedule, idleStateAt, sessionSchedule } from './idle-session';

// Issue 21 point 3 (WCAG 2.2.1): the warning counts from the earliest end the server may apply, which is a minute
// (its touch interval) before the last request + 30 minutes, since it records a request at most once a minute.
describe('idleSchedule', () => {
  it('ends at the last request + idle − touch and warns two minutes before', () => {
    const s = idleSchedule(0);
    expect(s.endAt).toBe(SESSION_IDLE_MS - SESSION_TOUCH_MS);
    expect(s.endAt).toBe(29 * 60_000);
    expect(s.warnAt).toBe(s.endAt - IDLE_WARNING_MS);
    expect(IDLE_WARNING_MS).toBeGreaterThanOrEqual(20_000);
  });

  it('is active, then warning, then ended', () => {
    const s = idleSchedule(1_000);
    expect(idleStateAt(s.warnAt - 1, s)).toBe('active');
    expect(idleStateAt(s.warnAt, s)).toBe('warning');
    expect(idleStateAt(s.endAt - 1, s)).toBe('warning');
    expect(idleStateAt(s.endAt, s)).toBe('ended');
  });
});

describe('sessionSchedule', () => {
  it('is the idle end while the 12 hours since sign-in are further, or unknown', () => {
    expect(sessionSchedule(1_000, null)).toEqual(idleSchedule(1_000));
    expect(sessionSchedule(1_000, 0)).toEqual(idleSchedule(1_000));
  });

  it('is the 12-hour end (a touch interval early) once it comes first, warned ten minutes before', () => {
    const lastRequest = SESSION_ABSOLUTE_MS - 5 * 60_000;
    const s = sessionSchedule(lastRequest, 0);
    expect(s).toEqual({ reason: 'absolute', endAt: SESSION_ABSOLUTE_MS - SESSION_TOUCH_MS, warnAt: SESSION_ABSOLUTE_MS - SESSION_TOUCH_MS - ABSOLUTE_WARNING_MS });
  });

  it('ignores a note of an earlier session: a request was answered after its end', () => {
    expect(sessionSchedule(SESSION_ABSOLUTE_MS, 0)).toEqual(idleSchedule(SESSION_ABSOLUTE_MS));
  });
});
