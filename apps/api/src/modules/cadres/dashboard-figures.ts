/**
 * 村干部 figures for the 驾驶舱 (issue 17): the 两委's structure against the town's 换届 targets, and the villages whose
 * reserves in the pipeline are below reserves.perVillage, over the caller's scope or one village, counted by the
 * database (structureRows, boardRows). Shortfalls are counts against the town's own targets, never a ranking.
 */
import type { StructureFigures, StructureTargets, TargetChecks } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { AuthUser } from '../../lib/access/index.js';
import { boardRows } from './reserve-repository.js';
import { reserveSettings } from './reserve-service.js';
import { townChecks, toFigures, villageChecks } from './rules/structure.js';
import { structureRows } from './structure-repository.js';
import { structureTargets } from './structure-service.js';

export interface CadreFigures {
  figures: StructureFigures; checks: TargetChecks; targets: StructureTargets;
  reserves: { active: number; target: number; villages: number; belowTarget: number; evaluationsDue: number };
}

export async function cadreFigures(db: DbOrTx, user: AuthUser, today: string, village?: { id: number; path: string }): Promise<CadreFigures> {
  const targets = await structureTargets(db, user.tenantId);
  const rows = await structureRows(db, user.scope, today, targets.womenMin, village?.id);
  const total = rows.find((r) => r.organizationId == null) ?? rows[0];
  const figures = toFigures(total);
  const checks = village ? villageChecks(figures, targets) : townChecks(figures, targets, total.womenShortVillages);
  const { target, months } = await reserveSettings(db, user.tenantId);
  const board = await boardRows(db, user.scope, months, today, village?.path);
  const activeOf = (v: (typeof board)[number]) => v.reserve + v.training + v.practice + v.ready;
  return {
    figures, checks, targets,
    reserves: {
      active: board.reduce((n, v) => n + activeOf(v), 0), target, villages: board.length,
      belowTarget: board.filter((v) => activeOf(v) < target).length, evaluationsDue: board.reduce((n, v) => n + v.evaluationsDue, 0),
    },
  };
}
