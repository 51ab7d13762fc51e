import { ORGANIZATION_KIND_LABELS, type Organization } from '@dj/contracts';

export interface OrgTreeNode {
  key: number;
  org: Organization;
  children: OrgTreeNode[];
}

export interface BuildTreeOptions {
  /** Closed organisations (and anything under them) are left out unless this is true. */
  includeClosed?: boolean;
  /** Keeps nodes whose name contains the text, plus their ancestors so they stay reachable. */
  search?: string;
}

/** "/1/7/23/" → [1, 7, 23] */
export function idsFromPath(path: string): number[] {
  return path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}

/** Ancestor ids from the materialised path, top first, without the organisation itself. */
export function ancestorIds(org: Pick<Organization, 'id' | 'path' | 'parentId'>): number[] {
  const ids = idsFromPath(org.path).filter((id) => id !== org.id);
  if (org.parentId !== null && !ids.includes(org.parentId)) ids.push(org.parentId);
  return ids;
}

/**
 * Nests the flat list by parentId. An organisation whose parent is not in the list is a root:
 * the API returns each user's scope roots with everything below them.
 */
export function nestOrganizations(items: readonly Organization[]): OrgTreeNode[] {
  const nodes = new Map<number, OrgTreeNode>();
  for (const org of items) nodes.set(org.id, { key: org.id, org, children: [] });
  const roots: OrgTreeNode[] = [];
  for (const org of items) {
    const node = nodes.get(org.id);
    if (!node || node.org !== org) continue; // duplicate id: first one wins
    const parent = org.parentId === null ? undefined : nodes.get(org.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

function prune(nodes: readonly OrgTreeNode[], keep: (node: OrgTreeNode, keptChildren: OrgTreeNode[]) => boolean) {
  const result: OrgTreeNode[] = [];
  for (const node of nodes) {
    const children = prune(node.children, keep);
    if (keep(node, children)) result.push({ ...node, children });
  }
  return result;
}

export function normaliseSearch(search: string | undefined): string {
  return (search ?? '').trim().toLowerCase();
}

export function buildOrgTree(items: readonly Organization[], options: BuildTreeOptions = {}): OrgTreeNode[] {
  let tree = nestOrganizations(items);
  if (!options.includeClosed) {
    // Dropping a closed node drops its subtree too: nothing below a closed organisation is shown.
    tree = prune(tree, (node) => node.org.status !== 'closed');
  }
  const term = normaliseSearch(options.search);
  if (term) {
    tree = prune(tree, (node, kept) => kept.length > 0 || node.org.name.toLowerCase().includes(term));
  }
  return tree;
}

/** Keys of nodes that have children, down to `levels` levels from the roots (2 = roots and their children). */
export function expandedKeysToLevel(nodes: readonly OrgTreeNode[], levels: number): number[] {
  if (levels <= 0) return [];
  return nodes.flatMap((node) =>
    node.children.length > 0 ? [node.key, ...expandedKeysToLevel(node.children, levels - 1)] : [],
  );
}

/** Every key that has children: used while searching so every hit is visible. */
export function allParentKeys(nodes: readonly OrgTreeNode[]): number[] {
  return expandedKeysToLevel(nodes, Number.POSITIVE_INFINITY);
}

export function countNodes(nodes: readonly OrgTreeNode[]): number {
  return nodes.reduce((sum, node) => sum + 1 + countNodes(node.children), 0);
}

export interface MoveTarget {
  value: number;
  title: string;
  disabled: boolean;
  children: MoveTarget[];
}

/**
 * Possible new parents when moving `moving`: active organisations outside its own subtree.
 * 党小组 cannot have subordinates and the current parent would be a no-op, so both are disabled.
 */
export function buildMoveTargets(items: readonly Organization[], moving: Organization): MoveTarget[] {
  const closed = new Set(items.filter((org) => org.status === 'closed').map((org) => org.id));
  const candidates = items.filter((org) => {
    const lineage = idsFromPath(org.path);
    return org.id !== moving.id && !lineage.includes(moving.id) && !lineage.some((id) => closed.has(id));
  });
  const toTarget = (node: OrgTreeNode): MoveTarget => ({
    value: node.org.id,
    title: `${node.org.name}(${ORGANIZATION_KIND_LABELS[node.org.kind]})`,
    disabled: node.org.kind === 'group' || node.org.id === moving.parentId,
    children: node.children.map(toTarget),
  });
  return nestOrganizations(candidates).map(toTarget);
}
