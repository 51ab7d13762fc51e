/**
 * The 发展党员 培训 step reads the real session (issue 19 point 1): a 发展对象培训 session the caller sees, at which the
 * person was present. Its calendar days and the hours credited to them are what the step's 三天/二十四学时 rule
 * (《中国共产党发展党员工作细则》第十七条, modules/recruitment/rules/checks.ts) then checks — not figures typed again.
 */
import { trainingDays } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import { attendeesOf, findSession } from './repository.js';

export type CandidateTraining = { days: number; hours: number; title: string } | { refused: string };

export async function candidateTrainingOf(db: DbOrTx, scope: Scope, sessionId: number, personId: number): Promise<CandidateTraining> {
  const session = await findSession(db, scope, sessionId);
  if (!session) return { refused: `培训(编号${sessionId})不存在或无权查看` };
  if (session.kind !== 'candidate_training') return { refused: `“${session.title}”不是发展对象培训` };
  const line = (await attendeesOf(db, sessionId)).find((a) => a.personId === personId);
  if (!line || line.state !== 'present') return { refused: `“${session.title}”的出席名单中没有该发展对象(或登记为缺席)` };
  return { days: trainingDays(session), hours: line.hoursCredited, title: session.title };
}
