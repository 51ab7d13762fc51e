import type { Organization, OrganizationKind } from '@dj/contracts';
import { buildOrgTree, type OrgTreeNode } from './org-tree';

/** One node of an antd TreeSelect. */
export interface OrgOption {
  value: number;
  title: string;
  /** A node that only groups others: it opens but cannot be chosen. */
  selectable: boolean;
  disabled?: boolean;
  children: OrgOption[];
}

interface OptionRules {
  /** Kinds that appear at all (their subtree goes with them when left out). */
  show: (org: Organization) => boolean;
  /** Kinds that may be chosen; the others stay as headings so the tree keeps its shape. */
  choose: (org: Organization) => boolean;
  disabledIds?: ReadonlySet<number>;
}

function toOptions(nodes: readonly OrgTreeNode[], rules: OptionRules): OrgOption[] {
  return nodes
    .filter((node) => rules.show(node.org))
    .map((node) => ({
      value: node.org.id,
      title: node.org.name,
      selectable: rules.choose(node.org),
      disabled: rules.disabledIds?.has(node.org.id) || undefined,
      children: toOptions(node.children, rules),
    }))
    // A heading with nothing choosable below it is only noise.
    .filter((option) => option.selectable || option.children.length > 0);
}

const notGroup = (org: Organization) => org.kind !== 'group';

/** The roster's organisation filter: every active organisation except 党小组 (members are filed under branches). */
export function filterOrgOptions(items: readonly Organization[]): OrgOption[] {
  return toOptions(buildOrgTree(items), { show: notGroup, choose: () => true });
}

/** 所在党支部 and 转入本镇党支部: only active branches can be chosen. */
export function branchOrgOptions(items: readonly Organization[], disabledIds: readonly number[] = []): OrgOption[] {
  return toOptions(buildOrgTree(items), {
    show: notGroup,
    choose: (org) => org.kind === 'branch',
    disabledIds: new Set(disabledIds),
  });
}

/**
 * Where an Excel roster may be imported: a branch (every row goes there), or the town or a 党总支, whose
 * branches the rows name in 所在党支部. A 党小组 is never a target.
 */
export const IMPORT_TARGET_KINDS: readonly OrganizationKind[] = ['committee', 'general_branch', 'branch'];
export function importTargetOptions(items: readonly Organization[]): OrgOption[] {
  return toOptions(buildOrgTree(items), { show: notGroup, choose: (org) => IMPORT_TARGET_KINDS.includes(org.kind) });
}

/** The active 党小组 of one branch, for the 党小组 select. */
export function groupOptionsFor(items: readonly Organization[], branchId: number | null | undefined) {
  if (!branchId) return [];
  return items
    .filter((org) => org.kind === 'group' && org.parentId === branchId && org.status === 'active')
    .map((org) => ({ value: org.id, label: org.name }));
}
