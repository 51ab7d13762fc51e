/**
 * 党建示范点 (issue 20 point 5): the town names a branch's site or brand (村 and 非公 branches alike), keeps the criteria,
 * evaluates each year criterion by criterion with evidence and publishes it on the town's public site (after the
 * personal-number scan); the branch's secretary keeps up the practices, the visits hosted and the photos.
 */
import {
  CreateShowcaseSchema, ShowcaseInputSchema, ShowcasePracticesSchema, type CreateShowcase, type Showcase, type ShowcaseInput,
  type ShowcaseList, type ShowcasePractices,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, isSelfOnly, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { notFound } from '../../lib/errors.js';
import { figuresOf } from './figures.js';
import * as repo from './repository.js';

export type ShowcaseRow = NonNullable<Awaited<ReturnType<typeof repo.findShowcase>>>;
type EvaluationRow = Awaited<ReturnType<typeof repo.evaluationsOf>>[number];

const toEvaluation = ({ showcaseId: _s, ...e }: EvaluationRow) => e;

function toSummary(r: ShowcaseRow, last: EvaluationRow | undefined) {
  return {
    id: r.id, organizationId: r.organizationId, organizationName: r.organizationName, isVillage: r.villageId !== null, name: r.name,
    theme: r.theme, status: r.status, sinceYear: r.sinceYear, summary: r.summary, published: r.publishedAt !== null,
    lastEvaluation: last ? { year: last.year, conclusion: last.conclusion } : null,
  };
}

export async function listShowcases(db: Db, user: AuthUser): Promise<ShowcaseList> {
  requirePermission(user, 'showcases.read');
  const rows = await repo.listShowcases(db, user.scope);
  const evaluations = await repo.evaluationsOf(db, rows.map((r) => r.id));
  // evaluationsOf is newest year first: the first of each showcase is its last evaluation.
  const last = new Map<number, EvaluationRow>();
  for (const e of evaluations) if (!last.has(e.showcaseId)) last.set(e.showcaseId, e);
  return { items: rows.map((r) => toSummary(r, last.get(r.id))), canCreate: can(user, 'showcases.manage') };
}

/** A plain 党员 sees no showcase's management page: no query at all (404 for an id), as everywhere. */
export const findShowcase = async (db: DbOrTx, user: AuthUser, id: number, lock = false) =>
  (isSelfOnly(user) ? undefined : repo.findShowcase(db, user.scope, id, lock));

export async function loadShowcase(db: DbOrTx, user: AuthUser, id: number, permission: 'showcases.read' | 'showcases.update' | 'showcases.manage', lock = false) {
  const row = await findShowcase(db, user, id, lock);
  if (!row) throw notFound('示范点');
  requirePermission(user, permission, undefined, row.organizationPath);
  return row;
}

export async function getShowcase(db: DbOrTx, user: AuthUser, id: number): Promise<Showcase> {
  const r = await loadShowcase(db, user, id, 'showcases.read');
  const [evaluations, visits, photos, figures] = await Promise.all([
    repo.evaluationsOf(db, [id]), repo.visitsOf(db, id), repo.photosOf(db, id), figuresOf(db, r),
  ]);
  return {
    ...toSummary(r, evaluations[0]), practices: r.practices, publishedAt: r.publishedAt?.toISOString() ?? null, figures,
    evaluations: evaluations.map(toEvaluation), visits,
    photos: photos.map((p) => ({ ...p, uploadedAt: p.uploadedAt.toISOString() })),
    can: { manage: can(user, 'showcases.manage', r.organizationPath), update: can(user, 'showcases.update', r.organizationPath) },
  };
}

export async function createShowcase(db: Db, caller: Caller, body: CreateShowcase, options: { isDemo?: boolean } = {}): Promise<Showcase> {
  const { organizationId, ...input } = CreateShowcaseSchema.parse(body);
  return db.transaction(async (tx) => {
    const branch = await repo.findBranch(tx, caller.user.scope, organizationId);
    if (!branch || isSelfOnly(caller.user)) throw notFound('党组织');
    requirePermission(caller.user, 'showcases.manage', undefined, branch.path);
    const id = await repo.insertShowcase(tx, {
      ...input, tenantId: caller.user.tenantId, organizationId, isDemo: options.isDemo ?? false, createdBy: caller.user.id, updatedBy: caller.user.id,
    });
    await audit(tx, caller, { action: 'showcase.create', objectType: 'showcase', objectId: id, detail: { organizationId, ...input } });
    return getShowcase(tx, caller.user, id);
  });
}

export async function updateShowcase(db: Db, caller: Caller, id: number, body: ShowcaseInput): Promise<Showcase> {
  const input = ShowcaseInputSchema.parse(body);
  return db.transaction(async (tx) => {
    const old = await loadShowcase(tx, caller.user, id, 'showcases.manage', true);
    // Changed text is published again only after a new scan.
    await repo.updateShowcase(tx, id, { ...input, publishedAt: null, updatedBy: caller.user.id });
    await audit(tx, caller, { action: 'showcase.update', objectType: 'showcase', objectId: id, detail: { from: { name: old.name, theme: old.theme, status: old.status }, to: input } });
    return getShowcase(tx, caller.user, id);
  });
}

/** The secretary's part: the practices written up. A published showcase's text changed goes back to the town to publish. */
export async function updatePractices(db: Db, caller: Caller, id: number, body: ShowcasePractices): Promise<Showcase> {
  const input = ShowcasePracticesSchema.parse(body);
  return db.transaction(async (tx) => {
    await loadShowcase(tx, caller.user, id, 'showcases.update', true);
    await repo.updateShowcase(tx, id, { ...input, publishedAt: null, updatedBy: caller.user.id });
    await audit(tx, caller, { action: 'showcase.practices', objectType: 'showcase', objectId: id, detail: { length: input.practices?.length ?? 0 } });
    return getShowcase(tx, caller.user, id);
  });
}
