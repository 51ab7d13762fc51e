import { describe, expect, it } from 'vitest';
import type { StructureFigures, StructureTargets } from '@dj/contracts';
import { townChecks, villageChecks } from './structure.js';

const TARGETS: StructureTargets = { avgAgeMax: 45, collegeSharePct: 30, womenMin: 1, combinedSharePct: 80, source: '本地换届目标' };
const figures = (f: Partial<StructureFigures>): StructureFigures => ({
  cadres: 5, avgAge: 44, ageBands: { upTo35: 1, from36To45: 2, from46To55: 1, over55: 1 }, college: 2, educationUnknown: 0, collegeSharePct: 40, women: 1,
  villagesWithSecretary: 1, combined: 1, combinedSharePct: 100, committeeMembers: 3, committeePartyMembers: 2, committeePartySharePct: 66.7,
  localTalent: 1, localTalentSharePct: 20, ...f,
});

describe('班子结构 against the town\'s targets (issue 15 point 3)', () => {
  it('a village meets a target at its bound and falls short past it', () => {
    expect(villageChecks(figures({ avgAge: 45, collegeSharePct: 30 }), TARGETS)).toEqual({ avgAge: 'met', collegeShare: 'met', women: 'met', combined: 'met' });
    expect(villageChecks(figures({ avgAge: 45.1, collegeSharePct: 29.9, women: 0, combined: 0 }), TARGETS)).toEqual({ avgAge: 'short', collegeShare: 'short', women: 'short', combined: 'short' });
  });

  it('nothing to measure is none, never short: no cadres, no secretary', () => {
    expect(villageChecks(figures({ cadres: 0, avgAge: null, collegeSharePct: null, women: 0, villagesWithSecretary: 0, combined: 0 }), TARGETS))
      .toEqual({ avgAge: 'none', collegeShare: 'none', women: 'none', combined: 'none' });
  });

  it('the town reads the women\'s minimum per village and 一肩挑 as a share of villages', () => {
    const town = figures({ villagesWithSecretary: 10, combined: 8, combinedSharePct: 80, women: 20 });
    expect(townChecks(town, TARGETS, 0)).toMatchObject({ women: 'met', combined: 'met' });
    expect(townChecks({ ...town, combined: 7, combinedSharePct: 70 }, TARGETS, 2)).toMatchObject({ women: 'short', combined: 'short' });
  });
});
