import { describe, expect, it } from 'vitest';
import { ALL, GROUP_A, WANGZHUANG, org } from '../test/org-fixtures';
import { branchOrgOptions, filterOrgOptions, groupOptionsFor, importTargetOptions, type OrgOption } from './org-options';

/** "id" for a choosable node, "(id)" for a heading only, "id×" when disabled. */
function shape(options: readonly OrgOption[]): string {
  return options
    .map((o) => {
      const self = `${o.selectable ? o.value : `(${o.value})`}${o.disabled ? '×' : ''}`;
      return o.children.length ? `${self}[${shape(o.children)}]` : self;
    })
    .join(',');
}

describe('organisation pickers of the roster', () => {
  it('filters by any active organisation except 党小组 and closed ones', () => {
    expect(shape(filterOrgOptions(ALL))).toBe('1[2[5],3]');
  });

  it('lets only branches be chosen as a member’s branch, keeping the others as headings', () => {
    expect(shape(branchOrgOptions(ALL))).toBe('(1)[(2)[5],3]');
    expect(shape(branchOrgOptions(ALL, [WANGZHUANG.id]))).toBe('(1)[(2)[5],3×]');
  });

  it('offers the town, 党总支 and branches as import targets, never a 党小组', () => {
    expect(shape(importTargetOptions(ALL))).toBe('1[2[5],3]');
  });

  it('drops headings with nothing to choose below them', () => {
    const emptyGeneral = org({ id: 9, name: '空党总支', path: '/1/9/', kind: 'general_branch' });
    expect(shape(branchOrgOptions([...ALL, emptyGeneral]))).toBe('(1)[(2)[5],3]');
  });

  it('lists the active groups of one branch', () => {
    const closedGroup = org({ id: 10, name: '已撤销小组', path: '/1/3/10/', kind: 'group', status: 'closed' });
    expect(groupOptionsFor([...ALL, closedGroup], WANGZHUANG.id)).toEqual([{ value: GROUP_A.id, label: GROUP_A.name }]);
    expect(groupOptionsFor(ALL, undefined)).toEqual([]);
  });
});
