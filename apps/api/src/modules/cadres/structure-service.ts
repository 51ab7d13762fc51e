/**
 * 班子结构 (issue 15 point 3): the figures of a village's 村"两委" and of the town as the 换届 review reads them, against
 * the town's own targets (settings cadres.target*).
 */
import { todayInShanghai, type StructureTargets, type StructureView, type TownStructure } from '@dj/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { requirePermission, type AuthUser } from '../../lib/access/index.js';
import { settingDefinition, settingValues } from '../settings/index.js';
import { structureRows } from './structure-repository.js';
import { townChecks, toFigures, villageChecks } from './rules/structure.js';

const TARGET_KEYS = ['cadres.targetAvgAgeMax', 'cadres.targetCollegeSharePct', 'cadres.targetWomenMin', 'cadres.targetOneShoulderPct'] as const;

export async function structureTargets(db: DbOrTx, tenantId: number): Promise<StructureTargets> {
  const v = await settingValues(db, tenantId, TARGET_KEYS);
  return {
    avgAgeMax: v['cadres.targetAvgAgeMax'], collegeSharePct: v['cadres.targetCollegeSharePct'],
    womenMin: v['cadres.targetWomenMin'], combinedSharePct: v['cadres.targetOneShoulderPct'],
    source: TARGET_KEYS.map((k) => `${settingDefinition(k)!.label}:${settingDefinition(k)!.source}`).join(';'),
  };
}

/** One village's structure (its 干部 page); the caller has already been checked for the village. */
export async function villageStructure(db: DbOrTx, user: AuthUser, organizationId: number): Promise<StructureView> {
  const asOf = todayInShanghai();
  const targets = await structureTargets(db, user.tenantId);
  const [row] = (await structureRows(db, user.scope, asOf, targets.womenMin, organizationId)).filter((r) => r.organizationId === organizationId);
  const figures = toFigures(row);
  return { asOf, targets, figures, checks: villageChecks(figures, targets) };
}

/** The town's structure: its own figures and each village's, in the organisation order (never ranked). */
export async function getTownStructure(db: Db, user: AuthUser): Promise<TownStructure> {
  requirePermission(user, 'cadres.board');
  const asOf = todayInShanghai();
  const targets = await structureTargets(db, user.tenantId);
  const rows = await structureRows(db, user.scope, asOf, targets.womenMin);
  const town = rows.find((r) => r.organizationId == null)!;
  const figures = toFigures(town);
  return {
    asOf, targets, figures, checks: townChecks(figures, targets, town.womenShortVillages),
    villages: rows.filter((r) => r.organizationId != null).map((r) => {
      const f = toFigures(r);
      return { organizationId: r.organizationId!, name: r.name!, figures: f, checks: villageChecks(f, targets) };
    }),
  };
}
