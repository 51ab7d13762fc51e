/** The access layer: who may do what (permissions), who is calling (caller, audit), and scoped loaders. */
export { PERMISSIONS, belowScopeRoot, can, requirePermission, rolesGrant, isSelfOnly, type Permission } from './permissions.js';
export { audit, type AuthUser, type Caller } from './caller.js';
export { accessOf, mayGrant, rolesAt, rolesOf, type GrantAt } from './grants.js';
export {
  heldRoles, holdsRole, findOrganizationInScope, loadOrganizationInScope, optionalOrganizationInScope, loadBranchInScope, loadWritableBranch,
} from './repository.js';
