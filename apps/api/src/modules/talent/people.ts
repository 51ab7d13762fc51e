/**
 * Who a registry entry names: a person already known to the village (a member of its branch, a cadre of it), or a new
 * person sealed like a member's profile. An ID number decides; it is never echoed and never names another village.
 */
import type { NewCadrePerson } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Caller } from '../../lib/access/index.js';
import { findPersonByIdHash, insertPerson, sealNonMember, type SealedPerson } from '../members/index.js';
import * as repo from './repository.js';

export type PersonProblem = { path: string; message: string };

/** A new person's columns, or the problems (field and message) that keep them out. */
export function sealNewPerson(caller: Caller, p: NewCadrePerson): { ok: true; sealed: SealedPerson } | { ok: false; problems: PersonProblem[] } {
  const sealed = sealNonMember(caller.cipher, p);
  return sealed.ok ? { ok: true, sealed: sealed.columns } : { ok: false, problems: sealed.problems };
}

/**
 * The person a sealed profile names in this village: the one already registered when the village may name them, a
 * new one otherwise (`insert` false: only say which it would be, for a dry run). A person in the registry already,
 * or registered elsewhere in the town, is refused with a message that names no other village.
 */
export async function placeSealed(tx: DbOrTx, caller: Caller, organizationId: number, sealed: SealedPerson, insert: boolean):
  Promise<{ personId: number | null; existing: boolean } | { error: string }> {
  const tenantId = caller.user.tenantId;
  const found = await findPersonByIdHash(tx, tenantId, sealed.idNumberHash);
  if (found) {
    if (await repo.talentOfPerson(tx, tenantId, found.personId)) return { error: '此人已在人才名册中' };
    if (!(await repo.isVillagePerson(tx, organizationId, found.personId))) return { error: '该身份证号已在本镇其他党组织登记,请联系镇党委核实' };
    return { personId: found.personId, existing: true };
  }
  return { personId: insert ? await insertPerson(tx, { tenantId, ...sealed }) : null, existing: false };
}
