import { describe, expect, it } from 'vitest';
import {
  allParentKeys,
  ancestorIds,
  buildMoveTargets,
  buildOrgTree,
  countNodes,
  expandedKeysToLevel,
  idsFromPath,
  type MoveTarget,
  type OrgTreeNode,
} from './org-tree';
import { ALL, CLOSED, GENERAL, GROUP_A, OFFICE, TOWN, WANGZHUANG, org } from '../test/org-fixtures';

/** Compact picture of a tree: "name[child,child]". */
function shape(nodes: readonly OrgTreeNode[]): string {
  return nodes.map((n) => (n.children.length ? `${n.org.name}[${shape(n.children)}]` : n.org.name)).join(',');
}

function targetShape(nodes: readonly MoveTarget[]): string {
  return nodes
    .map((n) => `${n.value}${n.disabled ? '×' : ''}${n.children.length ? `[${targetShape(n.children)}]` : ''}`)
    .join(',');
}

describe('buildOrgTree', () => {
  it('nests the flat list by parentId, keeping the order of the list', () => {
    const tree = buildOrgTree(ALL, { includeClosed: true });
    expect(shape(tree)).toBe('西王庄镇党委[机关党总支[镇政府办公室党支部],王庄村党支部[王庄村第一党小组],李庄村党支部[李庄村党小组]]');
    expect(countNodes(tree)).toBe(ALL.length);
  });

  it('hides closed organisations and everything below them unless asked to show them', () => {
    const tree = buildOrgTree(ALL);
    expect(shape(tree)).toBe('西王庄镇党委[机关党总支[镇政府办公室党支部],王庄村党支部[王庄村第一党小组]]');
    expect(countNodes(tree)).toBe(5);
  });

  it('treats organisations whose parent is outside the list as roots (a user scoped to one branch)', () => {
    const tree = buildOrgTree([WANGZHUANG, GROUP_A]);
    expect(shape(tree)).toBe('王庄村党支部[王庄村第一党小组]');
  });

  it('filters by name, case-insensitively, keeping the ancestors of every hit', () => {
    const latin = org({ id: 9, name: 'ABC科技公司党支部', path: '/1/2/9/', sector: 'private_enterprise' });
    expect(shape(buildOrgTree([...ALL, latin], { search: ' abc ' }))).toBe('西王庄镇党委[机关党总支[ABC科技公司党支部]]');
    expect(shape(buildOrgTree(ALL, { search: '小组' }))).toBe('西王庄镇党委[王庄村党支部[王庄村第一党小组]]');
  });

  it('does not find closed organisations by search while they are hidden', () => {
    expect(buildOrgTree(ALL, { search: '李庄' })).toEqual([]);
    expect(shape(buildOrgTree(ALL, { search: '李庄', includeClosed: true }))).toBe('西王庄镇党委[李庄村党支部[李庄村党小组]]');
  });

  it('keeps the whole tree for a blank search', () => {
    expect(countNodes(buildOrgTree(ALL, { search: '   ' }))).toBe(5);
  });

  it('does not change the input list', () => {
    const copy = structuredClone(ALL);
    buildOrgTree(ALL, { search: '王庄' });
    expect(ALL).toEqual(copy);
  });
});

describe('expanded keys', () => {
  it('expands the top two levels by default', () => {
    const tree = buildOrgTree(ALL, { includeClosed: true });
    expect(expandedKeysToLevel(tree, 2).sort()).toEqual([1, 2, 3, 6]);
    expect(expandedKeysToLevel(tree, 1)).toEqual([1]);
  });

  it('opens every parent while searching', () => {
    const tree = buildOrgTree(ALL, { search: '办公室' });
    expect(allParentKeys(tree)).toEqual([1, 2]);
  });
});

describe('paths', () => {
  it('reads ids from a materialised path', () => {
    expect(idsFromPath('/1/7/23/')).toEqual([1, 7, 23]);
    expect(idsFromPath('')).toEqual([]);
  });

  it('lists the ancestors without the organisation itself', () => {
    expect(ancestorIds(GROUP_A)).toEqual([1, 3]);
    expect(ancestorIds(TOWN)).toEqual([]);
  });
});

describe('buildMoveTargets', () => {
  it('offers active organisations outside the moved subtree; groups and the current parent are disabled', () => {
    expect(targetShape(buildMoveTargets(ALL, WANGZHUANG))).toBe('1×[2[5]]');
    expect(targetShape(buildMoveTargets(ALL, OFFICE))).toBe('1[2×,3[4×]]');
  });

  it('never offers closed organisations nor anything below them', () => {
    expect(targetShape(buildMoveTargets(ALL, GENERAL))).toBe('1×[3[4×]]');
    expect(JSON.stringify(buildMoveTargets(ALL, GENERAL))).not.toContain(`"value":${CLOSED.id},`);
  });
});
