import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@dj/contracts';
import { accessOf, mayGrant } from './grants.js';
import { belowScopeRoot, can, isSelfOnly, PERMISSIONS, requirePermission, ROLE_SCOPE, rolesGrant } from './permissions.js';

/** A user holding each role at /1/5/ (or at the given paths). */
const user = (roles: Role[], paths = ['/1/5/']) => accessOf(1, roles.flatMap((role) => paths.map((path) => ({ role, path, organizationId: Number(path.split('/').at(-2)), name: path }))));
/** A user holding exactly these grants. */
const holding = (...grants: [Role, string][]) => accessOf(1, grants.map(([role, path]) => ({ role, path, organizationId: Number(path.split('/').at(-2)), name: path })));

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

  it('never grants on a path outside the grant\'s organisation, whatever the role', () => {
    expect(can(user(['town_admin']), 'members.manage', '/1/5/9/')).toBe(true);
    expect(can(user(['town_admin']), 'members.manage', '/1/6/9/')).toBe(false);
    expect(can(user(['town_admin'], []), 'members.manage', '/1/5/')).toBe(false);
    expect(can(user(['town_admin'], []), 'settings.manage')).toBe(false);
    expect(can(user(['town_admin']), 'settings.manage')).toBe(true);
  });

  it('decides a permission at a path by the grants there, not by every role the user holds (issue 12 point 1)', () => {
    // Secretary of village 5, 包村干部 of village 6: a secretary's writes in 5 only, a supervisor's review in 6 only.
    const both = holding(['branch_secretary', '/1/5/'], ['supervisor', '/1/6/']);
    expect(can(both, 'activities.record', '/1/5/')).toBe(true);
    expect(can(both, 'activities.record', '/1/6/')).toBe(false);
    expect(can(both, 'positions.edit', '/1/6/8/')).toBe(false);
    expect(can(both, 'disclosure.review', '/1/6/')).toBe(true);
    expect(can(both, 'disclosure.review', '/1/5/')).toBe(false);
    expect(both.roles).toEqual(['branch_secretary', 'supervisor']);
    expect(both.scope.paths).toEqual(['/1/5/', '/1/6/']);
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

  it('lets a member grant widen nothing once the user holds another role', () => {
    expect(holding(['member', '/1/5/']).scope.paths).toEqual(['/1/5/']);
    expect(holding(['member', '/1/5/'], ['supervisor', '/1/6/']).scope.paths).toEqual(['/1/6/']);
  });

  it('lets structure change below a scope root, not at it', () => {
    expect(belowScopeRoot(user(['branch_secretary']), '/1/5/7/')).toBe(true);
    expect(belowScopeRoot(user(['branch_secretary']), '/1/5/')).toBe(false);
  });
});

describe('nobody grants a role they do not hold (mayGrant)', () => {
  it('lets a town admin grant any role inside their organisation, and nowhere else', () => {
    const admin = holding(['town_admin', '/1/']).grants;
    for (const role of ROLES) expect(mayGrant(admin, role, '/1/5/'), role).toBe(true);
    expect(mayGrant(admin, 'town_admin', '/1/')).toBe(true);
    expect(mayGrant(admin, 'member', '/2/7/')).toBe(false);
  });

  it('lets another role grant only itself, only inside its organisation', () => {
    const secretary = holding(['branch_secretary', '/1/5/']).grants;
    expect(mayGrant(secretary, 'branch_secretary', '/1/5/')).toBe(true);
    expect(mayGrant(secretary, 'branch_secretary', '/1/6/')).toBe(false);
    expect(mayGrant(secretary, 'member', '/1/5/')).toBe(false);
    expect(mayGrant(secretary, 'town_admin', '/1/')).toBe(false);
    // A town admin's grant on the town does not come from a secretary's grant on a branch below it.
    expect(mayGrant(holding(['town_admin', '/1/5/']).grants, 'town_admin', '/1/')).toBe(false);
  });
});
