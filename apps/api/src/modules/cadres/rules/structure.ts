import type { StructureFigures, StructureTargets, TargetCheck, TargetChecks } from '@dj/contracts';

/** The counts of one row as the contract's figures (the database computed them; nothing is counted here). */
export function toFigures(row: Omit<StructureFigures, 'ageBands'> & { upTo35: number; from36To45: number; from46To55: number; over55: number }): StructureFigures {
  const { upTo35, from36To45, from46To55, over55, ...rest } = row;
  return {
    cadres: rest.cadres, avgAge: rest.avgAge, ageBands: { upTo35, from36To45, from46To55, over55 },
    college: rest.college, educationUnknown: rest.educationUnknown, collegeSharePct: rest.collegeSharePct, women: rest.women,
    villagesWithSecretary: rest.villagesWithSecretary, combined: rest.combined, combinedSharePct: rest.combinedSharePct,
    committeeMembers: rest.committeeMembers, committeePartyMembers: rest.committeePartyMembers, committeePartySharePct: rest.committeePartySharePct,
    localTalent: rest.localTalent, localTalentSharePct: rest.localTalentSharePct,
  };
}

const atMost = (value: number | null, max: number): TargetCheck => (value == null ? 'none' : value <= max ? 'met' : 'short');
const atLeast = (value: number | null, min: number): TargetCheck => (value == null ? 'none' : value >= min ? 'met' : 'short');

/**
 * A village's figures against the town's targets: 一肩挑 is the village's own yes or no (the target is the town's share),
 * the women's minimum is per village. Nothing to measure (no cadres, no secretary) reads 'none', never 'short'.
 */
export function villageChecks(f: StructureFigures, t: StructureTargets): TargetChecks {
  return {
    avgAge: atMost(f.avgAge, t.avgAgeMax),
    collegeShare: atLeast(f.collegeSharePct, t.collegeSharePct),
    women: f.cadres === 0 ? 'none' : atLeast(f.women, t.womenMin),
    combined: f.villagesWithSecretary === 0 ? 'none' : f.combined > 0 ? 'met' : 'short',
  };
}

/** The town's figures against the targets: the women's minimum is met when no village with cadres falls below it. */
export function townChecks(f: StructureFigures, t: StructureTargets, womenShortVillages: number): TargetChecks {
  return {
    avgAge: atMost(f.avgAge, t.avgAgeMax),
    collegeShare: atLeast(f.collegeSharePct, t.collegeSharePct),
    women: f.cadres === 0 ? 'none' : womenShortVillages === 0 ? 'met' : 'short',
    combined: atLeast(f.combinedSharePct, t.combinedSharePct),
  };
}
