// Timing one statement on one connection, shared by the bench's generic-plan check and scripts/profile-endpoint.ts.
import type pg from 'pg';

/** The middle value of a list of timings. */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** `runs` executions of `query` on `client`, each one's wall time in ms, in order. */
export async function timed(client: pg.Client, runs: number, query: pg.QueryConfig): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await client.query(query);
    ms.push(performance.now() - started);
  }
  return ms;
}
