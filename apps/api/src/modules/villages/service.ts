import type { Village } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { can, type AuthUser } from '../../lib/access/index.js';
import * as repo from './repository.js';

/** Town admins pick from every village of the tenant; everyone else sees only the villages of their scope. */
export async function listVillages(db: Db, user: AuthUser): Promise<{ items: Village[] }> {
  const items = can(user, 'villages.readAll') ? await repo.listAll(db, user.tenantId) : await repo.listInScope(db, user.scope);
  return { items };
}
