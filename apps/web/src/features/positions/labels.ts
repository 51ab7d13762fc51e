import { FOUR_TWO_STAGES, type DutyPresence, type FourTwoStage } from '@dj/contracts';

/** Labels of the positions module (阵地建设) that the contract does not carry. */

export const PRESENCE_COLORS: Record<DutyPresence, string> = { present: 'success', absent: 'error', excused: 'warning' };

/** The short names shown in the procedure's Steps; the contract's labels name who holds each stage. */
export const STAGE_SHORT_LABELS: Record<FourTwoStage, string> = {
  proposal: '提议',
  consultation: '商议',
  review: '审议',
  resolution: '决议',
  resolution_disclosure: '决议公开',
  result_disclosure: '实施结果公开',
};
export { FOUR_TWO_STAGES };

/** Stages held as a meeting with a recorded vote (the contract accepts votes for review and resolution). */
export const VOTING_STAGES: readonly FourTwoStage[] = ['review', 'resolution'];

export const FOUR_TWO_STATUS_COLORS = { open: 'processing', rejected: 'error', done: 'success' } as const;

export const USE_STATUS_LABELS = { in_progress: '办理中', done: '已办结' } as const;

/** 12 345 m² style, or a dash. */
export function areaText(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value} ㎡`;
}

/** Town admins and village secretaries keep these records; 包村干部 and 检查员 read them (the server checks again). */
export function canWritePositions(roles: readonly string[]): boolean {
  return roles.includes('town_admin') || roles.includes('branch_secretary');
}
