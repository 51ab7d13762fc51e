/** 坐班值班 as pure rules: the month summary and what may still be done to a shift. Presence is what the village enters, nothing measured. */
import type { DutyPresence, DutySummary } from '@dj/contracts';

export interface ShiftFact { onDate: string; presence: DutyPresence | null }

/** Counts of a set of shifts; "unrecorded" are shifts on or before today with no presence entered yet. */
export function summarizeShifts(shifts: readonly ShiftFact[], today: string): DutySummary {
  const s: DutySummary = { scheduled: shifts.length, present: 0, absent: 0, excused: 0, unrecorded: 0 };
  for (const shift of shifts) {
    if (shift.presence) s[shift.presence]++;
    else if (shift.onDate <= today) s.unrecorded++;
  }
  return s;
}

/** Presence is recorded after the fact: not for a day that has not come. */
export const canRecordPresence = (s: ShiftFact, today: string) => s.onDate <= today;

/** Only a future shift nobody has recorded anything on may be removed; the past stays as the record. */
export const canDelete = (s: ShiftFact, today: string) => s.onDate > today && s.presence === null;

/** First and last day of a YYYY-MM month. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
