/**
 * A showcase's live figures (issue 20 point 5): read from the records through the modules' public faces, each counted
 * by the database when the page is read, so the showcase never carries a second copy that could drift.
 */
import { todayInShanghai, type ShowcaseFigures } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import { activitiesHeldIn } from '../activities/index.js';
import { latestApprovedIncome } from '../economy/index.js';
import { memberCountIn } from '../members/index.js';

export interface FigureBranch { tenantId: number; organizationId: number; organizationPath: string; villageId: number | null }

export async function figuresOf(db: DbOrTx, b: FigureBranch, today = todayInShanghai()): Promise<ShowcaseFigures> {
  const year = Number(today.slice(0, 4));
  const [activitiesHeld, members, income] = await Promise.all([
    activitiesHeldIn(db, b.tenantId, b.organizationPath, `${year}-01-01`, today),
    memberCountIn(db, b.tenantId, b.organizationPath),
    // Collective income is a village's: a 非公 branch has none to show.
    b.villageId ? latestApprovedIncome(db, b.organizationId) : Promise.resolve(null),
  ]);
  return { year, activitiesHeld, members, income };
}
