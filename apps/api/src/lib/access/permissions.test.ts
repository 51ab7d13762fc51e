import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@dj/contracts';
import { belowScopeRoot, can, isSelfOnly, PERMISSIONS, requirePermission, ROLE_SCOPE, rolesGrant } from './permissions.js';

const user = (roles: Role[], paths = ['/1/5/']) => ({ roles, scope: { tenantId: 1, paths } });

describe('the access table', () => {
  it('gives every role a scope and names only known roles', () => {
    expect(Object.keys(ROLE_SCOPE).sort()).toEqual([...ROLES].sort());
    for (const [name, grant] of Object.entries(PERMISSIONS)) {
      for (const r of grant.roles) expect(ROLES, name).toContain(r);
      expect(grant.denied, name).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('grants a permission when any of the roles holds it', () => {
    expect(rolesGrant(['member', 'branch_secretary'], 'members.manage')).toBe(true);
    expect(rolesGrant(['supervisor', 'inspector'], 'members.manage')).toBe(false);
    expect(rolesGrant([], 'branch.browse')).toBe(false);
  });

  it('never grants on a path outside the scope, whatever the role', () => {
    expect(can(user(['town_admin']), 'members.manage', '/1/5/9/')).toBe(true);
    expect(can(user(['town_admin']), 'members.manage', '/1/6/9/')).toBe(false);
    expect(can(user(['town_admin'], []), 'members.manage', '/1/5/')).toBe(false);
    expect(can(user(['town_admin'], []), 'settings.manage')).toBe(true);
  });

  it('refuses with 403 and the table\'s message, or the call site\'s', () => {
    expect(() => requirePermission(user(['branch_secretary']), 'settings.manage')).toThrow(PERMISSIONS['settings.manage'].denied);
    expect(() => requirePermission(user(['supervisor']), 'members.manage', '只有书记可以')).toThrow('只有书记可以');
    expect(() => requirePermission(user(['town_admin']), 'settings.manage')).not.toThrow();
  });

  it('is self-only exactly when every role is self-scoped', () => {
    expect(isSelfOnly(user(['member']))).toBe(true);
    expect(isSelfOnly(user(['member', 'branch_secretary']))).toBe(false);
    expect(isSelfOnly(user([]))).toBe(false);
  });

  it('lets structure change below a scope root, not at it', () => {
    expect(belowScopeRoot(user(['branch_secretary']), '/1/5/7/')).toBe(true);
    expect(belowScopeRoot(user(['branch_secretary']), '/1/5/')).toBe(false);
  });
});
