/**
 * 民主评议党员: the grades a branch settles, checked by rules/appraisal.ts. Errors (a graded 预备党员, a 正式党员
 * left without a grade, someone not on the list) refuse the save; more 优秀 than one third is the one exception the
 * rule's "一般不超过" allows, so it needs an explicit confirmation and stays visible as a warning.
 */
import type { AppraisalBody, ActivityDetail } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { gradesOf, replaceGrades } from './repository.js';
import { forbidden, invalid } from '../../lib/errors.js';
import { expectedFor, getActivity, loadActivity, toActivity, type ActivityRow } from './detail-service.js';
import { EXCELLENT_SOURCE, PROBATIONARY_SOURCE, appraisalSummary, validateAppraisal } from './rules/appraisal.js';
import { assertEditable } from './service.js';
import { can, audit, type Caller } from '../../lib/access/index.js';

export async function appraisalView(db: DbOrTx, row: ActivityRow, expected: Awaited<ReturnType<typeof expectedFor>>): Promise<ActivityDetail['appraisal']> {
  if (!toActivity(row).countedAs.includes('appraisal')) return null;
  const grades = new Map((await gradesOf(db, row.id)).map((g) => [g.memberId, g.grade]));
  const members = expected.map((m) => ({ memberId: m.id, name: m.name, standing: m.standing, grade: grades.get(m.id) ?? null }));
  const entries = members.map((m) => ({ memberId: m.memberId, standing: m.standing as 'full', grade: m.grade }));
  const { graded, excellentLimit } = appraisalSummary(entries);
  const problems = grades.size ? validateAppraisal(entries) : [];
  return {
    members, graded, excellentLimit,
    warnings: problems.filter((p) => p.code === 'TOO_MANY_EXCELLENT').map((p) => p.message),
    sources: [EXCELLENT_SOURCE, PROBATIONARY_SOURCE],
  };
}

export async function setAppraisal(db: Db, { user, ip }: Caller, id: number, body: AppraisalBody) {
  return db.transaction(async (tx) => {
    const row = await loadActivity(tx, user, id);
    if (!can(user, 'activities.record', row.organizationPath)) throw forbidden('只有镇党委管理员和本支部书记可以登记评议结果');
    assertEditable(row);
    if (!toActivity(row).countedAs.includes('appraisal')) throw invalid('grades', '只有民主评议党员(或一并进行评议的组织生活会、党员大会)才能登记评定等次');
    const expected = await expectedFor(tx, row);
    const standing = new Map(expected.map((m) => [m.id, m.standing]));
    // No id in the message: someone outside this branch reads the same as someone who does not exist.
    if (body.grades.some((g) => !standing.has(g.memberId))) throw invalid('grades', '评议名单中有不属于本次评议的党员');
    const problems = validateAppraisal(body.grades.map((g) => ({ memberId: g.memberId, standing: standing.get(g.memberId) as 'full', grade: g.grade })));
    const errors = problems.filter((p) => p.code !== 'TOO_MANY_EXCELLENT');
    const names = new Map(expected.map((m) => [m.id, m.name]));
    if (errors.length) {
      throw invalid('grades', errors.map((p) => (p.memberId ? `${names.get(p.memberId) ?? ''}: ${p.message}` : p.message)).join(';'));
    }
    const missing = expected.filter((m) => m.standing === 'full' && !body.grades.some((g) => g.memberId === m.id));
    if (missing.length) throw invalid('grades', `还有${missing.length}名正式党员未评定等次: ${missing.slice(0, 5).map((m) => m.name).join('、')}${missing.length > 5 ? '等' : ''}`);
    const over = problems.find((p) => p.code === 'TOO_MANY_EXCELLENT');
    if (over && !body.confirmExcellentOverLimit) throw invalid('confirmExcellentOverLimit', `${over.message};如确属经支委会研究的特殊情况,请确认后再保存`);
    const rows = body.grades.filter((g) => g.grade !== null).map((g) => ({ activityId: id, memberId: g.memberId, grade: g.grade!, recordedBy: user.id }));
    await replaceGrades(tx, id, rows);
    const count = (grade: string) => rows.filter((r) => r.grade === grade).length;
    await audit(tx, { user, ip }, { action: 'activity.appraisal', objectType: 'activity', objectId: id, detail: { excellent: count('excellent'), qualified: count('qualified'), basicallyQualified: count('basically_qualified'), unqualified: count('unqualified'), overLimit: !!over } });
    return getActivity(tx, user, id);
  });
}
