import { describe, expect, it } from 'vitest';
import { SESSION_IDLE_MS, SESSION_TOUCH_MS } from '@dj/contracts';
import { IDLE_WARNING_MS, idleSchedule, idleStateAt } from './idle-session';

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
