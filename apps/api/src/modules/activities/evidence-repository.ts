import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { scopeFilter, type Scope } from '../../db/scope.js';
import { heldRoles, holdsRole } from '../../lib/access/index.js';
import {
  activities, activityChecks, activityFiles, activityReviews, activityVotes, attendanceResponses, checklistTemplates, dengtaUploads,
  members, organizations, persons, roleGrants, supervisorAssignments, users,
} from '../../db/schema/index.js';

/** File metadata without the bytes: lists never pull photos out of the database. */
const fileColumns = {
  id: activityFiles.id, activityId: activityFiles.activityId, category: activityFiles.category, filename: activityFiles.filename,
  mime: activityFiles.mime, size: activityFiles.size, width: activityFiles.width, height: activityFiles.height,
  capturedAt: activityFiles.capturedAt, hadLocation: activityFiles.hadLocation, phash: activityFiles.phash,
  uploadedBy: users.displayName, createdAt: activityFiles.createdAt,
};

export async function listFiles(db: DbOrTx, activityIds: number[]) {
  if (!activityIds.length) return [];
  return db.select(fileColumns).from(activityFiles).innerJoin(users, eq(users.id, activityFiles.uploadedBy))
    .where(inArray(activityFiles.activityId, activityIds)).orderBy(asc(activityFiles.id));
}

export async function fileData(db: DbOrTx, activityId: number, fileId: number) {
  const [row] = await db.select({ ...fileColumns, data: activityFiles.data, thumbnail: activityFiles.thumbnail }).from(activityFiles)
    .innerJoin(users, eq(users.id, activityFiles.uploadedBy))
    .where(and(eq(activityFiles.id, fileId), eq(activityFiles.activityId, activityId))).limit(1);
  return row;
}

export async function photoData(db: DbOrTx, activityIds: number[]) {
  if (!activityIds.length) return [];
  return db.select({ activityId: activityFiles.activityId, data: activityFiles.data, capturedAt: activityFiles.capturedAt, filename: activityFiles.filename })
    .from(activityFiles).where(and(inArray(activityFiles.activityId, activityIds), eq(activityFiles.category, 'photo'))).orderBy(asc(activityFiles.id));
}

export async function insertFile(db: DbOrTx, values: typeof activityFiles.$inferInsert) {
  const [row] = await db.insert(activityFiles).values(values).returning({ id: activityFiles.id });
  return row.id;
}

export async function deleteFile(db: DbOrTx, activityId: number, fileId: number) {
  const rows = await db.delete(activityFiles).where(and(eq(activityFiles.id, fileId), eq(activityFiles.activityId, activityId))).returning({ id: activityFiles.id });
  return rows.length > 0;
}

/**
 * Photos of the town's other activities with a hash, for the reuse check (compared in memory: a town has thousands,
 * not millions). Each says whether its record lies inside the scope, so another village's record is never named.
 */
export async function otherPhotoHashes(db: DbOrTx, scope: Scope, exceptActivityId: number) {
  return db.select({
    activityId: activityFiles.activityId, phash: activityFiles.phash, organizationName: organizations.name,
    heldOn: activities.heldOn, topic: activities.topic, visible: sql<boolean>`${scopeFilter(organizations, scope)}`,
  }).from(activityFiles)
    .innerJoin(activities, eq(activities.id, activityFiles.activityId))
    .innerJoin(organizations, eq(organizations.id, activities.organizationId))
    .where(and(eq(activityFiles.tenantId, scope.tenantId), eq(activityFiles.category, 'photo'), ne(activityFiles.activityId, exceptActivityId), sql`${activityFiles.phash} is not null`));
}

export async function listChecks(db: DbOrTx, activityId: number) {
  return db.select({ templateId: activityChecks.templateId, itemKey: activityChecks.itemKey, note: activityChecks.note, by: users.displayName })
    .from(activityChecks).innerJoin(users, eq(users.id, activityChecks.checkedBy)).where(eq(activityChecks.activityId, activityId));
}

export async function setCheck(db: DbOrTx, activityId: number, templateId: number, itemKey: string, done: boolean, note: string | null, userId: number) {
  await db.delete(activityChecks).where(and(eq(activityChecks.activityId, activityId), eq(activityChecks.templateId, templateId), eq(activityChecks.itemKey, itemKey)));
  if (done) await db.insert(activityChecks).values({ activityId, templateId, itemKey, note, checkedBy: userId });
}

export async function listTemplates(db: DbOrTx, tenantId: number) {
  return db.select().from(checklistTemplates).where(eq(checklistTemplates.tenantId, tenantId)).orderBy(asc(checklistTemplates.id));
}

export type TemplateRow = typeof checklistTemplates.$inferSelect;

export async function insertTemplates(db: DbOrTx, values: (typeof checklistTemplates.$inferInsert)[]) {
  return db.insert(checklistTemplates).values(values).returning();
}

/** Updates a template of the tenant; undefined when the tenant has no such template. */
export async function updateTemplate(db: DbOrTx, tenantId: number, id: number, values: Partial<typeof checklistTemplates.$inferInsert>) {
  const [saved] = await db.update(checklistTemplates).set(values)
    .where(and(eq(checklistTemplates.id, id), eq(checklistTemplates.tenantId, tenantId))).returning();
  return saved;
}

export async function listReviews(db: DbOrTx, activityId: number) {
  return db.select({ id: activityReviews.id, action: activityReviews.action, text: activityReviews.text, userName: users.displayName, createdAt: activityReviews.createdAt })
    .from(activityReviews).innerJoin(users, eq(users.id, activityReviews.userId))
    .where(eq(activityReviews.activityId, activityId)).orderBy(asc(activityReviews.id));
}

export async function insertReview(db: DbOrTx, values: typeof activityReviews.$inferInsert) {
  await db.insert(activityReviews).values(values);
}

export async function listResponses(db: DbOrTx, activityId: number) {
  return db.select({
    memberId: attendanceResponses.memberId, personId: members.personId, name: persons.name, response: attendanceResponses.response,
    reason: attendanceResponses.reason, respondedAt: attendanceResponses.respondedAt,
  }).from(attendanceResponses)
    .innerJoin(members, eq(members.id, attendanceResponses.memberId)).innerJoin(persons, eq(persons.id, members.personId))
    .where(eq(attendanceResponses.activityId, activityId)).orderBy(asc(persons.name));
}

/** One member's own answers to these activities. */
export async function memberResponses(db: DbOrTx, activityIds: number[], memberId: number) {
  if (!activityIds.length) return [];
  return db.select().from(attendanceResponses).where(and(inArray(attendanceResponses.activityId, activityIds), eq(attendanceResponses.memberId, memberId)));
}

export async function upsertResponse(db: DbOrTx, values: typeof attendanceResponses.$inferInsert) {
  await db.insert(attendanceResponses).values(values).onConflictDoUpdate({
    target: [attendanceResponses.activityId, attendanceResponses.memberId],
    set: { response: values.response, reason: values.reason, respondedAt: new Date() },
  });
}

export async function listVotes(db: DbOrTx, activityId: number) {
  return db.select().from(activityVotes).where(eq(activityVotes.activityId, activityId)).orderBy(asc(activityVotes.id));
}

export async function insertVote(db: DbOrTx, values: typeof activityVotes.$inferInsert) {
  await db.insert(activityVotes).values(values);
}

export async function findUpload(db: DbOrTx, activityId: number) {
  const [row] = await db.select().from(dengtaUploads).where(eq(dengtaUploads.activityId, activityId)).limit(1);
  return row;
}

export async function upsertUpload(db: DbOrTx, values: typeof dengtaUploads.$inferInsert) {
  await db.insert(dengtaUploads).values(values).onConflictDoUpdate({
    target: dengtaUploads.activityId,
    set: { uploadedOn: values.uploadedOn, uploadedBy: values.uploadedBy, reference: values.reference, recordedBy: values.recordedBy, recordedAt: new Date() },
  });
}

export async function userName(db: DbOrTx, tenantId: number, userId: number) {
  const [row] = await db.select({ id: users.id, name: users.displayName, roles: heldRoles, disabled: users.disabled }).from(users)
    .where(and(eq(users.id, userId), eq(users.tenantId, tenantId))).limit(1);
  return row;
}

/** Users of the town who can guide branches (镇领导/包村干部 hold the supervisor role). */
export async function supervisorsOfTenant(db: DbOrTx, tenantId: number) {
  return db.select({ userId: users.id, name: users.displayName }).from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.disabled, false), holdsRole('supervisor'))).orderBy(asc(users.id));
}

export async function assignmentsFor(db: DbOrTx, organizationIds: number[]) {
  if (!organizationIds.length) return [];
  return db.select({ userId: supervisorAssignments.userId, organizationId: supervisorAssignments.organizationId })
    .from(supervisorAssignments).where(inArray(supervisorAssignments.organizationId, organizationIds));
}

export async function replaceAssignments(db: DbOrTx, tenantId: number, organizationId: number, userIds: number[], assignedBy: number) {
  await db.delete(supervisorAssignments).where(eq(supervisorAssignments.organizationId, organizationId));
  if (userIds.length) await db.insert(supervisorAssignments).values(userIds.map((userId) => ({ userId, organizationId, tenantId, assignedBy })));
}

/** The supervisor's queue: plans ahead and records submitted, in the branches assigned to them. */
export async function queueFor(db: DbOrTx, scope: Scope, userId: number, today: string) {
  const base = {
    id: activities.id, organizationName: organizations.name, path: organizations.path, kind: activities.kind, heldOn: activities.heldOn, topic: activities.topic,
    reviewStatus: activities.reviewStatus, updatedAt: activities.updatedAt,
    // The latest 提交 (a record returned and submitted again counts from the new submission).
    submittedAtMs: sql<number | null>`(select (extract(epoch from max(r.created_at)) * 1000)::float8 from ${activityReviews} r where r.activity_id = ${activities.id} and r.action = 'submit')`,
    comments: sql<number>`(select count(*)::int from ${activityReviews} r where r.activity_id = ${activities.id} and r.action = 'comment')`,
  };
  return db.select(base).from(activities)
    .innerJoin(organizations, eq(organizations.id, activities.organizationId))
    .where(and(scopeFilter(organizations, scope), eq(activities.supervisorUserId, userId), sql`(${activities.heldOn} > ${today} or ${activities.reviewStatus} = 'submitted')`))
    .orderBy(desc(activities.heldOn));
}

/** Does one of the user's supervisor grants cover this organisation path? Asked before naming someone supervisor of a branch. */
export async function userCoversPath(db: DbOrTx, userId: number, path: string) {
  const { rows } = await db.execute(sql`select 1 from role_grants g join organizations o on o.id = g.organization_id
    where g.user_id = ${userId} and g.role = 'supervisor' and ${path} like o.path || '%' limit 1`);
  return rows.length > 0;
}

/** Assigning a branch to a supervisor grants them the supervisor role there (so they see it). */
export async function addSupervisorGrant(db: DbOrTx, userId: number, organizationId: number) {
  await db.insert(roleGrants).values({ userId, role: 'supervisor', organizationId }).onConflictDoNothing();
}

/** Batch loads for a ledger: one query per kind of evidence for all of a branch's activities in the period. */
export async function checksFor(db: DbOrTx, activityIds: number[]) {
  if (!activityIds.length) return [];
  return db.select({ activityId: activityChecks.activityId, templateId: activityChecks.templateId, itemKey: activityChecks.itemKey, note: activityChecks.note, by: users.displayName })
    .from(activityChecks).innerJoin(users, eq(users.id, activityChecks.checkedBy)).where(inArray(activityChecks.activityId, activityIds));
}
export async function votesFor(db: DbOrTx, activityIds: number[]) {
  if (!activityIds.length) return [];
  return db.select().from(activityVotes).where(inArray(activityVotes.activityId, activityIds)).orderBy(asc(activityVotes.id));
}
export async function uploadsFor(db: DbOrTx, activityIds: number[]) {
  if (!activityIds.length) return [];
  return db.select().from(dengtaUploads).where(inArray(dengtaUploads.activityId, activityIds));
}
