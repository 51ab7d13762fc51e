/**
 * 考核方案 (issue 16 point 1): the town's assessment schemes as data, each a list of versions. The town admin creates
 * schemes and their next versions (assessment.manage); the branch secretaries read the village cadres' schemes, which
 * apply to their villages (assessment.read). A version is never changed: an edit is the next version, in force from a
 * later month, so a period already scored keeps the rules it was scored under.
 */
import {
  CreateAssessmentSchemeSchema, NewAssessmentVersionSchema, currentMonth, measureAudienceProblem, postsProblem,
  type AssessmentAudience, type AssessmentSchemeDetail, type AssessmentSchemeList, type CreateAssessmentScheme, type NewAssessmentVersion,
} from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { audit, can, requirePermission, type AuthUser, type Caller } from '../../lib/access/index.js';
import { invalid, notFound } from '../../lib/errors.js';
import { exampleSchemes } from './examples.js';
import * as repo from './repository.js';

/**
 * Which schemes a reader sees: the town all; a branch secretary only the village cadres' (those are the ones that
 * apply to a village; the town's staff scheme is the 镇机关's own business). Null: no restriction.
 */
const audienceSeen = (user: AuthUser): AssessmentAudience | undefined => (can(user, 'assessment.manage') ? undefined : 'village_cadre');

type VersionRow = Awaited<ReturnType<typeof repo.versionsOf>>[number];

/** The version in force in `month`: the latest starting on or before it (none while the first has not started). */
function inForce(versions: VersionRow[], month: string): VersionRow | undefined {
  return versions.filter((v) => v.effectiveFrom <= month).at(-1);
}

const iso = (d: Date) => d.toISOString();

/**
 * The shipped "3+1" and "3+7" examples, once per town: at tenant creation, in the demo seed, and on the first list of a
 * town made before they existed. Idempotent (a town with any example is left alone; names are unique per town).
 */
export async function ensureExampleSchemes(db: DbOrTx, tenantId: number, effectiveFrom = currentMonth()) {
  if (await repo.hasExamples(db, tenantId)) return;
  for (const example of exampleSchemes(effectiveFrom)) {
    const input = CreateAssessmentSchemeSchema.parse(example);
    const id = await repo.insertScheme(db, { tenantId, name: input.name, audience: input.audience, periodKind: input.periodKind, isExample: true });
    if (id) await repo.insertVersion(db, { tenantId, schemeId: id, version: 1, ...content(input), createdBy: null });
  }
}

const content = (input: { effectiveFrom: string; posts: string[]; indicators: unknown; bands: unknown; note: string | null }) => ({
  effectiveFrom: input.effectiveFrom, posts: input.posts, indicators: input.indicators, bands: input.bands, note: input.note,
}) as Pick<repo.VersionValues, 'effectiveFrom' | 'posts' | 'indicators' | 'bands' | 'note'>;

export async function listSchemes(db: Db, user: AuthUser): Promise<AssessmentSchemeList> {
  requirePermission(user, 'assessment.read');
  await db.transaction((tx) => ensureExampleSchemes(tx, user.tenantId));
  const schemes = await repo.listSchemes(db, user.tenantId, audienceSeen(user));
  const versions = await repo.versionsOf(db, schemes.map((s) => s.id));
  const month = currentMonth();
  const rows = schemes.map((s) => {
    const own = versions.filter((v) => v.schemeId === s.id);
    const current = inForce(own, month) ?? own[0];
    const next = own.find((v) => v.effectiveFrom > month);
    return {
      ...s, createdAt: iso(s.createdAt), updatedAt: iso(s.updatedAt),
      current: { version: current.version, effectiveFrom: current.effectiveFrom, posts: current.posts, indicatorCount: countIndicators(current.indicators), bands: current.bands },
      versionCount: own.length, nextEffectiveFrom: next?.effectiveFrom ?? null,
    };
  });
  return { rows, can: { manage: can(user, 'assessment.manage') } };
}

const countIndicators = (nodes: VersionRow['indicators']): number => nodes.reduce((n, x) => n + 1 + countIndicators(x.children), 0);

async function view(db: DbOrTx, user: AuthUser, id: number): Promise<AssessmentSchemeDetail> {
  const scheme = await repo.findScheme(db, user.tenantId, id, audienceSeen(user));
  if (!scheme) throw notFound('考核方案');
  const versions = await repo.versionsOf(db, [id]);
  return {
    ...scheme, createdAt: iso(scheme.createdAt), updatedAt: iso(scheme.updatedAt),
    versions: versions.map(({ schemeId: _s, createdAt, ...v }) => ({ ...v, createdAt: iso(createdAt) })),
    currentVersion: inForce(versions, currentMonth())?.version ?? null,
    can: { manage: can(user, 'assessment.manage') },
  };
}

export async function getScheme(db: Db, user: AuthUser, id: number): Promise<AssessmentSchemeDetail> {
  // The permission first: the schemes are the town's, so a foreign id and a missing one answer alike either way.
  requirePermission(user, 'assessment.read');
  return view(db, user, id);
}

/** A period already begun is never re-ruled: a new version starts this month at the earliest. */
function notBeforeThisMonth(effectiveFrom: string) {
  const month = currentMonth();
  if (effectiveFrom < month) throw invalid('effectiveFrom', `生效月份不能早于本月(${month})`);
}

export async function createScheme(db: Db, caller: Caller, body: CreateAssessmentScheme): Promise<AssessmentSchemeDetail> {
  requirePermission(caller.user, 'assessment.manage');
  const input = CreateAssessmentSchemeSchema.parse(body);
  notBeforeThisMonth(input.effectiveFrom);
  return db.transaction(async (tx) => {
    const tenantId = caller.user.tenantId;
    const id = await repo.insertScheme(tx, { tenantId, name: input.name, audience: input.audience, periodKind: input.periodKind, isExample: false });
    if (!id) throw invalid('name', `本镇已有名为“${input.name}”的考核方案`);
    const versionId = await repo.insertVersion(tx, { tenantId, schemeId: id, version: 1, ...content(input), createdBy: caller.user.id });
    await audit(tx, caller, {
      action: 'assessment.scheme.create', objectType: 'assessment_scheme', objectId: id,
      detail: { name: input.name, audience: input.audience, periodKind: input.periodKind, versionId, effectiveFrom: input.effectiveFrom },
    });
    return view(tx, caller.user, id);
  });
}

export async function addVersion(db: Db, caller: Caller, id: number, body: NewAssessmentVersion): Promise<AssessmentSchemeDetail> {
  requirePermission(caller.user, 'assessment.manage');
  const input = NewAssessmentVersionSchema.parse(body);
  return db.transaction(async (tx) => {
    const tenantId = caller.user.tenantId;
    const scheme = await repo.findScheme(tx, tenantId, id);
    if (!scheme) throw notFound('考核方案');
    const problem = postsProblem(scheme.audience, input.posts);
    if (problem) throw invalid('posts', problem);
    const measures = measureAudienceProblem(scheme.audience, input.indicators);
    if (measures) throw invalid('indicators', measures);
    notBeforeThisMonth(input.effectiveFrom);
    await repo.lockScheme(tx, id);
    const latest = await repo.latestVersion(tx, id);
    if (latest && input.effectiveFrom <= latest.effectiveFrom) {
      throw invalid('effectiveFrom', `生效月份应晚于第${latest.version}版的生效月份(${latest.effectiveFrom})`);
    }
    const version = (latest?.version ?? 0) + 1;
    const versionId = await repo.insertVersion(tx, { tenantId, schemeId: id, version, ...content(input), createdBy: caller.user.id });
    await repo.touchScheme(tx, id);
    await audit(tx, caller, {
      action: 'assessment.scheme.version', objectType: 'assessment_scheme', objectId: id,
      detail: { version, versionId, effectiveFrom: input.effectiveFrom },
    });
    return view(tx, caller.user, id);
  });
}
