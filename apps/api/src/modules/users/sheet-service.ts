/** The A4 hand-out sheet (issue 12 point 4) of credentials the browser just received: for accounts the caller administers only. */
import { todayInShanghai, type Credential } from '@dj/contracts';
import type { Db } from '../../db/client.js';
import { audit, requirePermission, type Caller } from '../../lib/access/index.js';
import { credentialSheetPdf } from './credential-sheet.js';
import { loadUser } from './service.js';

export async function credentialSheet(db: Db, caller: Caller, credentials: Credential[]): Promise<Buffer> {
  requirePermission(caller.user, 'users.manage');
  for (const c of credentials) await loadUser(db, caller.user, c.userId);
  // Audited without the passwords: who printed a sheet of which accounts.
  await audit(db, caller, { action: 'users.credential_sheet', objectType: 'user', detail: { userIds: credentials.map((c) => c.userId) } });
  return credentialSheetPdf(caller.user.tenantName, credentials, todayInShanghai());
}
