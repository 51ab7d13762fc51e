/** The access layer: who may do what (permissions), who is calling (caller, audit), and scoped loaders. */
export { ROLE_SCOPE, PERMISSIONS, belowScopeRoot, can, requirePermission, rolesGrant, isSelfOnly, type Permission } from './permissions.js';
export { audit, type AuditEntry, type AuthUser, type Caller } from './caller.js';
export {
  findOrganizationInScope, loadOrganizationInScope, optionalOrganizationInScope, loadBranchInScope, loadWritableBranch, type ScopedOrganization,
} from './repository.js';
