/** Who is acting: the signed-in user (or a named system job), from where, with what keys; and the audit line they leave. */
import type { Role } from '@dj/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Scope } from '../../db/scope.js';
import type { FieldCipher } from '../crypto.js';
import type { GrantAt } from './grants.js';
import { recordAudit, type AuditInput } from '../audit/index.js';

export interface AuthUser {
  id: number;
  tenantId: number;
  /** Set when the sign-in belongs to a known person (a member sees their own record). */
  personId: number | null;
  tenantName: string;
  isDemoTenant: boolean;
  username: string;
  displayName: string;
  /** What the user may do where: each role at its organisation (role_grants, read on every request). */
  grants: GrantAt[];
  /** The distinct roles of the grants (what the web shows; decisions go through `can` with the grants). */
  roles: Role[];
  /** What the user sees: the grants' organisation subtrees (lib/access/grants.ts scopeRootsOf). */
  scope: Scope;
  scopeRoots: { organizationId: number; name: string; path: string }[];
}

/** The one caller every writing service takes: built per request by `callerOf` (plugins/auth). */
export interface Caller {
  user: AuthUser;
  ip: string;
  cipher: FieldCipher;
  /** The caller's session: full numbers need it stepped up (安全测试清单第26项); without one they are refused. */
  sessionId?: string | null;
}

/** What an audit line says beyond who wrote it. */
export type AuditEntry = Pick<AuditInput, 'action' | 'objectType' | 'detail'> & Partial<Pick<AuditInput, 'result' | 'objectId'>>;

/**
 * Append the audit line for a caller's action (inside the business transaction, so both commit or neither).
 * Who and from where come from the caller; the result is 'ok' unless said otherwise.
 */
export function audit(db: DbOrTx, { user, ip }: Pick<Caller, 'user' | 'ip'>, entry: AuditEntry): Promise<void> {
  return recordAudit(db, { tenantId: user.tenantId, userId: user.id, username: user.username, ip, result: 'ok', ...entry });
}
