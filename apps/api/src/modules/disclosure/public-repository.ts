/**
 * Reads for the public pages. Every query here selects published rows only and an allow-list of columns:
 * nothing of a draft, no created_by, no personal data columns.
 */
import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  disclosureFiles, disclosures, microPowerAdoptions, microPowerItems, microPowerUses, organizations, recruitmentPublicNotices, recruitments, tenants, villages,
} from '../../db/schema/index.js';
import { anyOf, runNamed } from '../../db/prepared.js';

/**
 * The 行政村 by its official division code. Codes are unique nationally; should a demo town repeat a real
 * village's code, the real (non-demo) deployment wins.
 */
export async function villageByCode(db: DbOrTx, code: string) {
  const [row] = await runNamed(db.select({ id: villages.id, tenantId: villages.tenantId, code: villages.code, name: villages.name })
    .from(villages).innerJoin(tenants, eq(tenants.id, villages.tenantId))
    .where(eq(villages.code, code)).orderBy(asc(tenants.isDemo), asc(villages.id)).limit(1), 'public_village');
  return row;
}

const published = (villageId: number) => and(eq(disclosures.villageId, villageId), eq(disclosures.status, 'published'));
/**
 * A published correction of this one exists: the public list shows only the latest of a chain. The outer row is
 * named in full, since drizzle leaves columns unqualified in single-table queries (and `s` would capture them).
 */
const correctedSql = sql<boolean>`exists (select 1 from disclosures s where s.supersedes_id = "disclosures"."id" and s.status = 'published')`;

const publicColumns = {
  id: disclosures.id, category: disclosures.category, period: disclosures.period, title: disclosures.title, content: disclosures.content,
  table: disclosures.table, publishedAt: disclosures.publishedAt, corrected: correctedSql, personalNumbersFound: disclosures.personalNumbersFound,
};

/** The latest published disclosures of a village, newest first (a year is about two dozen). */
export async function latestPublished(db: DbOrTx, villageId: number, limit = 200) {
  return runNamed(db.select(publicColumns).from(disclosures)
    .where(and(published(villageId), sql`not ${correctedSql}`))
    .orderBy(desc(disclosures.publishedAt), desc(disclosures.id)).limit(limit), 'public_disclosures');
}

export async function publishedById(db: DbOrTx, villageId: number, id: number) {
  const [row] = await db.select(publicColumns).from(disclosures).where(and(published(villageId), eq(disclosures.id, id))).limit(1);
  return row;
}

export async function attachmentsOf(db: DbOrTx, ids: number[]) {
  if (!ids.length) return [];
  return runNamed(db.select({ id: disclosureFiles.id, name: disclosureFiles.name, disclosureId: disclosureFiles.disclosureId })
    .from(disclosureFiles).where(anyOf(disclosureFiles.disclosureId, ids)).orderBy(asc(disclosureFiles.id)), 'public_attachments');
}

/** A file only when its disclosure is published. */
export async function publishedFile(db: DbOrTx, fileId: number) {
  const [row] = await db.select({ name: disclosureFiles.name, mime: disclosureFiles.mime, data: disclosureFiles.data })
    .from(disclosureFiles).innerJoin(disclosures, eq(disclosures.id, disclosureFiles.disclosureId))
    .where(and(eq(disclosureFiles.id, fileId), eq(disclosures.status, 'published'))).limit(1);
  return row;
}

/** Items of the town's 小微权力清单 that a branch of this village adopted. */
export async function microPowerOf(db: DbOrTx, villageId: number) {
  return db.selectDistinct({
    area: microPowerItems.area, name: microPowerItems.name, legalBasis: microPowerItems.legalBasis, steps: microPowerItems.steps, sortOrder: microPowerItems.sortOrder,
  }).from(microPowerAdoptions)
    .innerJoin(microPowerItems, eq(microPowerItems.id, microPowerAdoptions.itemId))
    .innerJoin(organizations, eq(organizations.id, microPowerAdoptions.organizationId))
    .where(and(eq(organizations.villageId, villageId), eq(organizations.status, 'active'), eq(microPowerItems.active, true)))
    .orderBy(asc(microPowerItems.sortOrder), asc(microPowerItems.area), asc(microPowerItems.name));
}

/** Uses of micro-power items marked publishable, newest first; who did a step stays off the public page. */
export async function microPowerUsesOf(db: DbOrTx, villageId: number) {
  return db.select({ itemName: microPowerItems.name, steps: microPowerItems.steps, subject: microPowerUses.subject, startedOn: microPowerUses.startedOn, done: microPowerUses.steps })
    .from(microPowerUses)
    .innerJoin(microPowerItems, eq(microPowerItems.id, microPowerUses.itemId))
    .innerJoin(organizations, eq(organizations.id, microPowerUses.organizationId))
    .where(and(eq(organizations.villageId, villageId), eq(microPowerUses.publishable, true)))
    .orderBy(desc(microPowerUses.startedOn), desc(microPowerUses.id)).limit(50);
}

/** 发展党员 公示 marked publishable that ended on or after `since` (setting recruitment.noticePublicDays: old notices are no longer news). */
export async function noticesOf(db: DbOrTx, villageId: number, since: string) {
  return db.select({ stage: recruitmentPublicNotices.stage, startsOn: recruitmentPublicNotices.startsOn, endsOn: recruitmentPublicNotices.endsOn, content: recruitmentPublicNotices.content })
    .from(recruitmentPublicNotices)
    .innerJoin(recruitments, eq(recruitments.id, recruitmentPublicNotices.recruitmentId))
    .innerJoin(organizations, eq(organizations.id, recruitments.organizationId))
    .where(and(eq(organizations.villageId, villageId), eq(recruitmentPublicNotices.publishable, true), gte(recruitmentPublicNotices.endsOn, since)))
    .orderBy(desc(recruitmentPublicNotices.startsOn), desc(recruitmentPublicNotices.id)).limit(50);
}
