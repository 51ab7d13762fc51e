/**
 * The 培训 step linked to a 发展对象培训 session (issue 19 point 1): when the step names a session, the days and hours
 * it is checked against are the session's and the person's attendance there, read through the education module.
 */
import type { RecordStepSchema } from '@dj/contracts';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import type { AuthUser } from '../../lib/access/index.js';
import { invalid } from '../../lib/errors.js';
import { candidateTrainingOf } from '../education/index.js';

type StepInput = z.infer<typeof RecordStepSchema>;

export async function withSessionTraining(db: DbOrTx, user: AuthUser, personId: number, input: StepInput): Promise<StepInput> {
  const sessionId = input.details.trainingSessionId;
  if (input.stepCode !== 'training' || !sessionId) return input;
  const found = await candidateTrainingOf(db, user.scope, sessionId, personId);
  if ('refused' in found) throw invalid('details.trainingSessionId', found.refused);
  return { ...input, details: { ...input.details, trainingDays: found.days, trainingHours: found.hours } };
}
