import type { EconomyLinkOptions } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import type { AuthUser } from '../../lib/access/index.js';
import { disclosureRefs } from '../disclosure/index.js';
import { fourTwoRefs } from '../positions/index.js';
import { talentRefs } from '../talent/index.js';
import { writableVillage } from './village-records.js';

/**
 * What a village's 经营主体 and 村级项目 may link to (the forms' pickers): its talents (致富带头人), its 四议两公开
 * procedures and its published 三务公开, each through its module's public face. Asked by whoever writes the village.
 */
export async function linkOptions(db: Db, user: AuthUser, orgId: number): Promise<EconomyLinkOptions> {
  const village = await writableVillage(db, user, orgId);
  const by = { organizationId: village.id };
  const [talents, fourTwo, disclosures] = await Promise.all([talentRefs(db, user.scope, by), fourTwoRefs(db, user.scope, by), disclosureRefs(db, user.scope, by)]);
  return {
    talents: talents.map((t) => ({ id: t.id, name: t.name })),
    fourTwo: fourTwo.map((f) => ({ id: f.id, title: f.title, status: f.status })),
    disclosures: disclosures.map((d) => ({ id: d.id, title: d.title, period: d.period })),
  };
}
