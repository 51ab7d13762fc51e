import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * A user's scope: a tenant and the materialised paths of the organisation subtrees they may see.
 * This file is the one place visibility is decided; every repository query on scoped data calls
 * `scopeFilter`, and tables without their own path join `organizations` and filter on its path.
 */
export interface Scope {
  tenantId: number;
  paths: string[];
}

/**
 * `path` lies in the subtree at `root` (root included): the range [root, root + '~'), paths being digits and '/'.
 * Not LIKE 'root%': LIKE is not leakproof, so under row-level security PostgreSQL may not use organizations_path_idx
 * for it and scanned every organisation in each statement; the pattern comparisons (~>=~, ~<~) are leakproof.
 */
export function inSubtree(path: PgColumn | SQL, root: string): SQL {
  return sql`(${path} ~>=~ ${root} and ${path} ~<~ ${`${root}~`})`;
}

export function scopeFilter(columns: { tenantId: PgColumn; path: PgColumn }, scope: Scope): SQL {
  // No subtree means nothing: fail closed rather than drop the condition.
  if (scope.paths.length === 0) return sql`false`;
  const subtrees = scope.paths.map((p) => inSubtree(columns.path, p));
  return and(eq(columns.tenantId, scope.tenantId), subtrees.length === 1 ? subtrees[0] : or(...subtrees)) as SQL;
}

export function isPathInScope(path: string, scope: Scope): boolean {
  return scope.paths.some((p) => path.startsWith(p));
}

/** True when `path` lies strictly below one of the scope roots (not a root itself). */
export function isPathBelowScopeRoot(path: string, scope: Scope): boolean {
  return scope.paths.some((p) => path.startsWith(p) && path !== p);
}
