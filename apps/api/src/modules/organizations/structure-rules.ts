import type { OrganizationKind, StructureWarning } from '@dj/contracts';

const REGULATION = '《中国共产党支部工作条例(试行)》';

/** Thresholds of the 支部工作条例; central rules, so constants rather than settings. */
export const MIN_FULL_MEMBERS_FOR_BRANCH = 3; // 第四条
export const FULL_MEMBERS_REQUIRING_COMMITTEE = 7; // 第六章 党支部委员会
export const MAX_BRANCH_MEMBERS = 50; // 第四条 ("一般不超过50人")

export interface MemberCounts {
  full: number; probationary: number; total: number;
  /** Members holding a committee post other than secretary (副书记、组织委员、宣传委员、纪检委员). */
  committee?: number;
}
/** A 支委会 has 3–5 members: the secretary and at least two more. */
const MIN_OTHER_COMMITTEE_MEMBERS = 2;

/**
 * Structure rules for a party branch, reported as warnings (never blocking) and only once the
 * branch has members: an empty branch is simply not filled in yet.
 */
export function structureWarnings(org: { kind: OrganizationKind; isJoint: boolean }, counts: MemberCounts): StructureWarning[] {
  if (org.kind !== 'branch' || counts.total === 0) return [];
  const warnings: StructureWarning[] = [];
  if (counts.full < MIN_FULL_MEMBERS_FOR_BRANCH && !org.isJoint) {
    warnings.push({
      code: 'BRANCH_INCOMPLETE', level: 'warning',
      message: `正式党员${counts.full}人,不足${MIN_FULL_MEMBERS_FOR_BRANCH}人,不能单独成立党支部;应与邻近单位成立联合党支部`,
      rule: `${REGULATION}第四条、第五条`,
    });
  }
  if (counts.full >= FULL_MEMBERS_REQUIRING_COMMITTEE && (counts.committee ?? 0) < MIN_OTHER_COMMITTEE_MEMBERS) {
    warnings.push({
      code: 'COMMITTEE_REQUIRED', level: 'info',
      message: `正式党员${counts.full}人(7人以上),应当设立党支部委员会(3至5人,一般不超过7人);目前登记的支委不足`,
      rule: `${REGULATION}第六章 党支部委员会和党支部书记`,
    });
  }
  if (counts.total > MAX_BRANCH_MEMBERS) {
    warnings.push({
      code: 'BRANCH_OVER_50', level: 'warning',
      message: `党员${counts.total}人,超过${MAX_BRANCH_MEMBERS}人;党支部党员人数一般不超过50人,可考虑分设党支部或成立党总支`,
      rule: `${REGULATION}第四条`,
    });
  }
  return warnings;
}

/** Which kinds may sit directly under which: 党小组 only inside a 党支部, 党支部 under 党委 or 党总支. */
export const ALLOWED_PARENT_KINDS: Record<OrganizationKind, OrganizationKind[]> = {
  committee: ['committee'],
  general_branch: ['committee'],
  branch: ['committee', 'general_branch'],
  group: ['branch'],
};
