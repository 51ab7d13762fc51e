/**
 * A counting semaphore for work that must not run too many at once in one process (parsing uploaded workbooks: each
 * holds its cells in memory). A caller waits up to `waitMs` for a free slot, then gets `false` and answers "busy".
 */
export interface Slots {
  /** A release function once a slot is free, or null when none came free within `waitMs`. */
  acquire(waitMs: number): Promise<(() => void) | null>;
  /** Slots in use, for tests and logs. */
  readonly busy: number;
}

export function createSlots(size: () => number): Slots {
  let busy = 0;
  const waiting: (() => void)[] = [];
  const releaser = () => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = waiting.shift();
      // The slot passes straight to the next waiter, so a newcomer cannot overtake it.
      if (next) next();
      else busy--;
    };
  };
  return {
    get busy() { return busy; },
    acquire(waitMs) {
      if (busy < size()) {
        busy++;
        return Promise.resolve(releaser());
      }
      if (waitMs <= 0) return Promise.resolve(null);
      return new Promise((resolve) => {
        const grant = () => {
          clearTimeout(timer);
          resolve(releaser());
        };
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(grant), 1);
          resolve(null);
        }, waitMs);
        waiting.push(grant);
      });
    },
  };
}
