/**
 * How a roster names a branch. Towns write the same 党支部 as 中共柳湾村支部委员会, 柳湾村党支部, 柳湾村 or 柳湾; the
 * national system's export adds the town (中共青山镇柳湾村支部委员会). A name is reduced to its core (柳湾) by
 * dropping the 中共/中国共产党 prefix, the organisation suffix (党支部, 支部委员会, 党总支 …) and a trailing 村 or
 * 社区; two names name the same branch when their cores are equal. A core two branches share names neither.
 */

const PREFIX = /^(中国共产党|中共)/;
const SUFFIX = /(党总支部委员会|总支部委员会|党支部委员会|支部委员会|党委员会|党总支部|党总支|总支部|党支部|支部|党委|委员会)$/;
const PLACE = /(村民委员会|村委会|居民委员会|居委会|社区|村)$/;
// The town in front of the village: 青山镇柳湾 → 柳湾 (tried only when the whole name matches nothing).
const TOWN = /^.+?(镇|乡|街道)(?=.)/;

/** The core of a branch name: 中共柳湾村支部委员会 → 柳湾. */
export function branchKey(name: string): string {
  const s = name.normalize('NFKC').replace(/\s+/g, '').replace(/[()()]/g, '');
  const bare = s.replace(PREFIX, '').replace(SUFFIX, '').replace(PLACE, '');
  // A name that is nothing but a suffix ("党支部") keeps its text rather than matching every branch.
  return bare || s;
}

export interface BranchIndex<B> {
  /** The branch a roster's name means, `ambiguous` when two branches share its core, or undefined. */
  find(written: string): B | 'ambiguous' | undefined;
}

export function indexBranches<B extends { name: string }>(branches: readonly B[]): BranchIndex<B> {
  const byKey = new Map<string, B | 'ambiguous'>();
  for (const b of branches) {
    const key = branchKey(b.name);
    byKey.set(key, byKey.has(key) ? 'ambiguous' : b);
  }
  return {
    find(written) {
      const key = branchKey(written);
      const found = byKey.get(key);
      if (found) return found;
      const withoutTown = key.replace(TOWN, '');
      return withoutTown !== key ? byKey.get(branchKey(withoutTown)) : undefined;
    },
  };
}
