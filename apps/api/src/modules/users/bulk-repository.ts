/** The town's branches with their 书记 (issue 12 point 4), as bulk secretary accounts read them; limited to the caller's scope. */
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { inSubtree, type Scope } from '../../db/scope.js';
import { users } from '../../db/schema/index.js';

export interface BranchSecretaryRow {
  organizationId: number; organizationName: string; personId: number | null; personName: string | null;
  existingUserId: number | null;
}

/**
 * Every active 党支部 in the scope, in tree order, with the member on its roster whose 党内职务 includes 书记 (the
 * earliest entered when the roster names two) and that person's account if any.
 */
export async function branchSecretaries(db: DbOrTx, scope: Scope): Promise<BranchSecretaryRow[]> {
  if (!scope.paths.length) return [];
  const inScope = sql.join(scope.paths.map((p) => inSubtree(sql`o.path`, p)), sql` or `);
  const { rows } = await db.execute(sql`select o.id as "organizationId", o.name as "organizationName",
      s.person_id as "personId", s.name as "personName",
      (select u.id from users u where u.tenant_id = o.tenant_id and u.person_id = s.person_id order by u.id limit 1) as "existingUserId"
    from organizations o
    left join lateral (select m.person_id, p.name from members m join persons p on p.id = m.person_id
      where m.organization_id = o.id and m.on_roster and m.membership_status = 'active' and 'secretary' = any(m.party_posts)
      order by m.id limit 1) s on true
    where o.tenant_id = ${scope.tenantId} and o.kind = 'branch' and o.status = 'active' and (${inScope})
    order by o.sort_order, o.id`);
  return rows as unknown as BranchSecretaryRow[];
}

/** The accounts (of any town: user names are unique across the deployment) already holding these user names. */
export async function usernameHolders(db: DbOrTx, usernames: string[]): Promise<Map<string, number>> {
  if (!usernames.length) return new Map();
  const rows = await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, usernames));
  return new Map(rows.map((r) => [r.username, r.id]));
}
