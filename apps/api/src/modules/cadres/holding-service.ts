/**
 * What the town records of a cadre in post beyond the post itself: 学历 and 本土人才 (the team structure, issue 15
 * point 3) and 聘用制 with 事业编待遇 and the yearly reviews (point 5). Every write is audited and answers with the
 * village's page.
 */
import {
  CadreEmploymentInputSchema, CadreProfileInputSchema, EMPLOYABLE_POSTS, EmploymentReviewInputSchema, VILLAGE_CADRE_POST_LABELS,
  type CadreEmploymentInput, type CadreProfileInput, type EmploymentReviewInput, type VillageCadres,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, loadWritableBranch, type Caller } from '../../lib/access/index.js';
import { invalid, notFound } from '../../lib/errors.js';
import * as employment from './employment-repository.js';
import * as repo from './repository.js';
import { view, villageOnly } from './service.js';

async function writableVillage(tx: DbOrTx, caller: Caller, orgId: number) {
  return villageOnly(await loadWritableBranch(tx, caller.user, orgId, 'cadres.manage'));
}

/** A holding of this village still in post, or 404 (a holding of another village is not named here). */
async function holdingInPost(tx: DbOrTx, organizationId: number, id: number) {
  const holding = await repo.findHolding(tx, organizationId, id);
  if (!holding || holding.endedOn) throw notFound('在任的任职记录');
  return holding;
}

export async function updateProfile(db: Db, caller: Caller, orgId: number, personId: number, body: CadreProfileInput): Promise<VillageCadres> {
  const input = CadreProfileInputSchema.parse(body);
  return db.transaction(async (tx) => {
    const branch = await writableVillage(tx, caller, orgId);
    if (!(await repo.currentHoldings(tx, branch.id)).some((h) => h.personId === personId)) throw notFound('本村在任的村干部');
    await repo.updateProfile(tx, branch.id, personId, input.education, input.localTalent);
    await audit(tx, caller, { action: 'cadres.profile', objectType: 'person', objectId: personId, detail: { organizationId: branch.id, education: input.education, localTalent: input.localTalent } });
    return view(tx, caller.user, branch);
  });
}

/** Puts a secretary's, director's or 计生专职's holding under the employment rule (or corrects what was recorded). */
export async function setEmployment(db: Db, caller: Caller, orgId: number, cadrePostId: number, body: CadreEmploymentInput): Promise<VillageCadres> {
  const input = CadreEmploymentInputSchema.parse(body);
  return db.transaction(async (tx) => {
    const branch = await writableVillage(tx, caller, orgId);
    const holding = await holdingInPost(tx, branch.id, cadrePostId);
    if (!EMPLOYABLE_POSTS.includes(holding.post)) {
      throw invalid('cadrePostId', `聘用制只适用于${EMPLOYABLE_POSTS.map((p) => VILLAGE_CADRE_POST_LABELS[p]).join('、')},不适用于${VILLAGE_CADRE_POST_LABELS[holding.post]}`);
    }
    if (input.since < holding.startedOn) throw invalid('since', `聘用日期不能早于任职日期(${holding.startedOn})`);
    const id = await employment.upsertEmployment(tx, {
      tenantId: caller.user.tenantId, organizationId: branch.id, cadrePostId, since: input.since, ruleText: input.ruleText,
      careerTreatment: input.careerTreatment, createdBy: caller.user.id,
    });
    await audit(tx, caller, { action: 'cadres.employment', objectType: 'cadre_employment', objectId: id, detail: { cadrePostId, since: input.since, careerTreatment: input.careerTreatment } });
    return view(tx, caller.user, branch);
  });
}

/** A yearly review of a holding under the employment rule: one outcome per year, not before the year it began. */
export async function addReview(db: Db, caller: Caller, orgId: number, cadrePostId: number, body: EmploymentReviewInput): Promise<VillageCadres> {
  const input = EmploymentReviewInputSchema.parse(body);
  return db.transaction(async (tx) => {
    const branch = await writableVillage(tx, caller, orgId);
    await holdingInPost(tx, branch.id, cadrePostId);
    const found = await employment.findEmployment(tx, cadrePostId);
    if (!found) throw invalid('cadrePostId', '此任职尚未登记聘用制,请先登记');
    if (input.year < Number(found.since.slice(0, 4))) throw invalid('year', `考核年度不能早于聘用年份(${found.since.slice(0, 4)})`);
    const id = await employment.insertReview(tx, {
      tenantId: caller.user.tenantId, organizationId: branch.id, employmentId: found.id, year: input.year, result: input.result, note: input.note, createdBy: caller.user.id,
    });
    if (!id) throw invalid('year', `${input.year}年度的考核结果已登记`);
    await audit(tx, caller, { action: 'cadres.employment.review', objectType: 'cadre_employment', objectId: found.id, detail: { year: input.year, result: input.result } });
    return view(tx, caller.user, branch);
  });
}
