/**
 * A 党课 of 三会一课 as the education module records it as a study session (issue 19 point 1): the activity in the
 * caller's scope (or undefined), whether it is a 党课 (its kind, or a day that counts for one), and who attended. The
 * lecture's hours are counted by the session only, so this module keeps no hours of its own.
 */
import type { DbOrTx } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import { findById, listAttendance } from './repository.js';

export async function lectureForTraining(db: DbOrTx, scope: Scope, activityId: number) {
  const row = await findById(db, scope, activityId);
  if (!row) return undefined;
  const attendance = await listAttendance(db, activityId);
  return {
    id: row.id, organizationId: row.organizationId, organizationPath: row.organizationPath, heldOn: row.heldOn, topic: row.topic,
    place: row.place, lecturer: row.lecturer, isDemo: row.isDemo,
    isLecture: row.kind === 'party_lecture' || row.countsFor.includes('party_lecture'),
    attendance: attendance.map((a) => ({ personId: a.personId, state: a.state })),
  };
}
