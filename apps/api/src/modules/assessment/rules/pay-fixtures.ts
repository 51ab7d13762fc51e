import type { PayTable } from '@dj/contracts';

/**
 * A pay table of round figures for tests, so every expected amount can be checked by hand (not the settings'
 * defaults, which pay.test checks separately). Tests change what they are about with a spread.
 */
export const ROUND_PAY_TABLE: PayTable = {
  secretaryBaseFen: 200_000, secretaryMonthlyFen: 120_000, employedBaseFen: 300_000, employedMonthlyFen: 150_000,
  townStaffBaseFen: 0, townStaffMonthlyFen: 80_000,
  ratioPct: { director: 90, deputy: 85, member: 70, staff: 60 }, combinedExtraPct: 0, monthlyMode: 'grade',
  gradePct: { excellent: 120, good: 100, pass: 80, fail: 0 }, gradeMinScore: { excellent: 90, good: 80, pass: 60 },
  rewardCapFen: 100_000, floorPctOfBase: 100,
};
