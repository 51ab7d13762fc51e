import { expect } from 'vitest';

/**
 * What the assessment module's API tests share: loose JSON (the tests read the answers as the web does), a status
 * check that shows the body when it fails, an indicator leaf with evidence, and a subject of a period's answer.
 */
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function ok(res: Promise<{ statusCode: number; body: string; json: () => Json }>, status = 200): Promise<Json> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
}

/** A leaf indicator scored by `scorer`, with the evidence a scheme requires. */
export const leaf = (key: string, name: string, weight: number, scorer: string, over: Json = {}) => ({ key, name, weight, scorer, evidence: '工作台账', ...over });

export const subjectOf = (period: Json, id: number) => period.subjects.find((s: Json) => s.subjectId === id);
