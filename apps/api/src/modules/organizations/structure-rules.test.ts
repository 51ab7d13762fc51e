import { describe, expect, it } from 'vitest';
import { structureWarnings } from './structure-rules.js';

const branch = { kind: 'branch' as const, isJoint: false };
const codes = (org: Parameters<typeof structureWarnings>[0], full: number, probationary = 0) =>
  structureWarnings(org, { full, probationary, total: full + probationary }).map((w) => w.code);

describe('structure rules of the 支部工作条例', () => {
  it('第四条: 3 full members complete a branch, 2 do not (probationary members do not count)', () => {
    expect(codes(branch, 2, 5)).toEqual(['BRANCH_INCOMPLETE']);
    expect(codes(branch, 3)).toEqual([]);
  });
  it('第五条: a joint branch (联合党支部) may have fewer than 3 full members', () => {
    expect(codes({ kind: 'branch', isJoint: true }, 2)).toEqual([]);
  });
  it('第六章: 6 full members need no committee, 7 do, until two committee posts besides the secretary are filled', () => {
    expect(codes(branch, 6)).toEqual([]);
    expect(codes(branch, 7)).toEqual(['COMMITTEE_REQUIRED']);
    expect(structureWarnings(branch, { full: 7, probationary: 0, total: 7, committee: 1 }).map((w) => w.code)).toEqual(['COMMITTEE_REQUIRED']);
    expect(structureWarnings(branch, { full: 7, probationary: 0, total: 7, committee: 2 })).toEqual([]);
  });
  it('第四条: 50 members is within the limit, 51 is warned', () => {
    expect(codes(branch, 50)).not.toContain('BRANCH_OVER_50');
    expect(codes(branch, 40, 11)).toContain('BRANCH_OVER_50');
  });
  it('applies to branches only and only once members exist', () => {
    expect(codes(branch, 0)).toEqual([]);
    expect(codes({ kind: 'group', isJoint: false }, 1)).toEqual([]);
    expect(codes({ kind: 'committee', isJoint: false }, 60)).toEqual([]);
  });
  it('every warning cites its regulation', () => {
    for (const w of structureWarnings(branch, { full: 60, probationary: 0, total: 60 })) expect(w.rule).toMatch(/支部工作条例/);
  });
});
